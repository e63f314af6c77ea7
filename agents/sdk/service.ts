// What a service agent owes initd: watchdog kicks and answers to health probes.
import { Sys } from "../../firmware/kernel/abi/syscalls";
import { syscall } from "./syscall";

export function kick(): i32 {
  return syscall(Sys.SVC_KICK, 0, 0, 0, 0, 0);
}

/** The pending health probe's number, 0 when none is pending. */
export function probe(): i32 {
  return syscall(Sys.SVC_PROBE, 0, 0, 0, 0, 0);
}

/** Answers the pending probe; unhealthy ends the service (as a failure) after this step. */
export function health(healthy: bool): i32 {
  return syscall(Sys.SVC_HEALTH, healthy ? 1 : 0, 0, 0, 0, 0);
}

/** initd control for agents holding SERVICES: op 0 start, 1 stop, 2 check; service 255 is all. */
export function control(cap: i32, service: i32, op: i32): i32 {
  return syscall(Sys.SVC_CONTROL, cap, service, op, 0, 0);
}
