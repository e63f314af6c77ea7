/* Limits and errors: stack exhaustion, small memories, arenas, linking, malformed input. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

static vm_host_action_t echo(vm_instance_t *inst, void *user, const vm_value_t *args,
                             vm_value_t *results)
{
    (void)inst;
    (void)user;
    results[0] = args[0];
    return VM_HOST_RETURN;
}

static vm_host_func_t echo_host = {"i", "i", echo, NULL};
static const vm_import_def_t defs[] = {{"env", "wait", {VM_EXTERN_HOST, {.host = &echo_host}}}};

static vm_exit_t call1(fixture_t *f, const char *name, uint32_t arg, uint32_t *result)
{
    vm_value_t a = vm_value_i32(arg), r = 0;
    vm_exit_t x;
    if (vm_invoke(f->inst, export_func(f->mod, name), &a, 1) != VM_OK)
        return VM_EXIT_TRAP;
    x = run_all(f->inst, 1u << 20, NULL);
    if (x == VM_EXIT_DONE && result)
        vm_results(f->inst, &r, 1);
    if (result)
        *result = vm_as_i32(r);
    return x;
}

void deep_recursion_traps_when_call_depth_is_exhausted(void)
{
    fixture_t f;
    uint32_t r;
    EXPECT_STATUS(fixture_open(&f, unit_counter_module(), defs, 1, VM_PAGE_SIZE, 1 << 16, 100),
                  VM_OK);
    EXPECT(call1(&f, "recurse", 50, &r) == VM_EXIT_DONE && r == 50);
    EXPECT(call1(&f, "recurse", 1000000, &r) == VM_EXIT_TRAP);
    EXPECT_STATUS(vm_trap(f.inst), VM_TRAP_STACK_EXHAUSTED);
    EXPECT(call1(&f, "recurse", 99, &r) == VM_EXIT_DONE && r == 99);
    fixture_close(&f);
}

void deep_recursion_traps_when_stack_slots_are_exhausted(void)
{
    fixture_t f;
    uint32_t r;
    EXPECT_STATUS(fixture_open(&f, unit_counter_module(), defs, 1, VM_PAGE_SIZE, 64, 1 << 16),
                  VM_OK);
    EXPECT(call1(&f, "recurse", 3, &r) == VM_EXIT_DONE && r == 3);
    EXPECT(call1(&f, "recurse", 1000, &r) == VM_EXIT_TRAP);
    EXPECT_STATUS(vm_trap(f.inst), VM_TRAP_STACK_EXHAUSTED);
    fixture_close(&f);
}

void memory_smaller_than_a_page_traps_beyond_its_backing(void)
{
    fixture_t f;
    vm_value_t args[2] = {vm_value_i32(1020), vm_value_i32(7)};
    EXPECT_STATUS(fixture_open(&f, unit_counter_module(), defs, 1, 1024, 256, 16), VM_OK);
    EXPECT(vm_instance_memory(f.inst)->pages == 1);
    EXPECT(vm_instance_memory(f.inst)->bytes == 1024);
    EXPECT_STATUS(vm_invoke(f.inst, export_func(f.mod, "store"), args, 2), VM_OK);
    EXPECT(vm_run(f.inst, 100) == VM_EXIT_DONE);
    args[0] = vm_value_i32(1021);
    EXPECT_STATUS(vm_invoke(f.inst, export_func(f.mod, "store"), args, 2), VM_OK);
    EXPECT(vm_run(f.inst, 100) == VM_EXIT_TRAP);
    EXPECT_STATUS(vm_trap(f.inst), VM_TRAP_MEMORY_OUT_OF_BOUNDS);
    fixture_close(&f);
}

static int quota_calls;
static int quota(void *user, uint32_t old_pages, uint32_t new_pages)
{
    (void)user;
    quota_calls++;
    return new_pages <= 2 && old_pages < new_pages;
}

void memory_grow_asks_the_quota_callback_and_respects_the_backing(void)
{
    fixture_t f;
    vm_instance_config_t cfg;
    size_t need;
    uint32_t r;
    memset(&f, 0, sizeof f);
    f.bytes = unit_counter_module();
    f.module_arena = malloc(1 << 16);
    EXPECT_STATUS(vm_module_load(&f.mod, f.bytes.p, f.bytes.len, f.module_arena, 1 << 16, NULL),
                  VM_OK);
    memset(&cfg, 0, sizeof cfg);
    cfg.stack_slots = 256;
    cfg.call_depth = 16;
    cfg.memory = f.memory = calloc(3, VM_PAGE_SIZE);
    cfg.memory_capacity = 3 * VM_PAGE_SIZE;
    cfg.grow = quota;
    EXPECT_STATUS(vm_instance_arena_size(f.mod, &cfg, &need), VM_OK);
    f.instance_arena = malloc(need);
    EXPECT_STATUS(vm_instantiate(&f.inst, f.mod, defs, 1, &cfg, f.instance_arena, need, NULL),
                  VM_OK);
    quota_calls = 0;
    EXPECT(call1(&f, "grow", 1, &r) == VM_EXIT_DONE && r == 1); /* 1 -> 2 pages: allowed */
    EXPECT(call1(&f, "grow", 1, &r) == VM_EXIT_DONE && r == 0xFFFFFFFFu); /* quota refuses */
    EXPECT(quota_calls == 2);
    EXPECT(call1(&f, "grow", 2, &r) == VM_EXIT_DONE && r == 0xFFFFFFFFu); /* beyond backing */
    EXPECT(quota_calls == 2);                                             /* not even asked */
    EXPECT(call1(&f, "grow", 0, &r) == VM_EXIT_DONE && r == 2);
    EXPECT(vm_instance_memory(f.inst)->bytes == 2 * VM_PAGE_SIZE);
    fixture_close(&f);
}

