// Example: a heartbeat. Every arg0 ms (default 1000) it logs "heartbeat <n> at <uptime> ms" and,
// when it holds EVENTS_PUBLISH, publishes the count on topic arg1 (default 1) for subscribers.
import * as agent from "../../sdk/agent";
import * as caps from "../../sdk/caps";
import * as events from "../../sdk/events";
import * as sched from "../../sdk/sched";
import * as text from "../../sdk/text";

let beats: i32 = 0;
let periodUs: i32 = 0;
let topic: i32 = 0;

export function step(): i32 {
  if (periodUs == 0) {
    periodUs = (agent.arg(0) > 0 ? agent.arg(0) : 1000) * 1000;
    topic = agent.arg(1) > 0 ? agent.arg(1) : 1;
  }
  beats++;
  text.begin();
  text.put("heartbeat ");
  text.putInt(beats);
  text.put(" at ");
  text.putInt(agent.clockUs() / 1000);
  text.put(" ms");
  text.send(1);
  // Without the capability the publish is refused (and audited); the log line still goes out.
  events.publish(caps.primary(), topic, beats, 0);
  sched.sleep(periodUs);
  return 50;
}

export function beatsSent(): i32 {
  return beats;
}
