/* Agent instances in fixed slots. Each slot's arena (its module arena, instance arena, linear
 * memory and the run record below) is one fault domain (hal/domain.h): loading the agent's
 * image, running its start code and interpreting its steps all happen inside it, so native
 * code acting for one agent can write nothing but its own arena, and a CPU fault there ends the
 * run (CORE_SLICE_FAULTED, or a failed spawn) instead of resetting the board. Where the port has
 * no domains, the VM's software isolation is all there is.
 * State copies that the running agent asks for about itself (clone, snapshot, restore of the
 * caller) cannot happen inside its own vm_run; they are queued and done the moment its run
 * returns, before any other agent runs. */
#include "aios/agents.h"

#include "aios/generated/protocol.h"
#include "aios/images.h"
#include "aios/core_config.h"
#include "hal/clock.h"
#include "hal/watchdog.h"

#include <string.h>

/* The inputs and outputs of the code inside a domain, which can read nothing outside it. */
typedef struct {
    const uint8_t *image; /* load: the image (flash, or the tail of module_arena) */
    size_t image_length;
    size_t module_arena_bytes; /* load: the part of module_arena the compiled form may use */
    vm_module_t *module;       /* load: what it built */
    vm_instance_t *instance;
    uint32_t step_func;
    uint32_t fuel;       /* step: the fuel for vm_run */
    bool in_setup;       /* the start function runs: syscalls trap, memory does not grow */
    uint8_t inject;      /* test hook: fault_injection + 1 for this run, or 0 */
    uintptr_t inject_at; /* the address the injected write goes to */
} agent_run_t;

typedef struct {
    agent_run_t run;
    /* uint64_t keeps the arenas 8-byte aligned, as the VM requires. */
    uint64_t module_arena[AIOS_AGENT_MODULE_ARENA_BYTES / 8u];
    uint64_t instance_arena[AIOS_AGENT_INSTANCE_ARENA_BYTES / 8u];
    uint64_t memory[AIOS_AGENT_MEMORY_BYTES / 8u];
} agent_arena_t;

/* One domain per slot, padded to the size the port's MPU or page size needs. */
typedef union {
    agent_arena_t arena;
    uint8_t reserve[HAL_DOMAIN_SIZE(sizeof(agent_arena_t))];
} agent_domain_memory_t;

typedef struct {
    bool used;
    uint16_t agent;
    uint32_t image;
    agent_arena_t *arena;
    hal_domain_t domain;
    vm_module_t *module;
    vm_instance_t *instance;
    uint32_t step_func;
    bool in_setup;     /* running the module's start function: no syscalls, no growth */
    bool call_pending; /* a step is invoked and not finished */
    bool faulted;      /* its last run took a CPU fault: the instance is garbage until respawned */
    uint8_t inject;    /* test hook armed for the next run: fault_injection + 1, or 0 */
    uintptr_t inject_at;
    uint32_t fuel;
    vm_status_t trap;
    hal_fault_record_t fault;
} agent_slot_t;

typedef struct {
    bool used;
    uint64_t module_hash;
    size_t length;
    uint64_t bytes[AIOS_SNAPSHOT_BYTES / 8u];
} snapshot_slot_t;

typedef enum { DEFERRED_NONE, DEFERRED_CLONE, DEFERRED_SNAPSHOT, DEFERRED_RESTORE } deferred_t;

/* The core's records of the agents: fenced from every domain. */
typedef struct {
    agent_slot_t slots[AIOS_AGENT_SLOTS];
    snapshot_slot_t snapshots[AIOS_SNAPSHOT_SLOTS];
    uint64_t scratch[AIOS_SNAPSHOT_BYTES / 8u];
} agent_records_t;

/* The agents' arenas and the records after them, one range to fence (each agent's own arena
 * is carved out while it runs): one fence costs the POSIX port fewer mprotect calls than two. */
static struct {
    agent_domain_memory_t arenas[AIOS_AGENT_SLOTS];
    union {
        agent_records_t records;
        uint8_t reserve[HAL_FENCE_SIZE(sizeof(agent_records_t))];
    } core;
} store __attribute__((aligned(HAL_DOMAIN_ALIGN(sizeof(agent_arena_t)))));
static agent_domain_memory_t *const arenas = store.arenas;
static agent_slot_t *const slots = store.core.records.slots;
static snapshot_slot_t *const snapshots = store.core.records.snapshots;
static uint64_t *const scratch = store.core.records.scratch;
#define SCRATCH_BYTES sizeof store.core.records.scratch

