/*
 * Agent instances: one VM instance per live agent, in fixed slots sized at build time
 * (AIOS_AGENT_SLOTS, AIOS_AGENT_MEMORY_BYTES). Mechanism only: the kernel decides who exists
 * and who runs; this file loads, runs, copies and snapshots what it is told to.
 */
#ifndef AIOS_AGENTS_H
#define AIOS_AGENTS_H

#include "aios/vm.h"

#include <stdbool.h>
#include <stdint.h>

/* How a slice ended. */
typedef enum {
    CORE_SLICE_STEP_DONE, /* the agent's step() returned */
    CORE_SLICE_PREEMPTED, /* fuel ran out or the alarm fired */
    CORE_SLICE_TRAPPED,   /* the VM trapped; see core_agent_trap */
} core_slice_end_t;

/* The agent syscall host function: forwards to the kernel. Set once at boot. */
typedef int32_t (*core_syscall_fn)(uint16_t agent, const int32_t args[6]);
/* The memory.grow quota: 0 allows growing by `delta` bytes. */
typedef int32_t (*core_grow_fn)(uint16_t agent, int32_t delta);

void core_agents_init(core_syscall_fn syscall, core_grow_fn grow);

/* Instantiate image `image` as agent `agent`. Returns its memory bytes or -(error code). */
int32_t core_agent_spawn(uint16_t agent, uint32_t image);
void core_agent_destroy(uint16_t agent);
/* A new instance `copy` of `source`'s image holding a copy of its memory. */
int32_t core_agent_clone(uint16_t source, uint16_t copy);
/* Swap the code for `image`; with `keep_state` the memory is carried over when it fits. */
int32_t core_agent_upgrade(uint16_t agent, uint32_t image, bool keep_state);
void core_agent_set_fuel(uint16_t agent, uint32_t fuel);

/* Runs the agent until its step returns, its fuel is spent, it traps or it is preempted.
 * `*fuel_used` receives the fuel burned. */
core_slice_end_t core_agent_run(uint16_t agent, uint32_t *fuel_used);
/* Asks the running agent to stop at its next fuel check. Interrupt context. */
void core_agent_preempt_running(void);
/* The trap of the last CORE_SLICE_TRAPPED, as a VM status. */
vm_status_t core_agent_trap(uint16_t agent);

/* The agent's linear memory, or NULL. */
vm_instance_t *core_agent_instance(uint16_t agent);

int32_t core_agent_snapshot(uint16_t agent, uint32_t slot);
int32_t core_agent_restore(uint16_t agent, uint32_t slot);
void core_agent_snapshot_drop(uint32_t slot);

#endif
