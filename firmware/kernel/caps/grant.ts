// Creating, delegating, narrowing and revoking capabilities. Attenuation is structural: a derived
// capability's flags must be a subset of its parent's, or the request fails (never silently
// trimmed, so a caller learns it asked for too much). Every change is an audit event.
import { Cap } from "../abi/flags";
import { ErrorCode, FrameType } from "../generated/protocol";
import { publish } from "../events/bus";
import { regionCapDeleted } from "../memory/regions";
import { caps, create, handleOf, Kind, narrow, remove, revoke } from "./table";

let root: i32 = -1;

/** The kernel's own capability, root of every derivation tree; created once at boot. */
export function createRoot(): void {
  root = create(0, Kind.AUTHORITY, Cap.ALL, 0, -1);
}

export function rootCap(): i32 {
  return root;
}

function onDelete(index: i32): void {
  if (caps[index].kind == Kind.REGION) regionCapDeleted(index);
}

/** Derives a capability for `owner` from `parent`. Returns its index or -(error code). */
export function grant(owner: i32, parent: i32, flags: i32, object: i32): i32 {
  let p = caps[parent];
  if ((flags & ~p.flags) != 0) return -ErrorCode.CapAmplification;
  let index = create(owner, p.kind, flags, p.kind == Kind.REGION ? p.object : object, parent);
  if (index < 0) return -ErrorCode.CapTableFull;
  publish(FrameType.CapGranted, owner, <u32>handleOf(index), <u32>flags, <u32>p.owner);
  return index;
}

/** A region capability rooted under the authority capability used to create the region. */
export function grantRegion(owner: i32, authority: i32, rights: i32, region: i32): i32 {
  let index = create(owner, Kind.REGION, rights, region, authority);
  if (index < 0) return -ErrorCode.CapTableFull;
  publish(FrameType.CapGranted, owner, <u32>handleOf(index), <u32>rights, <u32>caps[authority].owner);
  return index;
}

/** Delegation: an attenuated copy of `index` for another agent. Returns the new index or -code. */
export function delegate(from: i32, index: i32, to: i32, flags: i32): i32 {
  let child = grant(to, index, flags, 0);
  if (child < 0) return child;
  publish(FrameType.CapDelegated, from, <u32>to, <u32>handleOf(child), <u32>flags);
  return child;
}

/** Revokes what was derived from `index` (and `index` itself if includeSelf); returns the count. */
export function revokeTree(agent: i32, index: i32, includeSelf: bool): i32 {
  let handle = handleOf(index);
  let n = revoke(index, includeSelf, onDelete);
  publish(FrameType.CapRevoked, agent, <u32>handle, <u32>n);
  return n;
}

/** Specialize: narrows `index` and its whole subtree to `mask`; returns the remaining flags. */
export function specialize(agent: i32, index: i32, mask: i32): i32 {
  narrow(index, mask);
  publish(FrameType.AgentSpecialized, agent, <u32>handleOf(index), <u32>caps[index].flags);
  return caps[index].flags;
}

/** Drops every capability `owner` holds (it died); what others derived from them moves up. */
export function dropAll(owner: i32): void {
  for (let i = 0; i < caps.length; i++) {
    if (caps[i].live && caps[i].owner == owner) remove(i, onDelete);
  }
}
