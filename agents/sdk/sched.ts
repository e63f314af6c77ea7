// Scheduling: hints, deadline reservations, sleeping, locks and service calls. Calls marked
// "parks" take effect when the current step returns; the next step runs after the wake-up.
import { Sys } from "../../firmware/kernel/abi/syscalls";
import { syscall } from "./syscall";

const MESSAGE: usize = memory.data(8);

/** Ends the slice after this step (parks, without waiting). */
export function yieldSlice(): i32 {
  return syscall(Sys.YIELD, 0, 0, 0, 0, 0);
}

/** Parks for `us` microseconds. */
export function sleep(us: i32): i32 {
  return syscall(Sys.SLEEP, us, 0, 0, 0, 0);
}

/** Hint.* flags, and a new weight (0 keeps the current one). */
export function hint(hints: i32, weight: i32): i32 {
  return syscall(Sys.HINT, hints, weight, 0, 0, 0);
}

/** Asks for `budgetUs` of CPU every `periodUs` (EDF); needs REALTIME; admission may refuse. */
export function deadline(cap: i32, budgetUs: i32, periodUs: i32): i32 {
  return syscall(Sys.DEADLINE, cap, budgetUs, periodUs, 0, 0);
}

/** This step finishes the current job; parks until the next period. */
export function endJob(): i32 {
  return syscall(Sys.END_JOB, 0, 0, 0, 0, 0);
}

export function lockCreate(): i32 {
  return syscall(Sys.LOCK_CREATE, 0, 0, 0, 0, 0);
}

/** 0: held now; 1: parks, and holds the lock when the next step runs. */
export function lockAcquire(lock: i32): i32 {
  return syscall(Sys.LOCK_ACQUIRE, lock, 0, 0, 0, 0);
}

export function lockRelease(lock: i32): i32 {
  return syscall(Sys.LOCK_RELEASE, lock, 0, 0, 0, 0);
}

/** Calls agent `target` with (op, arg); parks until it replies. Read the reply with callResult. */
export function call(target: i32, op: i32, arg: i32): i32 {
  return syscall(Sys.CALL, target, op, arg, 0, 0);
}

export function callResult(): i32 {
  return syscall(Sys.CALL_RESULT, 0, 0, 0, 0, 0);
}

/** Takes the oldest pending call: returns the caller's id (or -bus_empty); see receivedOp/Arg. */
export function receive(): i32 {
  return syscall(Sys.RECEIVE, <i32>MESSAGE, 0, 0, 0, 0);
}

export function receivedOp(): i32 {
  return load<i32>(MESSAGE);
}

export function receivedArg(): i32 {
  return load<i32>(MESSAGE, 4);
}

/** Parks until a call is pending. */
export function waitCall(): i32 {
  return syscall(Sys.WAIT_CALL, 0, 0, 0, 0, 0);
}

export function reply(caller: i32, value: i32): i32 {
  return syscall(Sys.REPLY, caller, value, 0, 0, 0);
}
