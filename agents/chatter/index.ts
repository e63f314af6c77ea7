// Event bus user. The low byte of arg0 is the role: 0 publisher (publishes topic arg1 with a
// counter, then sleeps arg2 µs), 1 subscriber (kinds arg1..arg2 from source arg3, subscription
// options in arg0 >> 8; drains its queue whenever it wakes, then waits for more).
import * as agent from "../sdk/agent";
import * as caps from "../sdk/caps";
import * as events from "../sdk/events";
import * as sched from "../sdk/sched";

let subscription: i32 = 0;
let received: i32 = 0;
let lastValue: i32 = -1;
let lastType: i32 = 0;
let published: i32 = 0;
let refusals: i32 = 0;

function publisher(): i32 {
  let r = events.publish(caps.primary(), agent.arg(1), published, 0);
  if (r < 0) refusals++;
  else published++;
  sched.sleep(agent.arg(2));
  return 10;
}

function subscriber(): i32 {
  if (subscription == 0) {
    subscription = events.subscribe(caps.primary(), agent.arg(1), agent.arg(2), agent.arg(3), agent.arg(0) >> 8);
    if (subscription < 0) agent.exit(-subscription);
    return 10;
  }
  while (events.poll(subscription) > 0) {
    received++;
    lastType = events.eventType();
    lastValue = events.eventValue(1);
  }
  events.wait(subscription);
  return 10;
}

export function step(): i32 {
  return (agent.arg(0) & 0xff) == 0 ? publisher() : subscriber();
}

export function eventsReceived(): i32 {
  return received;
}

export function lastEventValue(): i32 {
  return lastValue;
}

export function lastEventType(): i32 {
  return lastType;
}

export function eventsPublished(): i32 {
  return published;
}

export function publishRefusals(): i32 {
  return refusals;
}
