/*
 * Instantiation: arena layout of an instance, import resolution and type checks, initial
 * values of globals, and the segment operations shared with the interpreter (table.init,
 * memory.init, drops), plus the bounds-checked memory accessors for host functions.
 */
#include "vm_internal.h"

#include <string.h>

/* ---- Embedder-owned objects -------------------------------------------------------------- */

static size_t accessible_bytes(uint32_t pages, size_t capacity)
{
    uint64_t want = (uint64_t)pages * VM_PAGE_SIZE;
    return want < capacity ? (size_t)want : capacity;
}

vm_status_t vm_memory_init(vm_memory_t *mem, uint8_t *data, size_t capacity, uint32_t min_pages,
                           uint32_t max_pages)
{
    if (!mem || (!data && capacity) || min_pages > 65536u ||
        (max_pages != VM_NO_MAX && (max_pages > 65536u || min_pages > max_pages)))
        return VM_BAD_ARGUMENT;
    mem->data = data;
    mem->capacity = capacity;
    mem->pages = min_pages;
    mem->max = max_pages;
    mem->bytes = accessible_bytes(min_pages, capacity);
    if (mem->bytes)
        memset(data, 0, mem->bytes);
    return VM_OK;
}

vm_status_t vm_table_init(vm_table_t *table, const vm_func_t **storage, uint32_t capacity,
                          uint32_t min, uint32_t max)
{
    if (!table || (!storage && capacity) || capacity < min || (max != VM_NO_MAX && min > max))
        return VM_BAD_ARGUMENT;
    table->elems = storage;
    table->size = min;
    table->max = max;
    table->capacity = capacity;
    for (uint32_t i = 0; i < capacity; i++)
        storage[i] = NULL;
    return VM_OK;
}

void vm_global_init(vm_global_t *global, vm_valtype_t type, int mutable, vm_value_t value)
{
    global->type = (uint8_t)type;
    global->mutable = mutable ? 1u : 0u;
    global->value = type == VM_TYPE_I32 || type == VM_TYPE_F32 ? (uint32_t)value : value;
}

vm_status_t vm_memory_grow(vm_instance_t *inst, vm_memory_t *mem, uint32_t delta,
                           uint32_t *old_pages)
{
    uint64_t want = (uint64_t)mem->pages + delta;
    uint32_t max = mem->max == VM_NO_MAX ? 65536u : mem->max;
    size_t old_bytes = mem->bytes;
    if (max > VM_MAX_MEMORY_PAGES)
        max = VM_MAX_MEMORY_PAGES;
    *old_pages = mem->pages;
    if (delta == 0)
        return VM_OK;
    if (want > max || want * VM_PAGE_SIZE > mem->capacity)
        return VM_TRAP_MEMORY_OUT_OF_BOUNDS;
    if (inst->grow && !inst->grow(inst->user, mem->pages, (uint32_t)want))
        return VM_TRAP_MEMORY_OUT_OF_BOUNDS;
    mem->pages = (uint32_t)want;
    mem->bytes = accessible_bytes(mem->pages, mem->capacity);
    memset(mem->data + old_bytes, 0, mem->bytes - old_bytes);
    return VM_OK;
}

/* ---- Segments ---------------------------------------------------------------------------- */

static int dropped(const vm_instance_t *inst, uint32_t bit)
{
    return (inst->dropped[bit >> 3] >> (bit & 7u)) & 1u;
}

void vm_drop(vm_instance_t *inst, uint32_t bit)
{
    inst->dropped[bit >> 3] = (uint8_t)(inst->dropped[bit >> 3] | (1u << (bit & 7u)));
}

vm_status_t vm_memory_init_op(vm_instance_t *inst, uint32_t seg, uint32_t dst, uint32_t src,
                              uint32_t n)
{
    const vm_dataseg_t *d = &inst->module->datas[seg];
    uint32_t len = dropped(inst, inst->module->nelems + seg) ? 0u : d->len;
    vm_memory_t *mem = inst->memory;
    if ((uint64_t)src + n > len || (uint64_t)dst + n > mem->bytes)
        return VM_TRAP_MEMORY_OUT_OF_BOUNDS;
    if (n)
        memcpy(mem->data + dst, d->bytes + src, n);
    return VM_OK;
}

