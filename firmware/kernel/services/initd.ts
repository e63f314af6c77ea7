// initd: starts services in dependency order (each after everything it depends on) and stops them
// in reverse (each after everything that depends on it). A service whose dependency cannot start,
// whose image fails attestation, or whose required capabilities initd may not grant, does not start.
import { clockUs } from "../abi/core";
import { FOREVER, MAX_SERVICES } from "../abi/config";
import { rootCap } from "../caps/grant";
import { ErrorCode, FrameType, StopReason } from "../generated/protocol";
import { publish } from "../events/bus";
import { agentById } from "../sched/agents";
import { request, spawn, terminate } from "../sched/lifecycle";
import { attest } from "./attest";
import { INITD_GRANTABLE, services, SvcState } from "./manifest";

function dependsOn(s: i32, d: i32): bool {
  return (services[s].deps & (<u32>1 << <u32>d)) != 0;
}

/** Services that cannot be ordered: in a dependency cycle, or depending on one (Kahn's algorithm). */
function unorderable(): u32 {
  let left: u32 = 0;
  for (let s = 0; s < MAX_SERVICES; s++) if (services[s].state != SvcState.EMPTY) left |= <u32>1 << <u32>s;
  let progress = true;
  while (progress) {
    progress = false;
    for (let s = 0; s < MAX_SERVICES; s++) {
      let bit = <u32>1 << <u32>s;
      if ((left & bit) == 0 || (services[s].deps & left) != 0) continue;
      left &= ~bit;
      progress = true;
    }
  }
  return left;
}

function failed(s: i32, code: i32): i32 {
  services[s].down = true;
  publish(FrameType.SvcFailed, 0, <u32>s, <u32>code);
  return -code;
}

/** Starts the service's agent now (dependencies already running). Returns 0 or -code. */
export function launch(s: i32): i32 {
  let svc = services[s];
  if ((svc.caps & ~INITD_GRANTABLE) != 0) return failed(s, ErrorCode.SvcCapsInsufficient);
  if (!attest(s)) return failed(s, ErrorCode.SvcAttestationFailed);
  request.image = svc.image;
  request.flags = svc.caps;
  request.group = 0;
  request.weight = svc.weight;
  request.hints = 0;
  request.budgetUs = 0;
  request.periodUs = 0;
  for (let i = 0; i < 4; i++) request.args[i] = svc.args[i];
  let id = spawn(0, rootCap());
  if (id < 0) return failed(s, -id);
  let now = clockUs();
  agentById(id)!.service = s;
  svc.agent = id;
  svc.state = SvcState.RUNNING;
  svc.down = false;
  svc.restartAt = FOREVER;
  svc.lastKick = now;
  svc.nextHealth = svc.healthUs > 0 ? now + svc.healthUs : FOREVER;
  svc.probeDeadline = FOREVER;
  publish(FrameType.SvcStarted, id, <u32>s);
  return 0;
}

/** Starts `s` after its dependencies. Returns 0 or -code. */
export function startService(s: i32): i32 {
  let svc = services[s];
  if (svc.state == SvcState.RUNNING) return 0;
  if (svc.state == SvcState.EMPTY) return -ErrorCode.SvcInvalid;
  if ((unorderable() & (<u32>1 << <u32>s)) != 0) return failed(s, ErrorCode.SvcDependencyCycle);
  for (let d = 0; d < MAX_SERVICES; d++) {
    if (!dependsOn(s, d)) continue;
    if (services[d].state == SvcState.EMPTY || startService(d) < 0) return failed(s, ErrorCode.SvcDependencyFailed);
  }
  return launch(s);
}

/** True when stopping `s` (MAX_SERVICES: all) would stop service `t`: it is `t` or `t` needs it. */
export function stops(s: i32, t: i32): bool {
  if (s == MAX_SERVICES || s == t) return true;
  let reached = <u32>1 << <u32>s;
  let grew = true;
  while (grew) {
    grew = false;
    for (let d = 0; d < MAX_SERVICES; d++) {
      let bit = <u32>1 << <u32>d;
      if ((reached & bit) == 0 && (services[d].deps & reached) != 0) {
        reached |= bit;
        grew = true;
      }
    }
  }
  return (reached & (<u32>1 << <u32>t)) != 0;
}

/** Stops `s` after everything that depends on it. */
export function stopService(s: i32, reason: i32): void {
  for (let d = 0; d < MAX_SERVICES; d++) {
    if (d != s && dependsOn(d, s) && services[d].state == SvcState.RUNNING) stopService(d, StopReason.Dependency);
  }
  let svc = services[s];
  if (svc.state == SvcState.BACKOFF) {
    svc.state = SvcState.STOPPED;
    svc.down = reason != StopReason.Requested;
  }
  if (svc.state != SvcState.RUNNING) return;
  svc.state = SvcState.STOPPING;
  let a = agentById(svc.agent);
  if (a != null) terminate(a, 0, 0, false);
  svc.state = SvcState.STOPPED;
  svc.down = reason != StopReason.Requested;
  publish(FrameType.SvcStopped, svc.agent, <u32>s, <u32>reason);
}

export function startAll(): i32 {
  let status = 0;
  for (let s = 0; s < MAX_SERVICES; s++) {
    if (services[s].state != SvcState.STOPPED) continue;
    let r = startService(s);
    if (r < 0) status = r;
  }
  return status;
}

export function stopAll(): void {
  for (let s = 0; s < MAX_SERVICES; s++) if (services[s].state == SvcState.RUNNING) stopService(s, StopReason.Requested);
}
