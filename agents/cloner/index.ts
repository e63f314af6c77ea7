// Clones itself in its first step; then the original and the copy each work arg0 fuel a step
// (default 200) and sleep arg1 µs (default 1000) between steps. The copy starts with the
// original's memory and globals, so it goes straight to work.
import * as agent from "../sdk/agent";
import * as caps from "../sdk/caps";
import * as sched from "../sdk/sched";

let cloned = false;
let steps: i32 = 0;

export function step(): i32 {
  if (!cloned) {
    cloned = true;
    agent.clone(caps.primary());
  }
  steps++;
  sched.sleep(agent.arg(1) > 0 ? agent.arg(1) : 1000);
  return agent.arg(0) > 0 ? agent.arg(0) : 200;
}

export function stepsTaken(): i32 {
  return steps;
}
