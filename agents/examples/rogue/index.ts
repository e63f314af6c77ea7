// A misbehaving agent for containment tests and the demo. arg0 picks the misbehaviour:
//   0 infinite loop: one step never returns (only fuel and the timer stop it)
//   1 out-of-bounds write: stores far outside its linear memory
//   2 memory bomb: grows its memory every step, as far as anything lets it
//   3 event flood: publishes arg1 events per step (default 1000) on topic 66
//   4 forged capability: uses a capability handle it was never given
//   5 crash loop: traps on its first step, every time it is restarted
//   6 spawn bomb: spawns copies of itself (image arg1) with its own capability every step
import * as agent from "../../sdk/agent";
import * as caps from "../../sdk/caps";
import * as events from "../../sdk/events";

let spins: i64 = 0;
let refusals: i32 = 0;
// Read once: a step should make no syscall but the one its misbehaviour needs.
let kind: i32 = -1;
let count: i32 = 0;
let image: i32 = 0;

function forever(): void {
  // The counter lives in memory the loop writes, so the loop cannot be optimised away.
  while (true) spins++;
}

export function step(): i32 {
  if (kind < 0) {
    kind = agent.arg(0);
    count = agent.arg(1) > 0 ? agent.arg(1) : 1000;
    image = agent.arg(1);
  }
  if (kind == 0) forever();
  if (kind == 1) store<i32>(<usize>0xfffffff0, 1);
  if (kind == 2 && memory.grow(1) < 0) refusals++;
  if (kind == 3) {
    for (let i = 0; i < count; i++) events.publish(caps.primary(), 66, i, 0);
  }
  if (kind == 4) caps.info(0x7fff1234);
  if (kind == 5) unreachable();
  if (kind == 6) agent.spawn(caps.primary(), image, 0, 0, 100, 0, 6, image);
  return 100;
}

export function memoryRefusals(): i32 {
  return refusals;
}
