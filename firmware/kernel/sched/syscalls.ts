// Agent ABI, scheduling and lifecycle syscalls (numbers in abi/syscalls.ts).
import { clockUs } from "../abi/core";
import { readWords, word } from "../abi/agentmem";
import { Cap } from "../abi/flags";
import { Sys } from "../abi/syscalls";
import { authorize } from "../caps/authorize";
import { groupWithin } from "../caps/quota";
import { caps, Kind } from "../caps/table";
import { ErrorCode, FrameType } from "../generated/protocol";
import { publish } from "../events/bus";
import { fail } from "../errors/raise";
import { Agent, agentById, isDescendant } from "./agents";
import { admit } from "./deadline";
import { entities, isDeadline } from "./entity";
import { call, CallResult, receive, reply } from "./ipc";
import { clone, merge, request, spawn, split, terminate, upgrade } from "./lifecycle";
import { acquire, createLock, LockResult, release } from "./locks";
import { parkAtStepEnd, Wait } from "./wait";

const SPAWN_WORDS: i32 = 9; // image, flags, group, weight, hints, arg0..arg3

/** 0 when the caller may manage `target` (itself or a descendant; any agent as supervisor). */
function manageError(a: Agent, capIndex: i32, target: i32): i32 {
  if (agentById(target) == null) return ErrorCode.AgentNotFound;
  if ((caps[capIndex].flags & Cap.SUPERVISOR) != 0 || isDescendant(target, a.id)) return 0;
  return ErrorCode.AgentNotDescendant;
}

function spawnFrom(a: Agent, capIndex: i32, ptr: i32, num: i32): i32 {
  let status = readWords(a.id, ptr, SPAWN_WORDS);
  if (status < 0) return fail(a.id, -status, num);
  request.image = word(0);
  request.flags = word(1);
  request.group = word(2) == 0 ? a.group : word(2);
  request.weight = word(3) == 0 ? entities[a.slot].weight : word(3);
  request.hints = word(4);
  request.budgetUs = 0;
  request.periodUs = 0;
  for (let i = 0; i < 4; i++) request.args[i] = word(5 + i);
  if (!groupWithin(request.group, a.group)) return fail(a.id, ErrorCode.GroupInvalid, num);
  // A child's CPU share is attenuated like its capability: never above the parent's own.
  if (request.weight > entities[a.slot].weightLimit) return fail(a.id, ErrorCode.CapAmplification, num);
  let id = spawn(a.id, capIndex);
  return id < 0 ? fail(a.id, -id, num) : id;
}

function lifecycle(a: Agent, num: i32, a0: i32, a1: i32, a2: i32): i32 {
  let needed = num == Sys.SPAWN ? Cap.SPAWN_AGENT : num == Sys.KILL ? Cap.KILL_AGENT : Cap.LIFECYCLE;
  let c = authorize(a.id, a0, Kind.AUTHORITY, needed, num);
  if (c < 0) return c;
  if (num == Sys.SPAWN) return spawnFrom(a, c, a1, num);
  if (num == Sys.CLONE || num == Sys.SPLIT) {
    let id = num == Sys.CLONE ? clone(a, c) : split(a, c);
    return id < 0 ? fail(a.id, -id, num) : id;
  }
  let refused = manageError(a, c, a1);
  if (refused != 0) return fail(a.id, refused, num);
  let t = agentById(a1)!;
  if (num == Sys.KILL && t == a) {
    parkAtStepEnd(a, Wait.EXIT, 0);
    return 0;
  }
  // Another agent's instance can be changed now; the caller's own only between its steps.
  if (t == a) return fail(a.id, ErrorCode.SystemInvalidArgument, num);
  if (num == Sys.MERGE) {
    merge(a, t);
    return 0;
  }
  if (num == Sys.UPGRADE) {
    let kept = upgrade(t, a2);
    return kept < 0 ? fail(a.id, -kept, num) : kept;
  }
  terminate(t, a.id, ErrorCode.Ok, false);
  return 0;
}

export function schedSyscall(a: Agent, num: i32, a0: i32, a1: i32, a2: i32): i32 {
  let e = entities[a.slot];
  switch (num) {
    case Sys.YIELD: {
      parkAtStepEnd(a, Wait.YIELD, 0);
      return 0;
    }
    case Sys.SLEEP: {
      a.wakeAt = clockUs() + <i64>max(a0, 0);
      parkAtStepEnd(a, Wait.SLEEP, 0);
      return 0;
    }
    case Sys.HINT: {
      if (a1 > e.weightLimit) return fail(a.id, ErrorCode.CapAmplification, num);
      e.hints = a0;
      if (a1 > 0) e.weight = a1;
      publish(FrameType.SchedHint, a.id, <u32>e.hints, <u32>e.weight);
      return 0;
    }
    case Sys.DEADLINE: {
      let c = authorize(a.id, a0, Kind.AUTHORITY, Cap.REALTIME, num);
      if (c < 0) return c;
      let status = admit(a.slot, a1, a2, clockUs());
      if (status < 0) return fail(a.id, -status, num);
      a.resched = true; // run the first job under the reservation, not the rest of a fair slice
      return 0;
    }
    case Sys.END_JOB: {
      if (!isDeadline(e)) return fail(a.id, ErrorCode.SchedBadReservation, num);
      parkAtStepEnd(a, Wait.PERIOD, 0);
      return 0;
    }
    case Sys.LOCK_CREATE: {
      let id = createLock();
      return id < 0 ? fail(a.id, ErrorCode.SystemOutOfMemory, num) : id;
    }
    case Sys.LOCK_ACQUIRE: {
      let r = acquire(a.slot, a0);
      if (r == LockResult.DEADLOCK) return fail(a.id, ErrorCode.LockDeadlock, num);
      return r == LockResult.INVALID ? fail(a.id, ErrorCode.LockInvalid, num) : r;
    }
    case Sys.LOCK_RELEASE:
      return release(a.slot, a0) == LockResult.INVALID ? fail(a.id, ErrorCode.LockInvalid, num) : 0;
    case Sys.CALL: {
      let r = call(a.slot, a0, a1, a2);
      if (r == CallResult.DEADLOCK) return fail(a.id, ErrorCode.LockDeadlock, num);
      return r == CallResult.NO_TARGET ? fail(a.id, ErrorCode.AgentNotFound, num) : 0;
    }
    case Sys.CALL_RESULT:
      return a.callResult;
    case Sys.RECEIVE: {
      let caller = receive(a.slot, a0);
      return caller == -1 ? -ErrorCode.BusEmpty : caller < 0 ? fail(a.id, -caller, num) : caller;
    }
    case Sys.WAIT_CALL: {
      parkAtStepEnd(a, Wait.RECEIVE, 0);
      return 0;
    }
    case Sys.REPLY:
      return reply(a.slot, a0, a1) ? 0 : fail(a.id, ErrorCode.CallNoRequest, num);
    default:
      return lifecycle(a, num, a0, a1, a2);
  }
}