static bool domains;
static core_syscall_fn syscall_handler;
static core_grow_fn grow_handler;
static core_fault_fn fault_handler;
static agent_slot_t *running;
/* Whose domain the innermost run is in: the only agent code inside can act for. */
static agent_slot_t *acting;
/* What the alarm preempts; NULL while no step runs or another agent's domain is nested inside
 * its syscall (its memory is fenced then, so the alarm only notes it in preempt_missed). */
static vm_instance_t *volatile preemptible;
static volatile bool preempt_missed;
static struct {
    deferred_t kind;
    uint16_t other; /* the clone's id */
    uint32_t slot;  /* the snapshot slot */
} deferred;

static agent_slot_t *find(uint16_t agent)
{
    for (size_t i = 0; i < AIOS_AGENT_SLOTS; i++) {
        if (slots[i].used && slots[i].agent == agent) {
            return &slots[i];
        }
    }
    return NULL;
}

/* ---- the way out of a domain ----------------------------------------------------------- */

/* A syscall or growth leaves the domain through hal_domain_call with its arguments copied
 * into this local of the code inside; the agent it acts for is `acting`, never anything the
 * domain says. */
typedef struct {
    int32_t words[6];
} outside_call_t;

static uint32_t syscall_outside(void *context)
{
    const outside_call_t *call = context;
    agent_slot_t *self = acting;
    if (self == NULL || self->in_setup) {
        return (uint32_t)-AIOS_ERR_SYSTEM_INVALID_ARGUMENT;
    }
    /* The kernel may instantiate another agent in its own domain meanwhile (nested), with
     * this one's memory fenced: the alarm must not touch this instance until it is back. */
    preemptible = NULL;
    preempt_missed = false;
    uint32_t result = (uint32_t)syscall_handler(self->agent, call->words);
    if (self == running) {
        preemptible = self->instance;
        if (preempt_missed) {
            vm_preempt(self->instance);
        }
    }
    return result;
}

static vm_host_action_t syscall_entry(vm_instance_t *inst, void *user, const vm_value_t *args,
                                      vm_value_t *results)
{
    const agent_arena_t *arena = vm_instance_user(inst);
    outside_call_t call;
    (void)user;
    /* The kernel is mid-spawn while start code runs (ABI.md: setup makes no syscalls). */
    if (arena->run.in_setup) {
        return VM_HOST_TRAP;
    }
    for (size_t i = 0; i < 6; i++) {
        call.words[i] = (int32_t)vm_as_i32(args[i]);
    }
    results[0] = vm_value_i32(hal_domain_call(syscall_outside, &call));
    return VM_HOST_RETURN;
}

static uint32_t grow_outside(void *context)
{
    const outside_call_t *call = context;
    agent_slot_t *self = acting;
    return self != NULL && !self->in_setup && grow_handler(self->agent, call->words[0]) == 0;
}

static int grow_entry(void *user, uint32_t old_pages, uint32_t new_pages)
{
    const agent_arena_t *arena = user;
    outside_call_t call = {{(int32_t)((new_pages - old_pages) * VM_PAGE_SIZE)}};
    return !arena->run.in_setup && hal_domain_call(grow_outside, &call) != 0;
}

static const vm_host_func_t syscall_func = {"iiiiii", "i", syscall_entry, NULL};
static const vm_import_def_t agent_imports[] = {
    {"aios", "syscall", {VM_EXTERN_HOST, {.host = &syscall_func}}},
};

/* ---- running inside a domain --------------------------------------------------------- */

/* Runs fn inside the slot's domain (directly where the port has none). Returns HAL_DOMAIN_OK
 * with fn's value in *result, HAL_DOMAIN_FAULTED after reporting the fault (the slot is then
 * garbage), or HAL_DOMAIN_BUSY. */
static int run_inside(agent_slot_t *slot, hal_domain_fn fn, uint32_t *result)
{
    agent_slot_t *outer = acting;
    int status = HAL_DOMAIN_OK;
    acting = slot;
    if (domains) {
        status = hal_domain_run(&slot->domain, fn, slot->arena, result, &slot->fault);
    } else {
        *result = fn(slot->arena);
    }
    acting = outer;
    if (status == HAL_DOMAIN_FAULTED) {
        slot->faulted = true;
        slot->call_pending = false;
        fault_handler(slot->agent, &slot->fault);
    }
    return status;
}

