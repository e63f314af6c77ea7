/*
 * Hosts kernel.wasm in the VM: implements the kernel ABI's "core" imports (firmware/kernel/
 * abi/core.ts is the contract), forwards host commands and agent syscalls to it, and runs the
 * slices it schedules. Mechanism only: every decision is the kernel's.
 */
#ifndef AIOS_KERNEL_HOST_H
#define AIOS_KERNEL_HOST_H

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

#endif
