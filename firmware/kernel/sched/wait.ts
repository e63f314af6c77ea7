// Blocking and waking. A blocking syscall only records why the agent wants to wait (park); the
// wait begins when its current step returns, and only if the reason still holds then, because
// the step may span several slices during which the awaited thing can happen.
import { Agent, agentById, State } from "./agents";
import { placeOnWake } from "./fair";
import { preemptIfOutranked } from "./scheduler";

export namespace Wait {
  export const NONE: i32 = 0;
  export const SLEEP: i32 = 1; // until wakeAt
  export const PERIOD: i32 = 2; // until the next release of the deadline reservation
  export const EVENT: i32 = 3; // object: subscription index
  export const LOCK: i32 = 4; // object: lock index
  export const CALL: i32 = 5; // object: id of the called agent
  export const RECEIVE: i32 = 6; // until a call to this agent is pending
  export const EXIT: i32 = 7; // the agent ends after this step
  export const YIELD: i32 = 8; // only ends the slice
}

/** Records the wait the current step ends in; the last one asked wins, except that an exit is final. */
export function parkAtStepEnd(a: Agent, reason: i32, object: i32): void {
  if (a.park == Wait.EXIT) return;
  a.park = reason;
  a.parkObject = object;
}

export function block(a: Agent, reason: i32, object: i32): void {
  a.state = State.BLOCKED;
  a.wait = reason;
  a.waitObject = object;
}

export function wake(a: Agent): void {
  a.state = State.READY;
  a.wait = Wait.NONE;
  placeOnWake(a.slot);
  preemptIfOutranked(a.slot);
}

/** Wakes agent `id` if it is blocked on exactly (reason, object). */
export function wakeWaiter(id: i32, reason: i32, object: i32): void {
  let a = agentById(id);
  if (a != null && a.state == State.BLOCKED && a.wait == reason && a.waitObject == object) wake(a);
}

/** What (reason, object) agent `a` waits for, blocked or about to block; NONE otherwise. */
export function waitingFor(a: Agent): i32 {
  if (a.state == State.BLOCKED) return a.wait;
  if (a.state == State.READY) return a.park;
  return Wait.NONE;
}

export function waitingObject(a: Agent): i32 {
  return a.state == State.BLOCKED ? a.waitObject : a.parkObject;
}