/* Maps a VM load or link status onto the error taxonomy. */
static int32_t load_error(vm_status_t status)
{
    if (vm_status_is_malformed(status)) {
        return -AIOS_ERR_VM_MALFORMED_MODULE;
    }
    if (vm_status_is_invalid(status)) {
        return -AIOS_ERR_VM_INVALID_MODULE;
    }
    if (vm_status_is_link(status)) {
        return -AIOS_ERR_VM_UNLINKABLE;
    }
    return -AIOS_ERR_SYSTEM_OUT_OF_MEMORY;
}

/* Inside the domain: decode, validate and compile the image, instantiate it and run its start
 * function. Returns the memory bytes or -(error code). */
static uint32_t load_inside(void *context)
{
    agent_arena_t *arena = context;
    agent_run_t *run = &arena->run;
    vm_instance_config_t config = {AIOS_AGENT_STACK_SLOTS,
                                   AIOS_AGENT_CALL_DEPTH,
                                   (uint8_t *)arena->memory,
                                   sizeof arena->memory,
                                   grow_entry,
                                   arena};
    size_t need;
    uint32_t start;
    vm_status_t status = vm_module_load(&run->module, run->image, run->image_length,
                                        arena->module_arena, run->module_arena_bytes, NULL);
    if (status == VM_OK) {
        status = vm_instance_arena_size(run->module, &config, &need);
    }
    if (status == VM_OK && need > sizeof arena->instance_arena) {
        status = VM_ARENA_EXHAUSTED;
    }
    if (status == VM_OK) {
        status = vm_instantiate(&run->instance, run->module, agent_imports, 1, &config,
                                arena->instance_arena, sizeof arena->instance_arena, NULL);
    }
    if (status == VM_OK) {
        status = vm_module_find_export(run->module, "step", 4, VM_EXTERN_FUNC, &run->step_func);
    }
    if (status != VM_OK) {
        return (uint32_t)load_error(status);
    }
    if (vm_module_start(run->module, &start) == VM_OK) {
        vm_exit_t exit = VM_EXIT_TRAP;
        if (vm_invoke(run->instance, start, NULL, 0) == VM_OK) {
            exit = vm_run(run->instance, AIOS_AGENT_SETUP_FUEL);
        }
        if (exit != VM_EXIT_DONE) {
            return (uint32_t)-AIOS_ERR_VM_TRAP_HOST;
        }
    }
    vm_memory_t *memory = vm_instance_memory(run->instance);
    return memory != NULL ? (uint32_t)memory->bytes : 0u;
}

static bool in_arena(const agent_slot_t *slot, const void *pointer)
{
    uintptr_t at = (uintptr_t)pointer;
    uintptr_t base = (uintptr_t)slot->arena;
    return at >= base && at < base + sizeof *slot->arena;
}

/* Loads and instantiates `image` into `slot` (which keeps its id). */
static int32_t instantiate(agent_slot_t *slot, uint32_t image)
{
    const core_image_t *bytes = core_agent_image(image);
    agent_run_t *run = &slot->arena->run;
    uint32_t result = 0;
    if (bytes == NULL) {
        return -AIOS_ERR_SYSTEM_INVALID_ARGUMENT;
    }
    memset(run, 0, sizeof *run);
    run->image = bytes->bytes;
    run->image_length = bytes->length;
    run->module_arena_bytes = sizeof slot->arena->module_arena;
    if (bytes->transient) {
        /* An installed image read out of the store: the module keeps pointing into its bytes,
         * and code inside the domain can read only its own arena (and flash), so the bytes go
         * to the end of the slot's module arena and the compiled form gets the rest. */
        size_t tail = (bytes->length + 7u) & ~(size_t)7u;
        if (tail >= run->module_arena_bytes) {
            return -AIOS_ERR_SYSTEM_OUT_OF_MEMORY;
        }
        run->module_arena_bytes -= tail;
        uint8_t *copy = (uint8_t *)slot->arena->module_arena + run->module_arena_bytes;
        memcpy(copy, bytes->bytes, bytes->length);
        run->image = copy;
    }
    run->in_setup = true;
    slot->in_setup = true;
    slot->faulted = false;
    slot->inject = 0;
    int status = run_inside(slot, load_inside, &result);
    slot->in_setup = false;
    run->in_setup = false;
    if (status != HAL_DOMAIN_OK) {
        return status == HAL_DOMAIN_FAULTED ? -AIOS_ERR_FAULT_CPU : -AIOS_ERR_SYSTEM_BUSY;
    }
    if ((int32_t)result < 0) {
        return (int32_t)result;
    }
    /* Built inside the domain, so checked before the kernel side follows them. */
    if (!in_arena(slot, run->module) || !in_arena(slot, run->instance)) {
        return -AIOS_ERR_VM_TRAP_HOST;
    }
    slot->module = run->module;
    slot->instance = run->instance;
    slot->step_func = run->step_func;
    slot->image = image;
    slot->call_pending = false;
    slot->trap = VM_OK;
    return (int32_t)result;
}

