/*
 * Module loader: decodes every section with the binary reader (vm_read.c), checks the
 * module-level rules, and hands each function body to the validator and the compiler. All
 * allocation comes from the module arena; nothing is copied out of the module bytes that can be
 * referred to in place.
 */
#include "vm_internal.h"

#include <string.h>

/* ---- Loader state ------------------------------------------------------------------------ */

typedef struct loader {
    vm_module_t *m;
    vm_arena_t arena;
    vm_reader_t r;
    const uint8_t *err_at; /* where the current error was found */
    uint32_t err_index;
    uint32_t ndefined_funcs; /* function section count */
    uint32_t ndefined_globals;
    uint32_t nimport_funcs_seen, nimport_globals_seen;
    int have_funcs, have_globals, have_code, have_data;
    const uint8_t *data_use; /* memory.init/data.drop seen without a DataCount section */
    vm_import_t *imports_tmp;
    uint8_t *import_gtype, *import_gmut;
    uint32_t *import_ftype;
} loader_t;

#define CHECK(expr)                                                                                \
    do {                                                                                           \
        s = (expr);                                                                                \
        if (s != VM_OK)                                                                            \
            goto out;                                                                              \
    } while (0)
#define FAIL(code)                                                                                 \
    do {                                                                                           \
        s = (code);                                                                                \
        goto out;                                                                                  \
    } while (0)

static void *alloc_array(loader_t *l, size_t n, size_t size)
{
    if (n != 0 && size > (size_t)-1 / n)
        return NULL;
    return vm_arena_alloc(&l->arena, n * size);
}

/*
 * A constant expression of type `want`: one constant, a global.get of an imported immutable
 * global, ref.null or ref.func, then end.
 */
static vm_status_t read_constexpr(loader_t *l, uint8_t want, vm_constexpr_t *ce)
{
    vm_reader_t *r = &l->r;
    vm_module_t *m = l->m;
    vm_status_t s = VM_OK;
    uint32_t depth = 0;
    uint8_t type = VM_T_NONE;
    for (;;) {
        uint8_t op;
        l->err_at = r->p;
        CHECK(vm_read_u8(r, &op));
        if (op == 0x0B)
            break;
        depth++;
        switch (op) {
        case 0x41: {
            int32_t v;
            CHECK(vm_read_s32(r, &v));
            ce->kind = VM_CE_CONST;
            ce->value = (uint32_t)v;
            type = VM_TYPE_I32;
            break;
        }
        case 0x42: {
            int64_t v;
            CHECK(vm_read_s64(r, &v));
            ce->kind = VM_CE_CONST;
            ce->value = (uint64_t)v;
            type = VM_TYPE_I64;
            break;
        }
        case 0x43: {
            uint32_t v;
            CHECK(vm_read_fixed32(r, &v));
            ce->kind = VM_CE_CONST;
            ce->value = v;
            type = VM_TYPE_F32;
            break;
        }
        case 0x44:
            CHECK(vm_read_fixed64(r, &ce->value));
            ce->kind = VM_CE_CONST;
            type = VM_TYPE_F64;
            break;
        case 0x23:
            CHECK(vm_read_u32(r, &ce->index));
            if (ce->index >= m->nglobal_imports)
                FAIL(VM_INVALID_UNKNOWN_GLOBAL);
            if (m->globals[ce->index].mutable)
                FAIL(VM_INVALID_CONST_EXPR);
            ce->kind = VM_CE_GLOBAL;
            type = m->globals[ce->index].type;
            break;
        case 0xD0: {
            uint8_t t;
            CHECK(vm_read_u8(r, &t));
            if (t != VM_TYPE_FUNCREF)
                FAIL(VM_MALFORMED_REFERENCE_TYPE);
            ce->kind = VM_CE_REF_NULL;
            type = VM_TYPE_FUNCREF;
            break;
        }
        case 0xD2:
            CHECK(vm_read_u32(r, &ce->index));
            if (ce->index >= m->nfuncs)
                FAIL(VM_INVALID_UNKNOWN_FUNCTION);
            ce->kind = VM_CE_REF_FUNC;
            type = VM_TYPE_FUNCREF;
            break;
        default:
            FAIL(vm_opinfo(op).cls != VM_CLASS_NONE || op == 0xFC ? VM_INVALID_CONST_EXPR
                                                                  : VM_MALFORMED_OPCODE);
        }
    }
    if (depth != 1 || type != want)
        FAIL(VM_INVALID_TYPE_MISMATCH);
out:
    return s;
}

