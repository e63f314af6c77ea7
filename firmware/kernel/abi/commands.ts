// k_command: host commands (schema ids 192..203), decoded from the payload the core left in the
// command buffer. Every command carries the host's correlation id, which the events it causes
// carry back; a refused command answers with a command_error frame.
import { clockUs } from "./core";
import { MAX_SERVICES } from "./config";
import { getU16, getU32, getU8, inBad } from "./wire";
import { createGroup, groupExists } from "../caps/quota";
import { rootCap } from "../caps/grant";
import { report as reportErrors } from "../errors/aggregate";
import { ErrorCode, FrameType, StatsKind } from "../generated/protocol";
import { setMinSeverity } from "../events/stream";
import { releaseQuarantine, reportFaults } from "../faults/domain";
import { isPolicy } from "../faults/policies";
import { records } from "../faults/record";
import { agentById } from "../sched/agents";
import { request, spawn, terminate, upgrade } from "../sched/lifecycle";
import { reportAgents, reportBus } from "./stats";
import { registerService, serviceCommand } from "../services/commands";

function spawnCommand(): i32 {
  request.image = getU16();
  request.flags = getU32();
  request.group = getU8();
  request.weight = getU16();
  request.hints = getU8();
  request.budgetUs = getU32();
  request.periodUs = getU32();
  for (let i = 0; i < 4; i++) request.args[i] = getU32();
  if (inBad()) return -ErrorCode.ProtocolBadPayload;
  if (!groupExists(request.group)) return -ErrorCode.GroupInvalid;
  let id = spawn(0, rootCap());
  return id < 0 ? id : 0;
}

function faultPolicyCommand(): i32 {
  let a = agentById(getU16());
  let policy = getU8();
  let threshold = getU8();
  let windowMs = getU32();
  let backoffMs = getU32();
  let backoffMaxMs = getU32();
  let supervisor = getU16();
  if (inBad()) return -ErrorCode.ProtocolBadPayload;
  if (a == null) return -ErrorCode.AgentNotFound;
  if (!isPolicy(policy) || windowMs == 0 || backoffMs == 0 || backoffMaxMs < backoffMs) return -ErrorCode.SystemInvalidArgument;
  let r = records[a.slot];
  r.policy = policy;
  r.threshold = threshold;
  r.windowUs = <i64>windowMs * 1000;
  r.backoffUs = <i64>backoffMs * 1000;
  r.backoffMaxUs = <i64>backoffMaxMs * 1000;
  r.nextBackoffUs = r.backoffUs;
  r.supervisor = supervisor;
  return 0;
}

function agentCommand(type: i32): i32 {
  let a = agentById(getU16());
  let image = type == FrameType.AgentUpgrade ? getU16() : 0;
  if (inBad()) return -ErrorCode.ProtocolBadPayload;
  if (a == null) return -ErrorCode.AgentNotFound;
  if (type == FrameType.AgentRelease) return releaseQuarantine(a);
  if (type == FrameType.AgentUpgrade) {
    let kept = upgrade(a, image);
    return kept < 0 ? kept : 0;
  }
  terminate(a, 0, ErrorCode.Ok, false);
  return 0;
}

function groupCommand(): i32 {
  let parent = getU8();
  let memory = getU32();
  let cpuUs = getU32();
  let periodUs = getU32();
  let events = getU16();
  let io = getU32();
  if (inBad()) return -ErrorCode.ProtocolBadPayload;
  if (!groupExists(parent)) return -ErrorCode.GroupInvalid;
  let g = createGroup(parent, memory, cpuUs, periodUs, events, io, clockUs());
  return g == -2 ? -ErrorCode.CapAmplification : g < 0 ? -ErrorCode.GroupInvalid : 0;
}

function statsCommand(): i32 {
  let what = <i32>getU8();
  if (inBad()) return -ErrorCode.ProtocolBadPayload;
  if (what == StatsKind.Agents || what == StatsKind.All) reportAgents();
  if (what == StatsKind.Faults || what == StatsKind.All) reportFaults();
  if (what == StatsKind.Bus || what == StatsKind.All) reportBus();
  if (what == StatsKind.Errors || what == StatsKind.All) reportErrors();
  return what <= StatsKind.All ? 0 : -ErrorCode.SystemInvalidArgument;
}

/** Executes one decoded command; returns 0 or -(error code). */
export function command(type: i32): i32 {
  switch (type) {
    case FrameType.AgentSpawn:
      return spawnCommand();
    case FrameType.AgentKill:
    case FrameType.AgentRelease:
    case FrameType.AgentUpgrade:
      return agentCommand(type);
    case FrameType.AgentFaultPolicy:
      return faultPolicyCommand();
    case FrameType.GroupCreate:
      return groupCommand();
    case FrameType.SvcRegister:
      return registerService();
    case FrameType.SvcStart:
    case FrameType.SvcStop:
    case FrameType.SvcCheck: {
      let s = getU8();
      if (inBad()) return -ErrorCode.ProtocolBadPayload;
      return serviceCommand(type, s == 255 ? MAX_SERVICES : s);
    }
    case FrameType.StatsRequest:
      return statsCommand();
    case FrameType.StreamFilter: {
      let severity = getU8();
      if (inBad()) return -ErrorCode.ProtocolBadPayload;
      setMinSeverity(severity);
      return 0;
    }
    default:
      return -ErrorCode.ProtocolUnknownCommand;
  }
}
