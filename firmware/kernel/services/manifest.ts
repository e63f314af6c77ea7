// Service manifests and their run state. A manifest names the image and its SHA-256, the services
// it depends on (bit mask of service ids), the capability flags it requires, its restart policy and
// intensity limit, and its health-check and watchdog periods.
import { FOREVER, MAX_SERVICES } from "../abi/config";
import { Cap } from "../abi/flags";

/** What initd may grant a service: everything but the authority to supervise other agents. */
export const INITD_GRANTABLE: i32 = Cap.ALL & ~Cap.SUPERVISOR;

export namespace SvcState {
  export const EMPTY: i32 = 0;
  export const STOPPED: i32 = 1; // registered, not running
  export const RUNNING: i32 = 2;
  export const STOPPING: i32 = 3; // a requested stop is tearing the agent down
  export const BACKOFF: i32 = 4; // waiting to restart
  export const FAILED: i32 = 5; // restart intensity exceeded: escalated, stays down
}

export class Service {
  state: i32 = SvcState.EMPTY;
  image: i32 = 0;
  deps: u32 = 0;
  caps: i32 = 0;
  restart: i32 = 0; // RestartPolicy
  maxRestarts: i32 = 0;
  windowUs: i64 = 0;
  healthUs: i64 = 0; // 0: no periodic check
  watchdogUs: i64 = 0; // 0: no watchdog
  escalation: i32 = 0;
  critical: bool = false; // the hardware watchdog is fed only while it is healthy
  down: bool = false; // stopped by a failure, not by request: a critical one keeps the watchdog unfed
  weight: i32 = 0;
  args: StaticArray<i32> = new StaticArray<i32>(4);
  agent: i32 = 0;
  restarts: i32 = 0; // in the current intensity window
  windowStart: i64 = 0;
  backoffUs: i64 = 0;
  restartAt: i64 = FOREVER;
  lastKick: i64 = 0;
  nextHealth: i64 = FOREVER;
  probe: u32 = 0;
  probeDeadline: i64 = FOREVER; // FOREVER: no probe outstanding
}

export const services = new StaticArray<Service>(MAX_SERVICES);
for (let i = 0; i < MAX_SERVICES; i++) services[i] = new Service();
/** One past the highest service ever registered (registered services never become EMPTY): the
 * supervisor's scans stop here. */
export let servicesUsed: i32 = 0;

export function serviceRegistered(s: i32): void {
  if (s >= servicesUsed) servicesUsed = s + 1;
}

/** Expected image hashes, 32 bytes per service. */
export const DIGESTS: usize = memory.data(MAX_SERVICES * 32);

export function validService(s: i32): bool {
  return s >= 0 && s < MAX_SERVICES && services[s].state != SvcState.EMPTY;
}

