// kernel.wasm: the kernel ABI, export half (ABI.md is the contract). This file only wires the
// components to the entry points the core calls; the decisions live in the component folders.
import { clockUs } from "./abi/core";
import { MAX_AGENTS, WATCHDOG_FEED_US } from "./abi/config";
import { arenaBytes, setParams } from "./abi/params";
import { getU32, IN, inBegin } from "./abi/wire";
import { command } from "./abi/commands";
import { dispatch } from "./abi/dispatch";
import { chargeMemory, nextGroupEvent, resetGroups } from "./caps/quota";
import { createRoot } from "./caps/grant";
import { begin } from "./errors/correlation";
import { fail } from "./errors/raise";
import { ErrorCode, FrameType } from "./generated/protocol";
import { publish } from "./events/bus";
import { streamCommandError } from "./events/stream";
import { handleFault, nextFaultEvent, tickFaults } from "./faults/domain";
import { resetArena } from "./memory/arena";
import { scanFlash } from "./memory/persistent";
import { nextLeaseEvent, tickLeases } from "./memory/regions";
import { agentById, State } from "./sched/agents";
import { stepEnded } from "./sched/park";
import { nextSchedEvent, pickNext, sliceEnded, tickSched } from "./sched/scheduler";
import { feedWatchdog, nextServiceEvent, tickServices } from "./services/supervise";

let booted = false;
let lastFeed: i64 = 0;
// The earliest timer but the throttled groups', which reads every table. Only runTimers and the
// exports that may move a timer (all but k_schedule and k_slice_end, whose charges can only
// throttle a group) make it stale; groups are read every time.
let tableTimers: i64 = 0;
let tableTimersKnown = false;

function timersMayMove(): void {
  tableTimersKnown = false;
}

/** Boots the policy: tables, root capability, arena, persistent regions. 0 or -(error code). */
export function k_boot(arena: i32, flash: i32, fuelPerUs: i32): i32 {
  if (booted || fuelPerUs <= 0 || arena < 0 || flash < 0) return -ErrorCode.SystemInvalidArgument;
  booted = true;
  timersMayMove();
  begin(0);
  setParams(fuelPerUs, arena, flash);
  resetGroups();
  createRoot();
  resetArena(arena);
  let found = scanFlash();
  lastFeed = clockUs();
  publish(FrameType.KernelReady, 0, <u32>MAX_AGENTS, <u32>arenaBytes, <u32>found);
  return 0;
}

function nextTimer(): i64 {
  if (!tableTimersKnown) {
    let at = min(nextSchedEvent(), nextFaultEvent());
    at = min(at, min(nextServiceEvent(), nextLeaseEvent()));
    tableTimers = min(at, lastFeed + WATCHDOG_FEED_US);
    tableTimersKnown = true;
  }
  return min(tableTimers, nextGroupEvent());
}

function runTimers(now: i64): void {
  timersMayMove();
  begin(0);
  tickSched(now);
  tickFaults(now);
  tickServices(now);
  tickLeases(now);
  feedWatchdog();
  lastFeed = now;
}

/** The alarm fired: releases, wake-ups, restarts, watchdogs, leases. The running slice is over. */
export function k_tick(): void {
  runTimers(clockUs());
}

/** Pick-next: returns the agent to run (fuel set, alarm armed) or 0 to idle until the alarm. */
export function k_schedule(): i32 {
  let now = clockUs();
  let at = nextTimer();
  if (at > now) return pickNext(now, at);
  runTimers(now);
  return pickNext(now, nextTimer());
}

/** The agent's step returned. 1: start its next step in this slice; 0: end the slice. */
export function k_step_end(agent: i32): i32 {
  timersMayMove();
  let a = agentById(agent);
  if (a == null || a.state != State.READY) return 0;
  begin(a.correlation);
  return stepEnded(a, clockUs()) ? 1 : 0;
}

/** The slice ended (fuel, alarm, step end or trap) after burning `fuel`. */
export function k_slice_end(agent: i32, fuel: i32): void {
  sliceEnded(agent, <i64>max(fuel, 0), clockUs());
}

/** A syscall of the running agent (agent ABI). Result >= 0, or -(error code). */
export function k_syscall(agent: i32, num: i32, a0: i32, a1: i32, a2: i32, a3: i32, a4: i32): i32 {
  timersMayMove();
  let a = agentById(agent);
  if (a == null || a.state != State.READY) return -ErrorCode.AgentNotFound;
  begin(a.correlation);
  return dispatch(a, num, a0, a1, a2, a3, a4);
}

/** A VM trap or CPU fault of `agent` (0: no agent). Returns the FaultAction taken, or -1. */
export function k_fault(agent: i32, kind: i32, error: i32): i32 {
  timersMayMove();
  begin(0);
  return handleFault(agent, kind, error);
}

/** The VM is about to grow the agent's memory by `delta` bytes: 0 allows it, else -(error code). */
export function k_memory_grow(agent: i32, delta: i32): i32 {
  timersMayMove();
  let a = agentById(agent);
  if (a == null) return -ErrorCode.AgentNotFound;
  begin(a.correlation);
  if (!chargeMemory(agent, a.group, delta)) return fail(agent, ErrorCode.QuotaMemory, 0);
  a.memoryBytes += delta;
  return 0;
}

/** Where the core writes a command's payload before k_command (MAX_PAYLOAD_BYTES long). */
export function k_command_buffer(): usize {
  return IN;
}

/** A host command of `type` whose `len`-byte payload is in the command buffer. 0 or -(error). */
export function k_command(type: i32, len: i32): i32 {
  timersMayMove();
  inBegin(len);
  let correlation = getU32();
  begin(correlation);
  let status = command(type);
  if (status < 0) {
    fail(0, -status, type);
    streamCommandError(type, -status, correlation);
  }
  return status;
}

/** The schema layout of a kernel event as the kernel encodes it, for the drift test. */
export { eventLayout as k_event_layout } from "./events/kinds";