/* ---- Sections ---------------------------------------------------------------------------- */

static vm_status_t parse_types(loader_t *l)
{
    vm_reader_t *r = &l->r;
    vm_module_t *m = l->m;
    vm_status_t s = VM_OK;
    uint32_t n;
    CHECK(vm_read_count(r, VM_MAX_TYPES, VM_LIMIT_TYPES, &n));
    m->types = alloc_array(l, n, sizeof *m->types);
    if (!m->types)
        FAIL(VM_ARENA_EXHAUSTED);
    for (uint32_t i = 0; i < n; i++) {
        vm_type_t *t = &m->types[i];
        uint8_t form;
        uint32_t np, nr;
        uint8_t *sig, vt;
        const uint8_t *params, *results;
        l->err_at = r->p;
        CHECK(vm_read_u8(r, &form));
        if (form != 0x60)
            FAIL(VM_MALFORMED_FUNCTION_TYPE);
        CHECK(vm_read_count(r, VM_MAX_TYPE_ARITY, VM_LIMIT_TYPES, &np));
        params = r->p;
        for (uint32_t k = 0; k < np; k++)
            CHECK(vm_read_valtype(r, &vt));
        CHECK(vm_read_count(r, VM_MAX_TYPE_ARITY, VM_LIMIT_TYPES, &nr));
        results = r->p;
        for (uint32_t k = 0; k < nr; k++)
            CHECK(vm_read_valtype(r, &vt));
        sig = vm_arena_alloc(&l->arena, np + nr);
        if (!sig && np + nr)
            FAIL(VM_ARENA_EXHAUSTED);
        memcpy(sig, params, np);
        memcpy(sig + np, results, nr);
        t->nparams = (uint16_t)np;
        t->nresults = (uint16_t)nr;
        t->sig = sig;
        t->canon = i;
        m->ntypes = i + 1;
        if (nr > m->max_arity)
            m->max_arity = nr;
        for (uint32_t j = 0; j < i; j++) {
            if (vm_type_equal(m, i, m, j)) {
                t->canon = j;
                break;
            }
        }
    }
out:
    return s;
}

static vm_status_t parse_imports(loader_t *l)
{
    vm_reader_t *r = &l->r;
    vm_module_t *m = l->m;
    vm_status_t s = VM_OK;
    uint32_t n;
    CHECK(vm_read_count(r, VM_MAX_ENTRIES, VM_LIMIT_ENTRIES, &n));
    m->imports = alloc_array(l, n, sizeof *m->imports);
    l->import_ftype = alloc_array(l, n, sizeof *l->import_ftype);
    l->import_gtype = alloc_array(l, n, 1);
    l->import_gmut = alloc_array(l, n, 1);
    if ((!m->imports || !l->import_ftype || !l->import_gtype || !l->import_gmut) && n)
        FAIL(VM_ARENA_EXHAUSTED);
    for (uint32_t i = 0; i < n; i++) {
        vm_import_t *im = &m->imports[i];
        uint8_t kind;
        l->err_at = r->p;
        CHECK(vm_read_name(r, &im->module, &im->module_len));
        CHECK(vm_read_name(r, &im->name, &im->name_len));
        CHECK(vm_read_u8(r, &kind));
        im->kind = kind;
        switch (kind) {
        case VM_EXTERN_FUNC:
            CHECK(vm_read_u32(r, &l->import_ftype[i]));
            if (l->import_ftype[i] >= m->ntypes)
                FAIL(VM_INVALID_UNKNOWN_TYPE);
            im->index = m->nfunc_imports++;
            break;
        case VM_EXTERN_TABLE:
            CHECK(vm_read_tabletype(r, &m->table));
            if (m->ntables++)
                FAIL(VM_INVALID_MULTIPLE_TABLES);
            m->ntable_imports = 1;
            im->index = 0;
            break;
        case VM_EXTERN_MEMORY:
            CHECK(vm_read_memtype(r, &m->mem));
            if (m->nmems++)
                FAIL(VM_INVALID_MULTIPLE_MEMORIES);
            m->nmem_imports = 1;
            im->index = 0;
            break;
        case VM_EXTERN_GLOBAL:
            CHECK(vm_read_valtype(r, &l->import_gtype[i]));
            CHECK(vm_read_u8(r, &l->import_gmut[i]));
            if (l->import_gmut[i] > 1)
                FAIL(VM_MALFORMED_MUTABILITY);
            im->index = m->nglobal_imports++;
            break;
        default:
            FAIL(VM_MALFORMED_IMPORT_KIND);
        }
        m->nimports = i + 1;
    }
out:
    return s;
}

