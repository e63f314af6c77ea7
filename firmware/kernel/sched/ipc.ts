// Service calls: a synchronous request from one agent to another. The caller waits until the
// callee replies, and while it waits the callee runs with the caller's priority (sched/inherit).
import { copy, Space } from "../abi/core";
import { MAX_AGENTS } from "../abi/config";
import { ErrorCode } from "../generated/protocol";
import { agentById, agents, CallState, State } from "./agents";
import { wouldDeadlock } from "./inherit";
import { parkAtStepEnd, wakeWaiter, Wait, waitingFor, waitingObject } from "./wait";

const MESSAGE: usize = memory.data(8); // op, arg as the callee reads them
let sequence: u32 = 0;

export namespace CallResult {
  export const NO_TARGET: i32 = -1;
  export const DEADLOCK: i32 = -2;
}

export function call(slot: i32, target: i32, op: i32, arg: i32): i32 {
  let t = agentById(target);
  if (t == null || t.slot == slot || t.state == State.STOPPED || t.state == State.QUARANTINED) return CallResult.NO_TARGET;
  if (wouldDeadlock(slot, t.slot)) return CallResult.DEADLOCK;
  let a = agents[slot];
  a.callOp = op;
  a.callArg = arg;
  a.callState = CallState.PENDING;
  a.callSeq = ++sequence;
  parkAtStepEnd(a, Wait.CALL, target);
  wakeWaiter(target, Wait.RECEIVE, 0);
  return 0;
}

function oldestCaller(server: i32, state: i32): i32 {
  let best = -1;
  for (let i = 0; i < MAX_AGENTS; i++) {
    let c = agents[i];
    if (c.callState != state || waitingFor(c) != Wait.CALL || waitingObject(c) != server) continue;
    if (best < 0 || c.callSeq < agents[best].callSeq) best = i;
  }
  return best;
}

export function hasPendingCall(server: i32): bool {
  return oldestCaller(server, CallState.PENDING) >= 0;
}

/** Takes the oldest pending call: writes op and arg at `out`, returns the caller's id (or -1). */
export function receive(slot: i32, out: i32): i32 {
  let server = agents[slot].id;
  let c = oldestCaller(server, CallState.PENDING);
  if (c < 0) return -1;
  store<i32>(MESSAGE, agents[c].callOp);
  store<i32>(MESSAGE, agents[c].callArg, 4);
  let status = copy(Space.AGENT, out, Space.KERNEL, <i32>MESSAGE, 8, server);
  if (status < 0) return status;
  agents[c].callState = CallState.ACCEPTED;
  return agents[c].id;
}

export function reply(slot: i32, caller: i32, value: i32): bool {
  let server = agents[slot].id;
  let c = agentById(caller);
  if (c == null || c.callState != CallState.ACCEPTED || waitingObject(c) != server) return false;
  c.callResult = value;
  c.callState = CallState.ANSWERED;
  wakeWaiter(caller, Wait.CALL, server);
  return true;
}

/** The callee is gone: every call waiting on it is answered with agent_not_found. */
export function abortCalls(server: i32): void {
  for (let i = 0; i < MAX_AGENTS; i++) {
    let c = agents[i];
    if (waitingFor(c) != Wait.CALL || waitingObject(c) != server || c.callState == CallState.ANSWERED) continue;
    c.callResult = -ErrorCode.AgentNotFound;
    c.callState = CallState.ANSWERED;
    wakeWaiter(c.id, Wait.CALL, server);
  }
}
