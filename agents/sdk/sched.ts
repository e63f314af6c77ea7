// Scheduling: hints, deadline reservations, sleeping, locks and service calls. Calls marked
// "parks" take effect when the current step returns; the next step runs after the wake-up.
import { Sys } from "../../firmware/kernel/abi/syscalls";
import { syscall } from "./syscall";

const MESSAGE: usize = memory.data(8);

/** Ends the slice after this step (parks, without waiting): the next step comes at the agent's
 * next turn, after others had theirs. Always 0.
 * @example
 * for (let i = 0; i < 64 && next < total; i++) crunch(next++); // a bounded piece of work
 * sched.yieldSlice();
 * return 400;
 */
export function yieldSlice(): i32 {
  return syscall(Sys.YIELD, 0, 0, 0, 0, 0);
}

/** Parks for `us` microseconds (a negative time counts as 0). Always 0.
 * @example
 * sched.sleep(20000); // the next step runs 20 ms from now
 * return 50;
 */
export function sleep(us: i32): i32 {
  return syscall(Sys.SLEEP, us, 0, 0, 0, 0);
}

/** Replaces the caller's Hint.* flags and, when `weight` > 0, sets its fair-share weight, which
 * may not exceed the weight it was granted at spawn (-cap_amplification). 0.
 * @example
 * sched.hint(Hint.BATCH, 0); // long slices, no wake-up credit; weight unchanged
 */
export function hint(hints: i32, weight: i32): i32 {
  return syscall(Sys.HINT, hints, weight, 0, 0, 0);
}

/** Asks for `budgetUs` of CPU every `periodUs` (EDF; each job's deadline is the end of its
 * period); `cap` needs REALTIME. 0: admitted, the first job starts now. -sched_bad_reservation
 * (budget not in 1..period), -sched_admission_refused (the CPU is already promised: all
 * reservations together may use at most 100%).
 * @example
 * let r = sched.deadline(caps.primary(), 1000, 10000); // 1 ms every 10 ms
 * if (r < 0) agent.exit(-r);
 */
export function deadline(cap: i32, budgetUs: i32, periodUs: i32): i32 {
  return syscall(Sys.DEADLINE, cap, budgetUs, periodUs, 0, 0);
}

/** This step finishes the current job; parks until the next period begins. 0, or
 * -sched_bad_reservation without a reservation.
 * @example
 * sample();
 * sched.endJob(); // a job still running at its deadline is reported missed
 * return 200;
 */
export function endJob(): i32 {
  return syscall(Sys.END_JOB, 0, 0, 0, 0, 0);
}

/** A new kernel lock; returns its id (from 1), -system_out_of_memory when all 8 exist. Any
 * agent that knows the id may use it: pass it on by spawn argument, bus or call.
 * @example
 * lock = sched.lockCreate();
 * if (lock > 0) agent.spawn(caps.primary(), 3, 0, 0, 0, 0, lock, 0); // the child's arg(0)
 */
export function lockCreate(): i32 {
  return syscall(Sys.LOCK_CREATE, 0, 0, 0, 0, 0);
}

/** 0: held now; 1: another agent holds it, so the caller parks and holds the lock when its next
 * step runs (the holder runs with the waiter's priority meanwhile). -lock_invalid (no such lock,
 * or the caller holds it already), -lock_deadlock (waiting would close a cycle).
 * @example
 * let r = sched.lockAcquire(lock);
 * if (r < 0) agent.exit(-r); // -lock_invalid or -lock_deadlock
 * holding = r >= 0; // 0: held now; 1: held when the next step runs
 * return 1;
 */
export function lockAcquire(lock: i32): i32 {
  return syscall(Sys.LOCK_ACQUIRE, lock, 0, 0, 0, 0);
}

/** Releases a lock the caller holds, handing it to its best waiter; 0, or -lock_invalid.
 * @example
 * sched.lockRelease(lock);
 * holding = false;
 */
export function lockRelease(lock: i32): i32 {
  return syscall(Sys.LOCK_RELEASE, lock, 0, 0, 0, 0);
}

/** Calls agent `target` with (op, arg) and parks until it replies; the callee runs with the
 * caller's priority meanwhile. 0, -agent_not_found (no such running agent, or the caller),
 * -lock_deadlock (the callee is waiting on the caller). Read the reply with callResult.
 * @example
 * if (sched.call(server, 1, key) < 0) return 10; // the server is gone
 * waiting = true; // the next step reads sched.callResult()
 */
export function call(target: i32, op: i32, arg: i32): i32 {
  return syscall(Sys.CALL, target, op, arg, 0, 0);
}

/** The value of the last reply, or -agent_not_found when the callee ended before replying.
 * @example
 * let value = sched.callResult();
 * if (value == -ErrorCode.AgentNotFound) server = 0; // it ended while we waited
 */
export function callResult(): i32 {
  return syscall(Sys.CALL_RESULT, 0, 0, 0, 0, 0);
}

/** Takes the oldest pending call: returns the caller's id, or -bus_empty (a status, not counted)
 * when none is pending; read it with receivedOp and receivedArg.
 * @example
 * let caller = sched.receive();
 * if (caller > 0) sched.reply(caller, sched.receivedOp() + sched.receivedArg());
 * else sched.waitCall();
 */
export function receive(): i32 {
  return syscall(Sys.RECEIVE, <i32>MESSAGE, 0, 0, 0, 0);
}

/** The received call's `op`.
 * @example
 * if (sched.receivedOp() == 1) sched.reply(caller, lookUp(sched.receivedArg()));
 */
export function receivedOp(): i32 {
  return load<i32>(MESSAGE);
}

/** The received call's `arg`.
 * @example
 * let key = sched.receivedArg();
 */
export function receivedArg(): i32 {
  return load<i32>(MESSAGE, 4);
}

/** Parks until a call is pending (at once if one is when this step returns). Always 0.
 * @example
 * if (sched.receive() < 0) sched.waitCall(); // nothing to serve: park
 */
export function waitCall(): i32 {
  return syscall(Sys.WAIT_CALL, 0, 0, 0, 0, 0);
}

/** Answers the call received from `caller`, which wakes with `value` as its callResult. 0, or
 * -call_no_request (no call from that agent is being served).
 * @example
 * sched.reply(caller, found ? value : -1);
 */
export function reply(caller: i32, value: i32): i32 {
  return syscall(Sys.REPLY, caller, value, 0, 0, 0);
}
