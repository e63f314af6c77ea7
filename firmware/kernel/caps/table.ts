// Capabilities: kernel-held records an agent names through an opaque handle. A handle is the slot
// index plus a generation; it is only valid in the hands of the capability's owner, so a handle
// seen by another agent (on the bus, say) is useless to it, and a stale one (its slot revoked and
// reused) fails. Every capability but the kernel's root was derived from another: the derivation
// tree (parent, first child, next sibling) is what makes revocation transitive, as in seL4.
import { MAX_CAPS } from "../abi/config";

export namespace Kind {
  export const AUTHORITY: i32 = 1; // flags are Cap.* flags
  export const REGION: i32 = 2; // flags are Rights.*, object is the region index
}

class Capability {
  live: bool = false;
  generation: i32 = 0;
  owner: i32 = 0;
  kind: i32 = 0;
  flags: i32 = 0;
  object: i32 = 0;
  parent: i32 = -1;
  firstChild: i32 = -1;
  nextSibling: i32 = -1;
  // Who last lost this slot to a revocation, so their stale handle reads "revoked", not "invalid".
  revokedOwner: i32 = -1;
  revokedGeneration: i32 = -1;
  revokedBecause: i32 = 0; // error code a stale handle reports; 0: cap_revoked
}

export const caps = new StaticArray<Capability>(MAX_CAPS);
for (let i = 0; i < MAX_CAPS; i++) caps[i] = new Capability();

export function handleOf(index: i32): i32 {
  return (caps[index].generation << 16) | (index + 1);
}

/** Status of a lookup that failed: the slot is empty or someone else's, or it was revoked. */
export namespace Lookup {
  export const INVALID: i32 = -1;
  export const REVOKED: i32 = -2;
}

/** Index of the capability `handle` names for `owner`, or a Lookup status. */
export function resolve(owner: i32, handle: i32): i32 {
  let index = (handle & 0xffff) - 1;
  if (handle <= 0 || index < 0 || index >= MAX_CAPS) return Lookup.INVALID;
  let c = caps[index];
  let generation = handle >>> 16;
  if (c.live && c.owner == owner && c.generation == generation) return index;
  if (c.revokedOwner == owner && c.revokedGeneration == generation) return Lookup.REVOKED;
  return Lookup.INVALID;
}

/** New capability below `parent` (-1: a root). Returns its index, or -1 when the table is full. */
export function create(owner: i32, kind: i32, flags: i32, object: i32, parent: i32): i32 {
  for (let i = 0; i < MAX_CAPS; i++) {
    let c = caps[i];
    if (c.live) continue;
    c.live = true;
    c.generation = (c.generation + 1) & 0x7fff;
    c.owner = owner;
    c.kind = kind;
    c.flags = flags;
    c.object = object;
    c.parent = parent;
    c.firstChild = -1;
    c.nextSibling = -1;
    if (parent >= 0) {
      c.nextSibling = caps[parent].firstChild;
      caps[parent].firstChild = i;
    }
    return i;
  }
  return -1;
}

function unlinkFromParent(index: i32): void {
  let parent = caps[index].parent;
  if (parent < 0) return;
  let p = caps[parent];
  if (p.firstChild == index) {
    p.firstChild = caps[index].nextSibling;
    return;
  }
  for (let i = p.firstChild; i >= 0; i = caps[i].nextSibling) {
    if (caps[i].nextSibling == index) {
      caps[i].nextSibling = caps[index].nextSibling;
      return;
    }
  }
}

let because: i32 = 0;

/** Names the reason the revocations in progress happen (0 when done): a lapsed lease, say. */
export function revokingBecause(code: i32): void {
  because = code;
}

/** The error a stale `handle` should report, given resolve() said Lookup.REVOKED. */
export function revokedReason(handle: i32): i32 {
  return caps[(handle & 0xffff) - 1].revokedBecause;
}

function kill(index: i32): void {
  let c = caps[index];
  c.live = false;
  c.revokedBecause = because;
  c.revokedOwner = c.owner;
  c.revokedGeneration = c.generation;
  c.firstChild = -1;
  c.parent = -1;
}

/**
 * Deletes every capability derived from `index` (and `index` itself when includeSelf), deepest
 * first, reporting each to `onDelete`. Returns how many were deleted.
 */
export function revoke(index: i32, includeSelf: bool, onDelete: (index: i32) => void): i32 {
  let n = 0;
  while (caps[index].firstChild >= 0) {
    let child = caps[index].firstChild;
    n += revoke(child, true, onDelete);
  }
  if (includeSelf) {
    unlinkFromParent(index);
    onDelete(index);
    kill(index);
    n++;
  }
  return n;
}

/** Deletes one capability; what was derived from it moves up to its parent (seL4 "delete"). */
export function remove(index: i32, onDelete: (index: i32) => void): void {
  let c = caps[index];
  let parent = c.parent;
  unlinkFromParent(index);
  let child = c.firstChild;
  while (child >= 0) {
    let next = caps[child].nextSibling;
    caps[child].parent = parent;
    caps[child].nextSibling = parent >= 0 ? caps[parent].firstChild : -1;
    if (parent >= 0) caps[parent].firstChild = child;
    child = next;
  }
  onDelete(index);
  kill(index);
}

/** Narrows a capability and everything derived from it to `mask`, keeping children within parents. */
export function narrow(index: i32, mask: i32): void {
  caps[index].flags &= mask;
  for (let i = caps[index].firstChild; i >= 0; i = caps[i].nextSibling) narrow(i, mask);
}

/** Hands a capability to another agent (merge); its handle changes because its generation does. */
export function transfer(index: i32, owner: i32): void {
  caps[index].owner = owner;
  caps[index].generation = (caps[index].generation + 1) & 0x7fff;
}