bool core_agents_init(core_syscall_fn syscall, core_grow_fn grow, core_fault_fn fault)
{
    syscall_handler = syscall;
    grow_handler = grow;
    fault_handler = fault;
    memset(&store.core, 0, sizeof store.core);
    deferred.kind = DEFERRED_NONE;
    domains = hal_domain_init() == HAL_DOMAIN_OK &&
              hal_domain_fence(&store, sizeof store) == HAL_DOMAIN_OK;
    for (size_t i = 0; i < AIOS_AGENT_SLOTS; i++) {
        slots[i].arena = &arenas[i].arena;
        domains = domains && hal_domain_configure(&slots[i].domain, &arenas[i], sizeof arenas[i]) ==
                                 HAL_DOMAIN_OK;
    }
    return domains;
}

bool core_agent_at(size_t index, uint16_t *agent, uint32_t *image)
{
    if (index >= AIOS_AGENT_SLOTS || !slots[index].used) {
        return false;
    }
    *agent = slots[index].agent;
    *image = slots[index].image;
    return true;
}

int32_t core_agent_spawn(uint16_t agent, uint32_t image)
{
    agent_slot_t *slot = find(agent);
    for (size_t i = 0; slot == NULL && i < AIOS_AGENT_SLOTS; i++) {
        if (!slots[i].used) {
            slot = &slots[i];
        }
    }
    if (slot == NULL) {
        return -AIOS_ERR_AGENT_TABLE_FULL;
    }
    slot->agent = agent;
    int32_t result = instantiate(slot, image);
    slot->used = result >= 0;
    return result;
}

void core_agent_destroy(uint16_t agent)
{
    agent_slot_t *slot = find(agent);
    if (slot != NULL) {
        slot->used = false;
    }
}

static int32_t snapshot_into(agent_slot_t *slot, void *buffer, size_t capacity, size_t *length)
{
    vm_status_t status = vm_snapshot_save(slot->instance, buffer, capacity, length);
    if (status == VM_BUFFER_TOO_SMALL) {
        return -AIOS_ERR_SYSTEM_OUT_OF_MEMORY;
    }
    return status == VM_OK ? 0 : -AIOS_ERR_SYSTEM_INVALID_ARGUMENT;
}

static int32_t clone_now(agent_slot_t *source, uint16_t copy)
{
    size_t length;
    int32_t status = snapshot_into(source, scratch, SCRATCH_BYTES, &length);
    if (status < 0) {
        return status;
    }
    status = core_agent_spawn(copy, source->image);
    if (status < 0) {
        return status;
    }
    agent_slot_t *target = find(copy);
    if (vm_snapshot_restore(target->instance, scratch, length) != VM_OK) {
        target->used = false;
        return -AIOS_ERR_SYSTEM_INVALID_ARGUMENT;
    }
    target->call_pending = source->call_pending;
    return status;
}

int32_t core_agent_clone(uint16_t source, uint16_t copy)
{
    agent_slot_t *from = find(source);
    if (from == NULL) {
        return -AIOS_ERR_AGENT_NOT_FOUND;
    }
    if (from != running) {
        return clone_now(from, copy);
    }
    /* The caller clones itself from inside its run: reserve the slot now, copy on return. */
    int32_t bytes = core_agent_spawn(copy, from->image);
    if (bytes >= 0) {
        deferred.kind = DEFERRED_CLONE;
        deferred.other = copy;
    }
    return bytes;
}

static int32_t state_version(agent_slot_t *slot, uint64_t *version)
{
    vm_extern_t ext;
    if (vm_instance_export(slot->instance, "state_version", 13, &ext) != VM_OK ||
        ext.kind != VM_EXTERN_GLOBAL) {
        return -1;
    }
    *version = ext.as.global->value;
    return 0;
}

