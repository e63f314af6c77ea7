// The memory fabric's regions: ephemeral (private, gone with the owner), shared (granted to others
// by capability) and persistent (flash-backed, found again after reset by key). Every region is
// tagged with its owner, may carry a lease, and keeps its last REGION_VERSIONS versions.
import { clockUs } from "../abi/core";
import { FOREVER, MAX_REGIONS, REGION_VERSIONS } from "../abi/config";
import { Rights } from "../abi/flags";
import { chargeMemory } from "../caps/quota";
import { caps, Kind, revokingBecause } from "../caps/table";
import { grantRegion, revokeTree } from "../caps/grant";
import { ErrorCode, FrameType, RegionKind } from "../generated/protocol";
import { publish } from "../events/bus";
import { agentById, agents } from "../sched/agents";
import { arenaAlloc, arenaFree } from "./arena";
import { map, unmap } from "./mpu";
import { loadSlot, MAX_PERSISTENT_BYTES, releaseSlot, slotFor } from "./persistent";

export class Region {
  live: bool = false;
  kind: i32 = 0;
  owner: i32 = 0; // ownership tag: agent id
  group: i32 = 0; // charged for size * REGION_VERSIONS
  size: i32 = 0;
  key: u32 = 0; // persistent regions
  slot: i32 = -1; // persistent slot
  leaseUntil: i64 = FOREVER;
  ownerCap: i32 = -1; // root of the region's capability subtree
  version: u32 = 0; // newest
  newest: i32 = 0; // ring index of the newest version
  blocks: StaticArray<i32> = new StaticArray<i32>(REGION_VERSIONS); // arena offsets, -1 empty
  versions: StaticArray<u32> = new StaticArray<u32>(REGION_VERSIONS);
}

export const regions = new StaticArray<Region>(MAX_REGIONS);
for (let i = 0; i < MAX_REGIONS; i++) regions[i] = new Region();
// One past the highest region ever created: the lease scans stop here.
let regionsUsed: i32 = 0;

function slotOfAgent(id: i32): i32 {
  let a = agentById(id);
  return a == null ? -1 : a.slot;
}

export function agentIdOfSlot(slot: i32): i32 {
  return agents[slot].id;
}

/** Creates a region owned by `owner` under authority capability `authority`: the index of the
 * owner's region capability, or -code. */
export function createRegion(owner: i32, authority: i32, kind: i32, size: i32, extra: i32): i32 {
  if (kind < RegionKind.Ephemeral || kind > RegionKind.Shared || size <= 0) return -ErrorCode.SystemInvalidArgument;
  if (kind == RegionKind.Persistent && size > MAX_PERSISTENT_BYTES) return -ErrorCode.SystemInvalidArgument;
  let index = -1;
  for (let i = 0; i < MAX_REGIONS && index < 0; i++) if (!regions[i].live) index = i;
  if (index < 0) return -ErrorCode.MemRegionInvalid;
  let r = regions[index];
  let a = agentById(owner)!;
  let slot = kind == RegionKind.Persistent ? slotFor(<u32>extra) : -1;
  if (kind == RegionKind.Persistent && slot < 0) return -ErrorCode.MemRegionInvalid;
  if (!chargeMemory(owner, a.group, <i64>size * REGION_VERSIONS)) return -ErrorCode.QuotaMemory;
  let block = arenaAlloc(size);
  if (block < 0) {
    chargeMemory(owner, a.group, -<i64>size * REGION_VERSIONS);
    return -ErrorCode.SystemOutOfMemory;
  }
  let rights = kind == RegionKind.Ephemeral ? Rights.READ | Rights.WRITE : Rights.ALL;
  let cap = grantRegion(owner, authority, rights, index);
  if (cap < 0 || !map(a.slot, owner, index, block, size, rights)) {
    arenaFree(block, size);
    chargeMemory(owner, a.group, -<i64>size * REGION_VERSIONS);
    if (cap >= 0) revokeTree(owner, cap, true);
    return cap < 0 ? cap : -ErrorCode.MemMpuExhausted;
  }
  r.live = true;
  if (index >= regionsUsed) regionsUsed = index + 1;
  r.kind = kind;
  r.owner = owner;
  r.group = a.group;
  r.size = size;
  r.slot = slot;
  r.key = <u32>extra;
  r.leaseUntil = kind != RegionKind.Persistent && extra > 0 ? clockUs() + <i64>extra : FOREVER;
  r.ownerCap = cap;
  for (let v = 0; v < REGION_VERSIONS; v++) r.blocks[v] = -1;
  r.newest = 0;
  r.blocks[0] = block;
  r.version = kind == RegionKind.Persistent ? max<u32>(1, loadSlot(slot, block, size)) : 1;
  r.versions[0] = r.version;
  publish(FrameType.MemRegionCreated, owner, <u32>index, <u32>kind, <u32>size);
  if (kind == RegionKind.Persistent && r.version > 1) publish(FrameType.MemPersisted, owner, <u32>index, r.version, r.key);
  return cap;
}

