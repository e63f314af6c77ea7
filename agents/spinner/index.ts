// CPU-bound agent: every step costs arg0 fuel (default 1000). arg1, when set, are its hints.
import * as agent from "../sdk/agent";
import * as sched from "../sdk/sched";

let cost: i32 = 0;
let steps: i32 = 0;

export function step(): i32 {
  if (cost == 0) {
    cost = agent.arg(0) > 0 ? agent.arg(0) : 1000;
    if (agent.arg(1) != 0) sched.hint(agent.arg(1), 0);
  }
  steps++;
  return cost;
}

export function stepsTaken(): i32 {
  return steps;
}
