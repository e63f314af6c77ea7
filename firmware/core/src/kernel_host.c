/* kernel.wasm hosted in the VM. The kernel runs to completion on every call (it is trusted
 * policy and never waits); a kernel trap is a kernel bug, reported and answered with a reset.
 * The kernel's memory is fenced from every agent's fault domain; a CPU fault inside one is
 * reported as a `fault` frame and handed to the kernel (k_fault) like a VM trap. */
#include "aios/kernel_host.h"

#include "aios/agents.h"
#include "aios/core_config.h"
#include "aios/images.h"
#include "aios/link.h"
#include "aios/sha256.h"
#include "aios/vm.h"
#include "hal/alarm.h"
#include "hal/clock.h"
#include "hal/cpu.h"
#include "hal/domain.h"
#include "hal/flash.h"
#include "hal/watchdog.h"

#include <string.h>

/* Address spaces of the `copy` import (abi/core.ts Space). */
enum { SPACE_KERNEL = 0, SPACE_ARENA = 1, SPACE_FLASH = 2, SPACE_AGENT = 3 };
enum { RIGHT_READ = 1, RIGHT_WRITE = 2, MPU_SLOTS = 4 };

typedef struct {
    uint32_t offset;
    uint32_t length;
    uint32_t rights;
} arena_mapping_t;

/* The kernel's MPU domains over the region arena, per agent slot. */
typedef struct {
    uint16_t agent;
    arena_mapping_t mappings[MPU_SLOTS];
} arena_domain_t;

enum kernel_export {
    K_BOOT,
    K_TICK,
    K_SCHEDULE,
    K_STEP_END,
    K_SLICE_END,
    K_SYSCALL,
    K_FAULT,
    K_MEMORY_GROW,
    K_COMMAND_BUFFER,
    K_COMMAND,
    K_EXPORT_COUNT
};
static const char *const export_names[K_EXPORT_COUNT] = {
    "k_boot",    "k_tick",  "k_schedule",    "k_step_end",       "k_slice_end",
    "k_syscall", "k_fault", "k_memory_grow", "k_command_buffer", "k_command"};

/* Everything of the kernel's that agents must not reach, as one range to fence. */
typedef struct {
    uint64_t module_arena[AIOS_KERNEL_MODULE_ARENA_BYTES / 8u];
    uint64_t instance_arena[AIOS_KERNEL_INSTANCE_ARENA_BYTES / 8u];
    uint64_t memory[AIOS_KERNEL_MEMORY_BYTES / 8u];
    uint8_t region_arena[AIOS_REGION_ARENA_BYTES];
} kernel_store_t;

static union {
    kernel_store_t kernel;
    uint8_t reserve[HAL_FENCE_SIZE(sizeof(kernel_store_t))];
} store __attribute__((aligned(HAL_FENCE_GRANULE)));
static arena_domain_t domains[AIOS_AGENT_SLOTS];
static vm_module_t *kernel_module;
static vm_instance_t *kernel;
static uint32_t exports[K_EXPORT_COUNT];
/* Each export's parameter and result counts, looked up once at boot instead of on every call. */
static uint8_t export_params[K_EXPORT_COUNT];
static uint8_t export_results[K_EXPORT_COUNT];
static uint32_t command_buffer;
static volatile uint64_t alarm_at = UINT64_MAX;
static bool tracing;
static volatile int alarm_due;

/* Text for log events without printf, which would pull an allocator into the firmware. */
typedef struct {
    char text[96];
    size_t length;
} message_t;

static void say(message_t *m, const char *part)
{
    while (*part != '\0' && m->length + 1 < sizeof m->text) {
        m->text[m->length++] = *part++;
    }
    m->text[m->length] = '\0';
}

static void say_number(message_t *m, uint32_t value)
{
    char digits[11];
    size_t count = 0;
    do {
        digits[count++] = (char)('0' + value % 10u);
        value /= 10u;
    } while (value != 0);
    while (count > 0 && m->length + 1 < sizeof m->text) {
        m->text[m->length++] = digits[--count];
    }
    m->text[m->length] = '\0';
}

