// The memory fabric: regions (RegionKind: 0 ephemeral, 1 persistent, 2 shared) named by region
// capabilities, versioned writes, sharing, leases, and instance snapshots.
import { Sys } from "../../firmware/kernel/abi/syscalls";
import { syscall } from "./syscall";

export namespace RegionKind {
  export const EPHEMERAL: i32 = 0;
  export const PERSISTENT: i32 = 1;
  export const SHARED: i32 = 2;
}

/** A region of `size` bytes; `extra` is the lease in µs (0: none) or, when persistent, its key. */
export function create(cap: i32, kind: i32, size: i32, extra: i32): i32 {
  return syscall(Sys.MEM_CREATE, cap, kind, size, extra, 0);
}

/** Writes `len` bytes from `ptr` at `offset`; returns the new version. */
export function write(region: i32, offset: i32, ptr: usize, len: i32): i32 {
  return syscall(Sys.MEM_WRITE, region, offset, <i32>ptr, len, 0);
}

/** Reads version `version` (0: newest) into `ptr`; returns the bytes read. */
export function read(region: i32, version: i32, offset: i32, ptr: usize, len: i32): i32 {
  return syscall(Sys.MEM_READ, region, version, offset, <i32>ptr, len);
}

/** Gives `agent` access with `rights` (Rights.*); returns the handle `agent` will own. */
export function share(region: i32, agent: i32, rights: i32): i32 {
  return syscall(Sys.MEM_SHARE, region, agent, rights, 0, 0);
}

/** Renews the lease to `us` from now (owner only; 0 removes it). */
export function lease(region: i32, us: i32): i32 {
  return syscall(Sys.MEM_LEASE, region, us, 0, 0, 0);
}

export function version(region: i32): i32 {
  return syscall(Sys.MEM_INFO, region, 0, 0, 0, 0);
}

/** The owner frees the region; anyone else gives up its own access. */
export function free(region: i32): i32 {
  return syscall(Sys.MEM_FREE, region, 0, 0, 0, 0);
}

/** Snapshots the caller or a descendant; returns the slot. */
export function snapshot(cap: i32, agent: i32): i32 {
  return syscall(Sys.MEM_SNAPSHOT, cap, agent, 0, 0, 0);
}

/** Restores a descendant from one of its snapshots. */
export function restore(cap: i32, agent: i32, slot: i32): i32 {
  return syscall(Sys.MEM_RESTORE, cap, agent, slot, 0, 0);
}
