// The event bus: subscribe with a filter, poll records, wait, publish.
import { Sys } from "../../firmware/kernel/abi/syscalls";
import { EventRecord } from "../../firmware/kernel/abi/flags";
import { syscall } from "./syscall";

const RECORD: usize = memory.data(EventRecord.SIZE);

/** Events of type kindLo..kindHi from `source` (0: any) at or above the severity in `options`. */
export function subscribe(cap: i32, kindLo: i32, kindHi: i32, source: i32, options: i32): i32 {
  return syscall(Sys.SUBSCRIBE, cap, kindLo, kindHi, source, options);
}

export function unsubscribe(subscription: i32): i32 {
  return syscall(Sys.UNSUBSCRIBE, subscription, 0, 0, 0, 0);
}

/** Takes the oldest queued event: returns its type (or -bus_empty); read it with the getters. */
export function poll(subscription: i32): i32 {
  return syscall(Sys.POLL, subscription, <i32>RECORD, 0, 0, 0);
}

export function eventType(): i32 {
  return <i32>load<u8>(RECORD, EventRecord.TYPE);
}

export function eventAgent(): i32 {
  return <i32>load<u16>(RECORD, EventRecord.AGENT);
}

export function eventCorrelation(): i32 {
  return load<i32>(RECORD, EventRecord.CORRELATION);
}

/** Value `index` (0..3) in schema field order after agent and correlation. */
export function eventValue(index: i32): i32 {
  return load<i32>(RECORD + EventRecord.VALUES + <usize>(index << 2));
}

export function eventTime(): i64 {
  return load<i64>(RECORD, EventRecord.TIME);
}

/** Parks until the subscription has an event. */
export function wait(subscription: i32): i32 {
  return syscall(Sys.WAIT_EVENT, subscription, 0, 0, 0, 0);
}

/** Publishes a bus_event on `topic`; needs EVENTS_PUBLISH and event-rate quota. */
export function publish(cap: i32, topic: i32, value: i32, value2: i32): i32 {
  return syscall(Sys.PUBLISH, cap, topic, value, value2, 0);
}

export function dropped(subscription: i32): i32 {
  return syscall(Sys.DROPPED, subscription, 0, 0, 0, 0);
}