/* Build the function index space (imports first) once the function section is known. */
static vm_status_t finish_funcs(loader_t *l)
{
    vm_module_t *m = l->m;
    uint32_t k = 0;
    if (l->have_funcs)
        return VM_OK;
    l->have_funcs = 1;
    if ((uint64_t)m->nfunc_imports + l->ndefined_funcs > VM_MAX_FUNCTIONS)
        return VM_LIMIT_FUNCTIONS;
    m->nfuncs = m->nfunc_imports + l->ndefined_funcs;
    m->funcs = alloc_array(l, m->nfuncs, sizeof *m->funcs);
    if (!m->funcs && m->nfuncs)
        return VM_ARENA_EXHAUSTED;
    for (uint32_t i = 0; i < m->nimports; i++) {
        if (m->imports[i].kind == VM_EXTERN_FUNC) {
            memset(&m->funcs[k], 0, sizeof m->funcs[k]);
            m->funcs[k++].type = l->import_ftype[i];
        }
    }
    return VM_OK;
}

static vm_status_t finish_globals(loader_t *l)
{
    vm_module_t *m = l->m;
    uint32_t k = 0;
    if (l->have_globals)
        return VM_OK;
    l->have_globals = 1;
    if ((uint64_t)m->nglobal_imports + l->ndefined_globals > VM_MAX_ENTRIES)
        return VM_LIMIT_ENTRIES;
    m->nglobals = m->nglobal_imports + l->ndefined_globals;
    m->globals = alloc_array(l, m->nglobals, sizeof *m->globals);
    if (!m->globals && m->nglobals)
        return VM_ARENA_EXHAUSTED;
    for (uint32_t i = 0; i < m->nimports; i++) {
        if (m->imports[i].kind == VM_EXTERN_GLOBAL) {
            memset(&m->globals[k], 0, sizeof m->globals[k]);
            m->globals[k].type = l->import_gtype[i];
            m->globals[k++].mutable = l->import_gmut[i];
        }
    }
    return VM_OK;
}

static vm_status_t parse_functions(loader_t *l)
{
    vm_reader_t *r = &l->r;
    vm_module_t *m = l->m;
    vm_status_t s = VM_OK;
    uint32_t n;
    CHECK(vm_read_count(r, VM_MAX_FUNCTIONS, VM_LIMIT_FUNCTIONS, &n));
    l->ndefined_funcs = n;
    CHECK(finish_funcs(l));
    for (uint32_t i = 0; i < n; i++) {
        vm_funcdef_t *f = &m->funcs[m->nfunc_imports + i];
        memset(f, 0, sizeof *f);
        l->err_at = r->p;
        CHECK(vm_read_u32(r, &f->type));
        if (f->type >= m->ntypes)
            FAIL(VM_INVALID_UNKNOWN_TYPE);
    }
out:
    return s;
}

