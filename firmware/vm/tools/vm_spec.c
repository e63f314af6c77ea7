/*
 * aios-vm-spec: runs WebAssembly spec test scripts converted by wabt's wast2json.
 *
 *   aios-vm-spec [-v] <dir-or-json>...
 *
 * A directory argument runs every <name>/<name>.json below it (the layout of
 * /work/shared/wasm-spec). Prints one line per file and the totals; exits 1 if any assertion
 * failed. assert_malformed/assert_invalid on text (.wat) modules are skipped and counted.
 */
#define _DEFAULT_SOURCE
#include "vm_host.h"
#include "vm_json.h"

#include <dirent.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_RESULTS 1024u

typedef struct entry {
    char *name;
    host_instance_t *hi;
} entry_t;

typedef struct script {
    const char *file;
    char dir[4096];
    host_spectest_t spectest;
    host_instance_t *current;
    entry_t *names, *registry;
    size_t nnames, nregistry;
    host_instance_t **instances;
    size_t ninstances;
    host_module_t *modules;
    uint8_t **blobs;
    size_t nmodules;
    unsigned passed, failed, skipped;
    int verbose;
} script_t;

static unsigned total_passed, total_failed, total_skipped;

static void *grow(void *p, size_t n, size_t size)
{
    void *q = realloc(p, (n + 1) * size);
    if (!q) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    return q;
}

static void fail(script_t *s, const json_t *cmd, const char *fmt, const char *detail)
{
    const json_t *line = json_get(cmd, "line");
    s->failed++;
    printf("  FAIL %s:%s %s: ", s->file, line ? line->str : "?", json_str(cmd, "type"));
    printf(fmt, detail);
    printf("\n");
}

static host_instance_t *find_entry(entry_t *list, size_t n, const char *name)
{
    for (size_t i = n; i-- > 0;)
        if (!strcmp(list[i].name, name))
            return list[i].hi;
    return NULL;
}

/* ---- Modules ----------------------------------------------------------------------------- */

static vm_status_t load(script_t *s, const char *filename, host_module_t *hm, vm_diag_t *diag)
{
    char path[8192];
    size_t len;
    uint8_t *bytes;
    vm_status_t st;
    snprintf(path, sizeof path, "%s/%s", s->dir, filename);
    bytes = host_read_file(path, &len);
    if (!bytes) {
        fprintf(stderr, "cannot read %s\n", path);
        return VM_BAD_ARGUMENT;
    }
    st = host_module_load(hm, bytes, len, diag);
    if (st != VM_OK) {
        free(bytes);
        return st;
    }
    s->modules = grow(s->modules, s->nmodules, sizeof *s->modules);
    s->blobs = grow(s->blobs, s->nmodules, sizeof *s->blobs);
    s->modules[s->nmodules] = *hm;
    s->blobs[s->nmodules++] = bytes;
    return VM_OK;
}

static char *dup_n(const char *p, size_t n)
{
    char *d = malloc(n + 1);
    if (!d)
        exit(2);
    memcpy(d, p, n);
    d[n] = 0;
    return d;
}

/* Link against spectest and registered instances; link errors come from vm_instantiate. */
static vm_status_t instantiate(script_t *s, const vm_module_t *mod, host_instance_t **out,
                               vm_diag_t *diag)
{
    uint32_t n = vm_module_import_count(mod);
    vm_import_def_t *defs = calloc(n + 1u, sizeof *defs);
    size_t ndefs = 0;
    host_instance_t *hi = calloc(1, sizeof *hi);
    vm_status_t st;
    if (!defs || !hi)
        exit(2);
    for (uint32_t i = 0; i < n; i++) {
        vm_extern_desc_t d;
        char *module, *name;
        host_instance_t *from;
        vm_module_import(mod, i, &d);
        module = dup_n(d.module, d.module_len);
        name = dup_n(d.name, d.name_len);
        if (!strcmp(module, "spectest")) {
            for (size_t k = 0; k < sizeof s->spectest.defs / sizeof s->spectest.defs[0]; k++)
                if (!strcmp(s->spectest.defs[k].name, name))
                    defs[ndefs++] = s->spectest.defs[k];
        } else if ((from = find_entry(s->registry, s->nregistry, module)) != NULL) {
            vm_extern_t ext;
            if (vm_instance_export(from->inst, d.name, d.name_len, &ext) == VM_OK) {
                defs[ndefs].module = module;
                defs[ndefs].name = name;
                defs[ndefs++].ext = ext;
                continue; /* strings stay alive until after linking */
            }
        }
        free(module);
        free(name);
    }
    st = host_instantiate(hi, mod, defs, ndefs, diag);
    for (size_t i = 0; i < ndefs; i++) {
        if (defs[i].module != s->spectest.defs[0].module) {
            free((char *)defs[i].module);
            free((char *)defs[i].name);
        }
    }
    free(defs);
    /* kept even on failure: shared tables may point at its functions */
    s->instances = grow(s->instances, s->ninstances, sizeof *s->instances);
    s->instances[s->ninstances++] = hi;
    *out = hi;
    if (st == VM_OK) {
        uint32_t start;
        if (vm_module_start(mod, &start) == VM_OK &&
            host_call(hi->inst, start, NULL, 0, 0xFFFFFFFFu, NULL) != VM_EXIT_DONE)
            st = vm_trap(hi->inst);
    }
    return st;
}

