// Agent ABI, memory fabric syscalls (numbers in abi/syscalls.ts).
import { Cap, Rights } from "../abi/flags";
import { Sys } from "../abi/syscalls";
import { authorize } from "../caps/authorize";
import { caps, handleOf, Kind, remove } from "../caps/table";
import { ErrorCode, FrameType } from "../generated/protocol";
import { publish } from "../events/bus";
import { fail } from "../errors/raise";
import { Agent, agentById, isDescendant } from "../sched/agents";
import { readRegion, regionVersion, shareRegion, writeRegion } from "./access";
import { createRegion, freeRegion, regionCapDeleted, regions, renewLease } from "./regions";
import { restore, snapshot } from "./snapshots";

function result(a: Agent, value: i32, num: i32): i32 {
  return value < 0 ? fail(a.id, -value, num) : value;
}

/** Snapshot and restore act on the caller or a descendant, never on an agent mid-step. */
function snapshotTarget(a: Agent, target: i32, num: i32): i32 {
  let t = agentById(target);
  if (t == null) return fail(a.id, ErrorCode.AgentNotFound, num);
  if (!isDescendant(target, a.id)) return fail(a.id, ErrorCode.AgentNotDescendant, num);
  if (num == Sys.MEM_RESTORE && t == a) return fail(a.id, ErrorCode.SystemInvalidArgument, num);
  return t.slot;
}

export function memorySyscall(a: Agent, num: i32, a0: i32, a1: i32, a2: i32, a3: i32, a4: i32): i32 {
  if (num == Sys.MEM_CREATE) {
    let c = authorize(a.id, a0, Kind.AUTHORITY, Cap.ALLOC_MEMORY, num);
    if (c < 0) return c;
    let region = createRegion(a.id, c, a1, a2, a3);
    return region < 0 ? fail(a.id, -region, num) : handleOf(region);
  }
  if (num == Sys.MEM_SNAPSHOT || num == Sys.MEM_RESTORE) {
    let c = authorize(a.id, a0, Kind.AUTHORITY, Cap.LIFECYCLE, num);
    if (c < 0) return c;
    let slot = snapshotTarget(a, a1, num);
    if (slot < 0) return slot;
    let t = agentById(a1)!;
    return result(a, num == Sys.MEM_SNAPSHOT ? snapshot(t) : restore(t, a2), num);
  }
  // A write through a read-only capability is refused as mem_read_only, the others as cap_denied.
  let needed = num == Sys.MEM_READ || num == Sys.MEM_WRITE ? Rights.READ : num == Sys.MEM_SHARE ? Rights.SHARE : 0;
  let c = authorize(a.id, a0, Kind.REGION, needed, num);
  if (c < 0) return c;
  if (num == Sys.MEM_WRITE && (caps[c].flags & Rights.WRITE) == 0) {
    publish(FrameType.CapDenied, a.id, <u32>a0, <u32>Rights.WRITE, <u32>ErrorCode.MemReadOnly);
    return fail(a.id, ErrorCode.MemReadOnly, num);
  }
  let region = caps[c].object;
  switch (num) {
    case Sys.MEM_WRITE:
      return result(a, writeRegion(a.id, c, a1, a2, a3), num);
    case Sys.MEM_READ:
      return result(a, readRegion(a.id, c, <u32>a1, a2, a3, a4), num);
    case Sys.MEM_SHARE:
      return result(a, shareRegion(a.id, c, a1, a2), num);
    case Sys.MEM_INFO:
      return regionVersion(c);
    case Sys.MEM_LEASE: {
      if (regions[region].owner != a.id) return fail(a.id, ErrorCode.CapDenied, num);
      renewLease(region, a1);
      return 0;
    }
    case Sys.MEM_FREE: {
      if (regions[region].owner == a.id) freeRegion(region);
      else remove(c, regionCapDeleted);
      return 0;
    }
    default:
      return fail(a.id, ErrorCode.SyscallUnknown, num);
  }
}
