// Snapshots of an agent's whole instance (memory, globals, VM state), taken and restored by the VM;
// the kernel decides who may, keeps the slot table, and charges the bytes to the agent's group.
import { vmRestore, vmSnapshot, vmSnapshotDrop } from "../abi/core";
import { SNAPSHOT_SLOTS } from "../abi/config";
import { chargeMemory } from "../caps/quota";
import { ErrorCode, FrameType } from "../generated/protocol";
import { publish } from "../events/bus";
import { Agent } from "../sched/agents";

const owners = new StaticArray<i32>(SNAPSHOT_SLOTS); // agent id, 0 = free
const groups = new StaticArray<i32>(SNAPSHOT_SLOTS);
const sizes = new StaticArray<i32>(SNAPSHOT_SLOTS);

/** Snapshots the agent's instance; returns the slot or -code. */
export function snapshot(a: Agent): i32 {
  let slot = -1;
  for (let i = 0; i < SNAPSHOT_SLOTS && slot < 0; i++) if (owners[i] == 0) slot = i;
  if (slot < 0) return -ErrorCode.SystemOutOfMemory;
  let bytes = vmSnapshot(a.id, slot);
  if (bytes < 0) return bytes;
  if (!chargeMemory(a.id, a.group, bytes)) {
    vmSnapshotDrop(slot);
    return -ErrorCode.QuotaMemory;
  }
  owners[slot] = a.id;
  groups[slot] = a.group;
  sizes[slot] = bytes;
  publish(FrameType.MemSnapshot, a.id, <u32>slot, <u32>bytes);
  return slot;
}

/** Restores the agent from one of its own snapshots. Returns 0 or -code. */
export function restore(a: Agent, slot: i32): i32 {
  if (slot < 0 || slot >= SNAPSHOT_SLOTS || owners[slot] != a.id) return -ErrorCode.MemSnapshotMissing;
  let status = vmRestore(a.id, slot);
  if (status < 0) return status;
  publish(FrameType.MemRestored, a.id, <u32>slot);
  return 0;
}

export function dropSnapshotsOf(id: i32): void {
  for (let i = 0; i < SNAPSHOT_SLOTS; i++) {
    if (owners[i] != id) continue;
    vmSnapshotDrop(i);
    chargeMemory(id, groups[i], -<i64>sizes[i]);
    owners[i] = 0;
  }
}
