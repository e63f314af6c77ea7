// The deadline class: earliest deadline first over hard reservations (budget per period, deadline
// = end of period). Admission control keeps the total utilisation at or below 1, which is exactly
// when EDF meets every deadline; budget enforcement throttles a reservation that spends its budget
// before finishing its job, so an overrunning agent cannot take time admitted to the others.
import { FOREVER, MAX_AGENTS } from "../abi/config";
import { usToFuel } from "../abi/params";
import { ErrorCode, FrameType } from "../generated/protocol";
import { publish } from "../events/bus";
import { agents, slotsUsed, State } from "./agents";
import { entities, isDeadline } from "./entity";
import { wake, Wait } from "./wait";

const LIMIT: u64 = 0x7fffffffffffffff;

function gcd(a: u64, b: u64): u64 {
  while (b != 0) {
    let t = a % b;
    a = b;
    b = t;
  }
  return a;
}

function budgetOf(i: i32, except: i32, extraB: i64): i64 {
  if (i == MAX_AGENTS) return extraB;
  if (i == except || agents[i].state == State.FREE) return 0;
  return entities[i].budgetUs;
}

function periodOf(i: i32, extraP: i64): i64 {
  return i == MAX_AGENTS ? extraP : entities[i].periodUs;
}

/**
 * Σ budget/period <= 1 over the admitted reservations (slot `except` left out) plus a candidate,
 * in exact rational arithmetic. When the common denominator would overflow 63 bits it falls back
 * to a sum of per-reservation utilisations rounded up to 2^-32, which can only refuse more.
 */
function schedulable(extraB: i64, extraP: i64, except: i32): bool {
  let num: u64 = 0;
  let den: u64 = 1;
  let exact = true;
  let fixed: u64 = 0;
  for (let i = 0; i <= MAX_AGENTS; i++) {
    let b = <u64>budgetOf(i, except, extraB);
    if (b == 0) continue;
    let p = <u64>periodOf(i, extraP);
    fixed += ((b << 32) + p - 1) / p;
    if (!exact) continue;
    let scale = p / gcd(den, p);
    if (den > LIMIT / scale) {
      exact = false;
      continue;
    }
    let common = den * scale;
    num = num * scale + b * (common / p);
    den = common;
    let r = gcd(num, den);
    num /= r;
    den /= r;
    if (num > den) return false;
  }
  return exact ? num <= den : fixed <= (<u64>1 << 32);
}

function utilisationPpm(extraB: i64, extraP: i64, except: i32): u32 {
  let ppm: u64 = 0;
  for (let i = 0; i <= MAX_AGENTS; i++) {
    let b = budgetOf(i, except, extraB);
    if (b != 0) ppm += (<u64>b * 1000000) / <u64>periodOf(i, extraP);
  }
  return <u32>ppm;
}

/** Admission control. Returns 0 (the first job is released now) or -(error code). */
export function admit(slot: i32, budgetUs: i64, periodUs: i64, now: i64): i32 {
  let id = agents[slot].id;
  if (budgetUs <= 0 || budgetUs > periodUs) return -ErrorCode.SchedBadReservation;
  if (!schedulable(budgetUs, periodUs, slot)) {
    publish(FrameType.SchedRefused, id, <u32>budgetUs, <u32>periodUs, utilisationPpm(budgetUs, periodUs, slot));
    return -ErrorCode.SchedAdmissionRefused;
  }
  let e = entities[slot];
  e.budgetUs = budgetUs;
  e.periodUs = periodUs;
  e.remaining = usToFuel(budgetUs);
  e.deadline = now + periodUs;
  e.release = now + periodUs;
  e.job = 1;
  e.jobActive = true;
  e.throttled = false;
  publish(FrameType.SchedAdmitted, id, <u32>budgetUs, <u32>periodUs, utilisationPpm(0, 1, -1));
  return 0;
}

/** A restarted instance begins a fresh job under its existing reservation. */
export function restartJob(slot: i32, now: i64): void {
  let e = entities[slot];
  if (!isDeadline(e)) return;
  e.remaining = usToFuel(e.budgetUs);
  e.deadline = now + e.periodUs;
  e.release = now + e.periodUs;
  e.jobActive = true;
  e.throttled = false;
}

/** Starts every period that began by `now`; an unfinished job at its deadline is a miss. */
export function releaseDue(now: i64): void {
  for (let i = 0; i < slotsUsed; i++) {
    let a = agents[i];
    let e = entities[i];
    if (!isDeadline(e) || (a.state != State.READY && a.state != State.BLOCKED)) continue;
    while (e.release <= now) {
      if (e.jobActive) {
        e.misses++;
        publish(FrameType.SchedDeadlineMiss, a.id, e.job, <u32>e.deadline);
      }
      e.jobActive = true;
      e.job++;
      e.remaining = usToFuel(e.budgetUs);
      e.deadline = e.release + e.periodUs;
      e.throttled = false;
      e.release += e.periodUs;
    }
    if (a.state == State.BLOCKED && a.wait == Wait.PERIOD && e.jobActive) wake(a);
  }
}

export function nextRelease(): i64 {
  let at = FOREVER;
  for (let i = 0; i < slotsUsed; i++) {
    let s = unchecked(agents[i]).state;
    let e = unchecked(entities[i]);
    if (isDeadline(e) && (s == State.READY || s == State.BLOCKED)) at = min(at, e.release);
  }
  return at;
}

/** Charges fuel to the reservation of `slot`; spending it all before the job ends throttles. */
export function chargeDeadline(slot: i32, fuel: i64): void {
  let e = entities[slot];
  e.remaining -= fuel;
  if (e.remaining > 0 || e.throttled) return;
  e.remaining = 0;
  e.throttled = true;
  if (!e.jobActive) return;
  e.overruns++;
  publish(FrameType.SchedOverrun, agents[slot].id, <u32>e.budgetUs, e.job);
}

/** The agent finished its job (END_JOB at the end of a step): it waits for the next release. */
export function completeJob(slot: i32): void {
  let e = entities[slot];
  // A job still active is within its period: at its deadline releaseDue counts it missed instead.
  if (e.jobActive) e.met++;
  e.jobActive = false;
}
