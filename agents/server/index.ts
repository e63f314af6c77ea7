// A service-call server: takes each call, works arg0 µs on it, replies op + arg.
import * as agent from "../sdk/agent";
import * as sched from "../sdk/sched";

let caller: i32 = 0;
let answer: i32 = 0;
let served: i32 = 0;

export function step(): i32 {
  if (caller > 0) {
    sched.reply(caller, answer);
    caller = 0;
    served++;
    return 1;
  }
  let c = sched.receive();
  if (c < 0) {
    sched.waitCall();
    return 1;
  }
  caller = c;
  answer = sched.receivedOp() + sched.receivedArg();
  return agent.arg(0);
}

export function callsServed(): i32 {
  return served;
}
