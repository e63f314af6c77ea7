/*
 * Shared code of the host tools (CLI runner, spec runner): file reading, loading with a
 * growing module arena, instances backed by lazily mapped memory, calls run to completion,
 * value text formats, and the spec interpreter's `spectest` module.
 */
#ifndef AIOS_VM_HOST_H
#define AIOS_VM_HOST_H

#include "aios/vm.h"

#include <stddef.h>
#include <stdint.h>

#define HOST_STACK_SLOTS (64u * 1024u) /* 512 KiB of values per instance */
#define HOST_CALL_DEPTH 20000u
#define HOST_MAX_PAGES 1024u /* backing reserved for a memory without a smaller max */

uint8_t *host_read_file(const char *path, size_t *len);

/* Symbolic name of a status without the VM_ prefix ("TRAP_UNREACHABLE"); "?" if unknown. */
const char *host_status_name(vm_status_t status);

/* A loaded module with its arena (malloc'd, freed by host_module_free). */
typedef struct host_module {
    vm_module_t *mod;
    void *arena;
} host_module_t;

vm_status_t host_module_load(host_module_t *hm, const uint8_t *bytes, size_t len, vm_diag_t *diag);
void host_module_free(host_module_t *hm);

/* An instance with its arena and memory backing. */
typedef struct host_instance {
    vm_instance_t *inst;
    void *arena;
    uint8_t *memory;
    size_t memory_size;
} host_instance_t;

/* Instantiate; on failure after allocation the arena is kept (it may be referenced by shared
 * tables) and must still be released with host_instance_free. */
vm_status_t host_instantiate(host_instance_t *hi, const vm_module_t *mod,
                             const vm_import_def_t *defs, size_t ndefs, vm_diag_t *diag);
void host_instance_free(host_instance_t *hi);

/* Lazily mapped zero memory for a linear memory backing. */
uint8_t *host_map(size_t bytes);
void host_unmap(uint8_t *p, size_t bytes);

/* Invoke and run to completion with `slice` fuel per vm_run; counts the yields. */
vm_exit_t host_call(vm_instance_t *inst, uint32_t func, const vm_value_t *args, uint32_t nargs,
                    uint32_t slice, uint64_t *yields);

/* "i32:42", "f64:1.5" (and raw "f32:0x7fc00000" bit patterns) to a value. Returns 0 on error. */
int host_parse_value(const char *text, uint8_t *type, vm_value_t *v);
/* Format as "i32:42", "i64:-1", "f32:1.5" (NaNs as "f32:nan:0x7fc00000"). */
void host_format_value(char *buf, size_t n, uint8_t type, vm_value_t v);

/* The spectest module: print functions, globals 666 / 666.6, table 10..20, memory 1..2. */
typedef struct host_spectest {
    vm_global_t g_i32, g_i64, g_f32, g_f64;
    vm_table_t table;
    const vm_func_t *table_elems[20];
    vm_memory_t memory;
    uint8_t *memory_data;
    vm_host_func_t funcs[7];
    vm_import_def_t defs[13];
    int verbose;
} host_spectest_t;

void host_spectest_init(host_spectest_t *st);
void host_spectest_free(host_spectest_t *st);

#endif
