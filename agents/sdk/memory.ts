// The memory fabric: regions (RegionKind: 0 ephemeral, 1 persistent, 2 shared) named by region
// capabilities, versioned writes, sharing, leases, and instance snapshots. Regions live outside
// the agent's own memory: data moves in and out with write and read. An agent holds at most 4
// regions (its own and shared ones); its regions are freed when it ends or is restarted.
import { Sys } from "../../firmware/kernel/abi/syscalls";
import { syscall } from "./syscall";

/** Kinds of region. EPHEMERAL: private to its owner. PERSISTENT: flash-backed, at most 1008
 * bytes, found again by its key after a restart or reset; a write is atomic. SHARED: may be
 * shared with other agents (so may PERSISTENT).
 * @example
 * let scratch = mem.create(caps.primary(), mem.RegionKind.EPHEMERAL, 256, 0);
 */
export namespace RegionKind {
  export const EPHEMERAL: i32 = 0;
  export const PERSISTENT: i32 = 1;
  export const SHARED: i32 = 2;
}

/** A region of `size` bytes, zero-filled, at version 1; returns the owner's handle (READ and
 * WRITE rights, plus SHARE unless ephemeral). `extra` is a lease in µs (0: none), or for a
 * persistent region its key: if the key is in flash, the region comes back holding its last
 * write, at a version above 1. `cap` needs ALLOC_MEMORY; the group is charged 4 x `size`
 * (the versions kept). -system_invalid_argument (kind, size), -mem_region_invalid (no region or
 * persistent slot free), -quota_memory, -system_out_of_memory, -mem_mpu_exhausted.
 * @example
 * region = mem.create(caps.primary(), mem.RegionKind.PERSISTENT, 8, 0x6b76); // key "kv"
 * if (region < 0) agent.exit(-region);
 * else if (mem.version(region) > 1) mem.read(region, 0, 0, STATE, 8); // earlier runs' state
 */
export function create(cap: i32, kind: i32, size: i32, extra: i32): i32 {
  return syscall(Sys.MEM_CREATE, cap, kind, size, extra, 0);
}

/** Writes `len` bytes from `ptr` at `offset` as a new version (the other bytes carry over);
 * returns the new version. A handle without WRITE gets -mem_read_only; also
 * -mem_out_of_bounds, -system_out_of_memory, and -mem_flash_failed (persistent: the previous
 * version stays in flash).
 * @example
 * store<i32>(RECORD, sequence);
 * let v = mem.write(region, 0, RECORD, 4);
 * if (v > 0) events.publish(caps.primary(), 12, v, sequence); // readers fetch version v
 */
export function write(region: i32, offset: i32, ptr: usize, len: i32): i32 {
  return syscall(Sys.MEM_WRITE, region, offset, <i32>ptr, len, 0);
}

/** Reads `len` bytes at `offset` of version `version` (0: newest) into `ptr`; returns `len`.
 * The newest 4 versions are kept: an older one gives -mem_version_gone. Also
 * -mem_out_of_bounds.
 * @example
 * let n = mem.read(handle, version, 0, RECORD, 4);
 * if (n == -ErrorCode.MemVersionGone) missed++; // the writer got 4 versions ahead
 */
export function read(region: i32, version: i32, offset: i32, ptr: usize, len: i32): i32 {
  return syscall(Sys.MEM_READ, region, version, offset, <i32>ptr, len);
}

/** Gives `agent` access with `rights` (Rights.*, a subset of the caller's, else
 * -cap_amplification); the handle needs SHARE (an ephemeral region's never has it:
 * -cap_denied). Returns the handle `agent` will own: tell it the number. -agent_not_found,
 * -mem_mpu_exhausted (`agent` already holds 4 regions).
 * @example
 * let h = mem.share(region, consumer, Rights.READ);
 * if (h > 0) events.publish(caps.primary(), 11, consumer, h); // read-only for the consumer
 */
export function share(region: i32, agent: i32, rights: i32): i32 {
  return syscall(Sys.MEM_SHARE, region, agent, rights, 0, 0);
}

/** Sets the lease to `us` from now (0 removes it); owner only, else -cap_denied. When a lease
 * runs out the region is freed: each holder gets a mem_lease_expired event, and its handle fails
 * with -mem_lease_expired from then on.
 * @example
 * region = mem.create(caps.primary(), mem.RegionKind.SHARED, 256, 500000); // 0.5 s lease
 * mem.lease(region, 500000); // each step: still in use, renew
 */
export function lease(region: i32, us: i32): i32 {
  return syscall(Sys.MEM_LEASE, region, us, 0, 0, 0);
}

/** The region's newest version (1 when created; each write adds 1), through any handle.
 * @example
 * let v = mem.version(handle);
 * if (v > seen && mem.read(handle, v, 0, RECORD, 4) == 4) seen = v; // a new version, read
 */
export function version(region: i32): i32 {
  return syscall(Sys.MEM_INFO, region, 0, 0, 0, 0);
}

/** The owner frees the region: every handle to it is revoked (-cap_revoked from then on).
 * Anyone else gives up only its own handle. 0.
 * @example
 * if (mem.free(region) == 0) region = 0;
 */
export function free(region: i32): i32 {
  return syscall(Sys.MEM_FREE, region, 0, 0, 0, 0);
}

/** Snapshots the caller or a descendant (memory, globals, VM state); returns the slot to
 * restore from. `cap` needs LIFECYCLE. -agent_not_found, -agent_not_descendant,
 * -system_out_of_memory (the kernel's 8 slots are taken), -quota_memory (charged to the
 * agent's group). An agent's snapshots are dropped when it ends.
 * @example
 * goodState = mem.snapshot(caps.primary(), worker); // before trying a new configuration
 */
export function snapshot(cap: i32, agent: i32): i32 {
  return syscall(Sys.MEM_SNAPSHOT, cap, agent, 0, 0, 0);
}

/** Restores descendant `agent` from one of its snapshots (`cap` needs LIFECYCLE); 0, or
 * -mem_snapshot_missing (not a slot of that agent), -agent_not_descendant,
 * -system_invalid_argument for the caller itself.
 * @example
 * if (workerFailing && goodState >= 0) mem.restore(caps.primary(), worker, goodState);
 */
export function restore(cap: i32, agent: i32, slot: i32): i32 {
  return syscall(Sys.MEM_RESTORE, cap, agent, slot, 0, 0);
}
