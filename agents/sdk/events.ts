// The event bus: subscribe with a filter, poll records, wait, publish.
import { Sys } from "../../firmware/kernel/abi/syscalls";
import { EventRecord } from "../../firmware/kernel/abi/flags";
import { syscall } from "./syscall";

const RECORD: usize = memory.data(EventRecord.SIZE);

/** Queues events of frame type kindLo..kindHi (FrameType.BusEvent for what agents publish,
 * kernel events such as FrameType.AgentExited too) from `source` (0: any agent) at or above the
 * minimum severity in the low byte of `options`; Subscribe.DROP_OLDEST makes a full queue (16
 * events) drop its oldest instead of the newest. `cap` needs EVENTS_SUBSCRIBE. Returns the
 * subscription; -bus_subscription_invalid when the kernel's 12 are taken. The caller's own
 * publications match too.
 * @example
 * sub = events.subscribe(caps.primary(), FrameType.BusEvent, FrameType.BusEvent, 0, 0);
 * if (sub < 0) agent.exit(-sub); // -cap_denied without EVENTS_SUBSCRIBE
 */
export function subscribe(cap: i32, kindLo: i32, kindHi: i32, source: i32, options: i32): i32 {
  return syscall(Sys.SUBSCRIBE, cap, kindLo, kindHi, source, options);
}

/** Ends a subscription; what it still queued is dropped. 0, or -bus_subscription_invalid (not
 * one of the caller's).
 * @example
 * if (events.unsubscribe(sub) == 0) sub = 0;
 */
export function unsubscribe(subscription: i32): i32 {
  return syscall(Sys.UNSUBSCRIBE, subscription, 0, 0, 0, 0);
}

/** Takes the oldest queued event: returns its frame type, or -bus_empty (a status, not counted
 * as an error), or -bus_subscription_invalid. Read the event with the getters below; the next
 * poll overwrites it.
 * @example
 * while (events.poll(sub) > 0) {
 *   if (events.eventValue(0) == 12) onReady(events.eventAgent(), events.eventValue(1));
 * }
 * events.wait(sub); // all read: park until the next one
 */
export function poll(subscription: i32): i32 {
  return syscall(Sys.POLL, subscription, <i32>RECORD, 0, 0, 0);
}

/** Frame type (FrameType.*) of the polled event.
 * @example
 * if (events.eventType() == FrameType.AgentExited) workers--;
 */
export function eventType(): i32 {
  return <i32>load<u8>(RECORD, EventRecord.TYPE);
}

/** The agent the polled event is about or came from (0: the kernel itself).
 * @example
 * let mine = events.eventAgent() == me; // the caller's own publications come back too
 */
export function eventAgent(): i32 {
  return <i32>load<u16>(RECORD, EventRecord.AGENT);
}

/** Correlation id of the polled event: what caused it (see agent.correlate).
 * @example
 * if (events.eventCorrelation() == 1000 + request) replies++; // caused by our request
 */
export function eventCorrelation(): i32 {
  return load<i32>(RECORD, EventRecord.CORRELATION);
}

/** Value `index` (0..3) in schema field order after agent and correlation: for a bus_event
 * 0 topic, 1 value, 2 value2; for agent_exited 0 the exit code.
 * @example
 * let topic = events.eventValue(0);
 * if (topic == 11 && events.eventValue(1) == me) handle = events.eventValue(2);
 */
export function eventValue(index: i32): i32 {
  return load<i32>(RECORD + EventRecord.VALUES + <usize>(index << 2));
}

/** When the polled event was published, in µs since reset.
 * @example
 * let ageUs = agent.clockUs() - events.eventTime(); // how long it waited in the queue
 */
export function eventTime(): i64 {
  return load<i64>(RECORD, EventRecord.TIME);
}

/** Parks until the subscription has an event: the next step runs once one is queued (at once
 * if one already is when this step returns). 0, or -bus_subscription_invalid.
 * @example
 * events.wait(sub);
 * return 20; // the next step starts with something to poll
 */
export function wait(subscription: i32): i32 {
  return syscall(Sys.WAIT_EVENT, subscription, 0, 0, 0, 0);
}

/** Publishes a bus_event from the caller carrying (topic, value, value2), to subscribers and the
 * host. `cap` needs EVENTS_PUBLISH; each event is charged to the group's event rate
 * (-quota_event_rate). 0 when published.
 * @example
 * let r = events.publish(caps.primary(), 2, average, jobs);
 * if (r < 0) missedReports++; // -cap_denied or -quota_event_rate
 */
export function publish(cap: i32, topic: i32, value: i32, value2: i32): i32 {
  return syscall(Sys.PUBLISH, cap, topic, value, value2, 0);
}

/** Events dropped so far because the subscription's queue was full; -bus_subscription_invalid.
 * @example
 * if (events.dropped(sub) > lost) lost = events.dropped(sub); // falling behind: poll sooner
 */
export function dropped(subscription: i32): i32 {
  return syscall(Sys.DROPPED, subscription, 0, 0, 0, 0);
}
