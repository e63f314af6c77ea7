// Agent ABI, event bus syscalls (numbers in abi/syscalls.ts). An empty queue is a status
// (-bus_empty), not a failure: it is neither counted nor streamed.
import { clockUs } from "../abi/core";
import { Cap } from "../abi/flags";
import { Sys } from "../abi/syscalls";
import { authorize } from "../caps/authorize";
import { takeEvent } from "../caps/quota";
import { Kind } from "../caps/table";
import { ErrorCode, FrameType } from "../generated/protocol";
import { fail } from "../errors/raise";
import { Agent } from "../sched/agents";
import { parkAtStepEnd, Wait } from "../sched/wait";
import { publish } from "./bus";
import { droppedOf, lookup, pollInto, subscribe, unsubscribe } from "./subscriptions";

export function eventSyscall(a: Agent, num: i32, a0: i32, a1: i32, a2: i32, a3: i32, a4: i32): i32 {
  if (num == Sys.SUBSCRIBE) {
    let c = authorize(a.id, a0, Kind.AUTHORITY, Cap.EVENTS_SUBSCRIBE, num);
    if (c < 0) return c;
    let handle = subscribe(a.id, a1, a2, a3, a4);
    return handle < 0 ? fail(a.id, ErrorCode.BusSubscriptionInvalid, num) : handle;
  }
  if (num == Sys.PUBLISH) {
    let c = authorize(a.id, a0, Kind.AUTHORITY, Cap.EVENTS_PUBLISH, num);
    if (c < 0) return c;
    if (!takeEvent(a.id, a.group, clockUs())) return fail(a.id, ErrorCode.QuotaEventRate, num);
    publish(FrameType.BusEvent, a.id, <u32>a1, <u32>a2, <u32>a3);
    return 0;
  }
  let sub = lookup(a.id, a0);
  if (sub < 0) return fail(a.id, ErrorCode.BusSubscriptionInvalid, num);
  switch (num) {
    case Sys.UNSUBSCRIBE: {
      unsubscribe(sub);
      return 0;
    }
    case Sys.POLL: {
      let type = pollInto(sub, a1);
      return type == -1 ? -ErrorCode.BusEmpty : type < 0 ? fail(a.id, -type, num) : type;
    }
    case Sys.WAIT_EVENT: {
      parkAtStepEnd(a, Wait.EVENT, sub);
      return 0;
    }
    case Sys.DROPPED:
      return <i32>droppedOf(sub);
    default:
      return fail(a.id, ErrorCode.SyscallUnknown, num);
  }
}
