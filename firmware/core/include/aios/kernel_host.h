/*
 * Hosts kernel.wasm in the VM: implements the kernel ABI's "core" imports (firmware/kernel/
 * abi/core.ts is the contract), forwards host commands and agent syscalls to it, and runs the
 * slices it schedules. Mechanism only: every decision is the kernel's.
 */
#ifndef AIOS_KERNEL_HOST_H
#define AIOS_KERNEL_HOST_H

#include "aios/vm.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Loads, links and boots kernel.wasm. Returns 0, or -(error code) after emitting a log event
 * that says what failed. */
int32_t core_kernel_boot(void);

/* One scheduling round: runs due timers, asks the kernel who runs, runs that slice. Returns
 * the time until which the CPU may sleep (the alarm), or 0 when there is more to run now. */
uint64_t core_kernel_run(void);

/* A host command for the kernel (types from 192): its payload goes to the kernel's command
 * buffer. Returns the kernel's status (0 or -(error code)). */
int32_t core_kernel_command(uint8_t type, const uint8_t *payload, size_t length);

/* Turns the per-slice `slice` events on or off (the trace_control command). */
void core_kernel_trace(bool enable);

/* The kernel exports of the scheduling loop, for a host that runs the loop itself with its own
 * cost model (tests/kernel/native, the replay host) instead of core_kernel_run. */
typedef enum {
    CORE_KERNEL_TICK,      /* k_tick() */
    CORE_KERNEL_SCHEDULE,  /* k_schedule() */
    CORE_KERNEL_STEP_END,  /* k_step_end(agent) */
    CORE_KERNEL_SLICE_END, /* k_slice_end(agent, fuel) */
    CORE_KERNEL_FAULT,     /* k_fault(agent, kind, error) */
} core_kernel_entry_t;

/* Calls `entry` with the arguments it takes (the others are ignored); returns its result, or 0
 * when it has none. A kernel trap resets the board, as in core_kernel_run. */
int32_t core_kernel_enter(core_kernel_entry_t entry, int32_t a, int32_t b, int32_t c);

/* The taxonomy code k_fault receives for a VM trap (schema errors 19..28). */
int32_t core_kernel_trap_error(vm_status_t trap);

#endif
