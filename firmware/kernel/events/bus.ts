// The event bus: the one function every subsystem calls to report something. An event is a typed
// record (frame type, severity from the schema, source agent, correlation id, up to four values,
// time); it goes to the host stream and to every subscription whose filter matches.
import { clockUs } from "../abi/core";
import { EventRecord } from "../abi/flags";
import { correlation } from "../errors/correlation";
import { eventLayout } from "./kinds";
import { stream } from "./stream";
import { deliver } from "./subscriptions";

const RECORD: usize = memory.data(EventRecord.SIZE);
// Host-only events are raised while RECORD is being delivered, so they are built apart from it.
const HOST_RECORD: usize = memory.data(EventRecord.SIZE);
export let published: u32 = 0;

function fill(rec: usize, type: i32, agent: i32, v0: u32, v1: u32, v2: u32, v3: u32): void {
  let layout = eventLayout(type);
  assert(layout >= 0, "not a kernel event");
  store<u8>(rec, <u8>type, EventRecord.TYPE);
  store<u8>(rec, <u8>(layout >> 4), EventRecord.SEVERITY);
  store<u16>(rec, <u16>agent, EventRecord.AGENT);
  store<u32>(rec, correlation(), EventRecord.CORRELATION);
  store<u32>(rec, v0, EventRecord.VALUES);
  store<u32>(rec, v1, EventRecord.VALUES + 4);
  store<u32>(rec, v2, EventRecord.VALUES + 8);
  store<u32>(rec, v3, EventRecord.VALUES + 12);
  store<i64>(rec, clockUs(), EventRecord.TIME);
}

export function publish(type: i32, agent: i32, v0: u32 = 0, v1: u32 = 0, v2: u32 = 0, v3: u32 = 0): void {
  fill(RECORD, type, agent, v0, v1, v2, v3);
  published++;
  stream(RECORD);
  deliver(RECORD);
}

/** Host-only events (drop reports): delivering them to subscribers could feed the very overflow
 * they report. */
export function publishToHost(type: i32, agent: i32, v0: u32 = 0, v1: u32 = 0): void {
  fill(HOST_RECORD, type, agent, v0, v1, 0, 0);
  published++;
  stream(HOST_RECORD);
}