/* ---- Values ------------------------------------------------------------------------------ */

static uint8_t parse_type(const char *t)
{
    if (!t)
        return 0;
    if (!strcmp(t, "i32"))
        return VM_TYPE_I32;
    if (!strcmp(t, "i64"))
        return VM_TYPE_I64;
    if (!strcmp(t, "f32"))
        return VM_TYPE_F32;
    if (!strcmp(t, "f64"))
        return VM_TYPE_F64;
    return 0;
}

static int parse_arg(const json_t *v, vm_value_t *out)
{
    uint8_t t = parse_type(json_str(v, "type"));
    const char *text = json_str(v, "value");
    if (!t || !text)
        return 0;
    *out = strtoull(text, NULL, 10);
    if (t == VM_TYPE_I32 || t == VM_TYPE_F32)
        *out = (uint32_t)*out;
    return 1;
}

static int value_matches(const json_t *want, vm_value_t got)
{
    uint8_t t = parse_type(json_str(want, "type"));
    const char *text = json_str(want, "value");
    vm_value_t v = 0;
    if (!t || !text)
        return 0;
    if (!strcmp(text, "nan:canonical"))
        return t == VM_TYPE_F32 ? (got & 0x7FFFFFFFu) == 0x7FC00000u
                                : (got & 0x7FFFFFFFFFFFFFFFu) == 0x7FF8000000000000u;
    if (!strcmp(text, "nan:arithmetic"))
        return t == VM_TYPE_F32 ? (got & 0x7FC00000u) == 0x7FC00000u
                                : (got & 0x7FF8000000000000u) == 0x7FF8000000000000u;
    parse_arg(want, &v);
    return v == got;
}

/* ---- Actions ----------------------------------------------------------------------------- */

enum { ACT_OK, ACT_TRAP, ACT_ERROR };

static int run_action(script_t *s, const json_t *action, vm_value_t *results, uint32_t *nresults,
                      vm_status_t *trap)
{
    const char *type = json_str(action, "type");
    const char *module = json_str(action, "module");
    const json_t *field = json_get(action, "field");
    host_instance_t *hi = module ? find_entry(s->names, s->nnames, module) : s->current;
    vm_extern_t ext;
    if (!hi || !hi->inst || !field || field->kind != JSON_STRING ||
        vm_instance_export(hi->inst, field->str, field->len, &ext) != VM_OK)
        return ACT_ERROR;
    if (!strcmp(type, "get")) {
        if (ext.kind != VM_EXTERN_GLOBAL)
            return ACT_ERROR;
        results[0] = ext.as.global->value;
        *nresults = 1;
        return ACT_OK;
    }
    if (ext.kind != VM_EXTERN_FUNC)
        return ACT_ERROR;
    {
        const vm_module_t *mod = vm_instance_module(hi->inst);
        uint32_t index;
        vm_value_t args[MAX_RESULTS];
        uint32_t nargs = 0;
        vm_functype_t ft;
        vm_exit_t x;
        vm_module_find_export(mod, field->str, field->len, VM_EXTERN_FUNC, &index);
        vm_module_func_type(mod, index, &ft);
        for (const json_t *a = json_get(action, "args") ? json_get(action, "args")->child : NULL;
             a && nargs < MAX_RESULTS; a = a->next)
            if (!parse_arg(a, &args[nargs++]))
                return ACT_ERROR;
        x = host_call(hi->inst, index, args, nargs, 0xFFFFFFFFu, NULL);
        if (x == VM_EXIT_TRAP) {
            *trap = vm_trap(hi->inst);
            return ACT_TRAP;
        }
        if (x != VM_EXIT_DONE || ft.nresults > MAX_RESULTS)
            return ACT_ERROR;
        *nresults = ft.nresults;
        vm_results(hi->inst, results, ft.nresults);
        return ACT_OK;
    }
}

