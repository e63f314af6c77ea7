/* Test runner, module builder and fixtures for the VM unit tests (host only; uses malloc). */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

int unit_failed;
static const char *current;

void unit_fail(const char *file, int line, const char *what)
{
    unit_failed = 1;
    printf("FAIL %s: %s:%d: %s\n", current, file, line, what);
}

const char *unit_status_name(vm_status_t status)
{
    switch (status) {
#define VM_STATUS(name, number, text)                                                              \
    case VM_##name:                                                                                \
        return #name;
#include "aios/vm_status.def"
#undef VM_STATUS
    }
    return "?";
}

/* ---- Builder --------------------------------------------------------------------------------- */

void wb_bytes(wb_t *b, const void *bytes, size_t n)
{
    if (b->len + n > b->cap) {
        b->cap = (b->len + n) * 2 + 64;
        b->p = realloc(b->p, b->cap);
        if (!b->p)
            abort();
    }
    memcpy(b->p + b->len, bytes, n);
    b->len += n;
}

void wb_u32(wb_t *b, uint32_t v)
{
    do {
        uint8_t byte = v & 0x7F;
        v >>= 7;
        if (v)
            byte |= 0x80;
        wb_bytes(b, &byte, 1);
    } while (v);
}

void wb_name(wb_t *b, const char *name)
{
    wb_u32(b, (uint32_t)strlen(name));
    wb_bytes(b, name, strlen(name));
}

void wb_section(wb_t *m, uint8_t id, const wb_t *content)
{
    wb_bytes(m, &id, 1);
    wb_u32(m, (uint32_t)content->len);
    wb_bytes(m, content->p, content->len);
}

void wb_code(wb_t *code, const void *body, size_t n)
{
    wb_u32(code, (uint32_t)n);
    wb_bytes(code, body, n);
}

void wb_free(wb_t *b)
{
    free(b->p);
    memset(b, 0, sizeof *b);
}

/*
 * (module
 *   (import "env" "wait" (func $wait (param i32) (result i32)))
 *   (memory (export "memory") 1 4)
 *   (global $counter (export "counter") (mut i32) (i32.const 0))
 *   (func (export "sum") (param $n i32) (result i32) (local $i i32) (local $acc i32)
 *     (block (loop
 *       (br_if 1 (i32.ge_u (local.get $i) (local.get $n)))
 *       (local.set $acc (i32.add (local.get $acc) (local.get $i)))
 *       (global.set $counter (i32.add (global.get $counter) (i32.const 1)))
 *       (local.set $i (i32.add (local.get $i) (i32.const 1)))
 *       (br 0)))
 *     (local.get $acc))
 *   (func (export "wait_twice") (param i32) (result i32)
 *     (i32.add (call $wait (local.get 0)) (call $wait (local.get 0))))
 *   (func $rec (export "recurse") (param i32) (result i32)
 *     (if (result i32) (local.get 0)
 *       (then (i32.add (call $rec (i32.sub (local.get 0) (i32.const 1))) (i32.const 1)))
 *       (else (i32.const 0))))
 *   (func (export "store") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
 *   (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
 *   (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))
 */
