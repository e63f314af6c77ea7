/* Compiler patterns: fusions that must keep wasm semantics, and regressions of miscompilations
 * the spec suite once caught. */
#include "unit.h"

#include <string.h>

static wb_t one_function(const uint8_t *type, size_t type_len, const uint8_t *body, size_t body_len,
                         int memory)
{
    wb_t m = {0}, s = {0};
    WB_BYTES(&m, 0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00);
    WB_BYTES(&s, 1);
    wb_bytes(&s, type, type_len);
    wb_section(&m, 1, &s);
    wb_free(&s);
    WB_BYTES(&s, 1, 0);
    wb_section(&m, 3, &s);
    wb_free(&s);
    if (memory) {
        WB_BYTES(&s, 1, 0, 1); /* one page */
        wb_section(&m, 5, &s);
        wb_free(&s);
    }
    WB_BYTES(&s, 1);
    wb_name(&s, "f");
    WB_BYTES(&s, 0, 0);
    wb_section(&m, 7, &s);
    wb_free(&s);
    WB_BYTES(&s, 1);
    wb_code(&s, body, body_len);
    wb_section(&m, 10, &s);
    wb_free(&s);
    return m;
}

void br_table_to_the_function_returns_the_values_from_every_target(void)
{
    /* (func (param i32) (result i32 i64)
     *   (br_table 0 0 (i32.const 50) (i64.const 51) (local.get 0)) (i32.const 51) (i64.const 52))
     * A return stub once materialised the constants only on the first target's path. */
    static const uint8_t type[] = {0x60, 1, 0x7F, 2, 0x7F, 0x7E};
    static const uint8_t body[] = {0, 0x41, 50, 0x42, 51, 0x20, 0,  0x0E,
                                   1, 0,    0,  0x41, 51, 0x42, 52, 0x0B};
    static const uint32_t args[] = {0, 1, 10, 0xFFFFFFFFu};
    fixture_t f;
    EXPECT_STATUS(
        fixture_open(&f, one_function(type, sizeof type, body, sizeof body, 0), NULL, 0, 0, 64, 8),
        VM_OK);
    for (size_t i = 0; i < sizeof args / sizeof args[0]; i++) {
        vm_value_t a = vm_value_i32(args[i]), r[2];
        EXPECT_STATUS(vm_invoke(f.inst, export_func(f.mod, "f"), &a, 1), VM_OK);
        EXPECT(vm_run(f.inst, 1000) == VM_EXIT_DONE);
        EXPECT_STATUS(vm_results(f.inst, r, 2), VM_OK);
        EXPECT(vm_as_i32(r[0]) == 50 && vm_as_i64(r[1]) == 51);
    }
    fixture_close(&f);
}

void constants_passed_to_a_call_survive_the_callee(void)
{
    /* (func $fib (param i64) (result i64)
     *   (if (result i64) (i64.le_u (local.get 0) (i64.const 1)) (then (i64.const 1))
     *     (else (i64.add (call $fib (i64.sub (local.get 0) (i64.const 2)))
     *                    (call $fib (i64.sub (local.get 0) (i64.const 1)))))))
     * The constants' frame slots once sat above the operand stack, inside the callee's frame. */
    static const uint8_t type[] = {0x60, 1, 0x7E, 1, 0x7E};
    static const uint8_t body[] = {0,    0x20, 0,    0x42, 1, 0x58, 0x04, 0x7E, 0x42, 1,
                                   0x05, 0x20, 0,    0x42, 2, 0x7D, 0x10, 0,    0x20, 0,
                                   0x42, 1,    0x7D, 0x10, 0, 0x7C, 0x0B, 0x0B};
    fixture_t f;
    vm_value_t n = vm_value_i64(20), r;
    EXPECT_STATUS(fixture_open(&f, one_function(type, sizeof type, body, sizeof body, 0), NULL, 0,
                               0, 4096, 64),
                  VM_OK);
    EXPECT_STATUS(vm_invoke(f.inst, export_func(f.mod, "f"), &n, 1), VM_OK);
    EXPECT(run_all(f.inst, 1000, NULL) == VM_EXIT_DONE);
    EXPECT_STATUS(vm_results(f.inst, &r, 1), VM_OK);
    EXPECT(vm_as_i64(r) == 10946);
    fixture_close(&f);
}

void a_load_from_an_address_plus_a_constant_wraps_around_like_i32_add(void)
{
    /* (func (param i32) (result i32) (i32.load (i32.add (local.get 0) (i32.const 8))))
     * compiles to one fused load; the add must still wrap at 2^32 before the bounds check. */
    static const uint8_t type[] = {0x60, 1, 0x7F, 1, 0x7F};
    static const uint8_t body[] = {0, 0x20, 0, 0x41, 8, 0x6A, 0x28, 2, 0, 0x0B};
    uint8_t word[4] = {0x78, 0x56, 0x34, 0x12};
    fixture_t f;
    vm_value_t a = vm_value_i32(0xFFFFFFFCu), r;
    EXPECT_STATUS(fixture_open(&f, one_function(type, sizeof type, body, sizeof body, 1), NULL, 0,
                               VM_PAGE_SIZE, 64, 8),
                  VM_OK);
    EXPECT_STATUS(vm_memory_write(f.inst, 4, word, 4), VM_OK);
    EXPECT_STATUS(vm_invoke(f.inst, export_func(f.mod, "f"), &a, 1), VM_OK);
    EXPECT(vm_run(f.inst, 100) == VM_EXIT_DONE);
    EXPECT_STATUS(vm_results(f.inst, &r, 1), VM_OK);
    EXPECT(vm_as_i32(r) == 0x12345678u);
    a = vm_value_i32(VM_PAGE_SIZE - 11); /* 65525 + 8 + 4 > 65536 */
    EXPECT_STATUS(vm_invoke(f.inst, export_func(f.mod, "f"), &a, 1), VM_OK);
    EXPECT(vm_run(f.inst, 100) == VM_EXIT_TRAP);
    EXPECT_STATUS(vm_trap(f.inst), VM_TRAP_MEMORY_OUT_OF_BOUNDS);
    fixture_close(&f);
}
