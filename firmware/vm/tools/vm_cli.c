/*
 * aios-vm: command-line runner.
 *
 *   aios-vm run <module.wasm> [--invoke <export> [args...]] [--fuel N] [--time] [--stats]
 *
 * Loads, validates and instantiates the module (imports may come from the spec `spectest`
 * module), runs its start function, then calls the export and prints its results as
 * "type:value" (e.g. "i32:42"). Arguments are "type:value" or bare numbers typed by the
 * export's signature. --fuel N runs in slices of N fuel and reports the yields on stderr;
 * --time reports the call's wall time and --stats the module and instance RAM, on stderr.
 * Exit status: 0 success, 1 trap, 2 usage / load / link error.
 */
#define _POSIX_C_SOURCE 199309L
#include "vm_host.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* Module arena kept, and what an instance needs besides its stack, frames and memory. */
static void print_stats(const vm_module_t *mod)
{
    vm_instance_config_t cfg;
    size_t bare = 0;
    memset(&cfg, 0, sizeof cfg);
    cfg.stack_slots = 1;
    cfg.call_depth = 1;
    vm_instance_arena_size(mod, &cfg, &bare);
    fprintf(stderr,
            "aios-vm: module arena %zu bytes; instance arena with a 1-slot stack and 1 frame "
            "%zu bytes\n",
            vm_module_arena_used(mod), bare);
}

static int usage(void)
{
    fprintf(stderr, "usage: aios-vm run <module.wasm> [--invoke <export> [args...]] [--fuel N] "
                    "[--time] [--stats]\n");
    return 2;
}

static int parse_arg(const char *text, uint8_t want, vm_value_t *v)
{
    char typed[128];
    uint8_t type;
    if (!strchr(text, ':')) {
        snprintf(typed, sizeof typed, "%s:%s",
                 want == VM_TYPE_I32   ? "i32"
                 : want == VM_TYPE_I64 ? "i64"
                 : want == VM_TYPE_F32 ? "f32"
                                       : "f64",
                 text);
        text = typed;
    }
    return host_parse_value(text, &type, v) && type == want;
}

static int report_trap(vm_instance_t *inst, const char *what)
{
    vm_status_t t = vm_trap(inst);
    fprintf(stderr, "aios-vm: trap in %s: %s (%s)\n", what, vm_status_text(t), host_status_name(t));
    return 1;
}

/* Parse arguments and typed values, call the export, print its results. */
static int invoke(host_instance_t *hi, const vm_module_t *mod, const char *path, const char *export,
                  const char **args, int nargs, uint32_t slice, uint64_t *yields, int timed)
{
    double t0;
    vm_functype_t ft;
    vm_value_t values[1000], results[1000];
    uint32_t func;
    if (vm_module_find_export(mod, export, strlen(export), VM_EXTERN_FUNC, &func) != VM_OK) {
        fprintf(stderr, "aios-vm: %s: no exported function \"%s\"\n", path, export);
        return 2;
    }
    vm_module_func_type(mod, func, &ft);
    if ((uint32_t)nargs != ft.nparams) {
        fprintf(stderr, "aios-vm: %s expects %" PRIu32 " arguments, got %d\n", export, ft.nparams,
                nargs);
        return 2;
    }
    for (int i = 0; i < nargs; i++) {
        if (!parse_arg(args[i], ft.params[i], &values[i])) {
            fprintf(stderr, "aios-vm: bad argument %d: \"%s\"\n", i + 1, args[i]);
            return 2;
        }
    }
    t0 = now_ms();
    if (host_call(hi->inst, func, values, ft.nparams, slice, yields) != VM_EXIT_DONE)
        return report_trap(hi->inst, export);
    if (timed)
        fprintf(stderr, "aios-vm: %s took %.3f ms\n", export, now_ms() - t0);
    vm_results(hi->inst, results, ft.nresults);
    for (uint32_t i = 0; i < ft.nresults; i++) {
        char buf[64];
        host_format_value(buf, sizeof buf, ft.results[i], results[i]);
        printf("%s%s", i ? " " : "", buf);
    }
    printf("\n");
    return 0;
}

