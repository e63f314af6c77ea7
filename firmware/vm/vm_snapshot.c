/*
 * Snapshots: an instance's mutable state in a portable little-endian byte stream.
 *
 *   "AVMS" version:u32 module_hash:u64 stack_slots:u32 call_depth:u32
 *   state:u32 trap:u32 pc:u32 fp:u32 depth:u32 entry:u32 host_base:u32 host_nresults:u32
 *   stack_used:u32
 *   memory: pages:u32 bytes:u32 data[bytes]          (absent memory: pages = bytes = 0)
 *   globals: value:u64 per own global
 *   table: size:u32 then per element 0 (null) or 1 + function index
 *   dropped segment bitmap, frames (pc:u32 fp:u32) * depth, stack values:u64 * stack_used
 *   checksum:u32 (FNV-1a of everything before it)
 *
 * Restore checks everything that could make the interpreter step outside its arrays (pcs at
 * instruction boundaries, frames within the stack), so a damaged snapshot is refused rather
 * than trusted.
 */
#include "vm_internal.h"

#include <string.h>

#define MAGIC 0x534D5641u /* "AVMS" */
#define VERSION 1u

typedef struct writer {
    uint8_t *p;
    size_t left, total;
    uint32_t hash;
} writer_t;

static void put(writer_t *w, const void *src, size_t n)
{
    const uint8_t *b = src;
    for (size_t i = 0; i < n; i++)
        w->hash = (w->hash ^ b[i]) * 16777619u;
    if (w->p && n <= w->left) {
        memcpy(w->p, src, n);
        w->p += n;
        w->left -= n;
    } else {
        w->left = 0;
        w->p = NULL;
    }
    w->total += n;
}

static void put32(writer_t *w, uint32_t v)
{
    uint8_t b[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    put(w, b, 4);
}

static void put64(writer_t *w, uint64_t v)
{
    put32(w, (uint32_t)v);
    put32(w, (uint32_t)(v >> 32));
}

typedef struct reader {
    const uint8_t *p;
    size_t left;
    int bad;
} reader_t;

static uint32_t get32(reader_t *r)
{
    uint32_t v;
    if (r->left < 4) {
        r->bad = 1;
        return 0;
    }
    v = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8 | (uint32_t)r->p[2] << 16 |
        (uint32_t)r->p[3] << 24;
    r->p += 4;
    r->left -= 4;
    return v;
}

static uint64_t get64(reader_t *r)
{
    uint64_t lo = get32(r);
    return lo | (uint64_t)get32(r) << 32;
}

static const uint8_t *get_bytes(reader_t *r, size_t n)
{
    const uint8_t *p = r->p;
    if (r->left < n) {
        r->bad = 1;
        return NULL;
    }
    r->p += n;
    r->left -= n;
    return p;
}

/* ---- Shared checks ----------------------------------------------------------------------- */

/* Defined function whose code contains cell `pc`, or VM_NO_INDEX. */
static uint32_t func_at(const vm_module_t *m, uint32_t pc)
{
    uint32_t lo = m->nfunc_imports, hi = m->nfuncs;
    if (pc >= m->ncode || lo == hi)
        return VM_NO_INDEX;
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (m->funcs[mid].code <= pc)
            lo = mid;
        else
            hi = mid;
    }
    return m->funcs[lo].code <= pc ? lo : VM_NO_INDEX;
}

/* Is `pc` the start of an instruction (or the end) of function f's code? */
static int at_boundary(const vm_module_t *m, uint32_t f, uint32_t pc)
{
    uint32_t end = m->funcs[f].pool; /* the constant pool follows the code */
    for (uint32_t at = m->funcs[f].code; at < end; at += vm_instr_cells(&m->code[at]))
        if (at == pc)
            return 1;
    return 0;
}

static uint32_t entry_index(const vm_instance_t *inst)
{
    for (uint32_t i = 0; i < inst->module->nfuncs; i++)
        if (inst->funcs[i] == inst->entry)
            return i;
    return VM_NO_INDEX;
}

