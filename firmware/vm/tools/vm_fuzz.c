/*
 * libFuzzer harness: load + validate + compile, instantiate with every import satisfied by a
 * stub of the right type, run the start function and each exported function with zero
 * arguments under a fuel budget, in small slices (exercising yield/resume), and snapshot
 * then restore each yielded run into a fresh instance halfway through.
 * Any crash, sanitizer report or leak is a bug; traps and load errors are expected outcomes.
 */
#include "aios/vm.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define FUEL_PER_CALL 20000u
#define SLICE 997u
#define STACK_SLOTS 4096u
#define CALL_DEPTH 256u
#define MAX_PAGES 4u
#define MAX_TABLE 4096u
#define MAX_IMPORTS 64u

static vm_host_action_t stub(vm_instance_t *inst, void *user, const vm_value_t *args,
                             vm_value_t *results)
{
    const vm_functype_t *ft = user;
    (void)inst;
    (void)args;
    for (uint32_t i = 0; i < ft->nresults; i++)
        results[i] = 0;
    return VM_HOST_RETURN;
}

static void letters(const uint8_t *types, uint32_t n, char *out)
{
    for (uint32_t i = 0; i < n; i++)
        out[i] = types[i] == VM_TYPE_I32   ? 'i'
                 : types[i] == VM_TYPE_I64 ? 'I'
                 : types[i] == VM_TYPE_F32 ? 'f'
                                           : 'F';
    out[n] = 0;
}

typedef struct imports {
    vm_import_def_t defs[MAX_IMPORTS];
    vm_host_func_t hosts[MAX_IMPORTS];
    vm_functype_t types[MAX_IMPORTS];
    char names[MAX_IMPORTS][2][64];
    char sig[MAX_IMPORTS][2][1001];
    vm_global_t globals[MAX_IMPORTS];
    vm_table_t table;
    const vm_func_t *table_elems[MAX_TABLE];
    vm_memory_t memory;
    uint8_t *memory_data;
} imports_t;

/* One stub per import, named like it; returns 0 if the module's imports cannot be stubbed. */
static int make_imports(const vm_module_t *mod, imports_t *im, size_t *ndefs)
{
    uint32_t n = vm_module_import_count(mod);
    if (n > MAX_IMPORTS)
        return 0;
    for (uint32_t i = 0; i < n; i++) {
        vm_extern_desc_t d;
        vm_import_def_t *def = &im->defs[i];
        vm_module_import(mod, i, &d);
        if (d.module_len >= 64 || d.name_len >= 64)
            return 0;
        memcpy(im->names[i][0], d.module, d.module_len);
        im->names[i][0][d.module_len] = 0;
        memcpy(im->names[i][1], d.name, d.name_len);
        im->names[i][1][d.name_len] = 0;
        def->module = im->names[i][0];
        def->name = im->names[i][1];
        switch (d.kind) {
        case VM_EXTERN_FUNC:
            vm_module_func_type(mod, d.index, &im->types[i]);
            letters(im->types[i].params, im->types[i].nparams, im->sig[i][0]);
            letters(im->types[i].results, im->types[i].nresults, im->sig[i][1]);
            im->hosts[i].params = im->sig[i][0];
            im->hosts[i].results = im->sig[i][1];
            im->hosts[i].fn = stub;
            im->hosts[i].user = &im->types[i];
            def->ext.kind = VM_EXTERN_HOST;
            def->ext.as.host = &im->hosts[i];
            break;
        case VM_EXTERN_TABLE:
            if (d.min > MAX_TABLE)
                return 0;
            vm_table_init(&im->table, im->table_elems, MAX_TABLE, d.min, d.max);
            def->ext.kind = VM_EXTERN_TABLE;
            def->ext.as.table = &im->table;
            break;
        case VM_EXTERN_MEMORY: {
            size_t cap = (size_t)(d.min < MAX_PAGES ? d.min + 1u : MAX_PAGES) * VM_PAGE_SIZE;
            im->memory_data = malloc(cap);
            if (!im->memory_data)
                return 0;
            vm_memory_init(&im->memory, im->memory_data, cap, d.min, d.max);
            def->ext.kind = VM_EXTERN_MEMORY;
            def->ext.as.memory = &im->memory;
            break;
        }
        default:
            vm_global_init(&im->globals[i], (vm_valtype_t)d.global_type, d.mutable, 0);
            def->ext.kind = VM_EXTERN_GLOBAL;
            def->ext.as.global = &im->globals[i];
            break;
        }
    }
    *ndefs = n;
    return 1;
}

