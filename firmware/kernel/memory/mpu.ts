// MPU domains for shared regions. Native code acting for an agent (the core copying into or out
// of the arena) runs inside the agent's MPU domain, so each region an agent holds needs one of the
// domain's few MPU slots. The kernel chooses the slot and the rights; the core programs them.
import { mpuMap } from "../abi/core";
import { MAX_AGENTS, MPU_SLOTS } from "../abi/config";
import { Rights } from "../abi/flags";

const regionIn = new StaticArray<i32>(MAX_AGENTS * MPU_SLOTS); // region index + 1, 0 = free
const rightsIn = new StaticArray<i32>(MAX_AGENTS * MPU_SLOTS);

/** Slot of the agent's domain mapping `region`, or -1. */
export function mappedSlot(agentSlot: i32, region: i32): i32 {
  for (let s = 0; s < MPU_SLOTS; s++) if (regionIn[agentSlot * MPU_SLOTS + s] == region + 1) return s;
  return -1;
}

/** True when the agent's domain can take one more mapping of `region`. */
export function canMap(agentSlot: i32, region: i32): bool {
  if (mappedSlot(agentSlot, region) >= 0) return true;
  for (let s = 0; s < MPU_SLOTS; s++) if (regionIn[agentSlot * MPU_SLOTS + s] == 0) return true;
  return false;
}

/** Maps (or widens) `region`'s current block into the agent's domain. False if no slot is free. */
export function map(agentSlot: i32, agentId: i32, region: i32, offset: i32, size: i32, rights: i32): bool {
  let s = mappedSlot(agentSlot, region);
  if (s < 0) {
    for (let k = 0; k < MPU_SLOTS && s < 0; k++) if (regionIn[agentSlot * MPU_SLOTS + k] == 0) s = k;
    if (s < 0) return false;
  }
  let i = agentSlot * MPU_SLOTS + s;
  regionIn[i] = region + 1;
  rightsIn[i] |= rights & (Rights.READ | Rights.WRITE);
  mpuMap(agentId, s, offset, size, rightsIn[i]);
  return true;
}

export function unmap(agentSlot: i32, agentId: i32, region: i32): void {
  let s = mappedSlot(agentSlot, region);
  if (s < 0) return;
  regionIn[agentSlot * MPU_SLOTS + s] = 0;
  rightsIn[agentSlot * MPU_SLOTS + s] = 0;
  mpuMap(agentId, s, 0, 0, 0);
}

/** A region moved to a new block (a write made a version): every mapping follows it. */
export function remapRegion(region: i32, offset: i32, size: i32, idOf: (slot: i32) => i32): void {
  for (let i = 0; i < MAX_AGENTS * MPU_SLOTS; i++) {
    if (regionIn[i] != region + 1) continue;
    mpuMap(idOf(i / MPU_SLOTS), i % MPU_SLOTS, offset, size, rightsIn[i]);
  }
}