/* Load, link against spectest, run the start function; 0 when the instance is ready. */
static int start(host_module_t *hm, host_instance_t *hi, host_spectest_t *st, const char *path,
                 const uint8_t *bytes, size_t len, uint32_t slice, uint64_t *yields)
{
    vm_diag_t diag;
    uint32_t fn;
    vm_status_t s = host_module_load(hm, bytes, len, &diag);
    if (s != VM_OK) {
        fprintf(stderr, "aios-vm: %s: invalid module: %s (%s) at byte offset %" PRIu32 "\n", path,
                vm_status_text(s), host_status_name(s), diag.offset);
        return 2;
    }
    s = host_instantiate(hi, hm->mod, st->defs, sizeof st->defs / sizeof st->defs[0], &diag);
    if (s != VM_OK && vm_status_is_link(s)) {
        vm_extern_desc_t d;
        vm_module_import(hm->mod, diag.index, &d);
        fprintf(stderr, "aios-vm: %s: import %.*s.%.*s: %s\n", path, (int)d.module_len, d.module,
                (int)d.name_len, d.name, vm_status_text(s));
        return 2;
    }
    if (s != VM_OK) {
        fprintf(stderr, "aios-vm: %s: instantiation failed: %s\n", path, vm_status_text(s));
        return vm_status_is_trap(s) ? 1 : 2;
    }
    if (vm_module_start(hm->mod, &fn) == VM_OK &&
        host_call(hi->inst, fn, NULL, 0, slice, yields) != VM_EXIT_DONE)
        return report_trap(hi->inst, "start function");
    return 0;
}

int main(int argc, char **argv)
{
    const char *path, *export = NULL;
    const char **args;
    int nargs = 0, fuel_given = 0, timed = 0, stats = 0, rc;
    uint32_t slice = 0xFFFFFFFFu;
    size_t len;
    uint8_t *bytes;
    host_module_t hm;
    host_instance_t hi;
    host_spectest_t st;
    uint64_t yields = 0;

    if (argc < 3 || strcmp(argv[1], "run") != 0)
        return usage();
    path = argv[2];
    args = calloc((size_t)argc, sizeof *args);
    if (!args)
        return 2;
    for (int i = 3; i < argc; i++) {
        char *end;
        unsigned long long f;
        if (!strcmp(argv[i], "--invoke") && i + 1 < argc) {
            export = argv[++i];
        } else if (!strcmp(argv[i], "--time")) {
            timed = 1;
        } else if (!strcmp(argv[i], "--stats")) {
            stats = 1;
        } else if (!strcmp(argv[i], "--fuel") && i + 1 < argc &&
                   (f = strtoull(argv[++i], &end, 0), *end == 0 && f > 0 && f <= 0xFFFFFFFFu)) {
            slice = (uint32_t)f;
            fuel_given = 1;
        } else if (export) {
            args[nargs++] = argv[i];
        } else {
            free(args);
            return usage();
        }
    }
    bytes = host_read_file(path, &len);
    if (!bytes) {
        fprintf(stderr, "aios-vm: cannot read %s\n", path);
        free(args);
        return 2;
    }
    memset(&hm, 0, sizeof hm);
    memset(&hi, 0, sizeof hi);
    host_spectest_init(&st);
    rc = start(&hm, &hi, &st, path, bytes, len, slice, &yields);
    if (rc == 0 && stats)
        print_stats(hm.mod);
    if (rc == 0 && export)
        rc = invoke(&hi, hm.mod, path, export, args, nargs, slice, &yields, timed);
    if (fuel_given)
        fprintf(stderr, "aios-vm: fuel slice %" PRIu32 ", yields %" PRIu64 "\n", slice, yields);
    host_instance_free(&hi);
    host_spectest_free(&st);
    host_module_free(&hm);
    free(bytes);
    free(args);
    return rc;
}