int32_t core_agent_upgrade(uint16_t agent, uint32_t image, bool keep_state)
{
    agent_slot_t *slot = find(agent);
    uint64_t old_version = 0;
    size_t kept = 0;
    if (slot == NULL || core_agent_image(image) == NULL) {
        return -AIOS_ERR_SYSTEM_INVALID_ARGUMENT;
    }
    bool versioned = state_version(slot, &old_version) == 0;
    if (keep_state) {
        vm_memory_t *memory = vm_instance_memory(slot->instance);
        kept = memory != NULL ? memory->bytes : 0;
        if (!versioned || kept > SCRATCH_BYTES) {
            return -AIOS_ERR_AGENT_UPGRADE_INCOMPATIBLE;
        }
        memcpy(scratch, slot->arena->memory, kept);
    }
    uint32_t old_image = slot->image;
    int32_t bytes = instantiate(slot, image);
    if (bytes < 0) {
        (void)instantiate(slot, old_image);
        return bytes;
    }
    if (keep_state) {
        uint64_t new_version = 0;
        if (state_version(slot, &new_version) != 0 || new_version != old_version ||
            (size_t)bytes > kept) {
            (void)instantiate(slot, old_image);
            memcpy(slot->arena->memory, scratch, kept);
            return -AIOS_ERR_AGENT_UPGRADE_INCOMPATIBLE;
        }
        memcpy(slot->arena->memory, scratch, kept);
    }
    return bytes;
}

void core_agent_set_fuel(uint16_t agent, uint32_t fuel)
{
    agent_slot_t *slot = find(agent);
    if (slot != NULL) {
        slot->fuel = fuel;
    }
}

static int32_t snapshot_now(agent_slot_t *slot, uint32_t index)
{
    snapshot_slot_t *snapshot = &snapshots[index];
    int32_t status =
        snapshot_into(slot, snapshot->bytes, sizeof snapshot->bytes, &snapshot->length);
    if (status < 0) {
        return status;
    }
    snapshot->used = true;
    snapshot->module_hash = vm_module_hash(slot->module);
    return (int32_t)snapshot->length;
}

static int32_t restore_now(agent_slot_t *slot, uint32_t index)
{
    snapshot_slot_t *snapshot = &snapshots[index];
    if (!snapshot->used || snapshot->module_hash != vm_module_hash(slot->module) ||
        vm_snapshot_restore(slot->instance, snapshot->bytes, snapshot->length) != VM_OK) {
        return -AIOS_ERR_MEM_SNAPSHOT_MISSING;
    }
    return 0;
}

int32_t core_agent_snapshot(uint16_t agent, uint32_t index)
{
    agent_slot_t *slot = find(agent);
    if (slot == NULL) {
        return -AIOS_ERR_AGENT_NOT_FOUND;
    }
    if (index >= AIOS_SNAPSHOT_SLOTS) {
        return -AIOS_ERR_SYSTEM_OUT_OF_MEMORY;
    }
    if (slot != running) {
        int32_t status = snapshot_now(slot, index);
        if (status < 0) {
            return status;
        }
    } else {
        deferred.kind = DEFERRED_SNAPSHOT;
        deferred.slot = index;
        snapshots[index].used = false;
    }
    /* The size the kernel charges is the instance's memory either way: a snapshot of the caller
     * is only taken when its run returns, so the size with its VM state is not known yet. */
    vm_memory_t *memory = vm_instance_memory(slot->instance);
    return memory != NULL ? (int32_t)memory->bytes : 0;
}

int32_t core_agent_restore(uint16_t agent, uint32_t index)
{
    agent_slot_t *slot = find(agent);
    if (slot == NULL || index >= AIOS_SNAPSHOT_SLOTS || !snapshots[index].used) {
        return -AIOS_ERR_MEM_SNAPSHOT_MISSING;
    }
    if (slot != running) {
        return restore_now(slot, index);
    }
    deferred.kind = DEFERRED_RESTORE;
    deferred.slot = index;
    return 0;
}

void core_agent_snapshot_drop(uint32_t index)
{
    if (index < AIOS_SNAPSHOT_SLOTS) {
        snapshots[index].used = false;
    }
}

