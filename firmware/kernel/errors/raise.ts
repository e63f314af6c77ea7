// The one exit path for a failed syscall or command: count it, stream it, remember it for the
// agent (Sys.LAST_ERROR / LAST_CORRELATION), and hand back the negative code the ABI returns.
import { FrameType } from "../generated/protocol";
import { publish } from "../events/bus";
import { agentById } from "../sched/agents";
import { count } from "./aggregate";
import { correlation } from "./correlation";

export function fail(agent: i32, code: i32, syscall: i32): i32 {
  let n = count(agent, code);
  publish(FrameType.ErrorRaised, agent, <u32>code, <u32>syscall, n);
  let a = agentById(agent);
  if (a != null) {
    a.lastError = code;
    a.lastCorrelation = correlation();
  }
  return -code;
}
