// Installable example, version 2 (not built into the firmware: `aios agent build` makes it an
// image for `aios agent install`): logs "beacon v2" and sleeps 200 ms each step, so the host
// sees which version runs.
import * as agent from "../../sdk/agent";
import * as sched from "../../sdk/sched";

const TEXT: usize = memory.data<u8>([98, 101, 97, 99, 111, 110, 32, 118, 50]);

export function step(): i32 {
  agent.logBytes(1, TEXT, 9);
  sched.sleep(200_000);
  return 10;
}
