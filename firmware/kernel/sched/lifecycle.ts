// Agent lifecycle: spawn, stop/start of an instance, terminate, clone, split, merge, upgrade.
// Each operation is a short sequence of VM actions (imports) and table updates; any failure part
// way undoes what was done so no slot, capability or quota charge leaks.
import { clockUs, vmClone, vmDestroy, vmSpawn, vmUpgrade } from "../abi/core";
import { MAX_WEIGHT } from "../abi/config";
import { caps, transfer, handleOf } from "../caps/table";
import { dropAll, grant } from "../caps/grant";
import { chargeMemory, groupExists } from "../caps/quota";
import { ErrorCode, FrameType } from "../generated/protocol";
import { publish } from "../events/bus";
import { unsubscribeAll } from "../events/subscriptions";
import { resetFaultRecord } from "../faults/record";
import { releaseRegionsOf, transferRegions } from "../memory/regions";
import { dropSnapshotsOf } from "../memory/snapshots";
import { serviceAgentGone } from "../services/supervise";
import { Agent, agentById, allocate, CallState, State } from "./agents";
import { admit, restartJob } from "./deadline";
import { entities, resetEntity } from "./entity";
import { minVruntime, placeOnWake } from "./fair";
import { abortCalls } from "./ipc";
import { releaseAll } from "./locks";
import { Wait } from "./wait";

export class SpawnRequest {
  image: i32 = 0;
  flags: i32 = 0;
  group: i32 = 0;
  weight: i32 = 0;
  hints: i32 = 0;
  budgetUs: i64 = 0;
  periodUs: i64 = 0;
  args: StaticArray<i32> = new StaticArray<i32>(4);
}

/** The one spawn request being built (syscall or command); the kernel never allocates one. */
export const request = new SpawnRequest();

function clampWeight(w: i32): i32 {
  return w <= 0 ? 100 : min(w, MAX_WEIGHT);
}

/** Creates the VM instance and charges its memory; the agent becomes runnable. */
export function startInstance(a: Agent): i32 {
  let bytes = vmSpawn(a.id, a.image);
  if (bytes < 0) return bytes;
  return adopt(a, bytes);
}

function adopt(a: Agent, bytes: i32): i32 {
  if (!chargeMemory(a.id, a.group, bytes)) {
    vmDestroy(a.id);
    return -ErrorCode.QuotaMemory;
  }
  a.memoryBytes = bytes;
  a.state = State.READY;
  a.park = Wait.NONE;
  a.wait = Wait.NONE;
  a.callState = CallState.NONE;
  placeOnWake(a.slot);
  restartJob(a.slot, clockUs());
  return 0;
}

/** Destroys the instance and what lived only in it; the agent's identity and caps remain. */
export function stopInstance(a: Agent): void {
  if (a.state != State.STOPPED) vmDestroy(a.id);
  chargeMemory(a.id, a.group, -<i64>a.memoryBytes);
  a.memoryBytes = 0;
  a.state = State.STOPPED;
  a.park = Wait.NONE;
  a.callState = CallState.NONE;
  unsubscribeAll(a.id);
  releaseAll(a.id);
  abortCalls(a.id);
  releaseRegionsOf(a.id);
}

function undo(a: Agent, status: i32): i32 {
  dropAll(a.id);
  a.state = State.FREE;
  return status;
}

/** Spawns `request` under capability `parentCap` of agent `parent`. Returns the id or -code. */
export function spawn(parent: i32, parentCap: i32): i32 {
  let r = request;
  if (!groupExists(r.group)) return -ErrorCode.GroupInvalid;
  let a = allocate();
  if (a == null) return -ErrorCode.AgentTableFull;
  let cap = grant(a.id, parentCap, r.flags, 0);
  if (cap < 0) return undo(a, cap);
  a.capRoot = cap;
  a.parent = parent;
  a.image = r.image;
  a.group = r.group;
  for (let i = 0; i < 4; i++) a.args[i] = r.args[i];
  resetEntity(a.slot, clampWeight(r.weight), r.hints, minVruntime());
  resetFaultRecord(a.slot);
  if (r.periodUs > 0) {
    let admitted = admit(a.slot, r.budgetUs, r.periodUs, clockUs());
    if (admitted < 0) return undo(a, admitted);
  }
  let started = startInstance(a);
  if (started < 0) {
    entities[a.slot].budgetUs = 0;
    return undo(a, started);
  }
  publish(FrameType.AgentSpawned, a.id, <u32>parent, <u32>a.image, <u32>entities[a.slot].weight, <u32>r.hints);
  return a.id;
}

