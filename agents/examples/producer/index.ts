// Example: the producer of a producer/consumer pair over the event bus and a shared region.
// It owns a shared region holding its latest record (sequence, time in ms, a value). A consumer
// announces itself with a "hello" event (topic 10, value: its agent id); the producer shares the
// region with it read-only and answers with an "offer" (topic 11: the consumer's id and the
// handle it now owns). Every arg0 ms (default 100) the producer writes a new record, which makes
// a new region version, and announces it with "ready" (topic 12: the version and the sequence).
// Needs ALLOC_MEMORY, EVENTS_PUBLISH and EVENTS_SUBSCRIBE.
import * as agent from "../../sdk/agent";
import * as caps from "../../sdk/caps";
import * as events from "../../sdk/events";
import * as mem from "../../sdk/memory";
import * as sched from "../../sdk/sched";
import * as text from "../../sdk/text";
import { Rights } from "../../sdk/index";
import { BUS_EVENT, RECORD_BYTES, TOPIC_HELLO, TOPIC_OFFER, TOPIC_READY } from "./pairing";

const RECORD: usize = memory.data(RECORD_BYTES);

let region: i32 = 0;
let subscription: i32 = 0;
let sequence: i32 = 0;
let periodUs: i32 = 0;
let consumers: i32 = 0;

function fail(what: string, error: i32): void {
  text.begin();
  text.put("producer: ");
  text.put(what);
  text.put(" failed, error ");
  text.putInt(-error);
  text.send(3);
  agent.exit(-error);
}

function setUp(): void {
  periodUs = (agent.arg(0) > 0 ? agent.arg(0) : 100) * 1000;
  region = mem.create(caps.primary(), mem.RegionKind.SHARED, RECORD_BYTES, 0);
  if (region < 0) return fail("region", region);
  subscription = events.subscribe(caps.primary(), BUS_EVENT, BUS_EVENT, 0, 0);
  if (subscription < 0) fail("subscribe", subscription);
}

function answerHellos(): void {
  while (events.poll(subscription) > 0) {
    if (events.eventValue(0) != TOPIC_HELLO) continue;
    let consumer = events.eventValue(1);
    let handle = mem.share(region, consumer, Rights.READ);
    if (handle < 0) continue; // gone already, or not an agent: nothing to offer
    events.publish(caps.primary(), TOPIC_OFFER, consumer, handle);
    consumers++;
  }
}

export function step(): i32 {
  if (region == 0) {
    setUp();
    return 20;
  }
  answerHellos();
  sequence++;
  store<i32>(RECORD, sequence);
  store<i32>(RECORD, <i32>(agent.clockUs() / 1000), 4);
  store<i32>(RECORD, sequence * sequence, 8);
  let version = mem.write(region, 0, RECORD, RECORD_BYTES);
  if (version >= 0) events.publish(caps.primary(), TOPIC_READY, version, sequence);
  sched.sleep(periodUs);
  return 100;
}

export function recordsWritten(): i32 {
  return sequence;
}

export function consumersServed(): i32 {
  return consumers;
}
