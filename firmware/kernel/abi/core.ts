// The kernel ABI, import half: what firmware/core (C) does for kernel.wasm. ABI.md is the contract;
// this file only declares it. Every import is synchronous and never calls back into the kernel.
// Agents are named by their 16-bit id; 0 is the kernel itself.

/** Monotonic microseconds since reset. */
@external("core", "clock_us")
export declare function clockUs(): i64;

/** Arm the one kernel alarm: k_tick runs at `atUs` (ends the running slice). -1 disarms. */
@external("core", "alarm_arm")
export declare function alarmArm(atUs: i64): void;

/** Send a frame of `type` whose payload is `len` bytes of kernel memory at `ptr`. */
@external("core", "emit")
export declare function emit(type: i32, ptr: usize, len: i32): void;

/**
 * Copy `len` bytes between address spaces (Space.*). Agent memory is that of `onBehalf`, and a copy
 * touching the arena on behalf of an agent is checked against that agent's MPU domain.
 * Returns 0, or -mem_out_of_bounds when a range is outside its space.
 */
@external("core", "copy")
export declare function copy(dstSpace: i32, dst: i32, srcSpace: i32, src: i32, len: i32, onBehalf: i32): i32;

/** Erase `len` bytes of flash at `off` to 0xFF. Returns 0 or -mem_flash_failed. */
@external("core", "flash_erase")
export declare function flashErase(off: i32, len: i32): i32;

/** SHA-256 of the installed image, written as 32 bytes at `out`. Returns 0 or -svc_invalid. */
@external("core", "sha256")
export declare function sha256(image: i32, out: usize): i32;

/** Program MPU region `slot` of the agent's domain over an arena range; rights 0 clears the slot. */
@external("core", "mpu_map")
export declare function mpuMap(agent: i32, slot: i32, arenaOff: i32, len: i32, rights: i32): i32;

@external("core", "watchdog_feed")
export declare function watchdogFeed(): void;

/** Reset the board; `cause` is a reset_cause. Does not return on a device. */
@external("core", "board_reset")
export declare function boardReset(cause: i32): void;

/** A kernel invariant broke (assertion). The core logs it and resets; it does not return. */
@external("core", "panic")
export declare function panic(line: i32, column: i32): void;

/** Instantiate `image` as agent `agent`. Returns its initial memory bytes or -error. */
@external("core", "vm_spawn")
export declare function vmSpawn(agent: i32, image: i32): i32;

@external("core", "vm_destroy")
export declare function vmDestroy(agent: i32): void;

/** New instance `dst` with the code and a copy of the memory of `src`. Bytes or -error. */
@external("core", "vm_clone")
export declare function vmClone(src: i32, dst: i32): i32;

/** Swap the agent's code for `image`; keepState 1 keeps memory or fails -agent_upgrade_incompatible. */
@external("core", "vm_upgrade")
export declare function vmUpgrade(agent: i32, image: i32, keepState: i32): i32;

/** Fuel the agent may burn before the VM stops it. */
@external("core", "vm_set_fuel")
export declare function vmSetFuel(agent: i32, fuel: i32): void;

/** Store the agent's instance state in snapshot slot `slot`. Bytes or -error. */
@external("core", "vm_snapshot")
export declare function vmSnapshot(agent: i32, slot: i32): i32;

/** Replace the agent's instance state with snapshot `slot`. 0 or -mem_snapshot_missing. */
@external("core", "vm_restore")
export declare function vmRestore(agent: i32, slot: i32): i32;

@external("core", "vm_snapshot_drop")
export declare function vmSnapshotDrop(slot: i32): void;

/** Hand `len` bytes of the agent's memory at `ptr` to I/O channel `channel`. Bytes taken or -error. */
@external("core", "io_submit")
export declare function ioSubmit(agent: i32, channel: i32, ptr: i32, len: i32): i32;

/** Address spaces of `copy`. */
export namespace Space {
  export const KERNEL: i32 = 0;
  export const ARENA: i32 = 1;
  export const FLASH: i32 = 2;
  export const AGENT: i32 = 3;
}

/** Replaces AssemblyScript's abort (asc --use abort=...): an assertion is a kernel bug. */
export function kernelAbort(message: string | null, file: string | null, line: u32, column: u32): void {
  panic(<i32>line, <i32>column);
  unreachable();
}