static void run_deferred(agent_slot_t *slot)
{
    deferred_t kind = deferred.kind;
    deferred.kind = DEFERRED_NONE;
    if (kind == DEFERRED_CLONE) {
        agent_slot_t *copy = find(deferred.other);
        if (copy != NULL) {
            copy->used = false;
            (void)clone_now(slot, deferred.other);
        }
    } else if (kind == DEFERRED_SNAPSHOT) {
        (void)snapshot_now(slot, deferred.slot);
    } else if (kind == DEFERRED_RESTORE) {
        (void)restore_now(slot, deferred.slot);
    }
}

/* Test hook: recurses until the stack runs out; each frame keeps a buffer the compiler cannot
 * drop, and the addition after the call keeps it from becoming a loop. */
static uint32_t overflow(uint32_t depth)
{
    volatile uint8_t frame[64];
    frame[depth % sizeof frame] = (uint8_t)depth;
    if (depth == UINT32_MAX) {
        return 0;
    }
    return overflow(depth + 1) + frame[depth % sizeof frame];
}

/* Inside the domain: interpret the step, after the test hook's misbehaviour when armed. */
static uint32_t step_inside(void *context)
{
    agent_arena_t *arena = context;
    if (arena->run.inject == AIOS_FAULT_INJECTION_AGENT_STACK + 1u) {
        (void)overflow(0);
    } else if (arena->run.inject != 0) {
        *(volatile uint8_t *)arena->run.inject_at = 0xA5;
    }
    return (uint32_t)vm_run(arena->run.instance, arena->run.fuel);
}

core_slice_end_t core_agent_run(uint16_t agent, uint32_t *fuel_used)
{
    agent_slot_t *slot = find(agent);
    agent_run_t *run;
    uint32_t exit = VM_EXIT_TRAP;
    *fuel_used = 0;
    if (slot == NULL || slot->faulted) {
        return CORE_SLICE_TRAPPED;
    }
    if (!slot->call_pending) {
        if (vm_invoke(slot->instance, slot->step_func, NULL, 0) != VM_OK) {
            slot->trap = VM_TRAP_STACK_EXHAUSTED;
            return CORE_SLICE_TRAPPED;
        }
        slot->call_pending = true;
    }
    if (slot->inject == AIOS_FAULT_INJECTION_KERNEL_STACK + 1u) {
        /* Outside the domain, on the kernel's stack: nothing smaller than the board contains
         * this one. */
        (void)overflow(0);
    }
    run = &slot->arena->run;
    run->instance = slot->instance;
    run->fuel = slot->fuel;
    run->inject = slot->inject;
    run->inject_at = slot->inject_at;
    slot->inject = 0;
    running = slot;
    preemptible = slot->instance;
    int status = run_inside(slot, step_inside, &exit);
    preemptible = NULL;
    running = NULL;
    if (status == HAL_DOMAIN_FAULTED) {
        /* The instance is garbage: charge the whole slice and forget what it asked for. */
        *fuel_used = slot->fuel;
        slot->fuel = 0;
        deferred.kind = DEFERRED_NONE;
        return CORE_SLICE_FAULTED;
    }
    uint32_t left = vm_fuel_left(slot->instance);
    /* Every run costs at least one unit, so even an empty step moves the agent's clock. */
    if (left > 0 && left == slot->fuel) {
        left--;
    }
    *fuel_used = slot->fuel > left ? slot->fuel - left : 0;
    slot->fuel = left;
    vm_exit_t outcome = status == HAL_DOMAIN_OK ? (vm_exit_t)exit : VM_EXIT_TRAP;
    /* Settled before the deferred copies: a clone the step asked for must not inherit the step
     * that has just finished as still pending (its first run would replay the original's
     * result instead of calling `step`). */
    slot->call_pending = outcome == VM_EXIT_YIELD;
    if (outcome != VM_EXIT_DONE && outcome != VM_EXIT_YIELD) {
        slot->trap = exit == VM_EXIT_TRAP ? vm_trap(slot->instance) : VM_TRAP_HOST;
    }
    run_deferred(slot);
    switch (outcome) {
    case VM_EXIT_DONE:
        return CORE_SLICE_STEP_DONE;
    case VM_EXIT_YIELD:
        return CORE_SLICE_PREEMPTED;
    default:
        return CORE_SLICE_TRAPPED;
    }
}

void core_agent_preempt_running(void)
{
    vm_instance_t *instance = preemptible;
    if (instance != NULL) {
        vm_preempt(instance);
    } else {
        preempt_missed = true;
    }
}

