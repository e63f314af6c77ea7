// A service for initd. Each step kicks the watchdog, answers a pending health probe, and sleeps
// arg3 µs (default 10 ms). arg0 is how it misbehaves after arg1 steps: 0 never, 1 stops kicking,
// 2 answers probes unhealthy, 3 exits with code arg2, 4 traps.
import * as agent from "../sdk/agent";
import * as sched from "../sdk/sched";
import * as service from "../sdk/service";

let steps: i32 = 0;
let probes: i32 = 0;

export function step(): i32 {
  steps++;
  let mode = agent.arg(0);
  let broken = steps > agent.arg(1);
  if (broken && mode == 3) {
    agent.exit(agent.arg(2));
    return 10;
  }
  if (broken && mode == 4) unreachable();
  if (!broken || mode != 1) service.kick();
  if (service.probe() != 0) {
    probes++;
    service.health(!(broken && mode == 2));
  }
  sched.sleep(agent.arg(3) > 0 ? agent.arg(3) : 10000);
  return 100;
}

export function probesAnswered(): i32 {
  return probes;
}
