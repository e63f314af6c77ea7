// SDK tour: calls every wrapper of the agent SDK once, in order, recording each result for the
// test that checks them (tests/kernel/sdk.test.ts). arg0 is echoed, arg1 is the server image to
// spawn, arg2 the image to upgrade that server to. Parking calls end a phase: the next step goes on.
import * as agent from "../sdk/agent";
import * as caps from "../sdk/caps";
import * as events from "../sdk/events";
import * as mem from "../sdk/memory";
import * as sched from "../sdk/sched";
import * as service from "../sdk/service";
import { Cap, Rights } from "../sdk/index";

const results = new StaticArray<i32>(64);
const TEXT: usize = memory.data(8);
const READ_BACK: usize = memory.data(8);
let phase: i32 = 0;
let me: i32 = 0;
let primary: i32 = 0;
let server: i32 = 0;
let region: i32 = 0;
let subscription: i32 = 0;

function first(): void {
  me = agent.self();
  results[0] = me;
  results[1] = agent.arg(0);
  results[2] = agent.clockUs() >= 0 ? 1 : 0;
  store<u32>(TEXT, 0x72756f74); // "tour"
  results[3] = agent.logBytes(1, TEXT, 4);
  results[4] = agent.correlate(77);
  results[5] = caps.info(12345);
  results[6] = agent.lastError();
  results[7] = agent.lastCorrelation();
  results[8] = agent.errorCount(me, results[6]);
  primary = caps.primary();
  results[9] = primary;
  results[10] = caps.info(primary);
  server = agent.spawn(primary, agent.arg(1), 0, 0, 100, 0, 100, 0);
  results[11] = server;
  results[12] = caps.delegate(primary, server, Cap.EVENTS_PUBLISH);
  results[13] = caps.revoke(primary, false);
  results[14] = caps.createGroup(primary, 1 << 20, 0, 0, 0, 0);
  results[15] = caps.ioSubmit(primary, 2, TEXT, 4);
  results[16] = sched.hint(0, 50);
  let lock = sched.lockCreate();
  results[17] = lock;
  results[18] = sched.lockAcquire(lock);
  results[19] = sched.lockRelease(lock);
  results[20] = sched.receive();
  results[56] = sched.receivedOp() + sched.receivedArg(); // nothing received: the buffer is empty
  results[21] = sched.reply(me, 0);
  region = mem.create(primary, mem.RegionKind.SHARED, 64, 0);
  results[22] = region;
  results[23] = mem.write(region, 0, TEXT, 4);
  results[24] = mem.read(region, 0, 0, READ_BACK, 4);
  results[25] = load<u32>(READ_BACK) == 0x72756f74 ? mem.version(region) : -1;
  results[26] = mem.lease(region, 1000000);
  results[27] = mem.share(region, server, Rights.READ);
  subscription = events.subscribe(primary, 88, 88, 0, 0);
  results[28] = subscription;
  results[29] = events.publish(primary, 5, 6, 7);
  results[30] = events.poll(subscription);
  let record = events.eventType() == 88 && events.eventAgent() == me && events.eventCorrelation() == 77;
  results[31] = record && events.eventValue(1) == 6 && events.eventTime() >= 0 ? 1 : 0;
  results[32] = events.dropped(subscription);
  results[33] = service.kick();
  results[34] = service.probe();
  results[35] = service.health(true);
  results[57] = service.control(primary, 9, 2);
  // Split refuses deadline agents, so the lifecycle calls come before the reservation.
  let copy = agent.clone(primary);
  results[45] = copy;
  let half = agent.split(primary);
  results[46] = half;
  results[47] = agent.merge(primary, half);
  results[48] = agent.kill(primary, copy);
  results[36] = sched.call(server, 3, 4);
}

function last(): void {
  results[42] = events.publish(primary, 5, 8, 0);
  results[43] = events.wait(subscription);
  results[44] = events.poll(subscription) == 88 ? events.unsubscribe(subscription) : -1;
  let slot = mem.snapshot(primary, server);
  results[49] = slot;
  results[50] = mem.restore(primary, server, slot);
  results[51] = agent.upgrade(primary, server, agent.arg(2));
  results[52] = mem.free(region);
  results[53] = caps.specialize(primary, Cap.EVENTS_PUBLISH);
  results[54] = sched.waitCall();
  results[55] = agent.exit(5);
}

export function step(): i32 {
  // A clone or split of the tour shares its globals but not its id: it only waits.
  if (me != 0 && agent.self() != me) {
    sched.sleep(1000000000);
    return 1;
  }
  phase++;
  if (phase == 1) first();
  else if (phase == 2) {
    results[37] = sched.callResult();
    results[38] = sched.sleep(1000);
  } else if (phase == 3) results[39] = sched.yieldSlice();
  else if (phase == 4) results[40] = sched.deadline(primary, 1000, 10000);
  else if (phase == 5) results[41] = sched.endJob();
  else if (phase == 6) last();
  return 10;
}

export function result(index: i32): i32 {
  return results[index];
}
