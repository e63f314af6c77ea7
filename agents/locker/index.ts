// Lock user. arg0 role: 0 holder (takes lock arg1, works arg2 µs holding it, releases, sleeps
// arg3 µs), 1 waiter (a deadline job: takes lock arg1, works arg2 µs holding it, releases, ends
// the job). A lock that is taken parks the step; the lock is held when the next step runs.
import * as agent from "../sdk/agent";
import * as sched from "../sdk/sched";

let phase: i32 = 0;
let rounds: i32 = 0;

export function step(): i32 {
  let lock = agent.arg(1);
  let work = agent.arg(2);
  if (phase == 0) {
    let held = sched.lockAcquire(lock) == 0;
    phase = held ? 2 : 1;
    return held ? work : 1;
  }
  if (phase == 1) {
    phase = 2;
    return work;
  }
  phase = 0;
  sched.lockRelease(lock);
  if (agent.arg(0) == 0) sched.sleep(agent.arg(3));
  else sched.endJob();
  rounds++;
  return 1;
}

export function roundsDone(): i32 {
  return rounds;
}