/* Spec trap texts against our status texts: either may be a prefix of the other. */
static int trap_matches(vm_status_t got, const char *want)
{
    const char *have = vm_status_text(got);
    size_t a = strlen(have), b = strlen(want);
    if (!strcmp(want, "undefined element") || !strcmp(want, "undefined"))
        return got == VM_TRAP_TABLE_OUT_OF_BOUNDS;
    return !strncmp(have, want, a < b ? a : b) && vm_status_is_trap(got);
}

/* ---- Commands ---------------------------------------------------------------------------- */

static void cmd_module(script_t *s, const json_t *cmd)
{
    host_module_t hm;
    host_instance_t *hi = NULL;
    vm_diag_t diag;
    const char *name = json_str(cmd, "name");
    vm_status_t st = load(s, json_str(cmd, "filename"), &hm, &diag);
    if (st == VM_OK)
        st = instantiate(s, hm.mod, &hi, &diag);
    if (st != VM_OK) {
        char msg[256];
        snprintf(msg, sizeof msg, "%s (offset %" PRIu32 ")", vm_status_text(st), diag.offset);
        fail(s, cmd, "module failed: %s", msg);
        s->current = NULL;
        return;
    }
    s->current = hi;
    if (name) {
        s->names = grow(s->names, s->nnames, sizeof *s->names);
        s->names[s->nnames].name = dup_n(name, strlen(name));
        s->names[s->nnames++].hi = hi;
    }
}

static void cmd_register(script_t *s, const json_t *cmd)
{
    const char *name = json_str(cmd, "name");
    host_instance_t *hi = name ? find_entry(s->names, s->nnames, name) : s->current;
    const char *as = json_str(cmd, "as");
    if (!hi || !as)
        return;
    s->registry = grow(s->registry, s->nregistry, sizeof *s->registry);
    s->registry[s->nregistry].name = dup_n(as, strlen(as));
    s->registry[s->nregistry++].hi = hi;
}

static void cmd_assert_return(script_t *s, const json_t *cmd)
{
    vm_value_t results[MAX_RESULTS];
    uint32_t n = 0, k = 0;
    vm_status_t trap = VM_OK;
    const json_t *want = json_get(cmd, "expected");
    int r = run_action(s, json_get(cmd, "action"), results, &n, &trap);
    if (r == ACT_TRAP) {
        fail(s, cmd, "trapped: %s", vm_status_text(trap));
        return;
    }
    if (r != ACT_OK) {
        fail(s, cmd, "%s", "action failed");
        return;
    }
    for (const json_t *w = want ? want->child : NULL; w; w = w->next, k++) {
        if (k >= n || !value_matches(w, results[k])) {
            char got[64] = "(missing)";
            if (k < n)
                host_format_value(got, sizeof got, parse_type(json_str(w, "type")), results[k]);
            fail(s, cmd, "got %s", got);
            return;
        }
    }
    if (k != n) {
        fail(s, cmd, "%s", "result count differs");
        return;
    }
    s->passed++;
}

static void cmd_assert_trap(script_t *s, const json_t *cmd)
{
    vm_value_t results[MAX_RESULTS];
    uint32_t n = 0;
    vm_status_t trap = VM_OK;
    const char *text = json_str(cmd, "text");
    int r = run_action(s, json_get(cmd, "action"), results, &n, &trap);
    if (r != ACT_TRAP) {
        fail(s, cmd, "expected trap \"%s\"", text);
        return;
    }
    if (!trap_matches(trap, text)) {
        fail(s, cmd, "wrong trap: %s", vm_status_text(trap));
        return;
    }
    s->passed++;
}

/* assert_malformed / assert_invalid / assert_unlinkable / assert_uninstantiable */
static void cmd_assert_module(script_t *s, const json_t *cmd, const char *type)
{
    host_module_t hm;
    host_instance_t *hi;
    vm_diag_t diag;
    vm_status_t st;
    const char *module_type = json_str(cmd, "module_type");
    const char *text = json_str(cmd, "text");
    if (module_type && strcmp(module_type, "binary") != 0) {
        s->skipped++;
        return;
    }
    st = load(s, json_str(cmd, "filename"), &hm, &diag);
    if (!strcmp(type, "assert_malformed") || !strcmp(type, "assert_invalid")) {
        int malformed = !strcmp(type, "assert_malformed");
        if (st == VM_OK) {
            fail(s, cmd, "module was accepted (expected \"%s\")", text);
        } else if (malformed ? !vm_status_is_malformed(st) : !vm_status_is_invalid(st)) {
            char msg[256];
            snprintf(msg, sizeof msg, "%s, got %s (%s)", text, host_status_name(st),
                     vm_status_text(st));
            fail(s, cmd, "wrong error: expected %s", msg);
        } else {
            s->passed++;
        }
        return;
    }
    if (st != VM_OK) {
        fail(s, cmd, "module failed to load: %s", vm_status_text(st));
        return;
    }
    st = instantiate(s, hm.mod, &hi, &diag);
    if (!strcmp(type, "assert_unlinkable") ? vm_status_is_link(st) : trap_matches(st, text))
        s->passed++;
    else
        fail(s, cmd, "instantiation gave: %s", st == VM_OK ? "success" : vm_status_text(st));
}

