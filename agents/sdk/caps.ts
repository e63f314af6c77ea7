// Capabilities, resource groups and quota-checked I/O.
import { Sys } from "../../firmware/kernel/abi/syscalls";
import { syscall } from "./syscall";

const GROUP: usize = memory.data(20);

/** Handle of the agent's primary capability. */
export function primary(): i32 {
  return syscall(Sys.CAP_SELF, 0, 0, 0, 0, 0);
}

/** Flags (authority) or rights (region) of a capability the caller holds. */
export function info(cap: i32): i32 {
  return syscall(Sys.CAP_INFO, cap, 0, 0, 0, 0);
}

/** Hands `agent` a copy of `cap` limited to `flags`; returns the handle it will own. */
export function delegate(cap: i32, agent: i32, flags: i32): i32 {
  return syscall(Sys.CAP_DELEGATE, cap, agent, flags, 0, 0);
}

/** Revokes everything derived from `cap` (and `cap` itself if includeSelf); returns the count. */
export function revoke(cap: i32, includeSelf: bool): i32 {
  return syscall(Sys.CAP_REVOKE, cap, includeSelf ? 1 : 0, 0, 0, 0);
}

/** Narrows `cap` and all capabilities derived from it to `flags`, for good. */
export function specialize(cap: i32, flags: i32): i32 {
  return syscall(Sys.CAP_SPECIALIZE, cap, flags, 0, 0, 0);
}

/** A resource group under the caller's; 0 means unlimited (only under an unlimited parent). */
export function createGroup(cap: i32, memoryBytes: i32, cpuBudgetUs: i32, cpuPeriodUs: i32, eventsPerSecond: i32, ioBytesPerSecond: i32): i32 {
  store<i32>(GROUP, memoryBytes);
  store<i32>(GROUP, cpuBudgetUs, 4);
  store<i32>(GROUP, cpuPeriodUs, 8);
  store<i32>(GROUP, eventsPerSecond, 12);
  store<i32>(GROUP, ioBytesPerSecond, 16);
  return syscall(Sys.GROUP_CREATE, cap, <i32>GROUP, 0, 0, 0);
}

/** Hands `len` bytes at `ptr` to I/O channel `channel`; needs ACCESS_IO and I/O quota. */
export function ioSubmit(cap: i32, channel: i32, ptr: usize, len: i32): i32 {
  return syscall(Sys.IO_SUBMIT, cap, channel, <i32>ptr, len, 0);
}