typedef struct instance {
    vm_instance_t *inst;
    void *arena;
    uint8_t *memory;
} instance_t;

static int instantiate(const vm_module_t *mod, const imports_t *im, size_t ndefs, instance_t *out)
{
    vm_instance_config_t cfg;
    uint32_t min, max;
    size_t need;
    memset(out, 0, sizeof *out);
    memset(&cfg, 0, sizeof cfg);
    cfg.stack_slots = STACK_SLOTS;
    cfg.call_depth = CALL_DEPTH;
    if (vm_module_memory(mod, &min, &max) == VM_OK) {
        /* possibly smaller than the declared minimum: the tail then traps */
        cfg.memory_capacity = (size_t)(min < MAX_PAGES ? min + 1u : MAX_PAGES) * VM_PAGE_SIZE;
        out->memory = malloc(cfg.memory_capacity);
        cfg.memory = out->memory;
        if (!out->memory)
            return 0;
    }
    if (vm_instance_arena_size(mod, &cfg, &need) != VM_OK || need > (64u << 20))
        return 0;
    out->arena = malloc(need);
    if (!out->arena)
        return 0;
    return vm_instantiate(&out->inst, mod, im->defs, ndefs, &cfg, out->arena, need, NULL) == VM_OK;
}

static void release(instance_t *i)
{
    free(i->arena);
    free(i->memory);
}

/* Run the pending call; halfway, move it into a fresh instance through a snapshot. */
static void run(const vm_module_t *mod, const imports_t *im, size_t ndefs, instance_t *inst)
{
    uint32_t spent = 0;
    int moved = 0;
    while (spent < FUEL_PER_CALL) {
        vm_exit_t x = vm_run(inst->inst, SLICE);
        spent += SLICE;
        if (x != VM_EXIT_YIELD)
            return;
        if (!moved && spent >= FUEL_PER_CALL / 2) {
            size_t size, written;
            instance_t fresh;
            void *buf;
            moved = 1;
            if (vm_snapshot_size(inst->inst, &size) != VM_OK || !(buf = malloc(size)))
                continue;
            if (vm_snapshot_save(inst->inst, buf, size, &written) == VM_OK &&
                instantiate(mod, im, ndefs, &fresh)) {
                if (vm_snapshot_restore(fresh.inst, buf, written) == VM_OK) {
                    release(inst);
                    *inst = fresh;
                } else {
                    release(&fresh);
                }
            }
            free(buf);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t arena_size = 65536u + size * 16u;
    void *arena = malloc(arena_size);
    vm_module_t *mod;
    imports_t *im = calloc(1, sizeof *im);
    instance_t inst;
    size_t ndefs = 0;
    uint32_t start;
    if (!arena || !im)
        goto out;
    if (vm_module_load(&mod, data, size, arena, arena_size, NULL) != VM_OK)
        goto out;
    if (!make_imports(mod, im, &ndefs))
        goto out;
    if (!instantiate(mod, im, ndefs, &inst)) {
        release(&inst);
        goto out;
    }
    if (vm_module_start(mod, &start) == VM_OK && vm_invoke(inst.inst, start, NULL, 0) == VM_OK)
        run(mod, im, ndefs, &inst);
    for (uint32_t e = 0; e < vm_module_export_count(mod); e++) {
        vm_extern_desc_t d;
        vm_functype_t ft;
        vm_value_t args[1000] = {0};
        vm_module_export(mod, e, &d);
        if (d.kind != VM_EXTERN_FUNC)
            continue;
        vm_module_func_type(mod, d.index, &ft);
        vm_abort(inst.inst);
        if (vm_invoke(inst.inst, d.index, args, ft.nparams) == VM_OK)
            run(mod, im, ndefs, &inst);
    }
    release(&inst);
out:
    if (im)
        free(im->memory_data);
    free(im);
    free(arena);
    return 0;
}