static void say_at(aios_severity_t severity, const char *text)
{
    uint8_t payload[AIOS_MAX_PAYLOAD_BYTES];
    aios_writer_t w;
    aios_writer_init(&w, payload, sizeof payload);
    aios_encode_log(&w, 0, (uint8_t)severity, text);
    core_link_emit(AIOS_FRAME_LOG, w.data, w.length);
}

static void report(const char *text)
{
    say_at(AIOS_SEVERITY_CRITICAL, text);
}

/* Calls a kernel export to completion. A trap or a runaway kernel is fatal. */
static int32_t kernel_call(enum kernel_export which, const vm_value_t *args, uint32_t nargs)
{
    vm_value_t result = 0;
    message_t m = {{0}, 0};
    vm_status_t status = vm_invoke(kernel, exports[which], args, nargs);
    if (status == VM_OK) {
        vm_exit_t exit = vm_run(kernel, UINT32_MAX);
        status = exit == VM_EXIT_DONE ? VM_OK : vm_trap(kernel);
        if (exit == VM_EXIT_YIELD) {
            status = VM_TRAP_STACK_EXHAUSTED;
        }
    }
    if (status != VM_OK) {
        say(&m, "kernel ");
        say(&m, export_names[which]);
        say(&m, " failed: ");
        say(&m, vm_status_text(status));
        report(m.text);
        hal_reset(AIOS_RESET_CAUSE_FAULT);
    }
    if (export_results[which] == 1) {
        (void)vm_results(kernel, &result, 1);
    }
    return (int32_t)vm_as_i32(result);
}

static int32_t call_i(enum kernel_export which, int32_t a, int32_t b, int32_t c)
{
    vm_value_t args[3] = {vm_value_i32((uint32_t)a), vm_value_i32((uint32_t)b),
                          vm_value_i32((uint32_t)c)};
    return kernel_call(which, args, export_params[which]);
}

/* ---- core imports --------------------------------------------------------------------- */

#define ARG(i) ((int32_t)vm_as_i32(args[i]))
#define HOST(name)                                                                                 \
    static vm_host_action_t name(vm_instance_t *inst, void *user, const vm_value_t *args,          \
                                 vm_value_t *results)

static uint8_t *kernel_bytes(uint32_t offset, uint32_t length)
{
    return vm_memory_span(kernel, offset, length);
}

HOST(import_clock_us)
{
    (void)inst, (void)user, (void)args;
    results[0] = vm_value_i64(hal_clock_us());
    return VM_HOST_RETURN;
}

HOST(import_alarm_arm)
{
    (void)inst, (void)user, (void)results;
    int64_t at = (int64_t)vm_as_i64(args[0]);
    alarm_at = at < 0 ? UINT64_MAX : (uint64_t)at;
    hal_alarm_set(alarm_at);
    return VM_HOST_RETURN;
}

HOST(import_emit)
{
    (void)inst, (void)user, (void)results;
    const uint8_t *payload = kernel_bytes((uint32_t)ARG(1), (uint32_t)ARG(2));
    if (payload != NULL) {
        core_link_emit((uint8_t)ARG(0), payload, (size_t)ARG(2));
    }
    return VM_HOST_RETURN;
}

static arena_domain_t *domain_of(uint16_t agent, bool create)
{
    arena_domain_t *free_domain = NULL;
    for (size_t i = 0; i < AIOS_AGENT_SLOTS; i++) {
        if (domains[i].agent == agent) {
            return &domains[i];
        }
        if (domains[i].agent == 0 && free_domain == NULL) {
            free_domain = &domains[i];
        }
    }
    if (create && free_domain != NULL) {
        memset(free_domain, 0, sizeof *free_domain);
        free_domain->agent = agent;
        return free_domain;
    }
    return NULL;
}

static bool domain_allows(uint16_t agent, uint32_t offset, uint32_t length, uint32_t right)
{
    const arena_domain_t *domain = domain_of(agent, false);
    for (size_t i = 0; domain != NULL && i < MPU_SLOTS; i++) {
        const arena_mapping_t *m = &domain->mappings[i];
        if ((m->rights & right) != 0 && offset >= m->offset &&
            (uint64_t)offset + length <= (uint64_t)m->offset + m->length) {
            return true;
        }
    }
    return false;
}

