/* Shared code of the host tools; see vm_host.h. */
#define _DEFAULT_SOURCE
#include "vm_host.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

uint8_t *host_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    uint8_t *buf;
    long size;
    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return NULL;
    }
    buf = malloc((size_t)size + 1);
    if (buf && fread(buf, 1, (size_t)size, f) != (size_t)size) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = (size_t)size;
    return buf;
}

const char *host_status_name(vm_status_t status)
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

vm_status_t host_module_load(host_module_t *hm, const uint8_t *bytes, size_t len, vm_diag_t *diag)
{
    size_t size = 64u * 1024u + len * 8u;
    vm_status_t s;
    memset(hm, 0, sizeof *hm);
    for (;;) {
        hm->arena = malloc(size);
        if (!hm->arena)
            return VM_ARENA_EXHAUSTED;
        s = vm_module_load(&hm->mod, bytes, len, hm->arena, size, diag);
        if (s != VM_ARENA_EXHAUSTED || size > ((size_t)1 << 31))
            break;
        free(hm->arena);
        size *= 2;
    }
    if (s != VM_OK) {
        free(hm->arena);
        hm->arena = NULL;
        hm->mod = NULL;
    }
    return s;
}

void host_module_free(host_module_t *hm)
{
    free(hm->arena);
    hm->arena = NULL;
    hm->mod = NULL;
}

