// The agent table: identity and run state of every agent. Each component keeps its own per-agent
// record in a table indexed by the same slot (sched/entity, faults/record, ...).
import { MAX_AGENTS } from "../abi/config";

export namespace State {
  export const FREE: i32 = 0;
  export const READY: i32 = 1; // runnable
  export const BLOCKED: i32 = 2; // waiting (Wait.*)
  export const STOPPED: i32 = 3; // no instance: exited, or waiting for a delayed restart
  export const QUARANTINED: i32 = 4; // instance kept for inspection, never scheduled
}

export class Agent {
  slot: i32 = 0;
  id: i32 = 0;
  state: i32 = State.FREE;
  parent: i32 = 0;
  image: i32 = 0;
  group: i32 = 0;
  capRoot: i32 = -1; // index of the agent's primary (authority) capability
  args: StaticArray<i32> = new StaticArray<i32>(4);
  // A blocking syscall sets `park`; it takes effect when the current step returns (k_step_end).
  park: i32 = 0;
  parkObject: i32 = 0;
  wait: i32 = 0;
  waitObject: i32 = 0;
  wakeAt: i64 = 0;
  resched: bool = false; // end the slice at the next step boundary
  correlation: u32 = 0; // set by Sys.CORRELATE
  lastError: i32 = 0;
  lastCorrelation: u32 = 0;
  exitCode: i32 = 0;
  service: i32 = -1;
  steps: u32 = 0;
  cpuFuel: u64 = 0;
  memoryBytes: i32 = 0; // instance memory charged to the group
  callOp: i32 = 0; // the agent's outstanding service call: op and argument, then the reply
  callArg: i32 = 0;
  callResult: i32 = 0;
  callState: i32 = 0; // CallState.*
  callSeq: u32 = 0; // calls are received in the order they were made
}

export namespace CallState {
  export const NONE: i32 = 0;
  export const PENDING: i32 = 1; // made, not yet received by the callee
  export const ACCEPTED: i32 = 2; // received, not yet answered
  export const ANSWERED: i32 = 3;
}

export const agents = new StaticArray<Agent>(MAX_AGENTS);
for (let i = 0; i < MAX_AGENTS; i++) {
  agents[i] = new Agent();
  agents[i].slot = i;
}

let lastId: i32 = 0;
/** One past the highest slot ever allocated: every slot from here on is FREE, so scans for
 * agents in some state may stop here. */
export let slotsUsed: i32 = 0;

export function agentById(id: i32): Agent | null {
  if (id <= 0) return null;
  for (let i = 0; i < slotsUsed; i++) {
    let a = unchecked(agents[i]);
    if (a.id == id && a.state != State.FREE) return a;
  }
  return null;
}

/** Claims a free slot under a fresh id (ids are not reused until they wrap at 65535). */
export function allocate(): Agent | null {
  for (let i = 0; i < MAX_AGENTS; i++) {
    let a = agents[i];
    if (a.state != State.FREE) continue;
    do {
      lastId = lastId == 0xffff ? 1 : lastId + 1;
    } while (agentById(lastId) != null);
    a.id = lastId;
    a.state = State.STOPPED;
    if (i >= slotsUsed) slotsUsed = i + 1;
    a.park = 0;
    a.wait = 0;
    a.resched = false;
    a.correlation = 0;
    a.lastError = 0;
    a.lastCorrelation = 0;
    a.exitCode = 0;
    a.service = -1;
    a.steps = 0;
    a.cpuFuel = 0;
    a.memoryBytes = 0;
    a.callState = CallState.NONE;
    return a;
  }
  return null;
}

/** True when `id` is `ancestor` or descends from it through spawn. */
export function isDescendant(id: i32, ancestor: i32): bool {
  for (let depth = 0; depth <= MAX_AGENTS && id != 0; depth++) {
    if (id == ancestor) return true;
    let a = agentById(id);
    if (a == null) return false;
    id = a.parent;
  }
  return false;
}
