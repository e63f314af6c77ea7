// Pick-next and slice accounting. The order of classes is deadline (EDF), then fair share, then
// idle-able agents; an agent runs with the best parameters among itself and those waiting on it.
// A slice is enforced twice: the VM gets only the slice's fuel, and the alarm is armed for the
// slice's end or the next timer event, whichever comes first (a release there preempts).
import { alarmArm, vmSetFuel } from "../abi/core";
import { FOREVER, MAX_AGENTS } from "../abi/config";
import { fuelToUs, usToFuel } from "../abi/params";
import { cpuAllowance, chargeCpu } from "../caps/quota";
import { FrameType } from "../generated/protocol";
import { publish } from "../events/bus";
import { agents, slotsUsed, State } from "./agents";
import { chargeDeadline, nextRelease, releaseDue } from "./deadline";
import { entities } from "./entity";
import { chargeFair, sliceUs } from "./fair";
import { anyDonation, donorOf, outranks, rank } from "./inherit";
import { lockOwner } from "./locks";
import { wake, Wait, waitingFor, waitingObject } from "./wait";

let running: i32 = -1;
let runningId: i32 = 0;
let runningGroup: i32 = 0;
let budgetSlot: i32 = -1; // whose reservation pays for this slice, -1 for fair share

/** Ends the running agent's slice at its next step boundary if `slot` should run instead. */
export function preemptIfOutranked(slot: i32): void {
  if (running >= 0 && running != slot && outranks(slot, donorOf(running))) agents[running].resched = true;
}

function announceDonor(slot: i32, donor: i32): void {
  let e = unchecked(entities[slot]);
  let d = donor == slot ? -1 : donor;
  if (d == e.donor) return;
  e.donor = d;
  if (d < 0) return;
  // The lock is named only when the donor waits on it directly; a chain of waits names none.
  let lock = 0;
  if (waitingFor(agents[d]) == Wait.LOCK && lockOwner(waitingObject(agents[d])) == agents[slot].id) {
    lock = waitingObject(agents[d]) + 1;
  }
  publish(FrameType.SchedInherit, agents[slot].id, <u32>agents[d].id, <u32>lock);
}

/** Chooses the agent to run, hands it fuel and arms the alarm. Returns its id, 0 to idle. */
export function pickNext(now: i64, timerAt: i64): i32 {
  let best = -1;
  let bestDonor = -1;
  // Without any wait on a lock or call every agent is its own donor: the O(n²) search is skipped.
  let donations = anyDonation();
  for (let i = 0; i < slotsUsed; i++) {
    let candidate = unchecked(agents[i]);
    if (candidate.state != State.READY || rank(i) == 3) continue;
    if (cpuAllowance(candidate.group, now) <= 0) continue;
    let d = donations ? donorOf(i) : i;
    if (best < 0 || outranks(d, bestDonor)) {
      best = i;
      bestDonor = d;
    }
  }
  running = best;
  if (best < 0) {
    alarmArm(timerAt == FOREVER ? -1 : timerAt);
    return 0;
  }
  announceDonor(best, bestDonor);
  let a = unchecked(agents[best]);
  let fuel: i64;
  if (rank(bestDonor) == 0) {
    budgetSlot = bestDonor;
    fuel = unchecked(entities[bestDonor]).remaining;
  } else {
    budgetSlot = -1;
    fuel = usToFuel(sliceUs(unchecked(entities[best])));
  }
  fuel = min(fuel, cpuAllowance(a.group, now));
  fuel = min(fuel, <i64>i32.MAX_VALUE);
  runningId = a.id;
  runningGroup = a.group;
  a.resched = false;
  vmSetFuel(a.id, <i32>fuel);
  alarmArm(min(now + fuelToUs(fuel), timerAt));
  return a.id;
}

/** Charges the fuel of the slice that just ended to the agent, its reservation and its group. */
export function sliceEnded(id: i32, fuel: i64, now: i64): void {
  if (running < 0 || id != runningId) return;
  let slot = running;
  running = -1;
  chargeCpu(id, runningGroup, fuel, now);
  // `running` was a slot of pickNext's scan
  let a = unchecked(agents[slot]);
  if (a.id != id || a.state == State.FREE) return;
  a.cpuFuel += <u64>fuel;
  if (budgetSlot >= 0) chargeDeadline(budgetSlot, fuel);
  else chargeFair(slot, fuel);
}

/** The next release or sleeper's wake-up; throttled groups are nextGroupEvent's. */
export function nextSchedEvent(): i64 {
  let at = nextRelease();
  for (let i = 0; i < slotsUsed; i++) {
    let a = unchecked(agents[i]);
    if (a.state == State.BLOCKED && a.wait == Wait.SLEEP) at = min(at, a.wakeAt);
  }
  return at;
}

export function tickSched(now: i64): void {
  releaseDue(now);
  for (let i = 0; i < slotsUsed; i++) {
    let a = agents[i];
    if (a.state == State.BLOCKED && a.wait == Wait.SLEEP && a.wakeAt <= now) wake(a);
  }
}
