// Weighted fair share. Each agent's virtual runtime advances by the fuel it burns divided by its
// weight; the runnable agent furthest behind runs next, so over time CPU divides in proportion to
// weight. A waking agent is placed no further behind than the current minimum minus a small
// credit, so sleeping never banks CPU. Hints shape the slice and the credit.
import { MAX_AGENTS, SLICE_BATCH_US, SLICE_LATENCY_US, SLICE_US, WAKE_CREDIT_US, WEIGHT_SCALE } from "../abi/config";
import { Hint } from "../abi/flags";
import { usToFuel } from "../abi/params";
import { agents, State } from "./agents";
import { entities, Entity, isDeadline } from "./entity";

let floor: u64 = 0; // minimum vruntime, never moves back

export function minVruntime(): u64 {
  let least: u64 = u64.MAX_VALUE;
  for (let i = 0; i < MAX_AGENTS; i++) {
    if (agents[i].state == State.READY && !isDeadline(entities[i])) least = min(least, entities[i].vruntime);
  }
  if (least != u64.MAX_VALUE && least > floor) floor = least;
  return floor;
}

function toVirtual(e: Entity, fuel: i64): u64 {
  return (<u64>fuel * WEIGHT_SCALE) / <u64>e.weight;
}

export function placeOnWake(slot: i32): void {
  let e = entities[slot];
  let creditUs = (e.hints & Hint.BATCH) != 0 ? 0 : (e.hints & Hint.LATENCY_SENSITIVE) != 0 ? WAKE_CREDIT_US * 2 : WAKE_CREDIT_US;
  let credit = toVirtual(e, usToFuel(creditUs));
  let base = minVruntime();
  let earliest = base > credit ? base - credit : 0;
  if (e.vruntime < earliest) e.vruntime = earliest;
}

export function chargeFair(slot: i32, fuel: i64): void {
  let e = unchecked(entities[slot]); // the slot of a slice that just ran
  e.vruntime += toVirtual(e, fuel);
}

export function sliceUs(e: Entity): i64 {
  if ((e.hints & Hint.LATENCY_SENSITIVE) != 0) return SLICE_LATENCY_US;
  if ((e.hints & Hint.BATCH) != 0) return SLICE_BATCH_US;
  return SLICE_US;
}