/* Resolves a range of a space to memory; FLASH is handled by the caller. */
static uint8_t *space_bytes(int32_t space, uint32_t offset, uint32_t length, uint16_t agent)
{
    switch (space) {
    case SPACE_KERNEL:
        return kernel_bytes(offset, length);
    case SPACE_ARENA:
        if (offset > sizeof store.kernel.region_arena ||
            length > sizeof store.kernel.region_arena - offset) {
            return NULL;
        }
        return &store.kernel.region_arena[offset];
    case SPACE_AGENT: {
        vm_instance_t *instance = core_agent_instance(agent);
        return instance != NULL ? vm_memory_span(instance, offset, length) : NULL;
    }
    default:
        return NULL;
    }
}

HOST(import_copy)
{
    (void)inst, (void)user;
    int32_t dst_space = ARG(0), src_space = ARG(2), length = ARG(4);
    uint32_t dst = (uint32_t)ARG(1), src = (uint32_t)ARG(3);
    uint16_t agent = (uint16_t)ARG(5);
    int32_t status = -AIOS_ERR_MEM_OUT_OF_BOUNDS;
    if (length < 0 || ARG(1) < 0 || ARG(3) < 0) {
        results[0] = vm_value_i32((uint32_t)status);
        return VM_HOST_RETURN;
    }
    /* The MPU would fault an agent's own access outside its domain; the kernel acting on its
     * behalf is held to the same fence. */
    if (agent != 0 &&
        ((src_space == SPACE_ARENA && !domain_allows(agent, src, (uint32_t)length, RIGHT_READ)) ||
         (dst_space == SPACE_ARENA && !domain_allows(agent, dst, (uint32_t)length, RIGHT_WRITE)))) {
        results[0] = vm_value_i32((uint32_t)-AIOS_ERR_MEM_OUT_OF_BOUNDS);
        return VM_HOST_RETURN;
    }
    if (dst_space == SPACE_FLASH) {
        const uint8_t *from = space_bytes(src_space, src, (uint32_t)length, agent);
        if (from != NULL) {
            status =
                hal_flash_program(dst, from, (size_t)length) == 0 ? 0 : -AIOS_ERR_MEM_FLASH_FAILED;
        }
    } else if (src_space == SPACE_FLASH) {
        uint8_t *to = space_bytes(dst_space, dst, (uint32_t)length, agent);
        if (to != NULL) {
            status = hal_flash_read(src, to, (size_t)length) == 0 ? 0 : -AIOS_ERR_MEM_FLASH_FAILED;
        }
    } else {
        uint8_t *to = space_bytes(dst_space, dst, (uint32_t)length, agent);
        const uint8_t *from = space_bytes(src_space, src, (uint32_t)length, agent);
        if (to != NULL && from != NULL) {
            memmove(to, from, (size_t)length);
            status = 0;
        }
    }
    results[0] = vm_value_i32((uint32_t)status);
    return VM_HOST_RETURN;
}

HOST(import_flash_erase)
{
    (void)inst, (void)user;
    int ok = ARG(0) >= 0 && ARG(1) >= 0 && hal_flash_erase((uint32_t)ARG(0), (size_t)ARG(1)) == 0;
    results[0] = vm_value_i32(ok ? 0u : (uint32_t)-AIOS_ERR_MEM_FLASH_FAILED);
    return VM_HOST_RETURN;
}

HOST(import_sha256)
{
    (void)inst, (void)user;
    const core_image_t *image = core_agent_image((uint32_t)ARG(0));
    uint8_t *out = kernel_bytes((uint32_t)ARG(1), AIOS_SHA256_BYTES);
    aios_sha256_t ctx;
    if (image == NULL || out == NULL) {
        results[0] = vm_value_i32((uint32_t)-AIOS_ERR_SVC_INVALID);
        return VM_HOST_RETURN;
    }
    aios_sha256_init(&ctx);
    aios_sha256_update(&ctx, image->bytes, image->length);
    aios_sha256_final(&ctx, out);
    results[0] = vm_value_i32(0);
    return VM_HOST_RETURN;
}

