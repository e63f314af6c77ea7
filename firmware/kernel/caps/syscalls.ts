// Agent ABI, capability and quota syscalls (numbers in abi/syscalls.ts).
import { clockUs, ioSubmit } from "../abi/core";
import { readWords, word } from "../abi/agentmem";
import { Cap, Channel } from "../abi/flags";
import { Sys } from "../abi/syscalls";
import { ErrorCode, FrameType } from "../generated/protocol";
import { publish } from "../events/bus";
import { fail } from "../errors/raise";
import { Agent, agentById } from "../sched/agents";
import { authorize } from "./authorize";
import { delegate, revokeTree, specialize } from "./grant";
import { createGroup, takeIo } from "./quota";
import { caps, handleOf, Kind, Lookup, resolve, revokedReason } from "./table";

/** Any capability the caller holds, of either kind; a failed lookup is audited like a denial. */
function held(a: Agent, handle: i32, num: i32): i32 {
  let index = resolve(a.id, handle);
  if (index >= 0) return index;
  let code = index == Lookup.REVOKED ? (revokedReason(handle) != 0 ? revokedReason(handle) : ErrorCode.CapRevoked) : ErrorCode.CapInvalid;
  publish(FrameType.CapDenied, a.id, <u32>handle, 0, <u32>code);
  return fail(a.id, code, num);
}

export function capSyscall(a: Agent, num: i32, a0: i32, a1: i32, a2: i32, a3: i32): i32 {
  switch (num) {
    case Sys.CAP_SELF:
      return a.capRoot >= 0 && caps[a.capRoot].live ? handleOf(a.capRoot) : fail(a.id, ErrorCode.CapRevoked, num);
    case Sys.CAP_INFO: {
      let c = held(a, a0, num);
      return c < 0 ? c : caps[c].flags;
    }
    case Sys.CAP_DELEGATE: {
      let c = authorize(a.id, a0, Kind.AUTHORITY, Cap.DELEGATE, num);
      if (c < 0) return c;
      if (agentById(a1) == null) return fail(a.id, ErrorCode.AgentNotFound, num);
      let child = delegate(a.id, c, a1, a2);
      return child < 0 ? fail(a.id, -child, num) : handleOf(child);
    }
    case Sys.CAP_REVOKE: {
      let c = held(a, a0, num);
      return c < 0 ? c : revokeTree(a.id, c, a1 != 0);
    }
    case Sys.CAP_SPECIALIZE: {
      let c = held(a, a0, num);
      return c < 0 ? c : specialize(a.id, c, a1);
    }
    case Sys.GROUP_CREATE: {
      let c = authorize(a.id, a0, Kind.AUTHORITY, Cap.GROUPS, num);
      if (c < 0) return c;
      let status = readWords(a.id, a1, 5);
      if (status < 0) return fail(a.id, -status, num);
      let g = createGroup(a.group, word(0), word(1), word(2), word(3), word(4), clockUs());
      if (g == -2) return fail(a.id, ErrorCode.CapAmplification, num);
      return g < 0 ? fail(a.id, ErrorCode.GroupInvalid, num) : g;
    }
    case Sys.IO_SUBMIT: {
      let kind = a1 >> Channel.CLASS_SHIFT;
      if (a1 < 0 || kind > Channel.NET || a3 < 0) return fail(a.id, ErrorCode.SystemInvalidArgument, num);
      let needed = kind == Channel.FS ? Cap.ACCESS_FS : kind == Channel.NET ? Cap.ACCESS_NET : Cap.ACCESS_IO;
      let c = authorize(a.id, a0, Kind.AUTHORITY, needed, num);
      if (c < 0) return c;
      if (!takeIo(a.id, a.group, a3, clockUs())) return fail(a.id, ErrorCode.QuotaIo, num);
      let taken = ioSubmit(a.id, a1, a2, a3);
      return taken < 0 ? fail(a.id, -taken, num) : taken;
    }
    default:
      return fail(a.id, ErrorCode.SyscallUnknown, num);
  }
}
