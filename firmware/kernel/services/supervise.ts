// Supervision of running services: restart policy (always / on-failure / never) with an intensity
// limit (at most maxRestarts restarts per window, else escalate), doubling restart delays, periodic
// and on-demand health probes, and a software watchdog per service. The hardware watchdog is fed
// from the kernel tick, so a kernel that stops ticking resets the board, and only while every
// critical service is healthy, so a critical service that stays down resets it too.
import { boardReset, clockUs, watchdogFeed } from "../abi/core";
import { FOREVER, HEALTH_TIMEOUT_US, MAX_SERVICES, SERVICE_BACKOFF_MAX_US, SERVICE_BACKOFF_US } from "../abi/config";
import { ErrorCode, Escalation, FrameType, ResetCause, RestartPolicy, StopReason } from "../generated/protocol";
import { publish } from "../events/bus";
import { agentById } from "../sched/agents";
import { terminate } from "../sched/lifecycle";
import { launch, stopService } from "./initd";
import { services, servicesUsed, SvcState } from "./manifest";

function escalate(s: i32): void {
  let svc = services[s];
  svc.state = SvcState.FAILED;
  publish(FrameType.SvcEscalated, 0, <u32>s, <u32>svc.escalation);
  for (let d = 0; d < MAX_SERVICES; d++) {
    if ((services[d].deps & (<u32>1 << <u32>s)) != 0) stopService(d, StopReason.Dependency);
  }
  if (svc.escalation == Escalation.BoardReset) boardReset(ResetCause.Software);
}

/** The service's agent ended (`clean`: it exited with 0). Applies the restart policy. */
export function serviceAgentGone(s: i32, clean: bool, code: i32): void {
  let svc = services[s];
  let agent = svc.agent;
  svc.agent = 0;
  if (svc.state != SvcState.RUNNING) return; // a requested stop: initd reports it
  if (clean) publish(FrameType.SvcStopped, agent, <u32>s, StopReason.Exited);
  else publish(FrameType.SvcFailed, agent, <u32>s, <u32>code);
  let restart = svc.restart == RestartPolicy.Always || (svc.restart == RestartPolicy.OnFailure && !clean);
  if (!restart) {
    svc.state = SvcState.STOPPED;
    svc.down = !clean;
    return;
  }
  let now = clockUs();
  if (svc.restarts == 0 || now - svc.windowStart > svc.windowUs) {
    svc.windowStart = now;
    svc.restarts = 0;
    svc.backoffUs = SERVICE_BACKOFF_US;
  }
  svc.restarts++;
  if (svc.restarts > svc.maxRestarts) {
    escalate(s);
    return;
  }
  svc.state = SvcState.BACKOFF;
  svc.restartAt = now + svc.backoffUs;
  publish(FrameType.SvcRestarting, 0, <u32>s, <u32>svc.restarts, <u32>svc.backoffUs);
  svc.backoffUs = min(svc.backoffUs * 2, SERVICE_BACKOFF_MAX_US);
}

/** Ends a running service's agent as failed (from the tick: no agent is mid-step). */
function failRunning(s: i32, code: i32): void {
  let a = agentById(services[s].agent);
  if (a != null) terminate(a, 0, code, false);
}

/** Opens a health probe; the service answers with Sys.SVC_HEALTH within HEALTH_TIMEOUT_US. */
export function probe(s: i32, now: i64): void {
  let svc = services[s];
  svc.probe++;
  svc.probeDeadline = now + HEALTH_TIMEOUT_US;
}

/** The service answered its probe. False (unhealthy) means the caller must fail the agent. */
export function answerProbe(s: i32, healthy: bool): bool {
  let svc = services[s];
  if (svc.probeDeadline == FOREVER) return true;
  svc.probeDeadline = FOREVER;
  publish(FrameType.SvcHealth, svc.agent, <u32>s, healthy ? 1 : 0);
  return healthy;
}

export function kick(s: i32, now: i64): void {
  services[s].lastKick = now;
}

export function tickServices(now: i64): void {
  for (let s = 0; s < servicesUsed; s++) {
    let svc = unchecked(services[s]);
    if (svc.state == SvcState.BACKOFF && svc.restartAt <= now) {
      if (launch(s) < 0) {
        svc.state = SvcState.STOPPED;
        svc.down = true;
      }
      continue;
    }
    if (svc.state != SvcState.RUNNING) continue;
    if (svc.watchdogUs > 0 && now - svc.lastKick > svc.watchdogUs) {
      publish(FrameType.SvcWatchdogExpired, svc.agent, <u32>s, <u32>svc.watchdogUs);
      failRunning(s, ErrorCode.SvcWatchdogExpired);
      continue;
    }
    if (svc.probeDeadline <= now) {
      svc.probeDeadline = FOREVER;
      publish(FrameType.SvcHealth, svc.agent, <u32>s, 0);
      failRunning(s, ErrorCode.SvcHealthFailed);
      continue;
    }
    if (svc.nextHealth <= now) {
      svc.nextHealth = now + svc.healthUs;
      // An outstanding probe keeps its deadline: a new one must not extend it.
      if (svc.probeDeadline == FOREVER) probe(s, now);
    }
  }
}

/** The first critical service that is down (escalated, or stopped by a failure), or -1. A restart
 * in progress counts as healthy: the intensity limit bounds it and ends in FAILED. */
function unhealthyCritical(): i32 {
  for (let s = 0; s < servicesUsed; s++) {
    let svc = services[s];
    if (!svc.critical) continue;
    if (svc.state == SvcState.FAILED || (svc.state == SvcState.STOPPED && svc.down)) return s;
  }
  return -1;
}

let withheldFor: i32 = -1;

/** Feeds the hardware watchdog unless a critical service is down; reports each change. */
export function feedWatchdog(): void {
  let s = unhealthyCritical();
  if (s < 0) watchdogFeed();
  if (s == withheldFor) return;
  let reported = s >= 0 ? s : withheldFor;
  withheldFor = s;
  publish(FrameType.SvcWatchdogWithheld, 0, <u32>reported, s < 0 ? 1 : 0);
}

export function nextServiceEvent(): i64 {
  let at = FOREVER;
  for (let s = 0; s < servicesUsed; s++) {
    let svc = unchecked(services[s]);
    if (svc.state == SvcState.BACKOFF) at = min(at, svc.restartAt);
    if (svc.state != SvcState.RUNNING) continue;
    if (svc.watchdogUs > 0) at = min(at, svc.lastKick + svc.watchdogUs + 1);
    at = min(at, min(svc.nextHealth, svc.probeDeadline));
  }
  return at;
}
