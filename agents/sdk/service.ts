// What a service agent owes initd: watchdog kicks and answers to health probes. Only an agent
// initd started as a service may kick, probe and answer (others get -svc_invalid).
import { Sys } from "../../firmware/kernel/abi/syscalls";
import { syscall } from "./syscall";

/** Kicks the service's software watchdog: a service whose manifest sets a watchdog must kick
 * within that time or initd fails it (svc_watchdog_expired). 0, or -svc_invalid.
 * @example
 * service.kick(); // every step: still making progress
 * sched.sleep(20000);
 */
export function kick(): i32 {
  return syscall(Sys.SVC_KICK, 0, 0, 0, 0, 0);
}

/** The pending health probe's number, 0 when none is pending; -svc_invalid. initd probes every
 * health period of the manifest (and on svc_check); a probe not answered within 50 ms fails
 * the service.
 * @example
 * if (service.probe() != 0) service.health(selfCheck()); // answer at most once per probe
 */
export function probe(): i32 {
  return syscall(Sys.SVC_PROBE, 0, 0, 0, 0, 0);
}

/** Answers the pending probe. Unhealthy ends the service (as a failure, svc_health_failed)
 * when this step returns, and its restart policy applies; with no probe pending the answer is
 * ignored. 0, or -svc_invalid.
 * @example
 * if (service.probe() != 0) service.health(lastWrite >= 0); // healthy while writes succeed
 */
export function health(healthy: bool): i32 {
  return syscall(Sys.SVC_HEALTH, healthy ? 1 : 0, 0, 0, 0, 0);
}

/** initd control for agents whose `cap` holds SERVICES: op 0 start (its dependencies first),
 * 1 stop (its dependants first), 2 check (opens a health probe); `service` is the id it was
 * registered under, 255 for all. 0, or -svc_invalid (no such service; check: not running),
 * -system_busy (stopping would stop the caller itself), -system_invalid_argument (op), or
 * why a start failed (e.g. -svc_dependency_failed).
 * @example
 * let r = service.control(caps.primary(), 3, 0); // start service 3 after its dependencies
 * if (r < 0) {
 *   text.begin(); text.put("start refused, error "); text.putInt(-r); text.send(3);
 * }
 */
export function control(cap: i32, service: i32, op: i32): i32 {
  return syscall(Sys.SVC_CONTROL, cap, service, op, 0, 0);
}