/* Slots of the value stack in use: up to the end of the current frame. */
static uint32_t stack_used(const vm_instance_t *inst)
{
    const vm_module_t *m = inst->module;
    const vm_type_t *t;
    uint32_t f;
    if (inst->state == VM_STATE_IDLE || inst->state == VM_STATE_TRAPPED)
        return 0;
    t = &inst->entry->type_module->types[inst->entry->type];
    if (inst->pc == VM_PC_RETURNED || inst->pc == VM_PC_HOST_ENTRY)
        return (uint32_t)t->nparams + t->nresults;
    f = func_at(m, inst->pc);
    return inst->fp + m->funcs[f].frame;
}

static int function_ref(const vm_instance_t *inst, const vm_func_t *f, uint32_t *index)
{
    if (f->owner == inst) {
        *index = f->index;
        return 1;
    }
    for (uint32_t i = 0; i < inst->module->nfunc_imports; i++) {
        if (inst->funcs[i] == f) {
            *index = i;
            return 1;
        }
    }
    return 0;
}

/* ---- Save -------------------------------------------------------------------------------- */

static vm_status_t write_snapshot(const vm_instance_t *inst, writer_t *w)
{
    const vm_module_t *m = inst->module;
    const vm_memory_t *mem = inst->memory;
    uint32_t used, entry = VM_NO_INDEX, callee = VM_NO_INDEX;
    if (inst->state == VM_STATE_RUNNING)
        return VM_BAD_STATE;
    if (m->nmem_imports || m->ntable_imports || inst->cur != inst)
        return VM_SNAPSHOT_UNSUPPORTED;
    for (uint32_t i = 0; i < m->nglobal_imports; i++)
        if (m->globals[i].mutable)
            return VM_SNAPSHOT_UNSUPPORTED;
    for (uint32_t i = 0; i < inst->depth; i++)
        if (inst->frames[i].inst != inst)
            return VM_SNAPSHOT_UNSUPPORTED;
    if (inst->state != VM_STATE_IDLE && inst->state != VM_STATE_TRAPPED) {
        entry = entry_index(inst);
        if (entry == VM_NO_INDEX)
            return VM_SNAPSHOT_UNSUPPORTED;
    }
    if (inst->state == VM_STATE_BLOCKED && !function_ref(inst, inst->host_callee, &callee))
        return VM_SNAPSHOT_UNSUPPORTED;
    if (mem && mem->bytes > 0xFFFFFFFFu)
        return VM_SNAPSHOT_UNSUPPORTED;
    used = stack_used(inst);
    put32(w, MAGIC);
    put32(w, VERSION);
    put64(w, m->hash);
    put32(w, inst->stack_slots);
    put32(w, inst->max_frames);
    put32(w, inst->state);
    put32(w, (uint32_t)inst->trap);
    put32(w, inst->pc);
    put32(w, inst->fp);
    put32(w, inst->depth);
    put32(w, entry);
    put32(w, inst->host_base);
    put32(w, inst->host_nresults);
    put32(w, callee);
    put32(w, used);
    put32(w, mem ? mem->pages : 0u);
    put32(w, mem ? (uint32_t)mem->bytes : 0u);
    if (mem && mem->bytes)
        put(w, mem->data, mem->bytes);
    for (uint32_t i = m->nglobal_imports; i < m->nglobals; i++)
        put64(w, inst->globals[i]->value);
    put32(w, inst->table ? inst->table->size : 0u);
    for (uint32_t i = 0; inst->table && i < inst->table->size; i++) {
        const vm_func_t *f = inst->table->elems[i];
        uint32_t index = 0;
        if (f && !function_ref(inst, f, &index))
            return VM_SNAPSHOT_UNSUPPORTED;
        put32(w, f ? index + 1u : 0u);
    }
    put(w, inst->dropped, ((size_t)m->nelems + m->ndatas + 7u) / 8u);
    for (uint32_t i = 0; i < inst->depth; i++) {
        put32(w, inst->frames[i].pc);
        put32(w, inst->frames[i].fp);
    }
    for (uint32_t i = 0; i < used; i++)
        put64(w, inst->stack[i]);
    put32(w, w->hash);
    return VM_OK;
}

