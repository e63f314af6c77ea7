// The step boundary (k_step_end): where a blocking syscall's wait begins, if its reason still
// holds, and where a requested reschedule ends the slice.
import { pending } from "../events/subscriptions";
import { Agent, CallState } from "./agents";
import { completeJob } from "./deadline";
import { hasPendingCall } from "./ipc";
import { terminate } from "./lifecycle";
import { lockOwner } from "./locks";
import { block, Wait } from "./wait";

/** Returns true when the agent may start another step in this slice. */
export function stepEnded(a: Agent, now: i64): bool {
  a.steps++;
  let reason = a.park;
  let object = a.parkObject;
  a.park = Wait.NONE;
  let waits = false;
  switch (reason) {
    case Wait.NONE:
      break;
    case Wait.YIELD:
      return false;
    case Wait.EXIT: {
      terminate(a, a.id, a.exitCode, true);
      return false;
    }
    case Wait.PERIOD: {
      completeJob(a.slot);
      waits = true;
      break;
    }
    case Wait.SLEEP:
      waits = now < a.wakeAt;
      break;
    case Wait.EVENT:
      waits = pending(object) == 0;
      break;
    case Wait.LOCK:
      waits = lockOwner(object) != a.id;
      break;
    case Wait.CALL:
      waits = a.callState != CallState.ANSWERED;
      break;
    case Wait.RECEIVE:
      waits = !hasPendingCall(a.id);
      break;
  }
  if (waits) {
    block(a, reason, object);
    return false;
  }
  if (a.resched) {
    a.resched = false;
    return false;
  }
  return true;
}
