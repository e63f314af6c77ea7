// Example: a service for initd (see agents/demo.json: "store", and "api" which depends on it).
// It keeps a start counter in a persistent region (key arg0, default 1) that survives restarts
// and resets, kicks its watchdog every step, and answers health probes from a real self-check:
// healthy while its region is still readable and its last write succeeded. Every arg1 ms
// (default 20) it does a unit of work: bumps a counter in the region, making a new version.
// Needs ALLOC_MEMORY.
import * as agent from "../../sdk/agent";
import * as caps from "../../sdk/caps";
import * as mem from "../../sdk/memory";
import * as sched from "../../sdk/sched";
import * as service from "../../sdk/service";
import * as text from "../../sdk/text";

const STATE: usize = memory.data(8); // start count, work count
let region: i32 = 0;
let lastWrite: i32 = 0;
let periodUs: i32 = 0;

function setUp(): void {
  periodUs = (agent.arg(1) > 0 ? agent.arg(1) : 20) * 1000;
  let key = agent.arg(0) > 0 ? agent.arg(0) : 1;
  region = mem.create(caps.primary(), mem.RegionKind.PERSISTENT, 8, key);
  if (region < 0) {
    text.begin();
    text.put("kvstore: no persistent region, error ");
    text.putInt(-region);
    text.send(3);
    agent.exit(-region);
    return;
  }
  // A fresh region reads as zeros; an old one holds the counts of earlier runs.
  mem.read(region, 0, 0, STATE, 8);
  store<i32>(STATE, load<i32>(STATE) + 1);
  lastWrite = mem.write(region, 0, STATE, 8);
  text.begin();
  text.put("kvstore: start ");
  text.putInt(load<i32>(STATE));
  text.put(", work done before ");
  text.putInt(load<i32>(STATE, 4));
  text.send(1);
}

export function step(): i32 {
  if (region == 0) {
    setUp();
    return 50;
  }
  service.kick();
  store<i32>(STATE, load<i32>(STATE, 4) + 1, 4);
  lastWrite = mem.write(region, 0, STATE, 8);
  if (service.probe() != 0) service.health(lastWrite >= 0 && mem.version(region) >= 0);
  sched.sleep(periodUs);
  return 100;
}