wb_t unit_counter_module(void)
{
    wb_t m = {0}, s = {0};
    WB_BYTES(&m, 0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00);
    /* types: 0 (i32)->i32, 1 (i32 i32)->() */
    WB_BYTES(&s, 2, 0x60, 1, 0x7F, 1, 0x7F, 0x60, 2, 0x7F, 0x7F, 0);
    wb_section(&m, 1, &s);
    wb_free(&s);
    WB_BYTES(&s, 1);
    wb_name(&s, "env");
    wb_name(&s, "wait");
    WB_BYTES(&s, 0x00, 0);
    wb_section(&m, 2, &s);
    wb_free(&s);
    WB_BYTES(&s, 6, 0, 0, 0, 1, 0, 0);
    wb_section(&m, 3, &s);
    wb_free(&s);
    WB_BYTES(&s, 1, 0x01, 1, 4);
    wb_section(&m, 5, &s);
    wb_free(&s);
    WB_BYTES(&s, 1, 0x7F, 1, 0x41, 0, 0x0B);
    wb_section(&m, 6, &s);
    wb_free(&s);
    WB_BYTES(&s, 8);
    wb_name(&s, "sum");
    WB_BYTES(&s, 0, 1);
    wb_name(&s, "wait_twice");
    WB_BYTES(&s, 0, 2);
    wb_name(&s, "recurse");
    WB_BYTES(&s, 0, 3);
    wb_name(&s, "store");
    WB_BYTES(&s, 0, 4);
    wb_name(&s, "load");
    WB_BYTES(&s, 0, 5);
    wb_name(&s, "grow");
    WB_BYTES(&s, 0, 6);
    wb_name(&s, "memory");
    WB_BYTES(&s, 2, 0);
    wb_name(&s, "counter");
    WB_BYTES(&s, 3, 0);
    wb_section(&m, 7, &s);
    wb_free(&s);
    WB_BYTES(&s, 6);
    WB_CODE(&s, 1, 2, 0x7F,                  /* locals: 2 x i32 */
            0x02, 0x40, 0x03, 0x40,          /* block loop */
            0x20, 1, 0x20, 0, 0x4F, 0x0D, 1, /* br_if 1 (i >= n) */
            0x20, 2, 0x20, 1, 0x6A, 0x21, 2, /* acc += i */
            0x23, 0, 0x41, 1, 0x6A, 0x24, 0, /* counter += 1 */
            0x20, 1, 0x41, 1, 0x6A, 0x21, 1, /* i += 1 */
            0x0C, 0, 0x0B, 0x0B, 0x20, 2, 0x0B);
    WB_CODE(&s, 0, 0x20, 0, 0x10, 0, 0x20, 0, 0x10, 0, 0x6A, 0x0B);
    WB_CODE(&s, 0, 0x20, 0, 0x04, 0x7F, 0x20, 0, 0x41, 1, 0x6B, 0x10, 3, 0x41, 1, 0x6A, 0x05, 0x41,
            0, 0x0B, 0x0B);
    WB_CODE(&s, 0, 0x20, 0, 0x20, 1, 0x36, 2, 0, 0x0B);
    WB_CODE(&s, 0, 0x20, 0, 0x28, 2, 0, 0x0B);
    WB_CODE(&s, 0, 0x20, 0, 0x40, 0, 0x0B);
    wb_section(&m, 10, &s);
    wb_free(&s);
    return m;
}

/* ---- Fixtures -------------------------------------------------------------------------------- */

vm_status_t fixture_instance(fixture_t *f, const vm_import_def_t *defs, size_t ndefs,
                             size_t mem_bytes, uint32_t slots, uint32_t depth, vm_instance_t **inst,
                             void **arena, uint8_t **memory)
{
    vm_instance_config_t cfg;
    size_t need;
    vm_status_t s;
    memset(&cfg, 0, sizeof cfg);
    cfg.stack_slots = slots;
    cfg.call_depth = depth;
    *memory = mem_bytes ? calloc(1, mem_bytes) : NULL;
    cfg.memory = *memory;
    cfg.memory_capacity = mem_bytes;
    s = vm_instance_arena_size(f->mod, &cfg, &need);
    if (s != VM_OK)
        return s;
    *arena = malloc(need);
    return vm_instantiate(inst, f->mod, defs, ndefs, &cfg, *arena, need, NULL);
}

vm_status_t fixture_open(fixture_t *f, wb_t bytes, const vm_import_def_t *defs, size_t ndefs,
                         size_t mem_bytes, uint32_t slots, uint32_t depth)
{
    vm_status_t s;
    memset(f, 0, sizeof *f);
    f->bytes = bytes;
    f->module_arena = malloc(1 << 20);
    s = vm_module_load(&f->mod, bytes.p, bytes.len, f->module_arena, 1 << 20, NULL);
    if (s != VM_OK)
        return s;
    return fixture_instance(f, defs, ndefs, mem_bytes, slots, depth, &f->inst, &f->instance_arena,
                            &f->memory);
}

void fixture_close(fixture_t *f)
{
    free(f->instance_arena);
    free(f->memory);
    free(f->module_arena);
    wb_free(&f->bytes);
}

uint32_t export_func(const vm_module_t *mod, const char *name)
{
    uint32_t index = 0xFFFFFFFFu;
    vm_module_find_export(mod, name, strlen(name), VM_EXTERN_FUNC, &index);
    return index;
}

vm_exit_t run_all(vm_instance_t *inst, uint32_t slice, unsigned *yields)
{
    vm_exit_t x;
    while ((x = vm_run(inst, slice)) == VM_EXIT_YIELD)
        if (yields)
            (*yields)++;
    return x;
}

/* ---- Runner ---------------------------------------------------------------------------------- */

static const unit_case_t cases[] = {
#define UNIT_CASE(name) {#name, name},
#include "unit_cases.def"
#undef UNIT_CASE
};

int main(int argc, char **argv)
{
    int any_failed = 0, ran = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int wanted = argc < 2;
        for (int a = 1; a < argc; a++)
            wanted |= !strcmp(argv[a], cases[i].name);
        if (!wanted)
            continue;
        current = cases[i].name;
        unit_failed = 0;
        cases[i].fn();
        ran++;
        if (!unit_failed)
            printf("ok %s\n", cases[i].name);
        any_failed |= unit_failed;
    }
    if (ran == 0) {
        printf("FAIL no test matched\n");
        return 1;
    }
    return any_failed;
}