static vm_status_t parse_tables(loader_t *l)
{
    vm_reader_t *r = &l->r;
    vm_module_t *m = l->m;
    vm_status_t s = VM_OK;
    uint32_t n;
    CHECK(vm_read_count(r, VM_MAX_ENTRIES, VM_LIMIT_ENTRIES, &n));
    for (uint32_t i = 0; i < n; i++) {
        l->err_at = r->p;
        CHECK(vm_read_tabletype(r, &m->table));
        if (m->ntables++)
            FAIL(VM_INVALID_MULTIPLE_TABLES);
    }
out:
    return s;
}

static vm_status_t parse_memories(loader_t *l)
{
    vm_reader_t *r = &l->r;
    vm_module_t *m = l->m;
    vm_status_t s = VM_OK;
    uint32_t n;
    CHECK(vm_read_count(r, VM_MAX_ENTRIES, VM_LIMIT_ENTRIES, &n));
    for (uint32_t i = 0; i < n; i++) {
        l->err_at = r->p;
        CHECK(vm_read_memtype(r, &m->mem));
        if (m->nmems++)
            FAIL(VM_INVALID_MULTIPLE_MEMORIES);
    }
out:
    return s;
}

static vm_status_t parse_globals(loader_t *l)
{
    vm_reader_t *r = &l->r;
    vm_module_t *m = l->m;
    vm_status_t s = VM_OK;
    uint32_t n;
    CHECK(vm_read_count(r, VM_MAX_ENTRIES, VM_LIMIT_ENTRIES, &n));
    l->ndefined_globals = n;
    CHECK(finish_globals(l));
    for (uint32_t i = 0; i < n; i++) {
        vm_globaldef_t *g = &m->globals[m->nglobal_imports + i];
        memset(g, 0, sizeof *g);
        l->err_at = r->p;
        CHECK(vm_read_valtype(r, &g->type));
        CHECK(vm_read_u8(r, &g->mutable));
        if (g->mutable > 1)
            FAIL(VM_MALFORMED_MUTABILITY);
        CHECK(read_constexpr(l, g->type, &g->init));
    }
out:
    return s;
}

static uint32_t name_hash(const char *p, uint32_t n)
{
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < n; i++)
        h = (h ^ (uint8_t)p[i]) * 16777619u;
    return h;
}

static vm_status_t parse_exports(loader_t *l)
{
    vm_reader_t *r = &l->r;
    vm_module_t *m = l->m;
    vm_status_t s = VM_OK;
    uint32_t n, nbuckets = 1, *buckets;
    size_t mark = l->arena.high;
    CHECK(vm_read_count(r, VM_MAX_ENTRIES, VM_LIMIT_ENTRIES, &n));
    m->exports = alloc_array(l, n, sizeof *m->exports);
    while (nbuckets < 2u * n)
        nbuckets <<= 1;
    /* open-addressed set of export indices + 1, for duplicate names in linear time */
    buckets = vm_arena_scratch(&l->arena, (size_t)nbuckets * sizeof *buckets);
    if ((!m->exports && n) || !buckets)
        FAIL(VM_ARENA_EXHAUSTED);
    memset(buckets, 0, (size_t)nbuckets * sizeof *buckets);
    for (uint32_t i = 0; i < n; i++) {
        vm_export_t *e = &m->exports[i];
        uint8_t kind;
        uint32_t limit = 0, h;
        vm_status_t unknown = VM_OK;
        l->err_at = r->p;
        CHECK(vm_read_name(r, &e->name, &e->name_len));
        CHECK(vm_read_u8(r, &kind));
        CHECK(vm_read_u32(r, &e->index));
        e->kind = kind;
        switch (kind) {
        case VM_EXTERN_FUNC:
            limit = m->nfuncs;
            unknown = VM_INVALID_UNKNOWN_FUNCTION;
            break;
        case VM_EXTERN_TABLE:
            limit = m->ntables;
            unknown = VM_INVALID_UNKNOWN_TABLE;
            break;
        case VM_EXTERN_MEMORY:
            limit = m->nmems;
            unknown = VM_INVALID_UNKNOWN_MEMORY;
            break;
        case VM_EXTERN_GLOBAL:
            limit = m->nglobals;
            unknown = VM_INVALID_UNKNOWN_GLOBAL;
            break;
        default:
            FAIL(VM_MALFORMED_EXPORT_KIND);
        }
        if (e->index >= limit)
            FAIL(unknown);
        for (h = name_hash(e->name, e->name_len) & (nbuckets - 1u); buckets[h];
             h = (h + 1u) & (nbuckets - 1u)) {
            const vm_export_t *o = &m->exports[buckets[h] - 1u];
            if (o->name_len == e->name_len && memcmp(o->name, e->name, e->name_len) == 0)
                FAIL(VM_INVALID_DUPLICATE_EXPORT);
        }
        buckets[h] = i + 1u;
        m->nexports = i + 1;
    }
out:
    l->arena.high = mark;
    return s;
}

