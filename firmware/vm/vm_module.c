/*
 * Tables generated from the two lists (opcodes, statuses) and read-only queries on a loaded
 * module.
 */
#include "vm_internal.h"

#include <string.h>

/* ---- Opcode table ------------------------------------------------------------------------ */

/* One packed word per operator byte: class | iop << 3 | p1 << 11 | p2 << 14 | result << 17 |
 * log2size << 20, types as 0 (none) or 1..4 (i32, i64, f32, f64). */
enum { VM_TC_NONE, VM_TC_I32, VM_TC_I64, VM_TC_F32, VM_TC_F64 };
#define VM_OPS_BYTES 0xC5u /* operators above i64.extend32_s are not in the table */

#define VM_IOP(name, cells)
#define VM_ROW_CTRL(name) 0u
#define VM_ROW_RETYPE(name) 0u
#define VM_ROW_UN(name) VM_I_##name
#define VM_ROW_BIN(name) VM_I_##name
#define VM_ROW_LOAD(name) VM_I_##name
#define VM_ROW_STORE(name) VM_I_##name
#define VM_PACK(cls, name, p1, p2, r, sz)                                                          \
    ((uint32_t)VM_CLASS_##cls | (uint32_t)VM_ROW_##cls(name) << 3 | (uint32_t)VM_TC_##p1 << 11 |   \
     (uint32_t)VM_TC_##p2 << 14 | (uint32_t)VM_TC_##r << 17 | (uint32_t)(sz) << 20),

static const uint32_t packed_ops[VM_OPS_BYTES] = {
#define VM_OP(name, byte, cls, p1, p2, r, sz) [byte] = VM_PACK(cls, name, p1, p2, r, sz)
#define VM_FC(name, sub, cls, p1, p2, r, sz)
#include "vm_opcodes.def"
#undef VM_OP
#undef VM_FC
};

static const uint32_t packed_fc[VM_FC_COUNT] = {
#define VM_OP(name, byte, cls, p1, p2, r, sz)
#define VM_FC(name, sub, cls, p1, p2, r, sz) [sub] = VM_PACK(cls, name, p1, p2, r, sz)
#include "vm_opcodes.def"
#undef VM_OP
#undef VM_FC
};

#undef VM_IOP
#undef VM_ROW_CTRL
#undef VM_ROW_RETYPE
#undef VM_ROW_UN
#undef VM_ROW_BIN
#undef VM_ROW_LOAD
#undef VM_ROW_STORE
#undef VM_PACK

static vm_opinfo_t unpack(uint32_t w)
{
    static const uint8_t types[5] = {VM_T_NONE, VM_T_I32, VM_T_I64, VM_T_F32, VM_T_F64};
    vm_opinfo_t info;
    info.cls = (uint8_t)(w & 7u);
    info.iop = (uint8_t)(w >> 3);
    info.p1 = types[(w >> 11) & 7u];
    info.p2 = types[(w >> 14) & 7u];
    info.result = types[(w >> 17) & 7u];
    info.log2size = (uint8_t)((w >> 20) & 3u);
    return info;
}

vm_opinfo_t vm_opinfo(uint8_t byte)
{
    return unpack(byte < VM_OPS_BYTES ? packed_ops[byte] : 0u);
}

vm_opinfo_t vm_opinfo_fc(uint32_t sub)
{
    return unpack(sub < VM_FC_COUNT ? packed_fc[sub] : 0u);
}

static const uint8_t iop_cells[VM_IOP_COUNT] = {
#define VM_IOP(name, cells) cells,
#define VM_OP(name, byte, cls, p1, p2, r, sz) VM_ROW_##cls
#define VM_FC(name, sub, cls, p1, p2, r, sz) VM_ROW_##cls
#define VM_ROW_CTRL
#define VM_ROW_RETYPE
#define VM_ROW_UN 2,
#define VM_ROW_BIN 2,
#define VM_ROW_LOAD 3,
#define VM_ROW_STORE 3,
#include "vm_opcodes.def"
#undef VM_IOP
#undef VM_OP
#undef VM_FC
#undef VM_ROW_CTRL
#undef VM_ROW_RETYPE
#undef VM_ROW_UN
#undef VM_ROW_BIN
#undef VM_ROW_LOAD
#undef VM_ROW_STORE
};

uint32_t vm_instr_cells(const vm_cell_t *p)
{
    uint8_t op = (uint8_t)(p[0] & 0xFFu);
    if (op >= VM_IOP_COUNT)
        return 1;
    return op == VM_I_BR_TABLE ? 3u + p[1] : iop_cells[op];
}

/* ---- Status texts ------------------------------------------------------------------------ */

/* All messages in one string, in the order of the list; a linear scan is fine for errors. */
static const char status_texts[] =
#define VM_STATUS(name, number, text) text "\0"
#include "aios/vm_status.def"
#undef VM_STATUS
    ;
static const uint8_t status_numbers[] = {
#define VM_STATUS(name, number, text) number,
#include "aios/vm_status.def"
#undef VM_STATUS
};

const char *vm_status_text(vm_status_t status)
{
    const char *text = status_texts;
    for (size_t i = 0; i < sizeof status_numbers; i++) {
        if (status_numbers[i] == status)
            return text;
        text += strlen(text) + 1;
    }
    return "unknown status";
}

/* ---- Types ------------------------------------------------------------------------------- */

int vm_type_equal(const vm_module_t *ma, uint32_t ta, const vm_module_t *mb, uint32_t tb)
{
    const vm_type_t *a = &ma->types[ta], *b = &mb->types[tb];
    return a->nparams == b->nparams && a->nresults == b->nresults &&
           memcmp(a->sig, b->sig, (size_t)a->nparams + a->nresults) == 0;
}

int vm_func_has_type(const vm_func_t *f, const vm_module_t *m, uint32_t type)
{
    if (f->type_module == m)
        return m->types[f->type].canon == m->types[type].canon;
    return vm_type_equal(f->type_module, f->type, m, type);
}

/* ---- Queries ----------------------------------------------------------------------------- */

size_t vm_module_arena_used(const vm_module_t *mod)
{
    return mod->arena_used;
}

uint64_t vm_module_hash(const vm_module_t *mod)
{
    return mod->hash;
}

uint32_t vm_module_import_count(const vm_module_t *mod)
{
    return mod->nimports;
}

uint32_t vm_module_export_count(const vm_module_t *mod)
{
    return mod->nexports;
}

vm_status_t vm_module_import(const vm_module_t *mod, uint32_t index, vm_extern_desc_t *out)
{
    const vm_import_t *im;
    if (index >= mod->nimports)
        return VM_NOT_FOUND;
    im = &mod->imports[index];
    out->module = im->module;
    out->module_len = im->module_len;
    out->name = im->name;
    out->name_len = im->name_len;
    out->kind = (vm_extern_kind_t)im->kind;
    out->index = im->index;
    out->min = out->max = 0;
    out->global_type = out->mutable = 0;
    if (im->kind == VM_EXTERN_TABLE || im->kind == VM_EXTERN_MEMORY) {
        const vm_limits_t *lim = im->kind == VM_EXTERN_TABLE ? &mod->table : &mod->mem;
        out->min = lim->min;
        out->max = lim->max;
    } else if (im->kind == VM_EXTERN_GLOBAL) {
        out->global_type = mod->globals[im->index].type;
        out->mutable = mod->globals[im->index].mutable;
    }
    return VM_OK;
}

vm_status_t vm_module_export(const vm_module_t *mod, uint32_t index, vm_extern_desc_t *out)
{
    const vm_export_t *e;
    if (index >= mod->nexports)
        return VM_NOT_FOUND;
    e = &mod->exports[index];
    out->module = NULL;
    out->module_len = 0;
    out->name = e->name;
    out->name_len = e->name_len;
    out->kind = (vm_extern_kind_t)e->kind;
    out->index = e->index;
    out->min = out->max = 0;
    out->global_type = out->mutable = 0;
    return VM_OK;
}

vm_status_t vm_module_find_export(const vm_module_t *mod, const char *name, size_t len,
                                  vm_extern_kind_t kind, uint32_t *index)
{
    for (uint32_t i = 0; i < mod->nexports; i++) {
        const vm_export_t *e = &mod->exports[i];
        if (e->kind == kind && e->name_len == len && memcmp(e->name, name, len) == 0) {
            *index = e->index;
            return VM_OK;
        }
    }
    return VM_NOT_FOUND;
}

vm_status_t vm_module_func_type(const vm_module_t *mod, uint32_t func_index, vm_functype_t *out)
{
    const vm_type_t *t;
    if (func_index >= mod->nfuncs)
        return VM_NOT_FOUND;
    t = &mod->types[mod->funcs[func_index].type];
    out->nparams = t->nparams;
    out->nresults = t->nresults;
    out->params = t->sig;
    out->results = t->sig + t->nparams;
    return VM_OK;
}

vm_status_t vm_module_start(const vm_module_t *mod, uint32_t *func_index)
{
    if (mod->start == VM_NO_INDEX)
        return VM_NOT_FOUND;
    *func_index = mod->start;
    return VM_OK;
}

vm_status_t vm_module_memory(const vm_module_t *mod, uint32_t *min_pages, uint32_t *max_pages)
{
    if (mod->nmems == 0 || mod->nmem_imports)
        return VM_NOT_FOUND;
    *min_pages = mod->mem.min;
    *max_pages = mod->mem.max;
    return VM_OK;
}
