// Example: the consumer of the producer/consumer pair (see ../producer). It says hello with its
// agent id until the producer offers it a read-only handle to the shared region, then reads each
// announced version and checks the record is the one announced. Every arg0 records (default 50)
// it logs how many it read, missed (a version already overwritten when it got to it: it runs
// behind the producer) and found torn, and publishes read and torn counts on topic 13.
// Needs EVENTS_PUBLISH and EVENTS_SUBSCRIBE.
import * as agent from "../../sdk/agent";
import * as caps from "../../sdk/caps";
import * as events from "../../sdk/events";
import * as mem from "../../sdk/memory";
import * as text from "../../sdk/text";
import {
  BUS_EVENT,
  RECORD_BYTES,
  TOPIC_HELLO,
  TOPIC_OFFER,
  TOPIC_PROGRESS,
  TOPIC_READY,
} from "../producer/pairing";

const RECORD: usize = memory.data(RECORD_BYTES);

let me: i32 = 0;
let subscription: i32 = 0;
let handle: i32 = 0;
let read: i32 = 0;
let mismatched: i32 = 0;
let lastSequence: i32 = 0;
let missed: i32 = 0;
let reportEvery: i32 = 0;

function onReady(version: i32, sequence: i32): void {
  if (handle == 0) {
    // The producer is there but has not answered: it may have started after our hello.
    events.publish(caps.primary(), TOPIC_HELLO, me, 0);
    return;
  }
  if (mem.read(handle, version, 0, RECORD, RECORD_BYTES) != RECORD_BYTES) return;
  if (load<i32>(RECORD) != sequence || load<i32>(RECORD, 8) != sequence * sequence) mismatched++;
  if (lastSequence > 0 && sequence > lastSequence + 1) missed += sequence - lastSequence - 1;
  lastSequence = sequence;
  read++;
  if (read % reportEvery == 0) {
    events.publish(caps.primary(), TOPIC_PROGRESS, read, mismatched);
    text.begin();
    text.put("consumer: read ");
    text.putInt(read);
    text.put(" records, missed ");
    text.putInt(missed);
    text.put(", mismatched ");
    text.putInt(mismatched);
    text.send(1);
  }
}

export function step(): i32 {
  if (subscription == 0) {
    me = agent.self();
    reportEvery = agent.arg(0) > 0 ? agent.arg(0) : 50;
    subscription = events.subscribe(caps.primary(), BUS_EVENT, BUS_EVENT, 0, 0);
    if (subscription < 0) {
      agent.exit(-subscription);
      return 10;
    }
    events.publish(caps.primary(), TOPIC_HELLO, me, 0);
    return 20;
  }
  while (events.poll(subscription) > 0) {
    let topic = events.eventValue(0);
    if (topic == TOPIC_OFFER && events.eventValue(1) == me) handle = events.eventValue(2);
    else if (topic == TOPIC_READY) onReady(events.eventValue(1), events.eventValue(2));
  }
  events.wait(subscription);
  return 50;
}

export function recordsRead(): i32 {
  return read;
}

export function recordsMismatched(): i32 {
  return mismatched;
}