uint8_t *host_map(size_t bytes)
{
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                   -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

void host_unmap(uint8_t *p, size_t bytes)
{
    if (p)
        munmap(p, bytes);
}

vm_status_t host_instantiate(host_instance_t *hi, const vm_module_t *mod,
                             const vm_import_def_t *defs, size_t ndefs, vm_diag_t *diag)
{
    vm_instance_config_t cfg;
    uint32_t min, max;
    size_t need;
    vm_status_t s;
    memset(hi, 0, sizeof *hi);
    memset(&cfg, 0, sizeof cfg);
    cfg.stack_slots = HOST_STACK_SLOTS;
    cfg.call_depth = HOST_CALL_DEPTH;
    if (vm_module_memory(mod, &min, &max) == VM_OK) {
        uint32_t pages = max == VM_NO_MAX || max > HOST_MAX_PAGES ? HOST_MAX_PAGES : max;
        if (pages < min)
            pages = min;
        hi->memory_size = (size_t)pages * VM_PAGE_SIZE;
        if (hi->memory_size) {
            hi->memory = host_map(hi->memory_size);
            if (!hi->memory)
                return VM_ARENA_EXHAUSTED;
        }
        cfg.memory = hi->memory;
        cfg.memory_capacity = hi->memory_size;
    }
    s = vm_instance_arena_size(mod, &cfg, &need);
    if (s != VM_OK)
        return s;
    hi->arena = malloc(need);
    if (!hi->arena)
        return VM_ARENA_EXHAUSTED;
    return vm_instantiate(&hi->inst, mod, defs, ndefs, &cfg, hi->arena, need, diag);
}

void host_instance_free(host_instance_t *hi)
{
    free(hi->arena);
    host_unmap(hi->memory, hi->memory_size);
    memset(hi, 0, sizeof *hi);
}

vm_exit_t host_call(vm_instance_t *inst, uint32_t func, const vm_value_t *args, uint32_t nargs,
                    uint32_t slice, uint64_t *yields)
{
    vm_exit_t x;
    vm_status_t s = vm_invoke(inst, func, args, nargs);
    if (s != VM_OK) {
        fprintf(stderr, "invoke failed: %s\n", vm_status_text(s));
        return VM_EXIT_TRAP;
    }
    while ((x = vm_run(inst, slice)) == VM_EXIT_YIELD)
        if (yields)
            (*yields)++;
    return x;
}

static uint8_t type_of(const char *name, size_t len)
{
    if (len == 3 && !memcmp(name, "i32", 3))
        return VM_TYPE_I32;
    if (len == 3 && !memcmp(name, "i64", 3))
        return VM_TYPE_I64;
    if (len == 3 && !memcmp(name, "f32", 3))
        return VM_TYPE_F32;
    if (len == 3 && !memcmp(name, "f64", 3))
        return VM_TYPE_F64;
    return 0;
}

int host_parse_value(const char *text, uint8_t *type, vm_value_t *v)
{
    const char *colon = strchr(text, ':'), *num;
    char *end;
    if (!colon || !(*type = type_of(text, (size_t)(colon - text))))
        return 0;
    num = colon + 1;
    if (*num == 0)
        return 0;
    if (*type == VM_TYPE_I32 || *type == VM_TYPE_I64) {
        int neg = *num == '-';
        uint64_t u = strtoull(neg ? num + 1 : num, &end, 0);
        if (*end)
            return 0;
        u = neg ? 0u - u : u;
        *v = *type == VM_TYPE_I32 ? (uint32_t)u : u;
        return 1;
    }
    if (!strncmp(num, "0x", 2) && strchr(num, '.') == NULL && strchr(num, 'p') == NULL) {
        *v = strtoull(num, &end, 16); /* raw bit pattern */
        return *end == 0;
    }
    {
        double d = strtod(num, &end);
        if (*end)
            return 0;
        *v = *type == VM_TYPE_F32 ? vm_value_f32((float)d) : vm_value_f64(d);
        return 1;
    }
}

void host_format_value(char *buf, size_t n, uint8_t type, vm_value_t v)
{
    switch (type) {
    case VM_TYPE_I32:
        snprintf(buf, n, "i32:%" PRId32, (int32_t)vm_as_i32(v));
        break;
    case VM_TYPE_I64:
        snprintf(buf, n, "i64:%" PRId64, (int64_t)vm_as_i64(v));
        break;
    case VM_TYPE_F32:
        if (isnan(vm_as_f32(v)))
            snprintf(buf, n, "f32:nan:0x%08" PRIx32, vm_as_i32(v));
        else
            snprintf(buf, n, "f32:%.9g", (double)vm_as_f32(v));
        break;
    case VM_TYPE_F64:
        if (isnan(vm_as_f64(v)))
            snprintf(buf, n, "f64:nan:0x%016" PRIx64, vm_as_i64(v));
        else
            snprintf(buf, n, "f64:%.17g", vm_as_f64(v));
        break;
    default:
        snprintf(buf, n, "?:0x%" PRIx64, v);
        break;
    }
}

/* ---- spectest ---------------------------------------------------------------------------- */

static vm_host_action_t spectest_print(vm_instance_t *inst, void *user, const vm_value_t *args,
                                       vm_value_t *results)
{
    const host_spectest_t *st = user;
    (void)inst;
    (void)args;
    (void)results;
    if (st->verbose)
        printf("spectest print\n");
    return VM_HOST_RETURN;
}

static const vm_host_func_t spectest_funcs[] = {
    {"", "", spectest_print, NULL},   {"i", "", spectest_print, NULL},
    {"I", "", spectest_print, NULL},  {"f", "", spectest_print, NULL},
    {"F", "", spectest_print, NULL},  {"if", "", spectest_print, NULL},
    {"FF", "", spectest_print, NULL},
};
static const char *const spectest_func_names[] = {
    "print", "print_i32", "print_i64", "print_f32", "print_f64", "print_i32_f32", "print_f64_f64"};

void host_spectest_init(host_spectest_t *st)
{
    size_t k = 0;
    memset(st, 0, sizeof *st);
    vm_global_init(&st->g_i32, VM_TYPE_I32, 0, 666);
    vm_global_init(&st->g_i64, VM_TYPE_I64, 0, 666);
    vm_global_init(&st->g_f32, VM_TYPE_F32, 0, vm_value_f32(666.6f));
    vm_global_init(&st->g_f64, VM_TYPE_F64, 0, vm_value_f64(666.6));
    vm_table_init(&st->table, st->table_elems, 20, 10, 20);
    st->memory_data = host_map(2u * VM_PAGE_SIZE);
    vm_memory_init(&st->memory, st->memory_data, 2u * VM_PAGE_SIZE, 1, 2);
    for (size_t i = 0; i < 7; i++) {
        st->funcs[i] = spectest_funcs[i];
        st->funcs[i].user = st;
        st->defs[k].module = "spectest";
        st->defs[k].name = spectest_func_names[i];
        st->defs[k].ext.kind = VM_EXTERN_HOST;
        st->defs[k++].ext.as.host = &st->funcs[i];
    }
    st->defs[k] = (vm_import_def_t){"spectest", "global_i32", {VM_EXTERN_GLOBAL, {NULL}}};
    st->defs[k++].ext.as.global = &st->g_i32;
    st->defs[k] = (vm_import_def_t){"spectest", "global_i64", {VM_EXTERN_GLOBAL, {NULL}}};
    st->defs[k++].ext.as.global = &st->g_i64;
    st->defs[k] = (vm_import_def_t){"spectest", "global_f32", {VM_EXTERN_GLOBAL, {NULL}}};
    st->defs[k++].ext.as.global = &st->g_f32;
    st->defs[k] = (vm_import_def_t){"spectest", "global_f64", {VM_EXTERN_GLOBAL, {NULL}}};
    st->defs[k++].ext.as.global = &st->g_f64;
    st->defs[k] = (vm_import_def_t){"spectest", "table", {VM_EXTERN_TABLE, {NULL}}};
    st->defs[k++].ext.as.table = &st->table;
    st->defs[k] = (vm_import_def_t){"spectest", "memory", {VM_EXTERN_MEMORY, {NULL}}};
    st->defs[k++].ext.as.memory = &st->memory;
}

void host_spectest_free(host_spectest_t *st)
{
    host_unmap(st->memory_data, 2u * VM_PAGE_SIZE);
    st->memory_data = NULL;
}
