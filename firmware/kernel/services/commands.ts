// Host commands for initd: register a manifest, start, stop, check health.
import { clockUs } from "../abi/core";
import { MAX_SERVICES } from "../abi/config";
import { getSpan, getU16, getU32, getU8, inBad, spanLength } from "../abi/wire";
import { ErrorCode, FrameType, RestartPolicy, StopReason } from "../generated/protocol";
import { publish } from "../events/bus";
import { startAll, startService, stopAll, stopService } from "./initd";
import { DIGESTS, serviceRegistered, services, SvcState, validService } from "./manifest";
import { probe } from "./supervise";

export function registerService(): i32 {
  let s = <i32>getU8();
  let image = <i32>getU16();
  let deps = getU32();
  let caps = <i32>getU32();
  let restart = <i32>getU8();
  let maxRestarts = <i32>getU8();
  let windowMs = getU32();
  let healthMs = getU32();
  let watchdogMs = getU32();
  let escalation = <i32>getU8();
  let critical = getU8() != 0;
  let weight = <i32>getU16();
  let args0 = <i32>getU32();
  let args1 = <i32>getU32();
  let args2 = <i32>getU32();
  let args3 = <i32>getU32();
  let digest = getSpan();
  if (inBad()) return -ErrorCode.ProtocolBadPayload;
  if (s >= MAX_SERVICES || spanLength != 32 || restart > RestartPolicy.Always || (deps & (<u32>1 << <u32>s)) != 0) return -ErrorCode.SvcInvalid;
  let svc = services[s];
  if (svc.state == SvcState.RUNNING || svc.state == SvcState.BACKOFF) return -ErrorCode.SystemBusy;
  svc.state = SvcState.STOPPED;
  svc.down = false;
  serviceRegistered(s);
  svc.image = image;
  svc.deps = deps;
  svc.caps = caps;
  svc.restart = restart;
  svc.maxRestarts = maxRestarts;
  svc.windowUs = <i64>windowMs * 1000;
  svc.healthUs = <i64>healthMs * 1000;
  svc.watchdogUs = <i64>watchdogMs * 1000;
  svc.escalation = escalation;
  svc.critical = critical;
  svc.weight = weight;
  svc.args[0] = args0;
  svc.args[1] = args1;
  svc.args[2] = args2;
  svc.args[3] = args3;
  svc.restarts = 0;
  memory.copy(DIGESTS + <usize>(s * 32), digest, 32);
  publish(FrameType.SvcRegistered, 0, <u32>s, <u32>image, deps);
  return 0;
}

/** svc_start / svc_stop / svc_check on service `s` (MAX_SERVICES: every service). */
export function serviceCommand(type: i32, s: i32): i32 {
  if (type == FrameType.SvcStart) return s == MAX_SERVICES ? startAll() : validService(s) ? startService(s) : -ErrorCode.SvcInvalid;
  if (type == FrameType.SvcStop) {
    if (s == MAX_SERVICES) stopAll();
    else if (validService(s)) stopService(s, StopReason.Requested);
    else return -ErrorCode.SvcInvalid;
    return 0;
  }
  if (!validService(s) || services[s].state != SvcState.RUNNING) return -ErrorCode.SvcInvalid;
  probe(s, clockUs());
  return 0;
}
