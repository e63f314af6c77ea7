// Kernel locks: the simplest thing agents wait on each other for, and so where priority
// inheritance shows. A released lock is handed directly to its best waiter (by scheduling rank),
// so a woken waiter never has to race for it.
import { MAX_AGENTS, MAX_LOCKS } from "../abi/config";
import { agents, State } from "./agents";
import { outranks, wouldDeadlock } from "./inherit";
import { parkAtStepEnd, wakeWaiter, Wait, waitingFor, waitingObject } from "./wait";

const owners = new StaticArray<i32>(MAX_LOCKS); // agent id, 0 = free
const live = new StaticArray<bool>(MAX_LOCKS);

export namespace LockResult {
  export const HELD: i32 = 0;
  export const WAITING: i32 = 1;
  export const INVALID: i32 = -1;
  export const DEADLOCK: i32 = -2;
}

/** Returns a lock id (index + 1), or -1 when the table is full. */
export function createLock(): i32 {
  for (let i = 0; i < MAX_LOCKS; i++) {
    if (live[i]) continue;
    live[i] = true;
    owners[i] = 0;
    return i + 1;
  }
  return -1;
}

/** Agent id holding lock index `index`, 0 if free or not a lock. */
export function lockOwner(index: i32): i32 {
  return index >= 0 && index < MAX_LOCKS && live[index] ? owners[index] : 0;
}

export function acquire(slot: i32, lockId: i32): i32 {
  let index = lockId - 1;
  if (index < 0 || index >= MAX_LOCKS || !live[index]) return LockResult.INVALID;
  let a = agents[slot];
  if (owners[index] == 0) {
    owners[index] = a.id;
    return LockResult.HELD;
  }
  if (owners[index] == a.id) return LockResult.INVALID;
  let owner = -1;
  for (let i = 0; i < MAX_AGENTS; i++) if (agents[i].id == owners[index] && agents[i].state != State.FREE) owner = i;
  if (wouldDeadlock(slot, owner)) return LockResult.DEADLOCK;
  parkAtStepEnd(a, Wait.LOCK, index);
  return LockResult.WAITING;
}

function handOver(index: i32): void {
  let best = -1;
  for (let i = 0; i < MAX_AGENTS; i++) {
    let a = agents[i];
    if (waitingFor(a) != Wait.LOCK || waitingObject(a) != index) continue;
    if (best < 0 || outranks(i, best)) best = i;
  }
  owners[index] = best < 0 ? 0 : agents[best].id;
  if (best >= 0) wakeWaiter(agents[best].id, Wait.LOCK, index);
}

export function release(slot: i32, lockId: i32): i32 {
  let index = lockId - 1;
  if (index < 0 || index >= MAX_LOCKS || !live[index] || owners[index] != agents[slot].id) return LockResult.INVALID;
  handOver(index);
  return LockResult.HELD;
}

/** Releases every lock the agent holds (it is going away). */
export function releaseAll(id: i32): void {
  for (let i = 0; i < MAX_LOCKS; i++) if (live[i] && owners[i] == id) handOver(i);
}