vm_status_t vm_table_init_op(vm_instance_t *inst, uint32_t seg, uint32_t dst, uint32_t src,
                             uint32_t n)
{
    const vm_elemseg_t *e = &inst->module->elems[seg];
    uint32_t count = dropped(inst, seg) ? 0u : e->count;
    vm_table_t *t = inst->table;
    if ((uint64_t)src + n > count || (uint64_t)dst + n > t->size)
        return VM_TRAP_TABLE_OUT_OF_BOUNDS;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t f = e->funcs[src + i];
        t->elems[dst + i] = f == VM_NULL_FUNC ? NULL : inst->funcs[f];
    }
    return VM_OK;
}

/* ---- Layout ------------------------------------------------------------------------------ */

typedef struct layout {
    size_t funcs, func_objs, globals, global_objs, table_elems, dropped, frames, stack, total;
} layout_t;

static size_t take(size_t *at, size_t n, size_t size)
{
    size_t start = *at;
    *at += (n * size + 7u) & ~(size_t)7u;
    return start;
}

static vm_status_t plan(const vm_module_t *m, const vm_instance_config_t *cfg, layout_t *l)
{
    size_t at = 0;
    uint32_t own_table = m->ntables && !m->ntable_imports ? m->table.min : 0u;
    if (!cfg || cfg->stack_slots == 0 || cfg->call_depth == 0)
        return VM_BAD_ARGUMENT;
    if (own_table > VM_MAX_TABLE_ELEMENTS)
        return VM_LIMIT_TABLE_SIZE;
    take(&at, 1, sizeof(vm_instance_t));
    l->funcs = take(&at, m->nfuncs, sizeof(vm_func_t *));
    l->func_objs = take(&at, m->nfuncs, sizeof(vm_func_t));
    l->globals = take(&at, m->nglobals, sizeof(vm_global_t *));
    l->global_objs = take(&at, m->nglobals - m->nglobal_imports, sizeof(vm_global_t));
    l->table_elems = take(&at, own_table, sizeof(vm_func_t *));
    l->dropped = take(&at, ((size_t)m->nelems + m->ndatas + 7u) / 8u, 1);
    l->frames = take(&at, cfg->call_depth, sizeof(vm_frame_t));
    l->stack = take(&at, cfg->stack_slots, sizeof(vm_value_t));
    l->total = at + 8u; /* room to align the arena */
    return VM_OK;
}

vm_status_t vm_instance_arena_size(const vm_module_t *mod, const vm_instance_config_t *cfg,
                                   size_t *bytes)
{
    layout_t l;
    vm_status_t s;
    if (!mod || !bytes)
        return VM_BAD_ARGUMENT;
    s = plan(mod, cfg, &l);
    if (s == VM_OK)
        *bytes = l.total;
    return s;
}

/* ---- Linking ----------------------------------------------------------------------------- */

static const vm_import_def_t *find_def(const vm_import_t *im, const vm_import_def_t *defs,
                                       size_t ndefs)
{
    for (size_t i = 0; i < ndefs; i++) {
        const vm_import_def_t *d = &defs[i];
        if (d->module && d->name && strlen(d->module) == im->module_len &&
            strlen(d->name) == im->name_len && memcmp(d->module, im->module, im->module_len) == 0 &&
            memcmp(d->name, im->name, im->name_len) == 0)
            return d;
    }
    return NULL;
}

static int letters_match(const char *letters, const uint8_t *types, uint32_t n)
{
    size_t len = letters ? strlen(letters) : 0;
    if (len != n)
        return 0;
    for (uint32_t i = 0; i < n; i++) {
        uint8_t t = letters[i] == 'i'   ? VM_TYPE_I32
                    : letters[i] == 'I' ? VM_TYPE_I64
                    : letters[i] == 'f' ? VM_TYPE_F32
                    : letters[i] == 'F' ? VM_TYPE_F64
                                        : 0u;
        if (t != types[i])
            return 0;
    }
    return 1;
}

static int limits_match(uint32_t size, uint32_t max, const vm_limits_t *want)
{
    if (size < want->min)
        return 0;
    return want->max == VM_NO_MAX || (max != VM_NO_MAX && max <= want->max);
}