static vm_status_t parse_start(loader_t *l)
{
    vm_module_t *m = l->m;
    vm_status_t s = VM_OK;
    const vm_type_t *t;
    l->err_at = l->r.p;
    CHECK(vm_read_u32(&l->r, &m->start));
    if (m->start >= m->nfuncs)
        FAIL(VM_INVALID_UNKNOWN_FUNCTION);
    t = &m->types[m->funcs[m->start].type];
    if (t->nparams || t->nresults)
        FAIL(VM_INVALID_START_FUNCTION);
out:
    return s;
}

static vm_status_t parse_elements(loader_t *l)
{
    vm_reader_t *r = &l->r;
    vm_module_t *m = l->m;
    vm_status_t s = VM_OK;
    uint32_t n;
    CHECK(vm_read_count(r, VM_MAX_ENTRIES, VM_LIMIT_ENTRIES, &n));
    m->elems = alloc_array(l, n, sizeof *m->elems);
    if (!m->elems && n)
        FAIL(VM_ARENA_EXHAUSTED);
    for (uint32_t i = 0; i < n; i++) {
        vm_elemseg_t *e = &m->elems[i];
        uint32_t flags, count;
        uint32_t *funcs;
        memset(e, 0, sizeof *e);
        l->err_at = r->p;
        CHECK(vm_read_u32(r, &flags));
        if (flags > 7)
            FAIL(VM_MALFORMED_SEGMENT_KIND);
        /* bit 0: passive or declarative; bit 1: explicit table (active) or declarative;
         * bit 2: element expressions instead of function indices */
        e->mode =
            (flags & 1u) ? ((flags & 2u) ? VM_SEG_DECLARATIVE : VM_SEG_PASSIVE) : VM_SEG_ACTIVE;
        if (e->mode == VM_SEG_ACTIVE) {
            if (flags & 2u)
                CHECK(vm_read_u32(r, &e->table));
            if (e->table >= m->ntables)
                FAIL(VM_INVALID_UNKNOWN_TABLE);
            CHECK(read_constexpr(l, VM_TYPE_I32, &e->offset));
        }
        if (flags & 3u) {
            uint8_t kind;
            l->err_at = r->p;
            CHECK(vm_read_u8(r, &kind));
            if ((flags & 4u) ? kind != VM_TYPE_FUNCREF : kind != 0x00)
                FAIL(VM_MALFORMED_ELEMENT_TYPE);
        }
        CHECK(vm_read_count(r, VM_MAX_TABLE_ELEMENTS, VM_LIMIT_TABLE_SIZE, &count));
        funcs = alloc_array(l, count, sizeof *funcs);
        if (!funcs && count)
            FAIL(VM_ARENA_EXHAUSTED);
        for (uint32_t k = 0; k < count; k++) {
            l->err_at = r->p;
            if (flags & 4u) {
                vm_constexpr_t ce;
                CHECK(read_constexpr(l, VM_TYPE_FUNCREF, &ce));
                funcs[k] = ce.kind == VM_CE_REF_FUNC ? ce.index : VM_NULL_FUNC;
            } else {
                CHECK(vm_read_u32(r, &funcs[k]));
                if (funcs[k] >= m->nfuncs)
                    FAIL(VM_INVALID_UNKNOWN_FUNCTION);
            }
        }
        e->count = count;
        e->funcs = funcs;
        m->nelems = i + 1;
    }
out:
    return s;
}