HOST(import_mpu_map)
{
    (void)inst, (void)user;
    arena_domain_t *domain = domain_of((uint16_t)ARG(0), true);
    int32_t slot = ARG(1);
    if (domain == NULL || slot < 0 || slot >= MPU_SLOTS || ARG(2) < 0 || ARG(3) < 0) {
        results[0] = vm_value_i32((uint32_t)-AIOS_ERR_MEM_MPU_EXHAUSTED);
        return VM_HOST_RETURN;
    }
    arena_mapping_t mapping = {(uint32_t)ARG(2), (uint32_t)ARG(3), (uint32_t)ARG(4)};
    domain->mappings[slot] = mapping;
    results[0] = vm_value_i32(0);
    return VM_HOST_RETURN;
}

HOST(import_watchdog_feed)
{
    (void)inst, (void)user, (void)args, (void)results;
    hal_watchdog_feed();
    return VM_HOST_RETURN;
}

HOST(import_board_reset)
{
    (void)inst, (void)user, (void)results;
    hal_reset((aios_reset_cause_t)ARG(0));
    return VM_HOST_TRAP;
}

HOST(import_panic)
{
    message_t m = {{0}, 0};
    (void)inst, (void)user, (void)results;
    say(&m, "kernel panic at kernel.wasm line ");
    say_number(&m, (uint32_t)ARG(0));
    say(&m, ":");
    say_number(&m, (uint32_t)ARG(1));
    report(m.text);
    hal_reset(AIOS_RESET_CAUSE_FAULT);
    return VM_HOST_TRAP;
}

HOST(import_vm_spawn)
{
    (void)inst, (void)user;
    results[0] = vm_value_i32((uint32_t)core_agent_spawn((uint16_t)ARG(0), (uint32_t)ARG(1)));
    return VM_HOST_RETURN;
}

HOST(import_vm_destroy)
{
    (void)inst, (void)user, (void)results;
    arena_domain_t *domain = domain_of((uint16_t)ARG(0), false);
    if (domain != NULL) {
        domain->agent = 0;
    }
    core_agent_destroy((uint16_t)ARG(0));
    return VM_HOST_RETURN;
}

HOST(import_vm_clone)
{
    (void)inst, (void)user;
    results[0] = vm_value_i32((uint32_t)core_agent_clone((uint16_t)ARG(0), (uint16_t)ARG(1)));
    return VM_HOST_RETURN;
}

HOST(import_vm_upgrade)
{
    (void)inst, (void)user;
    int32_t status = core_agent_upgrade((uint16_t)ARG(0), (uint32_t)ARG(1), ARG(2) != 0);
    results[0] = vm_value_i32((uint32_t)status);
    return VM_HOST_RETURN;
}

HOST(import_vm_set_fuel)
{
    (void)inst, (void)user, (void)results;
    core_agent_set_fuel((uint16_t)ARG(0), ARG(1) > 0 ? (uint32_t)ARG(1) : 0u);
    return VM_HOST_RETURN;
}

HOST(import_vm_snapshot)
{
    (void)inst, (void)user;
    results[0] = vm_value_i32((uint32_t)core_agent_snapshot((uint16_t)ARG(0), (uint32_t)ARG(1)));
    return VM_HOST_RETURN;
}

HOST(import_vm_restore)
{
    (void)inst, (void)user;
    results[0] = vm_value_i32((uint32_t)core_agent_restore((uint16_t)ARG(0), (uint32_t)ARG(1)));
    return VM_HOST_RETURN;
}

HOST(import_vm_snapshot_drop)
{
    (void)inst, (void)user, (void)results;
    core_agent_snapshot_drop((uint32_t)ARG(0));
    return VM_HOST_RETURN;
}

HOST(import_io_submit)
{
    (void)inst, (void)user;
    vm_instance_t *agent = core_agent_instance((uint16_t)ARG(0));
    int32_t length = ARG(3) > 255 ? 255 : ARG(3);
    const uint8_t *data = agent != NULL && length >= 0
                              ? vm_memory_span(agent, (uint32_t)ARG(2), (uint32_t)length)
                              : NULL;
    if (data == NULL) {
        results[0] = vm_value_i32((uint32_t)-AIOS_ERR_MEM_OUT_OF_BOUNDS);
        return VM_HOST_RETURN;
    }
    uint8_t payload[AIOS_MAX_PAYLOAD_BYTES];
    aios_writer_t w;
    aios_writer_init(&w, payload, sizeof payload);
    aios_encode_agent_io(&w, (uint16_t)ARG(0), (uint8_t)ARG(1),
                         (aios_span_t){data, (uint8_t)length});
    core_link_emit(AIOS_FRAME_AGENT_IO, w.data, w.length);
    results[0] = vm_value_i32((uint32_t)length);
    return VM_HOST_RETURN;
}