void a_module_arena_too_small_is_rejected(void)
{
    wb_t m = unit_counter_module();
    uint8_t arena[512];
    vm_module_t *mod;
    vm_diag_t diag;
    EXPECT_STATUS(vm_module_load(&mod, m.p, m.len, arena, sizeof arena, &diag), VM_ARENA_EXHAUSTED);
    EXPECT(diag.status == VM_ARENA_EXHAUSTED);
    wb_free(&m);
}

void an_instance_arena_too_small_is_rejected(void)
{
    fixture_t f;
    vm_instance_config_t cfg;
    size_t need;
    vm_instance_t *inst;
    uint8_t memory[1024];
    EXPECT_STATUS(fixture_open(&f, unit_counter_module(), defs, 1, 1024, 256, 16), VM_OK);
    memset(&cfg, 0, sizeof cfg);
    cfg.stack_slots = 256;
    cfg.call_depth = 16;
    cfg.memory = memory;
    cfg.memory_capacity = sizeof memory;
    EXPECT_STATUS(vm_instance_arena_size(f.mod, &cfg, &need), VM_OK);
    EXPECT(need > 256 * 8);
    EXPECT_STATUS(vm_instantiate(&inst, f.mod, defs, 1, &cfg, f.instance_arena, need - 1, NULL),
                  VM_ARENA_EXHAUSTED);
    cfg.stack_slots = 0;
    EXPECT_STATUS(vm_instance_arena_size(f.mod, &cfg, &need), VM_BAD_ARGUMENT);
    fixture_close(&f);
}

void a_missing_import_is_a_link_error_naming_the_import(void)
{
    fixture_t f;
    vm_instance_t *inst;
    void *arena;
    uint8_t *memory;
    EXPECT_STATUS(fixture_open(&f, unit_counter_module(), defs, 1, 1024, 256, 16), VM_OK);
    EXPECT_STATUS(fixture_instance(&f, NULL, 0, 1024, 256, 16, &inst, &arena, &memory),
                  VM_LINK_UNKNOWN_IMPORT);
    free(arena);
    free(memory);
    fixture_close(&f);
}

void a_host_function_with_the_wrong_signature_is_unlinkable(void)
{
    static vm_host_func_t wrong = {"I", "i", echo, NULL};
    static const vm_import_def_t bad[] = {{"env", "wait", {VM_EXTERN_HOST, {.host = &wrong}}}};
    fixture_t f;
    vm_instance_config_t cfg;
    vm_instance_t *inst;
    vm_diag_t diag;
    size_t need;
    void *arena;
    uint8_t memory[1024];
    EXPECT_STATUS(fixture_open(&f, unit_counter_module(), defs, 1, 1024, 256, 16), VM_OK);
    memset(&cfg, 0, sizeof cfg);
    cfg.stack_slots = 256;
    cfg.call_depth = 16;
    cfg.memory = memory;
    cfg.memory_capacity = sizeof memory;
    vm_instance_arena_size(f.mod, &cfg, &need);
    arena = malloc(need);
    EXPECT_STATUS(vm_instantiate(&inst, f.mod, bad, 1, &cfg, arena, need, &diag),
                  VM_LINK_INCOMPATIBLE_IMPORT);
    EXPECT(diag.index == 0);
    free(arena);
    fixture_close(&f);
}

void a_truncated_code_section_is_rejected_with_its_byte_offset(void)
{
    wb_t m = unit_counter_module();
    void *arena = malloc(1 << 16);
    vm_module_t *mod;
    vm_diag_t diag;
    /* cut the last function body short: the code section's size now runs past the end */
    EXPECT_STATUS(vm_module_load(&mod, m.p, m.len - 3, arena, 1 << 16, &diag),
                  VM_MALFORMED_UNEXPECTED_END);
    EXPECT(diag.offset > 8 && diag.offset < m.len);
    EXPECT(m.p[diag.offset] == 10); /* points at the code section header */
    free(arena);
    wb_free(&m);
}

void a_type_error_is_reported_at_the_offending_instruction(void)
{
    /* (func (result i32) (i64.const 1) (i32.const 2) (i32.add)) */
    static const uint8_t mod_bytes[] = {0, 0x61, 0x73, 0x6D, 1,    0, 0,    0, 1,    5,
                                        1, 0x60, 0,    1,    0x7F, 3, 2,    1, 0,    10,
                                        9, 1,    7,    0,    0x42, 1, 0x41, 2, 0x6A, 0x0B};
    uint8_t arena[4096];
    vm_module_t *mod;
    vm_diag_t diag;
    EXPECT_STATUS(vm_module_load(&mod, mod_bytes, sizeof mod_bytes, arena, sizeof arena, &diag),
                  VM_INVALID_TYPE_MISMATCH);
    EXPECT(diag.offset == sizeof mod_bytes - 2);
    EXPECT(mod_bytes[diag.offset] == 0x6A);
    EXPECT(diag.index == 0);
    EXPECT(strcmp(vm_status_text(diag.status), "type mismatch") == 0);
}

void too_many_locals_is_a_limit_error(void)
{
    /* (func (local i32 x 100000)) */
    static const uint8_t mod_bytes[] = {0, 0x61, 0x73, 0x6D, 1,    0,    0,    0,   1,  4,
                                        1, 0x60, 0,    0,    3,    2,    1,    0,   10, 8,
                                        1, 6,    1,    0xA0, 0x8D, 0x06, 0x7F, 0x0B};
    uint8_t arena[4096];
    vm_module_t *mod;
    EXPECT_STATUS(vm_module_load(&mod, mod_bytes, sizeof mod_bytes, arena, sizeof arena, NULL),
                  VM_LIMIT_LOCALS);
}
