// Per-agent scheduling state: fair-share weight and virtual runtime, semantic hints, and the
// deadline reservation (budget per period) with the job it is running.
import { DEFAULT_WEIGHT, MAX_AGENTS } from "../abi/config";

export class Entity {
  weight: i32 = DEFAULT_WEIGHT;
  weightLimit: i32 = DEFAULT_WEIGHT; // the CPU share granted at spawn: HINT may not exceed it
  hints: i32 = 0;
  vruntime: u64 = 0;
  budgetUs: i64 = 0; // deadline class when > 0
  periodUs: i64 = 0;
  remaining: i64 = 0; // fuel left in this period's budget
  deadline: i64 = 0; // absolute deadline of the current job
  release: i64 = 0; // next release
  job: u32 = 0;
  jobActive: bool = false;
  throttled: bool = false;
  met: u32 = 0; // jobs finished within their period
  misses: u32 = 0;
  overruns: u32 = 0;
  donor: i32 = -1; // slot whose parameters the agent last ran with, -1 for its own
}

export const entities = new StaticArray<Entity>(MAX_AGENTS);
for (let i = 0; i < MAX_AGENTS; i++) entities[i] = new Entity();

export function resetEntity(slot: i32, weight: i32, hints: i32, vruntime: u64): void {
  let e = entities[slot];
  e.weight = weight;
  e.weightLimit = weight;
  e.hints = hints;
  e.vruntime = vruntime;
  e.budgetUs = 0;
  e.periodUs = 0;
  e.remaining = 0;
  e.jobActive = false;
  e.throttled = false;
  e.met = 0;
  e.misses = 0;
  e.overruns = 0;
  e.job = 0;
  e.donor = -1;
}

export function isDeadline(e: Entity): bool {
  return e.budgetUs > 0;
}