static vm_status_t parse_datacount(loader_t *l)
{
    l->err_at = l->r.p;
    return vm_read_u32(&l->r, &l->m->datacount);
}

/* Local declarations of one body: expands them into one type byte per local (scratch). */
static vm_status_t read_locals(loader_t *l, vm_body_t *b, const uint8_t *body_end)
{
    vm_reader_t *r = &l->r;
    vm_status_t s = VM_OK;
    uint32_t ngroups;
    uint64_t total = b->type->nparams;
    const uint8_t *groups;
    uint8_t *types;
    CHECK(vm_read_u32(r, &ngroups));
    groups = r->p;
    for (uint32_t g = 0; g < ngroups; g++) {
        uint32_t count;
        uint8_t t;
        l->err_at = r->p;
        CHECK(vm_read_u32(r, &count));
        CHECK(vm_read_valtype(r, &t));
        total += count;
        if (total > 0xFFFFFFFFu)
            FAIL(VM_MALFORMED_TOO_MANY_LOCALS);
    }
    if (r->p > body_end)
        FAIL(VM_MALFORMED_UNEXPECTED_END);
    if (total > VM_MAX_LOCALS)
        FAIL(VM_LIMIT_LOCALS);
    b->nlocals = (uint32_t)total;
    types = vm_arena_scratch(&l->arena, b->nlocals + 1u);
    if (!types)
        FAIL(VM_ARENA_EXHAUSTED);
    memcpy(types, b->type->sig, b->type->nparams);
    {
        /* second pass over the already checked groups */
        vm_reader_t again = {r->base, groups, r->p};
        uint32_t k = b->type->nparams;
        for (uint32_t g = 0; g < ngroups; g++) {
            uint32_t count = 0;
            uint8_t t = 0;
            vm_read_u32(&again, &count);
            vm_read_u8(&again, &t);
            memset(types + k, t, count);
            k += count;
        }
    }
    b->local_types = types;
out:
    return s;
}

static vm_status_t parse_code(loader_t *l)
{
    vm_reader_t *r = &l->r;
    vm_module_t *m = l->m;
    vm_status_t s = VM_OK;
    uint32_t n;
    l->have_code = 1;
    CHECK(vm_read_count(r, VM_MAX_FUNCTIONS, VM_LIMIT_FUNCTIONS, &n));
    if (n != l->ndefined_funcs)
        FAIL(VM_MALFORMED_FUNC_CODE_MISMATCH);
    m->code = (vm_cell_t *)(l->arena.base + l->arena.low);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t size;
        size_t mark = l->arena.high;
        vm_body_t b;
        vm_funcdef_t *fd = &m->funcs[m->nfunc_imports + i];
        const uint8_t *body_end;
        memset(&b, 0, sizeof b);
        l->err_at = r->p;
        l->err_index = m->nfunc_imports + i;
        CHECK(vm_read_u32(r, &size));
        if (size > (uint32_t)(r->end - r->p))
            FAIL(VM_MALFORMED_UNEXPECTED_END);
        body_end = r->p + size;
        b.type = &m->types[fd->type];
        CHECK(read_locals(l, &b, body_end));
        b.code = r->p;
        b.end = body_end;
        size_t validated = l->arena.high;
        s = vm_validate_body(m, &b, &l->arena, &l->err_at);
        if (s != VM_OK)
            goto out;
        /* The validator's stacks are done with; the compiler's code grows into their room. */
        l->arena.high = validated;
        if (b.data_use && !l->data_use)
            l->data_use = b.data_use;
        l->err_at = b.code;
        CHECK(vm_compile_body(m, &b, &l->arena, fd));
        l->arena.high = mark;
        r->p = body_end;
    }
    /* code cells are 4 bytes; later allocations expect 8-byte alignment */
    if (l->arena.low % 8u) {
        if (l->arena.size - l->arena.low - l->arena.high < 4u)
            FAIL(VM_ARENA_EXHAUSTED);
        l->arena.low += 4u;
    }
