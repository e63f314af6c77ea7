/* Resumable execution: fuel, preemption, blocking and trapping host functions. */
#include "unit.h"

#include <string.h>

enum { HOST_DOUBLE, HOST_BLOCK, HOST_TRAP };

typedef struct host_state {
    int mode;
    int calls;
} host_state_t;

static vm_host_action_t wait_fn(vm_instance_t *inst, void *user, const vm_value_t *args,
                                vm_value_t *results)
{
    host_state_t *h = user;
    (void)inst;
    h->calls++;
    if (h->mode == HOST_BLOCK)
        return VM_HOST_BLOCK;
    if (h->mode == HOST_TRAP)
        return VM_HOST_TRAP;
    results[0] = vm_value_i32(vm_as_i32(args[0]) * 2u);
    return VM_HOST_RETURN;
}

static host_state_t host;
static vm_host_func_t wait_host = {"i", "i", wait_fn, &host};
static const vm_import_def_t defs[] = {{"env", "wait", {VM_EXTERN_HOST, {.host = &wait_host}}}};

static vm_status_t open_counter(fixture_t *f)
{
    memset(&host, 0, sizeof host);
    return fixture_open(f, unit_counter_module(), defs, 1, VM_PAGE_SIZE * 4, 1024, 64);
}

static uint32_t sum_to(uint32_t n)
{
    uint32_t s = 0;
    for (uint32_t i = 0; i < n; i++)
        s += i;
    return s;
}

void a_long_loop_gives_the_same_result_with_any_fuel_slice(void)
{
    static const uint32_t slices[] = {0xFFFFFFFFu, 1, 7, 100, 4096};
    fixture_t f;
    vm_value_t n = vm_value_i32(100000), r;
    EXPECT_STATUS(open_counter(&f), VM_OK);
    for (size_t i = 0; i < sizeof slices / sizeof slices[0]; i++) {
        unsigned yields = 0;
        EXPECT_STATUS(vm_invoke(f.inst, export_func(f.mod, "sum"), &n, 1), VM_OK);
        EXPECT(run_all(f.inst, slices[i], &yields) == VM_EXIT_DONE);
        EXPECT_STATUS(vm_results(f.inst, &r, 1), VM_OK);
        EXPECT(vm_as_i32(r) == sum_to(100000));
        EXPECT(slices[i] == 0xFFFFFFFFu ? yields == 0 : yields > 0);
        if (slices[i] == 1)
            EXPECT(yields >= 100000); /* at least one check per iteration */
    }
    fixture_close(&f);
}

void fuel_runs_out_inside_a_loop_and_the_run_yields(void)
{
    fixture_t f;
    vm_value_t n = vm_value_i32(1000000), r;
    EXPECT_STATUS(open_counter(&f), VM_OK);
    EXPECT_STATUS(vm_invoke(f.inst, export_func(f.mod, "sum"), &n, 1), VM_OK);
    EXPECT(vm_run(f.inst, 1000) == VM_EXIT_YIELD);
    EXPECT(vm_fuel_left(f.inst) == 0);
    EXPECT_STATUS(vm_results(f.inst, &r, 1), VM_BAD_STATE);
    EXPECT(run_all(f.inst, 1u << 20, NULL) == VM_EXIT_DONE);
    EXPECT_STATUS(vm_results(f.inst, &r, 1), VM_OK);
    EXPECT(vm_as_i32(r) == sum_to(1000000));
    fixture_close(&f);
}

void the_preempt_flag_yields_at_the_next_check(void)
{
    fixture_t f;
    vm_value_t n = vm_value_i32(1000), r;
    EXPECT_STATUS(open_counter(&f), VM_OK);
    EXPECT_STATUS(vm_invoke(f.inst, export_func(f.mod, "sum"), &n, 1), VM_OK);
    vm_preempt(f.inst);
    EXPECT(vm_run(f.inst, 0xFFFFFFFFu) == VM_EXIT_YIELD);
    EXPECT(vm_fuel_left(f.inst) == 0xFFFFFFFFu); /* nothing charged: it stopped at once */
    EXPECT(vm_run(f.inst, 0xFFFFFFFFu) == VM_EXIT_DONE);
    EXPECT_STATUS(vm_results(f.inst, &r, 1), VM_OK);
    EXPECT(vm_as_i32(r) == sum_to(1000));
    fixture_close(&f);
}

void a_blocking_host_call_suspends_and_resumes_with_supplied_results(void)
{
    fixture_t f;
    vm_value_t x = vm_value_i32(5), r, ten = vm_value_i32(10), big = vm_value_i32(32);
    EXPECT_STATUS(open_counter(&f), VM_OK);
    host.mode = HOST_BLOCK;
    EXPECT_STATUS(vm_invoke(f.inst, export_func(f.mod, "wait_twice"), &x, 1), VM_OK);
    EXPECT(vm_run(f.inst, 1000) == VM_EXIT_BLOCKED);
    EXPECT(host.calls == 1);
    EXPECT(vm_run(f.inst, 1000) == VM_EXIT_BLOCKED); /* still waiting: nothing runs */
    EXPECT(host.calls == 1);
    EXPECT_STATUS(vm_resume(f.inst, &ten, 0), VM_BAD_ARGUMENT);
    EXPECT_STATUS(vm_resume(f.inst, &ten, 1), VM_OK);
    EXPECT_STATUS(vm_resume(f.inst, &ten, 1), VM_BAD_STATE);
    EXPECT(vm_run(f.inst, 1000) == VM_EXIT_BLOCKED);
    EXPECT(host.calls == 2);
    EXPECT_STATUS(vm_resume(f.inst, &big, 1), VM_OK);
    EXPECT(vm_run(f.inst, 1000) == VM_EXIT_DONE);
    EXPECT_STATUS(vm_results(f.inst, &r, 1), VM_OK);
    EXPECT(vm_as_i32(r) == 42);
    fixture_close(&f);
}