static vm_status_t link_import(vm_instance_t *inst, uint32_t i, const vm_import_def_t *d,
                               vm_func_t *objs)
{
    const vm_module_t *m = inst->module;
    const vm_import_t *im = &m->imports[i];
    const vm_extern_t *x = &d->ext;
    switch (im->kind) {
    case VM_EXTERN_FUNC: {
        uint32_t type = m->funcs[im->index].type;
        const vm_type_t *t = &m->types[type];
        if (x->kind == VM_EXTERN_HOST && x->as.host && x->as.host->fn &&
            letters_match(x->as.host->params, t->sig, t->nparams) &&
            letters_match(x->as.host->results, t->sig + t->nparams, t->nresults)) {
            vm_func_t *f = &objs[im->index];
            f->owner = NULL;
            f->host = x->as.host;
            f->index = im->index;
            f->type = type;
            f->type_module = m;
            inst->funcs[im->index] = f;
            return VM_OK;
        }
        if (x->kind == VM_EXTERN_FUNC && x->as.func && vm_func_has_type(x->as.func, m, type)) {
            inst->funcs[im->index] = x->as.func;
            return VM_OK;
        }
        break;
    }
    case VM_EXTERN_TABLE:
        if (x->kind == VM_EXTERN_TABLE && x->as.table &&
            limits_match(x->as.table->size, x->as.table->max, &m->table)) {
            inst->table = x->as.table;
            return VM_OK;
        }
        break;
    case VM_EXTERN_MEMORY:
        if (x->kind == VM_EXTERN_MEMORY && x->as.memory &&
            limits_match(x->as.memory->pages, x->as.memory->max, &m->mem)) {
            inst->memory = x->as.memory;
            return VM_OK;
        }
        break;
    default: {
        const vm_globaldef_t *g = &m->globals[im->index];
        if (x->kind == VM_EXTERN_GLOBAL && x->as.global && x->as.global->type == g->type &&
            x->as.global->mutable == g->mutable) {
            inst->globals[im->index] = x->as.global;
            return VM_OK;
        }
        break;
    }
    }
    return VM_LINK_INCOMPATIBLE_IMPORT;
}

static uint32_t eval_i32(const vm_instance_t *inst, const vm_constexpr_t *ce)
{
    return ce->kind == VM_CE_GLOBAL ? (uint32_t)inst->globals[ce->index]->value
                                    : (uint32_t)ce->value;
}

/* Active segments, in order: element segments, then data segments (bulk-memory semantics:
 * each is a table.init / memory.init followed by a drop, and a failure keeps earlier writes). */
static vm_status_t init_segments(vm_instance_t *inst)
{
    const vm_module_t *m = inst->module;
    vm_status_t s = VM_OK;
    for (uint32_t i = 0; i < m->nelems && s == VM_OK; i++) {
        const vm_elemseg_t *e = &m->elems[i];
        if (e->mode == VM_SEG_ACTIVE)
            s = vm_table_init_op(inst, i, eval_i32(inst, &e->offset), 0, e->count);
        if (e->mode != VM_SEG_PASSIVE)
            vm_drop(inst, i);
    }
    for (uint32_t i = 0; i < m->ndatas && s == VM_OK; i++) {
        const vm_dataseg_t *d = &m->datas[i];
        if (d->mode == VM_SEG_ACTIVE) {
            s = vm_memory_init_op(inst, i, eval_i32(inst, &d->offset), 0, d->len);
            vm_drop(inst, m->nelems + i);
        }
    }
    return s;
}

