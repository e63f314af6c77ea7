// Using regions through capabilities: versioned writes, reads of any kept version, sharing with
// attenuated rights. Data moves between agent memory and the arena by core copies made on behalf
// of the agent, so the agent's MPU domain must map the block; the kernel keeps the mappings right.
import { copy, Space } from "../abi/core";
import { REGION_VERSIONS } from "../abi/config";
import { caps, handleOf } from "../caps/table";
import { delegate } from "../caps/grant";
import { ErrorCode, FrameType, RegionKind } from "../generated/protocol";
import { publish } from "../events/bus";
import { agentById } from "../sched/agents";
import { arenaAlloc, arenaFree } from "./arena";
import { canMap, map, remapRegion } from "./mpu";
import { commitSlot } from "./persistent";
import { agentIdOfSlot, regions } from "./regions";

const BOUNCE_BYTES: i32 = 64;
const BOUNCE: usize = memory.data(BOUNCE_BYTES);

function inBounds(size: i32, offset: i32, len: i32): bool {
  return offset >= 0 && len >= 0 && offset <= size && len <= size - offset;
}

/** Writes `len` bytes from agent memory at `ptr` into a new version. Returns the version or -code. */
export function writeRegion(agent: i32, capIndex: i32, offset: i32, ptr: i32, len: i32): i32 {
  let index = caps[capIndex].object;
  let r = regions[index];
  if (!inBounds(r.size, offset, len)) return -ErrorCode.MemOutOfBounds;
  let next = (r.newest + 1) % REGION_VERSIONS;
  let block = arenaAlloc(r.size);
  if (block < 0 && r.blocks[next] >= 0) {
    // The arena is full: the oldest version, about to be dropped anyway, makes room.
    arenaFree(r.blocks[next], r.size);
    r.blocks[next] = -1;
    block = arenaAlloc(r.size);
  }
  if (block < 0) return -ErrorCode.SystemOutOfMemory;
  copy(Space.ARENA, block, Space.ARENA, r.blocks[r.newest], r.size, 0);
  remapRegion(index, block, r.size, agentIdOfSlot);
  let status = copy(Space.ARENA, block + offset, Space.AGENT, ptr, len, agent);
  if (status < 0) {
    remapRegion(index, r.blocks[r.newest], r.size, agentIdOfSlot);
    arenaFree(block, r.size);
    return status;
  }
  if (r.blocks[next] >= 0) arenaFree(r.blocks[next], r.size);
  r.blocks[next] = block;
  r.newest = next;
  r.version++;
  r.versions[next] = r.version;
  publish(FrameType.MemRegionWritten, agent, <u32>index, r.version, <u32>len);
  if (r.kind == RegionKind.Persistent) {
    let committed = commitSlot(r.slot, r.version, block, r.size);
    if (committed < 0) return committed;
    publish(FrameType.MemPersisted, agent, <u32>index, r.version, r.key);
  }
  return <i32>r.version;
}

/** Reads version `version` (0: newest) into agent memory. Returns bytes read or -code. */
export function readRegion(agent: i32, capIndex: i32, version: u32, offset: i32, ptr: i32, len: i32): i32 {
  let r = regions[caps[capIndex].object];
  if (!inBounds(r.size, offset, len)) return -ErrorCode.MemOutOfBounds;
  let ring = -1;
  for (let v = 0; v < REGION_VERSIONS; v++) {
    if (r.blocks[v] >= 0 && r.versions[v] == (version == 0 ? r.version : version)) ring = v;
  }
  if (ring < 0) return -ErrorCode.MemVersionGone;
  if (ring == r.newest) {
    let status = copy(Space.AGENT, ptr, Space.ARENA, r.blocks[ring] + offset, len, agent);
    return status < 0 ? status : len;
  }
  // Older versions are not mapped in any domain: the kernel bounces them through its own memory.
  for (let done = 0; done < len; done += BOUNCE_BYTES) {
    let n = min(BOUNCE_BYTES, len - done);
    copy(Space.KERNEL, <i32>BOUNCE, Space.ARENA, r.blocks[ring] + offset + done, n, 0);
    let status = copy(Space.AGENT, ptr + done, Space.KERNEL, <i32>BOUNCE, n, agent);
    if (status < 0) return status;
  }
  return len;
}

/** Grants `target` access to the region with `rights` (a subset of the caller's). Handle or -code. */
export function shareRegion(agent: i32, capIndex: i32, target: i32, rights: i32): i32 {
  let index = caps[capIndex].object;
  let r = regions[index];
  let t = agentById(target);
  if (t == null) return -ErrorCode.AgentNotFound;
  if (r.kind == RegionKind.Ephemeral) return -ErrorCode.CapDenied;
  if (!canMap(t.slot, index)) return -ErrorCode.MemMpuExhausted;
  let child = delegate(agent, capIndex, target, rights);
  if (child < 0) return child;
  map(t.slot, target, index, r.blocks[r.newest], r.size, rights);
  let handle = handleOf(child);
  publish(FrameType.MemShared, target, <u32>index, <u32>rights, <u32>handle, <u32>r.owner);
  return handle;
}

export function regionVersion(capIndex: i32): i32 {
  return <i32>regions[caps[capIndex].object].version;
}