/** A region capability was deleted: its holder loses the mapping unless it holds another. */
export function regionCapDeleted(capIndex: i32): void {
  let c = caps[capIndex];
  for (let i = 0; i < caps.length; i++) {
    let o = caps[i];
    if (i != capIndex && o.live && o.kind == Kind.REGION && o.object == c.object && o.owner == c.owner) return;
  }
  let slot = slotOfAgent(c.owner);
  if (slot >= 0) unmap(slot, c.owner, c.object);
}

/** Returns the region's storage to the arena and revokes every capability to it. */
export function freeRegion(index: i32): void {
  let r = regions[index];
  if (!r.live) return;
  r.live = false;
  revokeTree(r.owner, r.ownerCap, true);
  for (let v = 0; v < REGION_VERSIONS; v++) if (r.blocks[v] >= 0) arenaFree(r.blocks[v], r.size);
  chargeMemory(r.owner, r.group, -<i64>r.size * REGION_VERSIONS);
  if (r.slot >= 0) releaseSlot(r.slot);
  publish(FrameType.MemRegionFreed, r.owner, <u32>index, <u32>r.size);
}

export function releaseRegionsOf(owner: i32): void {
  for (let i = 0; i < MAX_REGIONS; i++) if (regions[i].live && regions[i].owner == owner) freeRegion(i);
}

/** Ownership moves (merge): the tag changes and the new owner's domain maps the region. */
export function transferRegions(from: i32, to: i32): void {
  let target = agentById(to)!;
  for (let i = 0; i < MAX_REGIONS; i++) {
    let r = regions[i];
    if (!r.live || r.owner != from) continue;
    r.owner = to;
    map(target.slot, to, i, r.blocks[r.newest], r.size, caps[r.ownerCap].flags);
  }
}

export function renewLease(index: i32, leaseUs: i64): void {
  regions[index].leaseUntil = leaseUs > 0 ? clockUs() + leaseUs : FOREVER;
}

export function nextLeaseEvent(): i64 {
  let at = FOREVER;
  for (let i = 0; i < regionsUsed; i++) {
    let r = unchecked(regions[i]);
    if (r.live) at = min(at, r.leaseUntil);
  }
  return at;
}

/** Expired leases: every holder is told (one event each), then the region is reclaimed. */
export function tickLeases(now: i64): void {
  for (let i = 0; i < regionsUsed; i++) {
    let r = unchecked(regions[i]);
    if (!r.live || r.leaseUntil > now) continue;
    for (let c = 0; c < caps.length; c++) {
      let cap = caps[c];
      if (cap.live && cap.kind == Kind.REGION && cap.object == i) publish(FrameType.MemLeaseExpired, cap.owner, <u32>i);
    }
    revokingBecause(ErrorCode.MemLeaseExpired);
    freeRegion(i);
    revokingBecause(0);
  }
}