void a_host_function_returns_values_directly(void)
{
    fixture_t f;
    vm_value_t x = vm_value_i32(5), r;
    EXPECT_STATUS(open_counter(&f), VM_OK);
    EXPECT_STATUS(vm_invoke(f.inst, export_func(f.mod, "wait_twice"), &x, 1), VM_OK);
    EXPECT(vm_run(f.inst, 1000) == VM_EXIT_DONE);
    EXPECT_STATUS(vm_results(f.inst, &r, 1), VM_OK);
    EXPECT(vm_as_i32(r) == 20 && host.calls == 2);
    fixture_close(&f);
}

void a_host_trap_stops_the_call_with_TRAP_HOST(void)
{
    fixture_t f;
    vm_value_t x = vm_value_i32(5), r;
    EXPECT_STATUS(open_counter(&f), VM_OK);
    host.mode = HOST_TRAP;
    EXPECT_STATUS(vm_invoke(f.inst, export_func(f.mod, "wait_twice"), &x, 1), VM_OK);
    EXPECT(vm_run(f.inst, 1000) == VM_EXIT_TRAP);
    EXPECT_STATUS(vm_trap(f.inst), VM_TRAP_HOST);
    EXPECT_STATUS(vm_results(f.inst, &r, 1), VM_BAD_STATE);
    /* the instance is usable again */
    host.mode = HOST_DOUBLE;
    EXPECT_STATUS(vm_invoke(f.inst, export_func(f.mod, "wait_twice"), &x, 1), VM_OK);
    EXPECT(vm_run(f.inst, 1000) == VM_EXIT_DONE);
    fixture_close(&f);
}

void host_memory_access_is_bounds_checked(void)
{
    fixture_t f;
    uint8_t buf[8] = {1, 2, 3, 4, 5, 6, 7, 8}, back[8];
    vm_value_t args[2] = {vm_value_i32(100), vm_value_i32(0x11223344)}, r;
    EXPECT_STATUS(open_counter(&f), VM_OK);
    EXPECT_STATUS(vm_memory_write(f.inst, VM_PAGE_SIZE - 8, buf, 8), VM_OK);
    EXPECT_STATUS(vm_memory_write(f.inst, VM_PAGE_SIZE - 7, buf, 8), VM_TRAP_MEMORY_OUT_OF_BOUNDS);
    EXPECT_STATUS(vm_memory_read(f.inst, 0xFFFFFFFFu, back, 2), VM_TRAP_MEMORY_OUT_OF_BOUNDS);
    EXPECT(vm_memory_span(f.inst, VM_PAGE_SIZE, 1) == NULL);
    EXPECT_STATUS(vm_memory_read(f.inst, VM_PAGE_SIZE - 8, back, 8), VM_OK);
    EXPECT(memcmp(buf, back, 8) == 0);
    /* wasm stores are visible to the host, little-endian */
    EXPECT_STATUS(vm_invoke(f.inst, export_func(f.mod, "store"), args, 2), VM_OK);
    EXPECT(vm_run(f.inst, 1000) == VM_EXIT_DONE);
    EXPECT_STATUS(vm_memory_read(f.inst, 100, back, 4), VM_OK);
    EXPECT(back[0] == 0x44 && back[3] == 0x11);
    EXPECT_STATUS(vm_invoke(f.inst, export_func(f.mod, "load"), args, 1), VM_OK);
    EXPECT(vm_run(f.inst, 1000) == VM_EXIT_DONE);
    EXPECT_STATUS(vm_results(f.inst, &r, 1), VM_OK);
    EXPECT(vm_as_i32(r) == 0x11223344u);
    fixture_close(&f);
}

void run_and_invoke_refuse_the_wrong_state(void)
{
    fixture_t f;
    vm_value_t n = vm_value_i32(100000);
    EXPECT_STATUS(open_counter(&f), VM_OK);
    EXPECT(vm_run(f.inst, 10) == VM_EXIT_TRAP);
    EXPECT_STATUS(vm_trap(f.inst), VM_BAD_STATE);
    EXPECT_STATUS(vm_invoke(f.inst, 99, &n, 1), VM_NOT_FOUND);
    EXPECT_STATUS(vm_invoke(f.inst, export_func(f.mod, "sum"), &n, 2), VM_BAD_ARGUMENT);
    EXPECT_STATUS(vm_invoke(f.inst, export_func(f.mod, "sum"), &n, 1), VM_OK);
    EXPECT(vm_run(f.inst, 10) == VM_EXIT_YIELD);
    EXPECT_STATUS(vm_invoke(f.inst, export_func(f.mod, "sum"), &n, 1), VM_BAD_STATE);
    vm_abort(f.inst);
    EXPECT_STATUS(vm_invoke(f.inst, export_func(f.mod, "sum"), &n, 1), VM_OK);
    EXPECT(run_all(f.inst, 1000, NULL) == VM_EXIT_DONE);
    fixture_close(&f);
}