vm_status_t vm_snapshot_size(const vm_instance_t *inst, size_t *bytes)
{
    writer_t w = {NULL, 0, 0, 2166136261u};
    vm_status_t s = write_snapshot(inst, &w);
    if (s == VM_OK)
        *bytes = w.total;
    return s;
}

vm_status_t vm_snapshot_save(const vm_instance_t *inst, void *buf, size_t cap, size_t *written)
{
    writer_t w = {buf, cap, 0, 2166136261u};
    vm_status_t s;
    if (!buf)
        return VM_BAD_ARGUMENT;
    s = write_snapshot(inst, &w);
    if (s == VM_OK && w.total > cap)
        return VM_BUFFER_TOO_SMALL;
    if (s == VM_OK && written)
        *written = w.total;
    return s;
}

/* ---- Restore ----------------------------------------------------------------------------- */

/* A code position execution may continue at, with a frame based at fp. */
static int valid_position(const vm_instance_t *inst, uint32_t pc, uint32_t fp)
{
    const vm_module_t *m = inst->module;
    uint32_t f = func_at(m, pc);
    return f != VM_NO_INDEX && at_boundary(m, f, pc) &&
           (uint64_t)fp + m->funcs[f].frame <= inst->stack_slots;
}

enum {
    H_MAGIC,
    H_VERSION,
    H_HASH_LO,
    H_HASH_HI,
    H_SLOTS,
    H_FRAMES,
    H_STATE,
    H_TRAP,
    H_PC,
    H_FP,
    H_DEPTH,
    H_ENTRY,
    H_HOST_BASE,
    H_HOST_NRESULTS,
    H_HOST_CALLEE,
    H_USED,
    H_PAGES,
    H_BYTES,
    H_COUNT
};

static vm_status_t check_header(const vm_instance_t *inst, const uint32_t *h)
{
    const vm_module_t *m = inst->module;
    const vm_memory_t *mem = inst->memory;
    uint32_t state = h[H_STATE];
    int pending = state == VM_STATE_READY || state == VM_STATE_BLOCKED;
    if (h[H_MAGIC] != MAGIC || h[H_VERSION] != VERSION)
        return VM_SNAPSHOT_CORRUPT;
    if (((uint64_t)h[H_HASH_HI] << 32 | h[H_HASH_LO]) != m->hash ||
        h[H_SLOTS] != inst->stack_slots || h[H_FRAMES] != inst->max_frames)
        return VM_SNAPSHOT_MISMATCH;
    if (mem) {
        uint64_t want = (uint64_t)h[H_PAGES] * VM_PAGE_SIZE;
        uint32_t max = mem->max == VM_NO_MAX ? 65536u : mem->max;
        if (h[H_PAGES] > max || h[H_BYTES] != (want < mem->capacity ? want : mem->capacity))
            return VM_SNAPSHOT_MISMATCH;
    } else if (h[H_PAGES] || h[H_BYTES]) {
        return VM_SNAPSHOT_MISMATCH;
    }
    if (state > VM_STATE_TRAPPED || state == VM_STATE_RUNNING || h[H_DEPTH] > inst->max_frames ||
        h[H_USED] > inst->stack_slots)
        return VM_SNAPSHOT_CORRUPT;
    if (state != VM_STATE_IDLE && state != VM_STATE_TRAPPED && h[H_ENTRY] >= m->nfuncs)
        return VM_SNAPSHOT_CORRUPT;
    if (state == VM_STATE_BLOCKED) {
        const vm_func_t *callee;
        if (h[H_HOST_CALLEE] >= m->nfuncs ||
            (uint64_t)h[H_HOST_BASE] + h[H_HOST_NRESULTS] > h[H_USED])
            return VM_SNAPSHOT_CORRUPT;
        callee = inst->funcs[h[H_HOST_CALLEE]];
        if (!callee->host ||
            callee->type_module->types[callee->type].nresults != h[H_HOST_NRESULTS])
            return VM_SNAPSHOT_CORRUPT;
    }
    if (pending && h[H_PC] != VM_PC_RETURNED && h[H_PC] != VM_PC_HOST_ENTRY &&
        !valid_position(inst, h[H_PC], h[H_FP]))
        return VM_SNAPSHOT_CORRUPT;
    return VM_OK;
}