#define IMPORT(name, params, results, fn)                                                          \
    static const vm_host_func_t fn##_def = {params, results, fn, NULL};
IMPORT(clock_us, "", "I", import_clock_us)
IMPORT(alarm_arm, "I", "", import_alarm_arm)
IMPORT(emit, "iii", "", import_emit)
IMPORT(copy, "iiiiii", "i", import_copy)
IMPORT(flash_erase, "ii", "i", import_flash_erase)
IMPORT(sha256, "ii", "i", import_sha256)
IMPORT(mpu_map, "iiiii", "i", import_mpu_map)
IMPORT(watchdog_feed, "", "", import_watchdog_feed)
IMPORT(board_reset, "i", "", import_board_reset)
IMPORT(panic, "ii", "", import_panic)
IMPORT(vm_spawn, "ii", "i", import_vm_spawn)
IMPORT(vm_destroy, "i", "", import_vm_destroy)
IMPORT(vm_clone, "ii", "i", import_vm_clone)
IMPORT(vm_upgrade, "iii", "i", import_vm_upgrade)
IMPORT(vm_set_fuel, "ii", "", import_vm_set_fuel)
IMPORT(vm_snapshot, "ii", "i", import_vm_snapshot)
IMPORT(vm_restore, "ii", "i", import_vm_restore)
IMPORT(vm_snapshot_drop, "i", "", import_vm_snapshot_drop)
IMPORT(io_submit, "iiii", "i", import_io_submit)

#define DEF(name, fn)                                                                              \
    {                                                                                              \
        "core", name,                                                                              \
        {                                                                                          \
            VM_EXTERN_HOST,                                                                        \
            {                                                                                      \
                .host = &fn##_def                                                                  \
            }                                                                                      \
        }                                                                                          \
    }
static const vm_import_def_t kernel_imports[] = {
    DEF("clock_us", import_clock_us),
    DEF("alarm_arm", import_alarm_arm),
    DEF("emit", import_emit),
    DEF("copy", import_copy),
    DEF("flash_erase", import_flash_erase),
    DEF("sha256", import_sha256),
    DEF("mpu_map", import_mpu_map),
    DEF("watchdog_feed", import_watchdog_feed),
    DEF("board_reset", import_board_reset),
    DEF("panic", import_panic),
    DEF("vm_spawn", import_vm_spawn),
    DEF("vm_destroy", import_vm_destroy),
    DEF("vm_clone", import_vm_clone),
    DEF("vm_upgrade", import_vm_upgrade),
    DEF("vm_set_fuel", import_vm_set_fuel),
    DEF("vm_snapshot", import_vm_snapshot),
    DEF("vm_restore", import_vm_restore),
    DEF("vm_snapshot_drop", import_vm_snapshot_drop),
    DEF("io_submit", import_io_submit),
};

/* ---- agents' way in ------------------------------------------------------------------- */

static int32_t agent_syscall(uint16_t agent, const int32_t words[6])
{
    vm_value_t args[7];
    args[0] = vm_value_i32(agent);
    for (size_t i = 0; i < 6; i++) {
        args[i + 1] = vm_value_i32((uint32_t)words[i]);
    }
    return kernel_call(K_SYSCALL, args, 7);
}

static int32_t agent_grow(uint16_t agent, int32_t delta)
{
    return call_i(K_MEMORY_GROW, agent, delta, 0);
}

/* The `fault` frame of a CPU fault inside an agent's domain. k_fault follows once the run has
 * ended (core_kernel_run); when loading the agent faulted, its spawn fails with fault_cpu. */
