// Capabilities, resource groups and quota-checked I/O.
import { Sys } from "../../firmware/kernel/abi/syscalls";
import { syscall } from "./syscall";

const GROUP: usize = memory.data(20);

/** Handle of the agent's primary capability, the one it was spawned with; -cap_revoked once
 * that was revoked. Handles mean something only to their holder.
 * @example
 * let cap = caps.primary(); // what most privileged calls act under
 * events.publish(cap, 1, beats, 0);
 */
export function primary(): i32 {
  return syscall(Sys.CAP_SELF, 0, 0, 0, 0, 0);
}

/** Flags (an authority capability: Cap.*) or rights (a region handle: Rights.*) of a capability
 * the caller holds; -cap_invalid (not the caller's), -cap_revoked, or the revocation's reason
 * (e.g. -mem_lease_expired).
 * @example
 * let flags = caps.info(caps.primary());
 * let canPublish = flags >= 0 && (flags & Cap.EVENTS_PUBLISH) != 0;
 */
export function info(cap: i32): i32 {
  return syscall(Sys.CAP_INFO, cap, 0, 0, 0, 0);
}

/** Hands `agent` a copy of authority capability `cap` (which needs DELEGATE) limited to `flags`,
 * a subset of `cap`'s (else -cap_amplification). Returns the handle `agent` will own: tell it
 * the number. -agent_not_found, -cap_table_full. For regions use memory.share.
 * @example
 * let lent = caps.delegate(caps.primary(), worker, Cap.EVENTS_PUBLISH);
 * if (lent > 0) events.publish(caps.primary(), 20, worker, lent); // the worker's handle
 */
export function delegate(cap: i32, agent: i32, flags: i32): i32 {
  return syscall(Sys.CAP_DELEGATE, cap, agent, flags, 0, 0);
}

/** Revokes everything derived from `cap` (and `cap` itself if includeSelf); returns the count.
 * Derived means delegated copies, the primaries of agents spawned under it and the handles of
 * regions created under it, transitively; their holders get -cap_revoked from then on.
 * @example
 * let lending = caps.delegate(caps.primary(), agent.self(), Cap.DELEGATE | Cap.EVENTS_PUBLISH);
 * caps.delegate(lending, worker, Cap.EVENTS_PUBLISH); // lent through `lending` ...
 * caps.revoke(lending, false); // ... and taken back later; `lending` itself stays
 */
export function revoke(cap: i32, includeSelf: bool): i32 {
  return syscall(Sys.CAP_REVOKE, cap, includeSelf ? 1 : 0, 0, 0, 0);
}

/** Narrows `cap` and all capabilities derived from it to `flags`, for good (nothing widens them
 * again); returns the flags left.
 * @example
 * setUpRegions(); // the last use of ALLOC_MEMORY
 * caps.specialize(caps.primary(), Cap.EVENTS_PUBLISH); // from now on it can only publish
 */
export function specialize(cap: i32, flags: i32): i32 {
  return syscall(Sys.CAP_SPECIALIZE, cap, flags, 0, 0, 0);
}

/** A resource group under the caller's own (`cap` needs GROUPS), for spawn's `group`; returns
 * its id. Limits are shared by the group's agents and charged up the chain: memory in bytes
 * (instances, regions at 4 versions each, snapshots), a CPU budget per period in µs, events
 * and I/O bytes per second. 0 means unlimited, allowed only under an unlimited parent; a limit
 * above the parent's (or a budget above its period) gives -cap_amplification, a full table
 * (8 groups) -group_invalid.
 * @example
 * let g = caps.createGroup(caps.primary(), 128 * 1024, 2000, 10000, 50, 0); // 20% CPU, 50 ev/s
 * if (g > 0) agent.spawn(caps.primary(), 3, 0, g, 0, 0, 0, 0);
 */
export function createGroup(cap: i32, memoryBytes: i32, cpuBudgetUs: i32, cpuPeriodUs: i32, eventsPerSecond: i32, ioBytesPerSecond: i32): i32 {
  store<i32>(GROUP, memoryBytes);
  store<i32>(GROUP, cpuBudgetUs, 4);
  store<i32>(GROUP, cpuPeriodUs, 8);
  store<i32>(GROUP, eventsPerSecond, 12);
  store<i32>(GROUP, ioBytesPerSecond, 16);
  return syscall(Sys.GROUP_CREATE, cap, <i32>GROUP, 0, 0, 0);
}

/** Hands `len` bytes at `ptr` to I/O channel `channel` (the host receives them in an `agent_io`
 * frame); returns the bytes taken, at most 255 a call. The class `channel >> Channel.CLASS_SHIFT`
 * (Channel.IO, FS, NET) names the flag `cap` needs: ACCESS_IO, ACCESS_FS or ACCESS_NET.
 * `len` is charged to the group's I/O rate (-quota_io); -system_invalid_argument for an
 * unknown class or a negative length.
 * @example
 * let taken = caps.ioSubmit(caps.primary(), 2, REPORT, 12); // channel 2 of class IO
 * if (taken == -ErrorCode.QuotaIo) sched.sleep(100000); // over its bytes per second: later
 */
export function ioSubmit(cap: i32, channel: i32, ptr: usize, len: i32): i32 {
  return syscall(Sys.IO_SUBMIT, cap, channel, <i32>ptr, len, 0);
}