vm_status_t vm_snapshot_restore(vm_instance_t *inst, const void *buf, size_t len)
{
    const vm_module_t *m = inst->module;
    reader_t r, check;
    uint32_t h[H_COUNT], tsize, hash = 2166136261u;
    size_t dropped_len = ((size_t)m->nelems + m->ndatas + 7u) / 8u;
    const uint8_t *data, *dropped;
    vm_status_t s;

    if (inst->state == VM_STATE_RUNNING)
        return VM_BAD_STATE;
    if (!buf || len < 4)
        return VM_SNAPSHOT_CORRUPT;
    for (size_t i = 0; i < len - 4; i++)
        hash = (hash ^ ((const uint8_t *)buf)[i]) * 16777619u;
    r.p = (const uint8_t *)buf + len - 4;
    r.left = 4;
    r.bad = 0;
    if (get32(&r) != hash)
        return VM_SNAPSHOT_CORRUPT;
    r.p = buf;
    r.left = len - 4;
    for (int i = 0; i < H_COUNT; i++)
        h[i] = get32(&r);
    if (r.bad)
        return VM_SNAPSHOT_CORRUPT;
    s = check_header(inst, h);
    if (s != VM_OK)
        return s;
    data = get_bytes(&r, h[H_BYTES]);

    /* check the rest before changing anything */
    check = r;
    for (uint32_t i = m->nglobal_imports; i < m->nglobals; i++)
        get64(&check);
    tsize = get32(&check);
    if (check.bad || tsize != (inst->table ? inst->table->size : 0u))
        return VM_SNAPSHOT_MISMATCH;
    for (uint32_t i = 0; i < tsize; i++)
        if (get32(&check) > m->nfuncs)
            return VM_SNAPSHOT_CORRUPT;
    dropped = get_bytes(&check, dropped_len);
    for (uint32_t i = 0; i < h[H_DEPTH]; i++) {
        uint32_t pc = get32(&check);
        if (!valid_position(inst, pc, get32(&check)))
            return VM_SNAPSHOT_CORRUPT;
    }
    if (check.bad || check.left != (size_t)h[H_USED] * 8u)
        return VM_SNAPSHOT_CORRUPT;

    if (inst->memory) {
        inst->memory->pages = h[H_PAGES];
        inst->memory->bytes = h[H_BYTES];
        if (h[H_BYTES])
            memcpy(inst->memory->data, data, h[H_BYTES]);
    }
    for (uint32_t i = m->nglobal_imports; i < m->nglobals; i++)
        inst->globals[i]->value = get64(&r);
    get32(&r);
    for (uint32_t i = 0; i < tsize; i++) {
        uint32_t v = get32(&r);
        inst->table->elems[i] = v ? inst->funcs[v - 1u] : NULL;
    }
    memcpy(inst->dropped, dropped, dropped_len);
    get_bytes(&r, dropped_len);
    for (uint32_t i = 0; i < h[H_DEPTH]; i++) {
        inst->frames[i].pc = get32(&r);
        inst->frames[i].fp = get32(&r);
        inst->frames[i].inst = inst;
    }
    for (uint32_t i = 0; i < h[H_USED]; i++)
        inst->stack[i] = get64(&r);
    inst->state = (uint8_t)h[H_STATE];
    inst->trap = (vm_status_t)h[H_TRAP];
    inst->pc = h[H_PC];
    inst->fp = h[H_FP];
    inst->depth = h[H_DEPTH];
    inst->entry = h[H_ENTRY] < m->nfuncs ? inst->funcs[h[H_ENTRY]] : NULL;
    inst->host_base = h[H_HOST_BASE];
    inst->host_nresults = h[H_HOST_NRESULTS];
    inst->host_callee = h[H_STATE] == VM_STATE_BLOCKED ? inst->funcs[h[H_HOST_CALLEE]] : NULL;
    inst->cur = inst;
    inst->preempt = 0;
    return VM_OK;
}