static void run_command(script_t *s, const json_t *cmd)
{
    const char *type = json_str(cmd, "type");
    if (!type)
        return;
    if (!strcmp(type, "module")) {
        cmd_module(s, cmd);
    } else if (!strcmp(type, "register")) {
        cmd_register(s, cmd);
    } else if (!strcmp(type, "action")) {
        vm_value_t results[MAX_RESULTS];
        uint32_t n;
        vm_status_t trap;
        run_action(s, json_get(cmd, "action"), results, &n, &trap);
    } else if (!strcmp(type, "assert_return")) {
        cmd_assert_return(s, cmd);
    } else if (!strcmp(type, "assert_trap") || !strcmp(type, "assert_exhaustion")) {
        cmd_assert_trap(s, cmd);
    } else if (!strncmp(type, "assert_", 7)) {
        cmd_assert_module(s, cmd, type);
    }
}

static void script_free(script_t *s)
{
    for (size_t i = 0; i < s->ninstances; i++) {
        host_instance_free(s->instances[i]);
        free(s->instances[i]);
    }
    for (size_t i = 0; i < s->nmodules; i++) {
        host_module_free(&s->modules[i]);
        free(s->blobs[i]);
    }
    for (size_t i = 0; i < s->nnames; i++)
        free(s->names[i].name);
    for (size_t i = 0; i < s->nregistry; i++)
        free(s->registry[i].name);
    free(s->instances);
    free(s->modules);
    free(s->blobs);
    free(s->names);
    free(s->registry);
    host_spectest_free(&s->spectest);
}

static int run_file(const char *path, int verbose)
{
    script_t s;
    size_t len;
    char *text = (char *)host_read_file(path, &len);
    json_t *doc;
    const char *slash = strrchr(path, '/');
    memset(&s, 0, sizeof s);
    s.verbose = verbose;
    s.file = slash ? slash + 1 : path;
    if (slash)
        snprintf(s.dir, sizeof s.dir, "%.*s", (int)(slash - path), path);
    else
        snprintf(s.dir, sizeof s.dir, ".");
    if (!text || !(doc = json_parse(text, len))) {
        fprintf(stderr, "cannot read or parse %s\n", path);
        free(text);
        total_failed++;
        return 1;
    }
    host_spectest_init(&s.spectest);
    s.spectest.verbose = verbose;
    for (const json_t *c = json_get(doc, "commands") ? json_get(doc, "commands")->child : NULL; c;
         c = c->next)
        run_command(&s, c);
    printf("%-28s passed %5u  failed %4u  skipped %4u\n", s.file, s.passed, s.failed, s.skipped);
    total_passed += s.passed;
    total_failed += s.failed;
    total_skipped += s.skipped;
    script_free(&s);
    json_free(doc);
    free(text);
    return s.failed != 0;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void run_dir(const char *dir, int verbose)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL;
    size_t n = 0;
    if (!d) {
        fprintf(stderr, "cannot open %s\n", dir);
        total_failed++;
        return;
    }
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        names = grow(names, n, sizeof *names);
        names[n++] = dup_n(e->d_name, strlen(e->d_name));
    }
    closedir(d);
    qsort(names, n, sizeof *names, compare_names);
    for (size_t i = 0; i < n; i++) {
        char path[8192];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s/%s.json", dir, names[i], names[i]);
        if (stat(path, &st) == 0)
            run_file(path, verbose);
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv)
{
    int verbose = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (!strcmp(argv[i], "-v")) {
            verbose = 1;
            continue;
        }
        if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
            run_dir(argv[i], verbose);
        else
            run_file(argv[i], verbose);
    }
    printf("TOTAL passed %u failed %u skipped %u\n", total_passed, total_failed, total_skipped);
    return total_failed ? 1 : 0;
}
