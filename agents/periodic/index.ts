// A periodic real-time agent: each job computes arg0 µs, then ends. With arg1 (budget) and arg2
// (period) it asks for its own reservation in its first step; otherwise it was admitted at spawn.
import * as agent from "../sdk/agent";
import * as caps from "../sdk/caps";
import * as sched from "../sdk/sched";

let cost: i32 = 0;
let jobs: i32 = 0;
let refused: i32 = 0;

export function step(): i32 {
  if (cost == 0) {
    cost = max(1, agent.arg(0));
    if (agent.arg(1) > 0) {
      let r = sched.deadline(caps.primary(), agent.arg(1), agent.arg(2));
      if (r < 0) {
        refused = -r;
        agent.exit(refused);
      }
      return 1;
    }
  }
  sched.endJob();
  jobs++;
  return cost;
}

export function jobsDone(): i32 {
  return jobs;
}

export function refusedWith(): i32 {
  return refused;
}
