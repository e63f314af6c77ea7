// A deadline client: each job calls agent arg0 with (op = job number, arg = arg1), checks the
// reply, works arg2 µs, ends the job.
import * as agent from "../sdk/agent";
import * as sched from "../sdk/sched";

let waiting = false;
let jobs: i32 = 0;
let wrong: i32 = 0;

export function step(): i32 {
  if (!waiting) {
    waiting = true;
    sched.call(agent.arg(0), jobs, agent.arg(1));
    return 1;
  }
  waiting = false;
  if (sched.callResult() != jobs + agent.arg(1)) wrong++;
  jobs++;
  sched.endJob();
  return agent.arg(2);
}

export function jobsDone(): i32 {
  return jobs;
}

export function wrongReplies(): i32 {
  return wrong;
}
