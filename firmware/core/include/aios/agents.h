/*
 * Agent instances: one VM instance per live agent, in fixed slots sized at build time
 * (AIOS_AGENT_SLOTS, AIOS_AGENT_MEMORY_BYTES). Mechanism only: the kernel decides who exists
 * and who runs; this file loads, runs, copies and snapshots what it is told to. Each slot is a
 * fault domain (hal/domain.h) where the board has them: loading and running an agent happen
 * inside it, and a CPU fault there is that agent's fault, not the board's.
 */
#ifndef AIOS_AGENTS_H
#define AIOS_AGENTS_H

#include "aios/generated/protocol.h"
#include "aios/vm.h"
#include "hal/domain.h"

#include <stdbool.h>
#include <stdint.h>

/* How a slice ended. */
typedef enum {
    CORE_SLICE_STEP_DONE, /* the agent's step() returned */
    CORE_SLICE_PREEMPTED, /* fuel ran out or the alarm fired */
    CORE_SLICE_TRAPPED,   /* the VM trapped; see core_agent_trap */
    CORE_SLICE_FAULTED,   /* a CPU fault inside the agent's domain; see core_agent_fault_kind */
} core_slice_end_t;

/* The agent syscall host function: forwards to the kernel. Set once at boot. */
typedef int32_t (*core_syscall_fn)(uint16_t agent, const int32_t args[6]);
/* The memory.grow quota: 0 allows growing by `delta` bytes. */
typedef int32_t (*core_grow_fn)(uint16_t agent, int32_t delta);

/* A CPU fault inside the agent's domain, decoded: called (thread context, outside any domain)
 * before the run that faulted returns, so the host hears of it first. */
typedef void (*core_fault_fn)(uint16_t agent, const hal_fault_record_t *record);

/* Sets up the slots and their fault domains. Returns true when agents run in hardware fault
 * domains, false when the board has none (the VM's software isolation only). */
bool core_agents_init(core_syscall_fn syscall, core_grow_fn grow, core_fault_fn fault);

/* Instantiate image `image` as agent `agent`. Returns its memory bytes or -(error code);
 * -AIOS_ERR_FAULT_CPU when loading it faulted (the fault handler has the record). */
int32_t core_agent_spawn(uint16_t agent, uint32_t image);
/* The agent in instance slot `index` and its image; false when the slot is empty. */
bool core_agent_at(size_t index, uint16_t *agent, uint32_t *image);
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
/* The CPU fault kind of the last CORE_SLICE_FAULTED (vm_trap when there was none). */
aios_fault_kind_t core_agent_fault_kind(uint16_t agent);

/* The agent's instance, or NULL (none, or garbage after a fault). */
vm_instance_t *core_agent_instance(uint16_t agent);

/* Stores the instance (memory, globals, VM state) in snapshot `slot`; returns its memory bytes
 * (what the kernel charges) or -(error code). The running agent's own snapshot is taken when
 * its run returns. */
int32_t core_agent_snapshot(uint16_t agent, uint32_t slot);
int32_t core_agent_restore(uint16_t agent, uint32_t slot);
void core_agent_snapshot_drop(uint32_t slot);

/* Test hook (inject_agent_fault): the agent's next run misbehaves as `target` says. Sets
 * `*address` to what it will write (0 for a stack overflow). 0, -AIOS_ERR_AGENT_NOT_FOUND, or
 * -AIOS_ERR_SYSTEM_INVALID_ARGUMENT (no domains here, or no other slot to write into). */
int32_t core_agent_inject_fault(uint16_t agent, aios_fault_injection_t target, uint32_t *address);

/* Times `rounds` empty calls made directly, through hal_domain_run and through hal_domain_call,
 * into elapsed_us[0..2]. 0, -AIOS_ERR_SYSTEM_INVALID_ARGUMENT (no domains) or
 * -AIOS_ERR_FAULT_CPU. */
int32_t core_agent_domain_bench(uint32_t rounds, uint32_t elapsed_us[3]);

#endif
