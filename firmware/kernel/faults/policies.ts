// Fault policies: each is a tiny type that looks at the agent's fault record and the error and
// returns an action (FaultAction); faults/domain.ts performs it. Choosing the policy per agent is
// the host's or the supervisor's business (agent_fault_policy command).
import { Escalation, FaultAction, FaultPolicy } from "../generated/protocol";
import { escalationOf } from "../errors/taxonomy";
import { FaultRecord } from "./record";

abstract class Policy {
  abstract decide(r: FaultRecord, code: i32): i32;
}

/** Where an escalation goes: the error's own rule decides between supervisor and board reset. */
function escalate(code: i32): i32 {
  return escalationOf(code) == Escalation.BoardReset ? FaultAction.EscalateBoardReset : FaultAction.EscalateSupervisor;
}

class Kill extends Policy {
  decide(r: FaultRecord, code: i32): i32 {
    return FaultAction.Kill;
  }
}

class Restart extends Policy {
  decide(r: FaultRecord, code: i32): i32 {
    return FaultAction.Restart;
  }
}

/** Restart after a doubling delay, until `threshold` faults in one window: then escalate. */
class RestartBackoff extends Policy {
  decide(r: FaultRecord, code: i32): i32 {
    return r.windowCount > r.threshold ? escalate(code) : FaultAction.RestartDelayed;
  }
}

class Quarantine extends Policy {
  decide(r: FaultRecord, code: i32): i32 {
    return FaultAction.Quarantine;
  }
}

class Escalate extends Policy {
  decide(r: FaultRecord, code: i32): i32 {
    return escalate(code);
  }
}

/** For an agent the board cannot run without: any fault of it resets the board. */
class ResetBoard extends Policy {
  decide(r: FaultRecord, code: i32): i32 {
    return FaultAction.EscalateBoardReset;
  }
}

const policies = new StaticArray<Policy>(6);
policies[FaultPolicy.Kill] = new Kill();
policies[FaultPolicy.Restart] = new Restart();
policies[FaultPolicy.RestartBackoff] = new RestartBackoff();
policies[FaultPolicy.Quarantine] = new Quarantine();
policies[FaultPolicy.Escalate] = new Escalate();
policies[FaultPolicy.ResetBoard] = new ResetBoard();

export function decide(r: FaultRecord, code: i32): i32 {
  return policies[r.policy].decide(r, code);
}

export function isPolicy(p: i32): bool {
  return p >= 0 && p < policies.length;
}
