/* Snapshot and restore of execution state into a fresh instance of the same module. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

static int blocking;
static vm_host_action_t wait_fn(vm_instance_t *inst, void *user, const vm_value_t *args,
                                vm_value_t *results)
{
    (void)inst;
    (void)user;
    if (blocking)
        return VM_HOST_BLOCK;
    results[0] = args[0];
    return VM_HOST_RETURN;
}

static vm_host_func_t wait_host = {"i", "i", wait_fn, NULL};
static const vm_import_def_t defs[] = {{"env", "wait", {VM_EXTERN_HOST, {.host = &wait_host}}}};

#define SLOTS 512u
#define DEPTH 32u

typedef struct twin {
    vm_instance_t *inst;
    void *arena;
    uint8_t *memory;
} twin_t;

static void *save(vm_instance_t *inst, size_t *len)
{
    size_t size, written;
    void *buf;
    if (vm_snapshot_size(inst, &size) != VM_OK)
        return NULL;
    buf = malloc(size);
    if (vm_snapshot_save(inst, buf, size, &written) != VM_OK || written != size) {
        free(buf);
        return NULL;
    }
    *len = size;
    return buf;
}

void a_snapshot_taken_mid_loop_resumes_in_a_fresh_instance(void)
{
    fixture_t f;
    twin_t t;
    vm_value_t n = vm_value_i32(200000), direct, restored, counter;
    vm_extern_t g;
    size_t len;
    void *snap;
    unsigned yields = 0;
    blocking = 0;
    EXPECT_STATUS(fixture_open(&f, unit_counter_module(), defs, 1, VM_PAGE_SIZE, SLOTS, DEPTH),
                  VM_OK);
    EXPECT_STATUS(vm_invoke(f.inst, export_func(f.mod, "sum"), &n, 1), VM_OK);
    for (int i = 0; i < 50; i++)
        EXPECT(vm_run(f.inst, 5000) == VM_EXIT_YIELD);
    snap = save(f.inst, &len);
    EXPECT(snap != NULL);
    EXPECT(run_all(f.inst, 5000, NULL) == VM_EXIT_DONE);
    EXPECT_STATUS(vm_results(f.inst, &direct, 1), VM_OK);

    EXPECT_STATUS(
        fixture_instance(&f, defs, 1, VM_PAGE_SIZE, SLOTS, DEPTH, &t.inst, &t.arena, &t.memory),
        VM_OK);
    EXPECT_STATUS(vm_snapshot_restore(t.inst, snap, len), VM_OK);
    EXPECT(run_all(t.inst, 5000, &yields) == VM_EXIT_DONE);
    EXPECT(yields > 0);
    EXPECT_STATUS(vm_results(t.inst, &restored, 1), VM_OK);
    EXPECT(vm_as_i32(direct) == vm_as_i32(restored));
    EXPECT(vm_as_i32(restored) == (uint32_t)(200000ull * 199999ull / 2u));
    /* the global the loop counts in came along too */
    EXPECT_STATUS(vm_instance_export(t.inst, "counter", 7, &g), VM_OK);
    counter = g.as.global->value;
    EXPECT(vm_as_i32(counter) == 200000);
    free(snap);
    free(t.arena);
    free(t.memory);
    fixture_close(&f);
}

void a_snapshot_of_a_blocked_call_resumes_after_restore(void)
{
    fixture_t f;
    twin_t t;
    vm_value_t x = vm_value_i32(5), r, ten = vm_value_i32(10), big = vm_value_i32(32);
    size_t len;
    void *snap;
    blocking = 1;
    EXPECT_STATUS(fixture_open(&f, unit_counter_module(), defs, 1, VM_PAGE_SIZE, SLOTS, DEPTH),
                  VM_OK);
    EXPECT_STATUS(vm_invoke(f.inst, export_func(f.mod, "wait_twice"), &x, 1), VM_OK);
    EXPECT(vm_run(f.inst, 1000) == VM_EXIT_BLOCKED);
    snap = save(f.inst, &len);
    EXPECT(snap != NULL);
    EXPECT_STATUS(
        fixture_instance(&f, defs, 1, VM_PAGE_SIZE, SLOTS, DEPTH, &t.inst, &t.arena, &t.memory),
        VM_OK);
    EXPECT_STATUS(vm_snapshot_restore(t.inst, snap, len), VM_OK);
    EXPECT(vm_run(t.inst, 1000) == VM_EXIT_BLOCKED);
    EXPECT_STATUS(vm_resume(t.inst, &ten, 1), VM_OK);
    EXPECT(vm_run(t.inst, 1000) == VM_EXIT_BLOCKED);
    EXPECT_STATUS(vm_resume(t.inst, &big, 1), VM_OK);
    EXPECT(vm_run(t.inst, 1000) == VM_EXIT_DONE);
    EXPECT_STATUS(vm_results(t.inst, &r, 1), VM_OK);
    EXPECT(vm_as_i32(r) == 42);
    free(snap);
    free(t.arena);
    free(t.memory);
    fixture_close(&f);
}

