// Identity, time, logging, errors and lifecycle of agents.
import { Sys } from "../../firmware/kernel/abi/syscalls";
import { syscall } from "./syscall";

const CLOCK: usize = memory.data(8);
const PARAMS: usize = memory.data(36);

export function self(): i32 {
  return syscall(Sys.SELF, 0, 0, 0, 0, 0);
}

/** Spawn argument `index` (0..3). */
export function arg(index: i32): i32 {
  return syscall(Sys.ARG, index, 0, 0, 0, 0);
}

/** Microseconds since reset. */
export function clockUs(): i64 {
  syscall(Sys.CLOCK, <i32>CLOCK, 0, 0, 0, 0);
  return load<i64>(CLOCK);
}

/** A log line to the host; `level` is a severity (0 debug .. 4 critical). Bytes, not a string,
 * so an agent can log without allocating. */
export function logBytes(level: i32, ptr: usize, len: i32): i32 {
  return syscall(Sys.LOG, level, <i32>ptr, len, 0, 0);
}

/** Ends the agent when the current step returns; final: a later parking call in the step is ignored. */
export function exit(code: i32): i32 {
  return syscall(Sys.EXIT, code, 0, 0, 0, 0);
}

/** Events this agent causes from now on carry `id` (0: let the kernel mint ids). */
export function correlate(id: i32): i32 {
  return syscall(Sys.CORRELATE, id, 0, 0, 0, 0);
}

export function lastError(): i32 {
  return syscall(Sys.LAST_ERROR, 0, 0, 0, 0, 0);
}

export function lastCorrelation(): i32 {
  return syscall(Sys.LAST_CORRELATION, 0, 0, 0, 0, 0);
}

/** Failures counted for (agent, code); agent 0: over all agents. */
export function errorCount(agent: i32, code: i32): i32 {
  return syscall(Sys.ERROR_COUNT, agent, code, 0, 0, 0);
}

/** Spawns `image` under capability `cap` with `flags` (a subset of the capability's). */
export function spawn(cap: i32, image: i32, flags: i32, group: i32, weight: i32, hints: i32, arg0: i32, arg1: i32): i32 {
  store<i32>(PARAMS, image);
  store<i32>(PARAMS, flags, 4);
  store<i32>(PARAMS, group, 8);
  store<i32>(PARAMS, weight, 12);
  store<i32>(PARAMS, hints, 16);
  store<i32>(PARAMS, arg0, 20);
  store<i32>(PARAMS, arg1, 24);
  store<i32>(PARAMS, 0, 28);
  store<i32>(PARAMS, 0, 32);
  return syscall(Sys.SPAWN, cap, <i32>PARAMS, 0, 0, 0);
}

export function kill(cap: i32, agent: i32): i32 {
  return syscall(Sys.KILL, cap, agent, 0, 0, 0);
}

export function clone(cap: i32): i32 {
  return syscall(Sys.CLONE, cap, 0, 0, 0, 0);
}

/** Absorbs descendant `agent`: its weight, capabilities and regions become the caller's. */
export function merge(cap: i32, agent: i32): i32 {
  return syscall(Sys.MERGE, cap, agent, 0, 0, 0);
}

/** A copy of the caller that takes half of its weight. */
export function split(cap: i32): i32 {
  return syscall(Sys.SPLIT, cap, 0, 0, 0, 0);
}

/** Swaps descendant `agent`'s code for `image`; 1 when its memory was kept. */
export function upgrade(cap: i32, agent: i32, image: i32): i32 {
  return syscall(Sys.UPGRADE, cap, agent, image, 0, 0);
}