static void agent_faulted(uint16_t agent, const hal_fault_record_t *record)
{
    uint8_t payload[64];
    aios_writer_t w;
    aios_writer_init(&w, payload, sizeof payload);
    aios_encode_fault(&w, (uint8_t)record->kind, agent, record->pc, record->lr, record->xpsr,
                      record->cfsr, record->hfsr, record->address, AIOS_ERR_FAULT_CPU);
    core_link_emit(AIOS_FRAME_FAULT, w.data, w.length);
}

void core_alarm_fired(void)
{
    alarm_due = 1;
    core_agent_preempt_running();
}

/* ---- boot and the scheduling round ---------------------------------------------------- */

int32_t core_kernel_boot(void)
{
    const core_image_t *image = core_kernel_image();
    vm_instance_config_t config = {AIOS_KERNEL_STACK_SLOTS,
                                   AIOS_KERNEL_CALL_DEPTH,
                                   (uint8_t *)store.kernel.memory,
                                   sizeof store.kernel.memory,
                                   NULL,
                                   NULL};
    vm_diag_t diag = {VM_OK, 0, 0};
    size_t need = 0;
    uint32_t start;
    message_t m = {{0}, 0};
    vm_status_t status =
        vm_module_load(&kernel_module, image->bytes, image->length, store.kernel.module_arena,
                       sizeof store.kernel.module_arena, &diag);
    if (status == VM_OK) {
        status = vm_instance_arena_size(kernel_module, &config, &need);
    }
    if (status == VM_OK) {
        status =
            vm_instantiate(&kernel, kernel_module, kernel_imports,
                           sizeof kernel_imports / sizeof kernel_imports[0], &config,
                           store.kernel.instance_arena, sizeof store.kernel.instance_arena, &diag);
    }
    for (size_t i = 0; status == VM_OK && i < K_EXPORT_COUNT; i++) {
        vm_functype_t type = {0, 0, NULL, NULL};
        status = vm_module_find_export(kernel_module, export_names[i], strlen(export_names[i]),
                                       VM_EXTERN_FUNC, &exports[i]);
        if (status == VM_OK) {
            status = vm_module_func_type(kernel_module, exports[i], &type);
        }
        /* call_i passes three arguments, the syscall seven: a wider export is not ours */
        if (status == VM_OK && (type.nparams > (i == K_SYSCALL ? 7u : 3u) || type.nresults > 1)) {
            status = VM_INVALID_TYPE_MISMATCH;
        }
        export_params[i] = (uint8_t)type.nparams;
        export_results[i] = (uint8_t)type.nresults;
    }
    if (status != VM_OK) {
        say(&m, "kernel.wasm not loaded: ");
        say(&m, vm_status_text(status));
        say(&m, " at byte ");
        say_number(&m, diag.offset);
        say(&m, ", instance arena needs ");
        say_number(&m, (uint32_t)need);
        report(m.text);
        return -AIOS_ERR_VM_INVALID_MODULE;
    }
    if (!core_agents_init(agent_syscall, agent_grow, agent_faulted)) {
        say_at(AIOS_SEVERITY_WARNING, "no hardware fault domains on this board: agents are "
                                      "isolated by the VM's bounds checks only");
    } else if (hal_domain_fence(&store, sizeof store) != HAL_DOMAIN_OK) {
        report("kernel memory not fenced from agent fault domains");
    }
    if (vm_module_start(kernel_module, &start) == VM_OK) {
        status = vm_invoke(kernel, start, NULL, 0);
        if (status == VM_OK && vm_run(kernel, UINT32_MAX) != VM_EXIT_DONE) {
            status = vm_trap(kernel);
        }
        if (status != VM_OK) {
            say(&m, "kernel.wasm start function failed: ");
            say(&m, vm_status_text(status));
            report(m.text);
            return -AIOS_ERR_VM_TRAP_HOST;
        }
    }
    command_buffer = (uint32_t)call_i(K_COMMAND_BUFFER, 0, 0, 0);
    return call_i(K_BOOT, (int32_t)sizeof store.kernel.region_arena,
                  (int32_t)AIOS_KERNEL_FLASH_BYTES, (int32_t)AIOS_FUEL_PER_US);
}

