// Runs arg0 healthy steps of arg2 fuel (default 100), then traps: arg1 0 unreachable,
// 1 integer divide by zero, 2 out-of-bounds memory access.
import * as agent from "../sdk/agent";

let steps: i32 = 0;

export function step(): i32 {
  steps++;
  if (steps > agent.arg(0)) {
    let kind = agent.arg(1);
    if (kind == 1) return 100 / agent.arg(3);
    if (kind == 2) return load<i32>(<usize>0xfffffff0);
    unreachable();
  }
  return agent.arg(2) > 0 ? agent.arg(2) : 100;
}