vm_status_t core_agent_trap(uint16_t agent)
{
    agent_slot_t *slot = find(agent);
    return slot != NULL ? slot->trap : VM_OK;
}

aios_fault_kind_t core_agent_fault_kind(uint16_t agent)
{
    agent_slot_t *slot = find(agent);
    return slot != NULL && slot->faulted ? slot->fault.kind : AIOS_FAULT_KIND_VM_TRAP;
}

vm_instance_t *core_agent_instance(uint16_t agent)
{
    agent_slot_t *slot = find(agent);
    return slot != NULL && !slot->faulted ? slot->instance : NULL;
}

int32_t core_agent_inject_fault(uint16_t agent, aios_fault_injection_t target, uint32_t *address)
{
    agent_slot_t *slot = find(agent);
    uintptr_t at = 0;
    if (slot == NULL) {
        return -AIOS_ERR_AGENT_NOT_FOUND;
    }
    /* Without domains the write would land for real: refuse rather than corrupt. */
    if (!domains) {
        return -AIOS_ERR_SYSTEM_INVALID_ARGUMENT;
    }
    switch (target) {
    case AIOS_FAULT_INJECTION_OTHER_AGENT: {
        size_t next = ((size_t)(slot - slots) + 1u) % AIOS_AGENT_SLOTS;
        if (&slots[next] == slot) {
            return -AIOS_ERR_SYSTEM_INVALID_ARGUMENT;
        }
        at = (uintptr_t)arenas[next].arena.memory;
        break;
    }
    case AIOS_FAULT_INJECTION_KERNEL:
        /* The core's record of this very agent: a write here would lose track of it. */
        at = (uintptr_t)&slot->agent;
        break;
    case AIOS_FAULT_INJECTION_AGENT_STACK:
    case AIOS_FAULT_INJECTION_KERNEL_STACK:
        break;
    default:
        return -AIOS_ERR_SYSTEM_INVALID_ARGUMENT;
    }
    slot->inject = (uint8_t)(target + 1u);
    slot->inject_at = at;
    *address = (uint32_t)at;
    return 0;
}

/* ---- measuring the domain switch ------------------------------------------------------ */

static uint32_t nothing(void *context)
{
    (void)context;
    return 0;
}

static uint32_t calls_inside(void *context)
{
    const agent_arena_t *arena = context;
    for (uint32_t i = 0; i < arena->run.fuel; i++) {
        (void)hal_domain_call(nothing, NULL);
    }
    return 0;
}

int32_t core_agent_domain_bench(uint32_t rounds, uint32_t elapsed_us[3])
{
    /* Slot 0's domain: the empty calls touch nothing in it. Through a volatile pointer, the
     * direct calls are real calls too. */
    agent_slot_t *slot = &slots[0];
    hal_domain_fn volatile direct = nothing;
    hal_fault_record_t fault;
    uint32_t result;
    int status = HAL_DOMAIN_OK;
    if (!domains) {
        return -AIOS_ERR_SYSTEM_INVALID_ARGUMENT;
    }
    uint64_t start = hal_clock_us();
    for (uint32_t i = 0; i < rounds; i++) {
        (void)direct(NULL);
    }
    uint64_t direct_done = hal_clock_us();
    /* Each phase takes well under the watchdog's timeout, even under qemu-user. */
    hal_watchdog_feed();
    for (uint32_t i = 0; i < rounds && status == HAL_DOMAIN_OK; i++) {
        status = hal_domain_run(&slot->domain, nothing, slot->arena, &result, &fault);
    }
    uint64_t runs_done = hal_clock_us();
    hal_watchdog_feed();
    uint32_t fuel = slot->arena->run.fuel;
    slot->arena->run.fuel = rounds;
    if (status == HAL_DOMAIN_OK) {
        status = hal_domain_run(&slot->domain, calls_inside, slot->arena, &result, &fault);
    }
    slot->arena->run.fuel = fuel;
    uint64_t calls_done = hal_clock_us();
    elapsed_us[0] = (uint32_t)(direct_done - start);
    elapsed_us[1] = (uint32_t)(runs_done - direct_done);
    elapsed_us[2] = (uint32_t)(calls_done - runs_done);
    return status == HAL_DOMAIN_OK ? 0 : -AIOS_ERR_FAULT_CPU;
}
