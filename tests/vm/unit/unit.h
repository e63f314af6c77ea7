/*
 * Tiny test framework and wasm module builder for the VM's C unit tests.
 * Each test is a function registered with UNIT_TEST; `aios-vm-unit` runs all of them, or the
 * ones named on the command line, printing "ok <name>" / "FAIL <name>: <why>".
 */
#ifndef AIOS_VM_UNIT_H
#define AIOS_VM_UNIT_H

#include "aios/vm.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef void (*unit_fn)(void);
typedef struct unit_case {
    const char *name;
    unit_fn fn;
} unit_case_t;

/* Every test case, declared from the list. */
#define UNIT_CASE(name) void name(void);
#include "unit_cases.def"
#undef UNIT_CASE

extern int unit_failed;
const char *unit_status_name(vm_status_t status);
void unit_fail(const char *file, int line, const char *what);

#define EXPECT(cond)                                                                               \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            unit_fail(__FILE__, __LINE__, #cond);                                                  \
            return;                                                                                \
        }                                                                                          \
    } while (0)
#define EXPECT_STATUS(got, want)                                                                   \
    do {                                                                                           \
        vm_status_t g_ = (got);                                                                    \
        if (g_ != (want)) {                                                                        \
            char m_[256];                                                                          \
            snprintf(m_, sizeof m_, "%s gave %s, want %s", #got, unit_status_name(g_),             \
                     unit_status_name(want));                                                      \
            unit_fail(__FILE__, __LINE__, m_);                                                     \
            return;                                                                                \
        }                                                                                          \
    } while (0)

/* ---- Module builder ------------------------------------------------------------------------ */

typedef struct wb {
    uint8_t *p;
    size_t len, cap;
} wb_t;

void wb_bytes(wb_t *b, const void *bytes, size_t n);
void wb_u32(wb_t *b, uint32_t v);
void wb_name(wb_t *b, const char *name);
/* Append section `id` with `content`. */
void wb_section(wb_t *m, uint8_t id, const wb_t *content);
/* Append a code entry: size, then the local declarations + body bytes. */
void wb_code(wb_t *code, const void *body, size_t n);
void wb_free(wb_t *b);

#define WB_BYTES(b, ...)                                                                           \
    do {                                                                                           \
        static const uint8_t bytes_[] = {__VA_ARGS__};                                             \
        wb_bytes((b), bytes_, sizeof bytes_);                                                      \
    } while (0)
#define WB_CODE(b, ...)                                                                            \
    do {                                                                                           \
        static const uint8_t bytes_[] = {__VA_ARGS__};                                             \
        wb_code((b), bytes_, sizeof bytes_);                                                       \
    } while (0)

/* ---- Fixtures ------------------------------------------------------------------------------- */

/* The module most tests use (see unit_main.c for its source):
 *   import env.wait (i32)->i32        function 0
 *   sum(n)->i32       1: 0+1+...+n-1 in a loop       store(addr, v)  4
 *   wait_twice(x)->i32 2: wait(x) + wait(x)          load(addr)->i32 5
 *   recurse(n)->i32   3: recursion n deep, returns n grow(n)->i32    6: memory.grow
 *   memory 1 page (max 4), exported "memory"; global "counter" (mut i32) bumped by sum */
wb_t unit_counter_module(void);

typedef struct fixture {
    wb_t bytes;
    vm_module_t *mod;
    void *module_arena;
    vm_instance_t *inst;
    void *instance_arena;
    uint8_t *memory;
} fixture_t;

/* Load `bytes` and instantiate with `defs`; memory capacity `mem_bytes`, stack `slots`, call
 * depth `depth`. Returns the first failing status. */
vm_status_t fixture_open(fixture_t *f, wb_t bytes, const vm_import_def_t *defs, size_t ndefs,
                         size_t mem_bytes, uint32_t slots, uint32_t depth);
/* A second instance of the same module, for snapshot restores. */
vm_status_t fixture_instance(fixture_t *f, const vm_import_def_t *defs, size_t ndefs,
                             size_t mem_bytes, uint32_t slots, uint32_t depth, vm_instance_t **inst,
                             void **arena, uint8_t **memory);
void fixture_close(fixture_t *f);

uint32_t export_func(const vm_module_t *mod, const char *name);
/* Run to completion with `slice` fuel per run; returns the exit and counts yields. */
vm_exit_t run_all(vm_instance_t *inst, uint32_t slice, unsigned *yields);

#endif