out:
    return s;
}

static vm_status_t parse_data(loader_t *l)
{
    vm_reader_t *r = &l->r;
    vm_module_t *m = l->m;
    vm_status_t s = VM_OK;
    uint32_t n;
    l->have_data = 1;
    CHECK(vm_read_count(r, VM_MAX_ENTRIES, VM_LIMIT_ENTRIES, &n));
    if (m->datacount != VM_NO_INDEX && n != m->datacount)
        FAIL(VM_MALFORMED_DATA_COUNT_MISMATCH);
    m->datas = alloc_array(l, n, sizeof *m->datas);
    if (!m->datas && n)
        FAIL(VM_ARENA_EXHAUSTED);
    for (uint32_t i = 0; i < n; i++) {
        vm_dataseg_t *d = &m->datas[i];
        uint32_t flags, memidx = 0;
        memset(d, 0, sizeof *d);
        l->err_at = r->p;
        CHECK(vm_read_u32(r, &flags));
        if (flags > 2)
            FAIL(VM_MALFORMED_SEGMENT_KIND);
        d->mode = flags == 1 ? VM_SEG_PASSIVE : VM_SEG_ACTIVE;
        if (flags == 2)
            CHECK(vm_read_u32(r, &memidx));
        if (d->mode == VM_SEG_ACTIVE) {
            if (memidx >= m->nmems)
                FAIL(VM_INVALID_UNKNOWN_MEMORY);
            CHECK(read_constexpr(l, VM_TYPE_I32, &d->offset));
        }
        CHECK(vm_read_u32(r, &d->len));
        if (d->len > (uint32_t)(r->end - r->p))
            FAIL(VM_MALFORMED_UNEXPECTED_END);
        d->bytes = r->p;
        r->p += d->len;
        m->ndatas = i + 1;
    }
out:
    return s;
}

static vm_status_t parse_custom(loader_t *l)
{
    const char *name;
    uint32_t len;
    vm_status_t s = vm_read_name(&l->r, &name, &len);
    l->r.p = l->r.end; /* contents are not interpreted */
    return s;
}

/* Section ids in the order they must appear (DataCount, id 12, sits before Code). */
static uint8_t section_rank(uint8_t id)
{
    static const uint8_t rank[13] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 10};
    return rank[id];
}

static vm_status_t parse_section(loader_t *l, uint8_t id)
{
    if (id > 3 && id != 12) {
        vm_status_t s = finish_funcs(l);
        if (s != VM_OK)
            return s;
    }
    if (id > 6 && id != 12) {
        vm_status_t s = finish_globals(l);
        if (s != VM_OK)
            return s;
    }
    switch (id) {
    case 0:
        return parse_custom(l);
    case 1:
        return parse_types(l);
    case 2:
        return parse_imports(l);
    case 3:
        return parse_functions(l);
    case 4:
        return parse_tables(l);
    case 5:
        return parse_memories(l);
    case 6:
        return parse_globals(l);
    case 7:
        return parse_exports(l);
    case 8:
        return parse_start(l);
    case 9:
        return parse_elements(l);
    case 10:
        return parse_code(l);
    case 11:
        return parse_data(l);
    default:
        return parse_datacount(l);
    }
}

static uint64_t fnv1a64(const uint8_t *p, size_t n)
{
    uint64_t h = 14695981039346656037u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211u;
    return h;
}