int32_t core_kernel_command(uint8_t type, const uint8_t *payload, size_t length)
{
    uint8_t *buffer = kernel_bytes(command_buffer, (uint32_t)length);
    if (buffer == NULL || length > AIOS_MAX_PAYLOAD_BYTES) {
        return -AIOS_ERR_PROTOCOL_BAD_PAYLOAD;
    }
    memcpy(buffer, payload, length);
    return call_i(K_COMMAND, type, (int32_t)length, 0);
}

static void tick_if_due(void)
{
    if (alarm_due) {
        alarm_due = 0;
        call_i(K_TICK, 0, 0, 0);
    }
}

/* Maps a VM trap onto the taxonomy (schema errors 19..28 follow the VM's trap order). */
int32_t core_kernel_trap_error(vm_status_t trap)
{
    if (trap >= VM_TRAP_UNREACHABLE && trap <= VM_TRAP_HOST) {
        return AIOS_ERR_VM_TRAP_UNREACHABLE + ((int32_t)trap - VM_TRAP_UNREACHABLE);
    }
    return AIOS_ERR_VM_TRAP_HOST;
}

void core_kernel_trace(bool enable)
{
    tracing = enable;
}

/* The `slice` frame of the last traced slice. It is sent once the next slice has started (or
 * the core goes idle), so sending it is not part of the gap between two slices, which a trace
 * shows as the switch cost; the next slice's duration includes it instead. */
static struct {
    bool pending;
    uint16_t agent;
    core_slice_end_t end;
    uint32_t fuel;
    uint64_t start;
    uint64_t stop;
} traced;

static void emit_traced_slice(void)
{
    uint8_t payload[32];
    aios_writer_t w;
    uint64_t duration = traced.stop - traced.start;
    if (!traced.pending) {
        return;
    }
    traced.pending = false;
    aios_writer_init(&w, payload, sizeof payload);
    aios_encode_slice(&w, traced.agent, traced.start,
                      duration > UINT32_MAX ? UINT32_MAX : (uint32_t)duration, traced.fuel,
                      (uint8_t)traced.end);
    core_link_emit(AIOS_FRAME_SLICE, w.data, w.length);
}

uint64_t core_kernel_run(void)
{
    tick_if_due();
    int32_t agent = call_i(K_SCHEDULE, 0, 0, 0);
    if (agent <= 0) {
        emit_traced_slice();
        return alarm_at;
    }
    uint64_t start = hal_clock_us();
    emit_traced_slice();
    vm_instance_t *instance = core_agent_instance((uint16_t)agent);
    uint32_t used = 0;
    core_slice_end_t end = CORE_SLICE_PREEMPTED;
    while (core_agent_instance((uint16_t)agent) == instance && instance != NULL) {
        uint32_t fuel = 0;
        end = core_agent_run((uint16_t)agent, &fuel);
        used += fuel;
        if (end == CORE_SLICE_TRAPPED) {
            call_i(K_FAULT, agent, AIOS_FAULT_KIND_VM_TRAP,
                   core_kernel_trap_error(core_agent_trap((uint16_t)agent)));
            break;
        }
        if (end == CORE_SLICE_FAULTED) {
            call_i(K_FAULT, agent, (int32_t)core_agent_fault_kind((uint16_t)agent),
                   AIOS_ERR_FAULT_CPU);
            break;
        }
        /* A finished step always reaches k_step_end, even when the alarm is due: that is
         * where its park (sleep, wait, end of job) takes effect and the step is counted. */
        if (end == CORE_SLICE_PREEMPTED || call_i(K_STEP_END, agent, 0, 0) == 0 || alarm_due) {
            break;
        }
    }
    /* The slice ends when the agent stops: k_slice_end is part of the switch that follows. */
    if (tracing) {
        traced.pending = true;
        traced.agent = (uint16_t)agent;
        traced.end = end;
        traced.fuel = used;
        traced.start = start;
        traced.stop = hal_clock_us();
    }
    call_i(K_SLICE_END, agent, (int32_t)used, 0);
    tick_if_due();
    return 0;
}

int32_t core_kernel_enter(core_kernel_entry_t entry, int32_t a, int32_t b, int32_t c)
{
    static const enum kernel_export exported[] = {K_TICK, K_SCHEDULE, K_STEP_END, K_SLICE_END,
                                                  K_FAULT};
    return call_i(exported[entry], a, b, c);
}
