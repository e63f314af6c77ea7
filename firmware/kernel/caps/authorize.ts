// Enforcement at the moment of use: every privileged syscall names the capability it acts under,
// and this is the only place that says yes or no. A refusal is audited (cap_denied) and counted.
import { ErrorCode, FrameType } from "../generated/protocol";
import { publish } from "../events/bus";
import { fail } from "../errors/raise";
import { caps, Lookup, resolve, revokedReason } from "./table";

function deny(agent: i32, handle: i32, needed: i32, code: i32, syscall: i32): i32 {
  publish(FrameType.CapDenied, agent, <u32>handle, <u32>needed, <u32>code);
  return fail(agent, code, syscall);
}

/** Index of the capability if `agent` holds `handle` of `kind` carrying all `needed` bits. */
export function authorize(agent: i32, handle: i32, kind: i32, needed: i32, syscall: i32): i32 {
  let index = resolve(agent, handle);
  if (index == Lookup.INVALID) return deny(agent, handle, needed, ErrorCode.CapInvalid, syscall);
  if (index == Lookup.REVOKED) {
    let reason = revokedReason(handle);
    return deny(agent, handle, needed, reason != 0 ? reason : ErrorCode.CapRevoked, syscall);
  }
  let c = caps[index];
  if (c.kind != kind || (c.flags & needed) != needed) return deny(agent, handle, needed, ErrorCode.CapDenied, syscall);
  return index;
}
