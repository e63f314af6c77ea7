// Agent ABI, service syscalls: the watchdog kick and health answers of a running service, and
// initd control (start, stop, check) for agents holding the SERVICES flag.
import { clockUs } from "../abi/core";
import { FOREVER, MAX_SERVICES } from "../abi/config";
import { Cap } from "../abi/flags";
import { Sys } from "../abi/syscalls";
import { authorize } from "../caps/authorize";
import { Kind } from "../caps/table";
import { ErrorCode, FrameType } from "../generated/protocol";
import { fail } from "../errors/raise";
import { Agent } from "../sched/agents";
import { parkAtStepEnd, Wait } from "../sched/wait";
import { serviceCommand } from "./commands";
import { stops } from "./initd";
import { services } from "./manifest";
import { answerProbe, kick } from "./supervise";

const OPS = [FrameType.SvcStart, FrameType.SvcStop, FrameType.SvcCheck];

function control(a: Agent, handle: i32, service: i32, op: i32): i32 {
  let c = authorize(a.id, handle, Kind.AUTHORITY, Cap.SERVICES, Sys.SVC_CONTROL);
  if (c < 0) return c;
  if (op < 0 || op >= OPS.length) return fail(a.id, ErrorCode.SystemInvalidArgument, Sys.SVC_CONTROL);
  let s = service == 255 ? MAX_SERVICES : service;
  // A running agent cannot be torn down in the middle of its own step.
  if (op == 1 && a.service >= 0 && stops(s, a.service)) return fail(a.id, ErrorCode.SystemBusy, Sys.SVC_CONTROL);
  let status = serviceCommand(OPS[op], s);
  return status < 0 ? fail(a.id, -status, Sys.SVC_CONTROL) : 0;
}

export function serviceSyscall(a: Agent, num: i32, a0: i32, a1: i32, a2: i32): i32 {
  if (num == Sys.SVC_CONTROL) return control(a, a0, a1, a2);
  if (a.service < 0) return fail(a.id, ErrorCode.SvcInvalid, num);
  let s = a.service;
  switch (num) {
    case Sys.SVC_KICK: {
      kick(s, clockUs());
      return 0;
    }
    case Sys.SVC_PROBE:
      return services[s].probeDeadline == FOREVER ? 0 : <i32>services[s].probe;
    case Sys.SVC_HEALTH: {
      if (answerProbe(s, a0 != 0)) return 0;
      // Unhealthy by its own word: the service ends when this step returns, as a failure.
      a.exitCode = ErrorCode.SvcHealthFailed;
      parkAtStepEnd(a, Wait.EXIT, 0);
      return 0;
    }
    default:
      return fail(a.id, ErrorCode.SyscallUnknown, num);
  }
}
