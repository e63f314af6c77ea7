// Agent ABI, service syscalls: the watchdog kick and health probe answers of a running service.
import { clockUs } from "../abi/core";
import { Sys } from "../abi/syscalls";
import { ErrorCode } from "../generated/protocol";
import { fail } from "../errors/raise";
import { Agent } from "../sched/agents";
import { parkAtStepEnd, Wait } from "../sched/wait";
import { services } from "./manifest";
import { FOREVER } from "../abi/config";
import { answerProbe, kick } from "./supervise";

export function serviceSyscall(a: Agent, num: i32, a0: i32): i32 {
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
