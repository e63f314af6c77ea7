/* Agent instances in fixed slots. Each slot owns its module arena, instance arena and linear
 * memory, so one agent's bad access can only reach its own slot (the MPU fences it on
 * Cortex-M). State copies that the running agent asks for about itself (clone, snapshot,
 * restore of the caller) cannot happen inside its own vm_run; they are queued and done the
 * moment its run returns, before any other agent runs. */
#include "aios/agents.h"

#include "aios/generated/protocol.h"
#include "aios/images.h"
#include "aios/core_config.h"

#include <string.h>

typedef struct {
    bool used;
    uint16_t agent;
    uint32_t image;
    vm_module_t *module;
    vm_instance_t *instance;
    uint32_t step_func;
    bool in_setup;     /* running the module's start function: no syscalls, no growth */
    bool call_pending; /* a step is invoked and not finished */
    uint32_t fuel;
    vm_status_t trap;
    /* uint64_t keeps the arenas 8-byte aligned, as the VM requires. */
    uint64_t module_arena[AIOS_AGENT_MODULE_ARENA_BYTES / 8u];
    uint64_t instance_arena[AIOS_AGENT_INSTANCE_ARENA_BYTES / 8u];
    uint64_t memory[AIOS_AGENT_MEMORY_BYTES / 8u];
} agent_slot_t;

typedef struct {
    bool used;
    uint64_t module_hash;
    size_t length;
    uint64_t bytes[AIOS_SNAPSHOT_BYTES / 8u];
} snapshot_slot_t;

typedef enum { DEFERRED_NONE, DEFERRED_CLONE, DEFERRED_SNAPSHOT, DEFERRED_RESTORE } deferred_t;

static agent_slot_t slots[AIOS_AGENT_SLOTS];
static snapshot_slot_t snapshots[AIOS_SNAPSHOT_SLOTS];
static uint64_t scratch[AIOS_SNAPSHOT_BYTES / 8u];
static core_syscall_fn syscall_handler;
static core_grow_fn grow_handler;
static agent_slot_t *volatile running;
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

static vm_host_action_t syscall_entry(vm_instance_t *inst, void *user, const vm_value_t *args,
                                      vm_value_t *results)
{
    const agent_slot_t *slot = vm_instance_user(inst);
    int32_t words[6];
    (void)user;
    /* The kernel is mid-spawn while start code runs (ABI.md: setup makes no syscalls). */
    if (slot->in_setup) {
        return VM_HOST_TRAP;
    }
    for (size_t i = 0; i < 6; i++) {
        words[i] = (int32_t)vm_as_i32(args[i]);
    }
    results[0] = vm_value_i32((uint32_t)syscall_handler(slot->agent, words));
    return VM_HOST_RETURN;
}

static int grow_entry(void *user, uint32_t old_pages, uint32_t new_pages)
{
    const agent_slot_t *slot = user;
    uint32_t delta = (new_pages - old_pages) * VM_PAGE_SIZE;
    return !slot->in_setup && grow_handler(slot->agent, (int32_t)delta) == 0;
}

static const vm_host_func_t syscall_func = {"iiiiii", "i", syscall_entry, NULL};
static const vm_import_def_t agent_imports[] = {
    {"aios", "syscall", {VM_EXTERN_HOST, {.host = &syscall_func}}},
};

