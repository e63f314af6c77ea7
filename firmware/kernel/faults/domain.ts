// Fault domains: the core reports every VM trap and CPU fault of an agent here (k_fault). The
// fault is classified into the error taxonomy, counted, handed to the agent's policy, and the
// chosen action is carried out on that agent alone: the kernel and other agents keep running.
import { boardReset, clockUs } from "../abi/core";
import { FOREVER, MAX_AGENTS } from "../abi/config";
import { count } from "../errors/aggregate";
import { fail } from "../errors/raise";
import { ErrorCode, FaultAction, FaultKind, FrameType, ResetCause } from "../generated/protocol";
import { publish } from "../events/bus";
import { Agent, agentById, agents, slotsUsed, State } from "../sched/agents";
import { startInstance, stopInstance, terminate } from "../sched/lifecycle";
import { decide } from "./policies";
import { byKind, countFault, FaultRecord, records, totals } from "./record";

/** The taxonomy code of a fault: the trap's own code for VM traps, fault_cpu for CPU faults. */
export function classify(kind: i32, code: i32): i32 {
  if (kind != FaultKind.VmTrap) return ErrorCode.FaultCpu;
  return code >= ErrorCode.VmTrapUnreachable && code <= ErrorCode.VmTrapHost ? code : ErrorCode.VmTrapHost;
}

function quarantine(a: Agent, r: FaultRecord, code: i32): void {
  a.state = State.QUARANTINED;
  r.quarantines++;
  totals.quarantines++;
  publish(FrameType.AgentQuarantined, a.id, <u32>code);
}

function perform(a: Agent, r: FaultRecord, action: i32, code: i32, now: i64): void {
  switch (action) {
    case FaultAction.Kill:
    case FaultAction.Service: {
      r.kills++;
      totals.kills++;
      terminate(a, 0, code, false);
      break;
    }
    case FaultAction.Restart: {
      stopInstance(a);
      r.restarts++;
      totals.restarts++;
      publish(FrameType.AgentRestarted, a.id, <u32>r.windowCount, 0);
      if (startInstance(a) < 0) terminate(a, 0, code, false);
      break;
    }
    case FaultAction.RestartDelayed: {
      stopInstance(a);
      let delay = r.nextBackoffUs;
      r.nextBackoffUs = min(delay * 2, r.backoffMaxUs);
      r.restartAt = now + delay;
      publish(FrameType.AgentRestarted, a.id, <u32>r.windowCount, <u32>delay);
      break;
    }
    case FaultAction.Quarantine: {
      quarantine(a, r, code);
      break;
    }
    case FaultAction.EscalateSupervisor: {
      quarantine(a, r, code);
      fail(r.supervisor != 0 ? r.supervisor : a.parent, ErrorCode.FaultRestartLimit, 0);
      break;
    }
    default: {
      boardReset(ResetCause.Fault);
    }
  }
}

/** k_fault. Returns the action taken (FaultAction), or -1 for an unknown agent. */
export function handleFault(id: i32, kind: i32, code: i32): i32 {
  let now = clockUs();
  if (kind >= 0 && kind < byKind.length) byKind[kind]++;
  totals.total++;
  if (id == 0) {
    // Native code acting for no agent faulted: nothing smaller than the board contains it.
    boardReset(ResetCause.Fault);
    return FaultAction.EscalateBoardReset;
  }
  let a = agentById(id);
  if (a == null || a.state == State.STOPPED) return -1;
  let r = records[a.slot];
  let classified = classify(kind, code);
  countFault(r, now);
  count(id, classified);
  let action = a.service >= 0 ? FaultAction.Service : decide(r, classified);
  publish(FrameType.FaultHandled, id, <u32>kind, <u32>classified, <u32>action, <u32>r.windowCount);
  perform(a, r, action, classified, now);
  return action;
}

/** Restarts a quarantined agent from its image (the host looked at it and let it go). */
export function releaseQuarantine(a: Agent): i32 {
  if (a.state != State.QUARANTINED) return -ErrorCode.SystemInvalidArgument;
  let r = records[a.slot];
  r.windowCount = 0;
  stopInstance(a);
  return startInstance(a);
}

export function nextFaultEvent(): i64 {
  let at = FOREVER;
  for (let i = 0; i < slotsUsed; i++) {
    if (unchecked(agents[i]).state == State.STOPPED) at = min(at, unchecked(records[i]).restartAt);
  }
  return at;
}

export function tickFaults(now: i64): void {
  for (let i = 0; i < slotsUsed; i++) {
    let a = agents[i];
    let r = records[i];
    if (a.state != State.STOPPED || r.restartAt > now) continue;
    r.restartAt = FOREVER;
    r.restarts++;
    totals.restarts++;
    let status = startInstance(a);
    if (status < 0) terminate(a, 0, -status, false);
  }
}

export function reportFaults(): void {
  for (let i = 0; i < MAX_AGENTS; i++) {
    let a = agents[i];
    let r = records[i];
    if (a.state == State.FREE || r.total == 0) continue;
    publish(FrameType.FaultStats, a.id, r.total, r.restarts, r.kills, r.quarantines);
  }
  publish(FrameType.FaultStats, 0, totals.total, totals.restarts, totals.kills, totals.quarantines);
}