vm_status_t vm_instantiate(vm_instance_t **out, const vm_module_t *mod, const vm_import_def_t *defs,
                           size_t ndefs, const vm_instance_config_t *cfg, void *arena,
                           size_t arena_size, vm_diag_t *diag)
{
    layout_t l;
    vm_status_t s;
    uint8_t *base;
    vm_instance_t *inst = NULL;
    vm_func_t *objs;
    vm_global_t *gobjs;
    uint32_t fail_index = 0;

    if (!out || !mod || !arena || (ndefs && !defs)) {
        s = VM_BAD_ARGUMENT;
        goto out;
    }
    *out = NULL;
    s = plan(mod, cfg, &l);
    if (s != VM_OK)
        goto out;
    base = (uint8_t *)arena + ((8u - (uintptr_t)arena % 8u) % 8u);
    if (arena_size < l.total) {
        s = VM_ARENA_EXHAUSTED;
        goto out;
    }
    /* the frames and the stack are written before they are read: leave them untouched */
    memset(base, 0, l.frames);
    inst = (vm_instance_t *)(void *)base;
    inst->module = mod;
    inst->funcs = (const vm_func_t **)(void *)(base + l.funcs);
    objs = (vm_func_t *)(void *)(base + l.func_objs);
    inst->globals = (vm_global_t **)(void *)(base + l.globals);
    gobjs = (vm_global_t *)(void *)(base + l.global_objs);
    inst->dropped = base + l.dropped;
    inst->frames = (vm_frame_t *)(void *)(base + l.frames);
    inst->stack = (vm_value_t *)(void *)(base + l.stack);
    inst->stack_slots = cfg->stack_slots;
    inst->max_frames = cfg->call_depth;
    inst->grow = cfg->grow;
    inst->user = cfg->user;
    inst->cur = inst;
    inst->state = VM_STATE_IDLE;

    for (uint32_t i = 0; i < mod->nimports; i++) {
        const vm_import_def_t *d = find_def(&mod->imports[i], defs, ndefs);
        fail_index = i;
        s = d ? link_import(inst, i, d, objs) : VM_LINK_UNKNOWN_IMPORT;
        if (s != VM_OK)
            goto out;
    }
    for (uint32_t i = mod->nfunc_imports; i < mod->nfuncs; i++) {
        objs[i].owner = inst;
        objs[i].index = i;
        objs[i].type = mod->funcs[i].type;
        objs[i].type_module = mod;
        inst->funcs[i] = &objs[i];
    }
    if (mod->ntables && !mod->ntable_imports) {
        vm_table_init(&inst->own_table, (const vm_func_t **)(void *)(base + l.table_elems),
                      mod->table.min, mod->table.min, mod->table.max);
        inst->table = &inst->own_table;
    }
    if (mod->nmems && !mod->nmem_imports) {
        if (!cfg->memory && mod->mem.min > 0) {
            s = VM_LINK_MEMORY_BACKING;
            goto out;
        }
        vm_memory_init(&inst->own_memory, cfg->memory, cfg->memory ? cfg->memory_capacity : 0u,
                       mod->mem.min, mod->mem.max);
        inst->memory = &inst->own_memory;
    }
    for (uint32_t i = mod->nglobal_imports; i < mod->nglobals; i++) {
        const vm_globaldef_t *g = &mod->globals[i];
        vm_global_t *o = &gobjs[i - mod->nglobal_imports];
        vm_global_init(o, (vm_valtype_t)g->type, g->mutable,
                       g->init.kind == VM_CE_GLOBAL ? inst->globals[g->init.index]->value
                                                    : g->init.value);
        inst->globals[i] = o;
    }
    *out = inst;
    s = init_segments(inst);
out:
    if (diag) {
        diag->status = s;
        diag->offset = 0;
        diag->index = fail_index;
    }
    return s;
}

/* ---- Queries and host access ------------------------------------------------------------- */

const vm_module_t *vm_instance_module(const vm_instance_t *inst)
{
    return inst->module;
}

void *vm_instance_user(const vm_instance_t *inst)
{
    return inst->user;
}

vm_memory_t *vm_instance_memory(vm_instance_t *inst)
{
    return inst->memory;
}

vm_status_t vm_instance_export(vm_instance_t *inst, const char *name, size_t len, vm_extern_t *out)
{
    const vm_module_t *m = inst->module;
    for (uint32_t i = 0; i < m->nexports; i++) {
        const vm_export_t *e = &m->exports[i];
        if (e->name_len != len || memcmp(e->name, name, len) != 0)
            continue;
        out->kind = (vm_extern_kind_t)e->kind;
        switch (e->kind) {
        case VM_EXTERN_FUNC:
            out->as.func = inst->funcs[e->index];
            break;
        case VM_EXTERN_TABLE:
            out->as.table = inst->table;
            break;
        case VM_EXTERN_MEMORY:
            out->as.memory = inst->memory;
            break;
        default:
            out->as.global = inst->globals[e->index];
            break;
        }
        return VM_OK;
    }
    return VM_NOT_FOUND;
}

void *vm_memory_span(vm_instance_t *inst, uint32_t addr, uint32_t len)
{
    vm_memory_t *mem = inst->memory;
    if (!mem || !mem->data || (uint64_t)addr + len > mem->bytes)
        return NULL;
    return mem->data + addr;
}

vm_status_t vm_memory_read(vm_instance_t *inst, uint32_t addr, void *dst, uint32_t len)
{
    const void *p = vm_memory_span(inst, addr, len);
    if (len == 0)
        return inst->memory && addr <= inst->memory->bytes ? VM_OK : VM_TRAP_MEMORY_OUT_OF_BOUNDS;
    if (!p)
        return VM_TRAP_MEMORY_OUT_OF_BOUNDS;
    memcpy(dst, p, len);
    return VM_OK;
}

vm_status_t vm_memory_write(vm_instance_t *inst, uint32_t addr, const void *src, uint32_t len)
{
    void *p = vm_memory_span(inst, addr, len);
    if (len == 0)
        return inst->memory && addr <= inst->memory->bytes ? VM_OK : VM_TRAP_MEMORY_OUT_OF_BOUNDS;
    if (!p)
        return VM_TRAP_MEMORY_OUT_OF_BOUNDS;
    memcpy(p, src, len);
    return VM_OK;
}