void core_agents_init(core_syscall_fn syscall, core_grow_fn grow)
{
    syscall_handler = syscall;
    grow_handler = grow;
    memset(slots, 0, sizeof slots);
    memset(snapshots, 0, sizeof snapshots);
    deferred.kind = DEFERRED_NONE;
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

/* Loads and instantiates `image` into `slot` (which keeps its id). */
static int32_t instantiate(agent_slot_t *slot, uint32_t image)
{
    const core_image_t *bytes = core_agent_image(image);
    vm_instance_config_t config = {AIOS_AGENT_STACK_SLOTS,
                                   AIOS_AGENT_CALL_DEPTH,
                                   (uint8_t *)slot->memory,
                                   sizeof slot->memory,
                                   grow_entry,
                                   slot};
    size_t need;
    vm_status_t status;
    if (bytes == NULL) {
        return -AIOS_ERR_SYSTEM_INVALID_ARGUMENT;
    }
    status = vm_module_load(&slot->module, bytes->bytes, bytes->length, slot->module_arena,
                            sizeof slot->module_arena, NULL);
    if (status == VM_OK) {
        status = vm_instance_arena_size(slot->module, &config, &need);
    }
    if (status == VM_OK && need > sizeof slot->instance_arena) {
        status = VM_ARENA_EXHAUSTED;
    }
    if (status == VM_OK) {
        status = vm_instantiate(&slot->instance, slot->module, agent_imports, 1, &config,
                                slot->instance_arena, sizeof slot->instance_arena, NULL);
    }
    if (status == VM_OK) {
        status = vm_module_find_export(slot->module, "step", 4, VM_EXTERN_FUNC, &slot->step_func);
    }
    if (status != VM_OK) {
        return load_error(status);
    }
    uint32_t start;
    if (vm_module_start(slot->module, &start) == VM_OK) {
        slot->in_setup = true;
        vm_exit_t exit = VM_EXIT_TRAP;
        if (vm_invoke(slot->instance, start, NULL, 0) == VM_OK) {
            exit = vm_run(slot->instance, AIOS_AGENT_SETUP_FUEL);
        }
        slot->in_setup = false;
        if (exit != VM_EXIT_DONE) {
            return -AIOS_ERR_VM_TRAP_HOST;
        }
    }
    slot->image = image;
    slot->call_pending = false;
    slot->trap = VM_OK;
    vm_memory_t *memory = vm_instance_memory(slot->instance);
    return memory != NULL ? (int32_t)memory->bytes : 0;
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
    int32_t status = snapshot_into(source, scratch, sizeof scratch, &length);
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
        if (!versioned || kept > sizeof scratch) {
            return -AIOS_ERR_AGENT_UPGRADE_INCOMPATIBLE;
        }
        memcpy(scratch, slot->memory, kept);
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
            memcpy(slot->memory, scratch, kept);
            return -AIOS_ERR_AGENT_UPGRADE_INCOMPATIBLE;
        }
        memcpy(slot->memory, scratch, kept);
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
        return snapshot_now(slot, index);
    }
    vm_memory_t *memory = vm_instance_memory(slot->instance);
    deferred.kind = DEFERRED_SNAPSHOT;
    deferred.slot = index;
    snapshots[index].used = false;
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

core_slice_end_t core_agent_run(uint16_t agent, uint32_t *fuel_used)
{
    agent_slot_t *slot = find(agent);
    *fuel_used = 0;
    if (slot == NULL) {
        return CORE_SLICE_TRAPPED;
    }
    if (!slot->call_pending) {
        if (vm_invoke(slot->instance, slot->step_func, NULL, 0) != VM_OK) {
            slot->trap = VM_TRAP_STACK_EXHAUSTED;
            return CORE_SLICE_TRAPPED;
        }
        slot->call_pending = true;
    }
    running = slot;
    vm_exit_t exit = vm_run(slot->instance, slot->fuel);
    running = NULL;
    uint32_t left = vm_fuel_left(slot->instance);
    /* Every run costs at least one unit, so even an empty step moves the agent's clock. */
    if (left > 0 && left == slot->fuel) {
        left--;
    }
    *fuel_used = slot->fuel > left ? slot->fuel - left : 0;
    slot->fuel = left;
    run_deferred(slot);
    switch (exit) {
    case VM_EXIT_DONE:
        slot->call_pending = false;
        return CORE_SLICE_STEP_DONE;
    case VM_EXIT_YIELD:
        return CORE_SLICE_PREEMPTED;
    case VM_EXIT_BLOCKED:
    case VM_EXIT_TRAP:
    default:
        slot->call_pending = false;
        slot->trap = exit == VM_EXIT_TRAP ? vm_trap(slot->instance) : VM_TRAP_HOST;
        return CORE_SLICE_TRAPPED;
    }
}

void core_agent_preempt_running(void)
{
    agent_slot_t *slot = running;
    if (slot != NULL) {
        vm_preempt(slot->instance);
    }
}

vm_status_t core_agent_trap(uint16_t agent)
{
    agent_slot_t *slot = find(agent);
    return slot != NULL ? slot->trap : VM_OK;
}

vm_instance_t *core_agent_instance(uint16_t agent)
{
    agent_slot_t *slot = find(agent);
    return slot != NULL ? slot->instance : NULL;
}