/** Ends an agent for good. `exited`: it called exit with `code`; otherwise `by` killed it. */
export function terminate(a: Agent, by: i32, code: i32, exited: bool): void {
  stopInstance(a);
  entities[a.slot].budgetUs = 0;
  dropSnapshotsOf(a.id);
  dropAll(a.id);
  if (exited) publish(FrameType.AgentExited, a.id, <u32>code);
  else publish(FrameType.AgentKilled, a.id, <u32>by, <u32>code);
  let service = a.service;
  a.state = State.FREE;
  if (service >= 0) serviceAgentGone(service, exited && code == 0, code);
}

/** A copy of `a` (code, memory, weight, hints) under a capability derived from `capIndex`. */
function copyOf(a: Agent, capIndex: i32): i32 {
  let b = allocate();
  if (b == null) return -ErrorCode.AgentTableFull;
  let cap = grant(b.id, capIndex, caps[capIndex].flags, 0);
  if (cap < 0) return undo(b, cap);
  b.capRoot = cap;
  b.parent = a.id;
  b.image = a.image;
  b.group = a.group;
  for (let i = 0; i < 4; i++) b.args[i] = a.args[i];
  let e = entities[a.slot];
  resetEntity(b.slot, e.weight, e.hints, e.vruntime);
  resetFaultRecord(b.slot);
  let bytes = vmClone(a.id, b.id);
  if (bytes < 0) return undo(b, bytes);
  let status = adopt(b, bytes);
  return status < 0 ? undo(b, status) : b.id;
}

export function clone(a: Agent, capIndex: i32): i32 {
  let id = copyOf(a, capIndex);
  if (id > 0) publish(FrameType.AgentCloned, id, <u32>a.id);
  return id;
}

/** Split: a copy that takes half of `a`'s weight, so the pair gets what `a` had alone. */
export function split(a: Agent, capIndex: i32): i32 {
  let e = entities[a.slot];
  if (e.budgetUs > 0) return -ErrorCode.SchedBadReservation;
  let id = copyOf(a, capIndex);
  if (id < 0) return id;
  let b = agentById(id)!;
  let total = e.weight;
  e.weight = max(1, total / 2);
  e.weightLimit = e.weight;
  entities[b.slot].weight = max(1, total - total / 2);
  entities[b.slot].weightLimit = entities[b.slot].weight;
  publish(FrameType.AgentSplit, id, <u32>a.id, <u32>entities[b.slot].weight);
  return id;
}

/** Merge: `a` absorbs `other`'s weight, capabilities and regions; `other` ends. */
export function merge(a: Agent, other: Agent): void {
  let e = entities[a.slot];
  e.weight = min(MAX_WEIGHT, e.weight + entities[other.slot].weight);
  e.weightLimit = max(e.weightLimit, e.weight);
  for (let i = 0; i < caps.length; i++) {
    let c = caps[i];
    if (!c.live || c.owner != other.id || i == other.capRoot) continue;
    transfer(i, a.id);
    publish(FrameType.CapGranted, a.id, <u32>handleOf(i), <u32>c.flags, <u32>other.id);
  }
  transferRegions(other.id, a.id);
  publish(FrameType.AgentMerged, a.id, <u32>other.id);
  terminate(other, a.id, 0, false);
}

/** Swaps the code; keeps the memory when the VM can, else starts the new image fresh. */
export function upgrade(a: Agent, image: i32): i32 {
  let kept = 1;
  let bytes = vmUpgrade(a.id, image, 1);
  if (bytes == -ErrorCode.AgentUpgradeIncompatible) {
    kept = 0;
    bytes = vmUpgrade(a.id, image, 0);
  }
  if (bytes < 0) return bytes;
  // The new instance already exists; if the group cannot hold it, it must not run.
  if (!chargeMemory(a.id, a.group, <i64>bytes - <i64>a.memoryBytes)) {
    stopInstance(a);
    return -ErrorCode.QuotaMemory;
  }
  a.memoryBytes = bytes;
  a.image = image;
  publish(FrameType.AgentUpgraded, a.id, <u32>image, <u32>kept);
  return kept;
}