vm_status_t vm_module_load(vm_module_t **out, const uint8_t *bytes, size_t len, void *arena,
                           size_t arena_size, vm_diag_t *diag)
{
    loader_t l;
    vm_status_t s = VM_OK;
    uint8_t last_rank = 0;
    uintptr_t misalign;
    vm_module_t *m;
    static const uint8_t magic[8] = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};

    memset(&l, 0, sizeof l);
    l.r.base = l.r.p = bytes;
    l.r.end = bytes + len;
    l.err_at = bytes;
    if (!out || !bytes || !arena)
        FAIL(VM_BAD_ARGUMENT);
    *out = NULL;
    if (len > VM_MAX_MODULE_BYTES)
        FAIL(VM_LIMIT_MODULE_SIZE);
    misalign = (uintptr_t)arena % VM_ARENA_ALIGN;
    if (misalign && arena_size < VM_ARENA_ALIGN)
        FAIL(VM_ARENA_EXHAUSTED);
    l.arena.base = (uint8_t *)arena + (misalign ? VM_ARENA_ALIGN - misalign : 0);
    l.arena.size = (arena_size - (misalign ? VM_ARENA_ALIGN - misalign : 0)) & ~(size_t)7u;
    m = vm_arena_alloc(&l.arena, sizeof *m);
    if (!m)
        FAIL(VM_ARENA_EXHAUSTED);
    memset(m, 0, sizeof *m);
    l.m = m;
    m->bytes = bytes;
    m->len = len;
    m->start = VM_NO_INDEX;
    m->datacount = VM_NO_INDEX;

    if (len < 4 || memcmp(bytes, magic, 4) != 0)
        FAIL(VM_MALFORMED_MAGIC);
    if (len < 8 || memcmp(bytes + 4, magic + 4, 4) != 0)
        FAIL(VM_MALFORMED_VERSION);
    l.r.p = bytes + 8;
    while (l.r.p < bytes + len) {
        uint8_t id;
        uint32_t size;
        const uint8_t *section_end;
        l.err_at = l.r.p;
        l.r.end = bytes + len;
        CHECK(vm_read_u8(&l.r, &id));
        if (id > 12)
            FAIL(VM_MALFORMED_SECTION_ID);
        CHECK(vm_read_u32(&l.r, &size));
        if (size > (size_t)(bytes + len - l.r.p))
            FAIL(VM_MALFORMED_UNEXPECTED_END);
        section_end = l.r.p + size;
        if (id != 0) {
            if (section_rank(id) <= last_rank)
                FAIL(VM_MALFORMED_SECTION_ORDER);
            last_rank = section_rank(id);
        }
        l.r.end = section_end;
        CHECK(parse_section(&l, id));
        if (l.r.p != section_end) {
            l.err_at = l.r.p;
            FAIL(VM_MALFORMED_SECTION_SIZE);
        }
    }
    l.r.end = bytes + len;
    CHECK(finish_funcs(&l));
    CHECK(finish_globals(&l));
    if (!l.have_code && l.ndefined_funcs)
        FAIL(VM_MALFORMED_FUNC_CODE_MISMATCH);
    if (m->datacount != VM_NO_INDEX && m->datacount != m->ndatas)
        FAIL(VM_MALFORMED_DATA_COUNT_MISMATCH);
    if (l.data_use) {
        /* a data index needs the DataCount section; with no data at all it is just unknown */
        l.err_at = l.data_use;
        FAIL(l.have_data ? VM_MALFORMED_DATA_COUNT_REQUIRED : VM_INVALID_UNKNOWN_DATA);
    }
    m->hash = fnv1a64(bytes, len);
    m->arena_used = (size_t)(l.arena.base - (uint8_t *)arena) + l.arena.low;
    *out = m;
out:
    if (diag) {
        diag->status = s;
        diag->offset = s == VM_OK ? 0 : (uint32_t)(l.err_at - bytes);
        diag->index = l.err_index;
    }
    return s;
}
