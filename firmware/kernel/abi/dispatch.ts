// k_syscall: routes an agent's syscall to the component that owns its number, after the
// identity, logging and error calls that need no capability.
import { clockUs } from "./core";
import { readText, TEXT, writeI64 } from "./agentmem";
import { Sys } from "./syscalls";
import { capSyscall } from "../caps/syscalls";
import { ErrorCode } from "../generated/protocol";
import { countOf } from "../errors/aggregate";
import { fail } from "../errors/raise";
import { eventSyscall } from "../events/syscalls";
import { streamLog } from "../events/stream";
import { memorySyscall } from "../memory/syscalls";
import { Agent } from "../sched/agents";
import { schedSyscall } from "../sched/syscalls";
import { parkAtStepEnd, Wait } from "../sched/wait";
import { serviceSyscall } from "../services/syscalls";

function identity(a: Agent, num: i32, a0: i32, a1: i32, a2: i32): i32 {
  switch (num) {
    case Sys.SELF:
      return a.id;
    case Sys.ARG:
      return a0 >= 0 && a0 < 4 ? a.args[a0] : fail(a.id, ErrorCode.SystemInvalidArgument, num);
    case Sys.CLOCK: {
      let status = writeI64(a.id, a0, clockUs());
      return status < 0 ? fail(a.id, -status, num) : 0;
    }
    case Sys.LOG: {
      let n = readText(a.id, a1, a2);
      if (n < 0) return fail(a.id, -n, num);
      streamLog(a.id, a0, TEXT, n);
      return 0;
    }
    case Sys.EXIT: {
      a.exitCode = a0;
      parkAtStepEnd(a, Wait.EXIT, 0);
      return 0;
    }
    case Sys.CORRELATE: {
      let previous = <i32>a.correlation;
      a.correlation = <u32>a0;
      return previous;
    }
    case Sys.LAST_ERROR:
      return a.lastError;
    case Sys.LAST_CORRELATION:
      return <i32>a.lastCorrelation;
    default:
      return <i32>countOf(a0, a1);
  }
}

export function dispatch(a: Agent, num: i32, a0: i32, a1: i32, a2: i32, a3: i32, a4: i32): i32 {
  if (num >= Sys.SELF && num <= Sys.ERROR_COUNT) return identity(a, num, a0, a1, a2);
  if (num >= Sys.CAP_SELF && num <= Sys.IO_SUBMIT) return capSyscall(a, num, a0, a1, a2, a3);
  if (num >= Sys.YIELD && num <= Sys.REPLY) return schedSyscall(a, num, a0, a1, a2);
  if (num >= Sys.MEM_CREATE && num <= Sys.MEM_RESTORE) return memorySyscall(a, num, a0, a1, a2, a3, a4);
  if (num >= Sys.SUBSCRIBE && num <= Sys.DROPPED) return eventSyscall(a, num, a0, a1, a2, a3, a4);
  if (num >= Sys.SVC_KICK && num <= Sys.SVC_CONTROL) return serviceSyscall(a, num, a0, a1, a2);
  return fail(a.id, ErrorCode.SyscallUnknown, num);
}