void a_snapshot_keeps_memory_and_globals(void)
{
    fixture_t f;
    twin_t t;
    vm_value_t args[2] = {vm_value_i32(4000), vm_value_i32(0xCAFE)}, r;
    size_t len;
    void *snap;
    uint32_t grown;
    blocking = 0;
    EXPECT_STATUS(fixture_open(&f, unit_counter_module(), defs, 1, 2 * VM_PAGE_SIZE, SLOTS, DEPTH),
                  VM_OK);
    EXPECT_STATUS(vm_invoke(f.inst, export_func(f.mod, "store"), args, 2), VM_OK);
    EXPECT(vm_run(f.inst, 100) == VM_EXIT_DONE);
    args[0] = vm_value_i32(1);
    EXPECT_STATUS(vm_invoke(f.inst, export_func(f.mod, "grow"), args, 1), VM_OK);
    EXPECT(vm_run(f.inst, 100) == VM_EXIT_DONE);
    vm_results(f.inst, &r, 1);
    grown = vm_as_i32(r);
    EXPECT(grown == 1);
    snap = save(f.inst, &len);
    EXPECT(snap != NULL);
    EXPECT_STATUS(
        fixture_instance(&f, defs, 1, 2 * VM_PAGE_SIZE, SLOTS, DEPTH, &t.inst, &t.arena, &t.memory),
        VM_OK);
    EXPECT_STATUS(vm_snapshot_restore(t.inst, snap, len), VM_OK);
    EXPECT(vm_instance_memory(t.inst)->pages == 2);
    args[0] = vm_value_i32(4000);
    EXPECT_STATUS(vm_invoke(t.inst, export_func(f.mod, "load"), args, 1), VM_OK);
    EXPECT(vm_run(t.inst, 100) == VM_EXIT_DONE);
    vm_results(t.inst, &r, 1);
    EXPECT(vm_as_i32(r) == 0xCAFE);
    /* a fresh instance with less backing than the saved memory cannot take it */
    free(t.arena);
    free(t.memory);
    EXPECT_STATUS(
        fixture_instance(&f, defs, 1, VM_PAGE_SIZE, SLOTS, DEPTH, &t.inst, &t.arena, &t.memory),
        VM_OK);
    EXPECT_STATUS(vm_snapshot_restore(t.inst, snap, len), VM_SNAPSHOT_MISMATCH);
    free(snap);
    free(t.arena);
    free(t.memory);
    fixture_close(&f);
}

void a_snapshot_of_another_module_is_refused(void)
{
    fixture_t f, other;
    wb_t changed = unit_counter_module();
    size_t len;
    void *snap;
    changed.p[changed.len - 1] = 0x0B; /* same shape, different bytes: a nop body tail */
    changed.p[changed.len - 3] = 0x01;
    EXPECT_STATUS(fixture_open(&f, unit_counter_module(), defs, 1, VM_PAGE_SIZE, SLOTS, DEPTH),
                  VM_OK);
    EXPECT_STATUS(fixture_open(&other, changed, defs, 1, VM_PAGE_SIZE, SLOTS, DEPTH), VM_OK);
    EXPECT(vm_module_hash(f.mod) != vm_module_hash(other.mod));
    snap = save(f.inst, &len);
    EXPECT(snap != NULL);
    EXPECT_STATUS(vm_snapshot_restore(other.inst, snap, len), VM_SNAPSHOT_MISMATCH);
    free(snap);
    fixture_close(&other);
    fixture_close(&f);
}

void a_corrupted_snapshot_is_refused(void)
{
    fixture_t f;
    vm_value_t n = vm_value_i32(100000);
    size_t len;
    uint8_t *snap;
    EXPECT_STATUS(fixture_open(&f, unit_counter_module(), defs, 1, VM_PAGE_SIZE, SLOTS, DEPTH),
                  VM_OK);
    EXPECT_STATUS(vm_invoke(f.inst, export_func(f.mod, "sum"), &n, 1), VM_OK);
    EXPECT(vm_run(f.inst, 3000) == VM_EXIT_YIELD);
    snap = save(f.inst, &len);
    EXPECT(snap != NULL);
    snap[40] ^= 0x10;
    EXPECT_STATUS(vm_snapshot_restore(f.inst, snap, len), VM_SNAPSHOT_CORRUPT);
    snap[40] ^= 0x10;
    EXPECT_STATUS(vm_snapshot_restore(f.inst, snap, len - 1), VM_SNAPSHOT_CORRUPT);
    EXPECT_STATUS(vm_snapshot_restore(f.inst, snap, len), VM_OK);
    EXPECT(run_all(f.inst, 3000, NULL) == VM_EXIT_DONE);
    free(snap);
    fixture_close(&f);
}

void a_snapshot_needs_a_large_enough_buffer(void)
{
    fixture_t f;
    size_t size, written;
    uint8_t small[64];
    EXPECT_STATUS(fixture_open(&f, unit_counter_module(), defs, 1, VM_PAGE_SIZE, SLOTS, DEPTH),
                  VM_OK);
    EXPECT_STATUS(vm_snapshot_size(f.inst, &size), VM_OK);
    EXPECT(size > VM_PAGE_SIZE);
    EXPECT_STATUS(vm_snapshot_save(f.inst, small, sizeof small, &written), VM_BUFFER_TOO_SMALL);
    fixture_close(&f);
}
