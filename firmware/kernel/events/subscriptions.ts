// Subscriptions: a filter (kind range, source agent, minimum severity) and a bounded queue of
// event records. A full queue either refuses the newest event or overwrites the oldest, as the
// subscriber chose; either way the loss is counted and reported to the host.
import { copy, Space } from "../abi/core";
import { MAX_SUBSCRIPTIONS, QUEUE_DEPTH } from "../abi/config";
import { EventRecord, Subscribe } from "../abi/flags";
import { FrameType } from "../generated/protocol";
import { wakeWaiter, Wait } from "../sched/wait";
import { publishToHost } from "./bus";

class Subscription {
  live: bool = false;
  generation: i32 = 0;
  owner: i32 = 0;
  kindLo: i32 = 0;
  kindHi: i32 = 0;
  source: i32 = 0;
  minSeverity: i32 = 0;
  dropOldest: bool = false;
  head: i32 = 0;
  count: i32 = 0;
  dropped: u32 = 0;
  delivered: u32 = 0;
  dropping: bool = false; // a drop was reported and the queue has not drained since
}

const subs = new StaticArray<Subscription>(MAX_SUBSCRIPTIONS);
for (let i = 0; i < MAX_SUBSCRIPTIONS; i++) subs[i] = new Subscription();
const QUEUES: usize = memory.data(MAX_SUBSCRIPTIONS * QUEUE_DEPTH * EventRecord.SIZE);

export let delivered: u32 = 0;
export let dropped: u32 = 0;
// One past the highest subscription ever taken: every event is offered to each below it, and
// the ones from here on have never been live.
let subsUsed: i32 = 0;

@inline function entry(index: i32, position: i32): usize {
  return QUEUES + <usize>((index * QUEUE_DEPTH + position) * EventRecord.SIZE);
}

/** Returns a handle, or -1 when the table is full. */
export function subscribe(owner: i32, kindLo: i32, kindHi: i32, source: i32, options: i32): i32 {
  for (let i = 0; i < MAX_SUBSCRIPTIONS; i++) {
    let s = subs[i];
    if (s.live) continue;
    s.live = true;
    if (i >= subsUsed) subsUsed = i + 1;
    s.generation = (s.generation + 1) & 0x7fff;
    s.owner = owner;
    s.kindLo = kindLo;
    s.kindHi = kindHi;
    s.source = source;
    s.minSeverity = options & Subscribe.SEVERITY_MASK;
    s.dropOldest = (options & Subscribe.DROP_OLDEST) != 0;
    s.head = 0;
    s.count = 0;
    s.dropped = 0;
    s.delivered = 0;
    s.dropping = false;
    return (s.generation << 8) | (i + 1);
  }
  return -1;
}

/** Index of the caller's subscription named by `handle`, or -1. */
export function lookup(owner: i32, handle: i32): i32 {
  let i = (handle & 0xff) - 1;
  if (i < 0 || i >= MAX_SUBSCRIPTIONS) return -1;
  let s = subs[i];
  return s.live && s.owner == owner && s.generation == handle >>> 8 ? i : -1;
}

export function unsubscribe(index: i32): void {
  subs[index].live = false;
}

export function unsubscribeAll(owner: i32): void {
  for (let i = 0; i < MAX_SUBSCRIPTIONS; i++) if (subs[i].owner == owner) subs[i].live = false;
}

export function pending(index: i32): i32 {
  return subs[index].count;
}

export function droppedOf(index: i32): u32 {
  return subs[index].dropped;
}

export function liveCount(): i32 {
  let n = 0;
  for (let i = 0; i < MAX_SUBSCRIPTIONS; i++) if (subs[i].live) n++;
  return n;
}

/** Copies the oldest queued record into the owner's memory at `out`; returns its type or -1. */
export function pollInto(index: i32, out: i32): i32 {
  let s = subs[index];
  if (s.count == 0) return -1;
  let rec = entry(index, s.head);
  let status = copy(Space.AGENT, out, Space.KERNEL, <i32>rec, EventRecord.SIZE, s.owner);
  if (status < 0) return status;
  s.head = (s.head + 1) % QUEUE_DEPTH;
  s.count--;
  if (s.count == 0) s.dropping = false;
  return <i32>load<u8>(rec, EventRecord.TYPE);
}

function matches(s: Subscription, rec: usize): bool {
  let type = <i32>load<u8>(rec, EventRecord.TYPE);
  if (type < s.kindLo || type > s.kindHi) return false;
  if (s.source != 0 && s.source != <i32>load<u16>(rec, EventRecord.AGENT)) return false;
  return <i32>load<u8>(rec, EventRecord.SEVERITY) >= s.minSeverity;
}

export function deliver(rec: usize): void {
  for (let i = 0; i < subsUsed; i++) {
    let s = unchecked(subs[i]);
    if (!s.live || !matches(s, rec)) continue;
    if (s.count == QUEUE_DEPTH) {
      s.dropped++;
      dropped++;
      if (!s.dropping) {
        s.dropping = true;
        publishToHost(FrameType.BusDropped, s.owner, <u32>((s.generation << 8) | (i + 1)), s.dropped);
      }
      if (!s.dropOldest) continue;
      s.head = (s.head + 1) % QUEUE_DEPTH;
      s.count--;
    }
    memory.copy(entry(i, (s.head + s.count) % QUEUE_DEPTH), rec, EventRecord.SIZE);
    s.count++;
    s.delivered++;
    delivered++;
    wakeWaiter(s.owner, Wait.EVENT, i);
  }
}
