// Priority inheritance. An agent blocked on a lock or a service call donates its scheduling
// parameters to the agent it waits for (transitively, through chains of waits), so a low-priority
// holder cannot be starved by medium-priority agents while a high-priority one waits on it. A
// holder running on a donor's deadline burns the donor's budget (bandwidth inheritance), so
// inheritance never creates CPU time nobody was admitted for.
import { MAX_AGENTS } from "../abi/config";
import { Hint } from "../abi/flags";
import { agentById, agents, CallState, slotsUsed } from "./agents";
import { entities, isDeadline } from "./entity";
import { lockOwner } from "./locks";
import { waitingFor, waitingObject, Wait } from "./wait";

/** Slot of the agent that `slot` waits for through a lock or a call, or -1. */
export function waitsOn(slot: i32): i32 {
  let a = agents[slot];
  let reason = waitingFor(a);
  let target = 0;
  if (reason == Wait.LOCK) target = lockOwner(waitingObject(a));
  else if (reason == Wait.CALL && a.callState != CallState.ANSWERED) target = waitingObject(a);
  let t = agentById(target);
  return t == null ? -1 : t.slot;
}

/** 0 deadline with budget, 1 fair, 2 idle-able, 3 a spent reservation (may not run). */
// rank and outranks run for every candidate of every pick-next: their slots come from the
// scheduler's own scans of the table, so they index it unchecked.
export function rank(slot: i32): i32 {
  let e = unchecked(entities[slot]);
  if (isDeadline(e)) return e.throttled || e.remaining <= 0 ? 3 : 0;
  return (e.hints & Hint.IDLEABLE) != 0 ? 2 : 1;
}

/** True when `x` should run before `y` on their own (or donated) parameters. */
export function outranks(x: i32, y: i32): bool {
  let rx = rank(x);
  let ry = rank(y);
  if (rx != ry) return rx < ry;
  let ex = unchecked(entities[x]);
  let ey = unchecked(entities[y]);
  if (rx == 0 && ex.deadline != ey.deadline) return ex.deadline < ey.deadline;
  if (rx != 0 && ex.vruntime != ey.vruntime) return ex.vruntime < ey.vruntime;
  return x < y;
}

/** True when some agent waits on another through a lock or a call, so donations may apply. */
export function anyDonation(): bool {
  for (let i = 0; i < slotsUsed; i++) {
    let reason = waitingFor(unchecked(agents[i]));
    if (reason == Wait.LOCK || reason == Wait.CALL) return true;
  }
  return false;
}

/** The slot whose parameters `slot` runs with: its own, or its best waiter's. */
export function donorOf(slot: i32): i32 {
  let best = slot;
  for (let b = 0; b < MAX_AGENTS; b++) {
    if (b == slot || rank(b) == 3) continue;
    let s = b;
    for (let depth = 0; depth < MAX_AGENTS; depth++) {
      s = waitsOn(s);
      if (s < 0) break;
      if (s == slot) {
        if (outranks(b, best)) best = b;
        break;
      }
    }
  }
  return best;
}

/** True when making `from` wait for `to` would close a cycle of waits. */
export function wouldDeadlock(from: i32, to: i32): bool {
  let s = to;
  for (let depth = 0; depth <= MAX_AGENTS && s >= 0; depth++) {
    if (s == from) return true;
    s = waitsOn(s);
  }
  return false;
}
