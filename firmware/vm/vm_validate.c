/*
 * Type checker for function bodies: the validation algorithm of the spec's appendix, with an
 * operand-type stack and a control stack in arena scratch. It also measures the highest operand
 * stack and the deepest nesting, which size the compiler's work and the function's frame.
 */
#include "vm_internal.h"

#include <stdbool.h>
#include <string.h>

typedef struct vctrl {
    uint8_t op; /* 0x02 block, 0x03 loop, 0x04 if, 0x05 else; 0x00 for the function */
    uint8_t unreachable;
    uint32_t height;
    vm_blocktype_t bt;
} vctrl_t;

typedef struct vstate {
    const vm_module_t *m;
    vm_body_t *b;
    vm_reader_t r;
    uint8_t *vals;
    uint32_t nvals, cap_vals;
    vctrl_t *ctrls;
    uint32_t nctrls, cap_ctrls;
    bool cramped; /* the caps are what the arena had room for, not the worst-case bounds */
} vstate_t;

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

static vm_status_t push(vstate_t *v, uint8_t t)
{
    if (v->nvals >= v->cap_vals)
        return v->cramped ? VM_ARENA_EXHAUSTED : VM_LIMIT_STACK_HEIGHT;
    v->vals[v->nvals++] = t;
    if (v->nvals > v->b->max_height)
        v->b->max_height = v->nvals;
    return VM_OK;
}

/* Pop one value, expected of type `want` (VM_T_UNKNOWN: any); *got receives its type. */
static vm_status_t pop(vstate_t *v, uint8_t want, uint8_t *got)
{
    const vctrl_t *c = &v->ctrls[v->nctrls - 1];
    uint8_t t;
    if (v->nvals == c->height) {
        if (!c->unreachable)
            return VM_INVALID_TYPE_MISMATCH;
        t = VM_T_UNKNOWN;
    } else {
        t = v->vals[--v->nvals];
    }
    if (t != want && t != VM_T_UNKNOWN && want != VM_T_UNKNOWN)
        return VM_INVALID_TYPE_MISMATCH;
    if (got)
        *got = t;
    return VM_OK;
}

static vm_status_t pop_types(vstate_t *v, const uint8_t *ts, uint32_t n)
{
    for (uint32_t i = n; i-- > 0;) {
        vm_status_t s = pop(v, ts[i], NULL);
        if (s != VM_OK)
            return s;
    }
    return VM_OK;
}

static vm_status_t push_types(vstate_t *v, const uint8_t *ts, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        vm_status_t s = push(v, ts[i]);
        if (s != VM_OK)
            return s;
    }
    return VM_OK;
}

static vm_status_t push_ctrl(vstate_t *v, uint8_t op, const vm_blocktype_t *bt)
{
    vctrl_t *c;
    if (v->nctrls >= v->cap_ctrls)
        return v->cramped ? VM_ARENA_EXHAUSTED : VM_LIMIT_NESTING;
    c = &v->ctrls[v->nctrls++];
    c->op = op;
    c->unreachable = 0;
    c->height = v->nvals;
    c->bt = *bt;
    if (v->nctrls > v->b->max_depth)
        v->b->max_depth = v->nctrls;
    return push_types(v, bt->params, bt->nparams);
}

/* Check the end of the innermost block: exactly its results are on the stack. */
static vm_status_t end_block(vstate_t *v)
{
    const vctrl_t *c = &v->ctrls[v->nctrls - 1];
    vm_status_t s = pop_types(v, c->bt.results, c->bt.nresults);
    if (s == VM_OK && v->nvals != c->height)
        s = VM_INVALID_TYPE_MISMATCH;
    return s;
}

static void set_unreachable(vstate_t *v)
{
    vctrl_t *c = &v->ctrls[v->nctrls - 1];
    v->nvals = c->height;
    c->unreachable = 1;
}

static vm_status_t label(vstate_t *v, uint32_t depth, const uint8_t **types, uint32_t *n)
{
    const vctrl_t *c;
    if (depth >= v->nctrls)
        return VM_INVALID_UNKNOWN_LABEL;
    c = &v->ctrls[v->nctrls - 1 - depth];
    *types = c->op == 0x03 ? c->bt.params : c->bt.results;
    *n = c->op == 0x03 ? c->bt.nparams : c->bt.nresults;
    return VM_OK;
}

static vm_status_t zero_byte(vm_reader_t *r)
{
    uint8_t b;
    vm_status_t s = vm_read_u8(r, &b);
    if (s == VM_OK && b != 0)
        s = VM_MALFORMED_ZERO_FLAG;
    return s;
}

static vm_status_t check_call(vstate_t *v, uint32_t type)
{
    const vm_type_t *t = &v->m->types[type];
    vm_status_t s = pop_types(v, t->sig, t->nparams);
    if (s == VM_OK)
        s = push_types(v, t->sig + t->nparams, t->nresults);
    return s;
}

static vm_status_t pop_i32s(vstate_t *v, unsigned n)
{
    vm_status_t s = VM_OK;
    while (n-- > 0 && s == VM_OK)
        s = pop(v, VM_TYPE_I32, NULL);
    return s;
}

static vm_status_t check_br_table(vstate_t *v)
{
    vm_reader_t *r = &v->r;
    vm_status_t s = VM_OK;
    uint32_t n, depth, arity, dn;
    const uint8_t *dtypes;
    const uint8_t *targets;
    CHECK(vm_read_u32(r, &n));
    targets = r->p;
    for (uint32_t i = 0; i <= n; i++)
        CHECK(vm_read_u32(r, &depth));
    CHECK(label(v, depth, &dtypes, &dn));
    CHECK(pop(v, VM_TYPE_I32, NULL));
    arity = dn;
    {
        vm_reader_t again = {r->base, targets, r->p};
        for (uint32_t i = 0; i < n; i++) {
            const uint8_t *types;
            uint32_t tn;
            uint32_t saved = v->nvals;
            vm_read_u32(&again, &depth);
            CHECK(label(v, depth, &types, &tn));
            /* all labels must carry exactly the same types (no subtyping without
             * reference types), even in unreachable code */
            if (tn != arity || (tn && memcmp(types, dtypes, tn) != 0))
                FAIL(VM_INVALID_TYPE_MISMATCH);
            /* check the label's types against the stack without consuming it */
            CHECK(pop_types(v, types, tn));
            v->nvals = saved;
        }
    }
    CHECK(pop_types(v, dtypes, dn));
    set_unreachable(v);
out:
    return s;
}

static vm_status_t check_memarg(vstate_t *v, const vm_opinfo_t *info)
{
    uint32_t align, offset;
    vm_status_t s = vm_read_memarg(&v->r, &align, &offset);
    if (s != VM_OK)
        return s;
    if (v->m->nmems == 0)
        return VM_INVALID_UNKNOWN_MEMORY;
    if (align > info->log2size)
        return VM_INVALID_ALIGNMENT;
    return VM_OK;
}

static vm_status_t check_simple(vstate_t *v, const vm_opinfo_t *info)
{
    vm_status_t s = VM_OK;
    if (info->cls == VM_CLASS_LOAD || info->cls == VM_CLASS_STORE)
        CHECK(check_memarg(v, info));
    if (info->p2 != VM_T_NONE)
        CHECK(pop(v, info->p2, NULL));
    CHECK(pop(v, info->p1, NULL));
    if (info->result != VM_T_NONE)
        CHECK(push(v, info->result));
out:
    return s;
}

static vm_status_t check_fc(vstate_t *v)
{
    vm_reader_t *r = &v->r;
    const vm_module_t *m = v->m;
    vm_status_t s = VM_OK;
    uint32_t sub, idx;
    vm_opinfo_t info;
    CHECK(vm_read_u32(r, &sub));
    if (sub >= VM_FC_COUNT)
        FAIL(VM_MALFORMED_OPCODE);
    info = vm_opinfo_fc(sub);
    if (info.cls != VM_CLASS_CTRL)
        return check_simple(v, &info);
    switch (sub) {
    case 8: /* memory.init */
    case 9: /* data.drop */
        CHECK(vm_read_u32(r, &idx));
        if (sub == 8)
            CHECK(zero_byte(r));
        if (sub == 8 && m->nmems == 0)
            FAIL(VM_INVALID_UNKNOWN_MEMORY);
        /* without a DataCount section the loader decides once it knows the data section */
        if (m->datacount == VM_NO_INDEX && !v->b->data_use)
            v->b->data_use = r->p;
        if (m->datacount != VM_NO_INDEX && idx >= m->datacount)
            FAIL(VM_INVALID_UNKNOWN_DATA);
        if (sub == 8)
            CHECK(pop_i32s(v, 3));
        break;
    case 10: /* memory.copy */
    case 11: /* memory.fill */
        CHECK(zero_byte(r));
        if (sub == 10)
            CHECK(zero_byte(r));
        if (m->nmems == 0)
            FAIL(VM_INVALID_UNKNOWN_MEMORY);
        CHECK(pop_i32s(v, 3));
        break;
    case 12: /* table.init */
    case 13: /* elem.drop */
        CHECK(vm_read_u32(r, &idx));
        if (sub == 12)
            CHECK(zero_byte(r));
        if (sub == 12 && m->ntables == 0)
            FAIL(VM_INVALID_UNKNOWN_TABLE);
        if (idx >= m->nelems)
            FAIL(VM_INVALID_UNKNOWN_ELEM);
        if (sub == 12)
            CHECK(pop_i32s(v, 3));
        break;
    default: /* 14: table.copy */
        CHECK(zero_byte(r));
        CHECK(zero_byte(r));
        if (m->ntables == 0)
            FAIL(VM_INVALID_UNKNOWN_TABLE);
        CHECK(pop_i32s(v, 3));
        break;
    }
out:
    return s;
}

static vm_status_t check_instr(vstate_t *v, uint8_t op)
{
    vm_reader_t *r = &v->r;
    const vm_module_t *m = v->m;
    vm_status_t s = VM_OK;
    uint32_t idx;
    uint8_t t1, t2;
    const uint8_t *types;
    uint32_t n;
    vm_blocktype_t bt;
    vm_opinfo_t info;

    switch (op) {
    case 0x00: /* unreachable */
        set_unreachable(v);
        break;
    case 0x01: /* nop */
        break;
    case 0x02: /* block */
    case 0x03: /* loop */
    case 0x04: /* if */
        CHECK(vm_read_blocktype(r, m, &bt));
        if (op == 0x04)
            CHECK(pop(v, VM_TYPE_I32, NULL));
        CHECK(pop_types(v, bt.params, bt.nparams));
        CHECK(push_ctrl(v, op, &bt));
        break;
    case 0x05: { /* else */
        vctrl_t *c = &v->ctrls[v->nctrls - 1];
        if (c->op != 0x04)
            FAIL(VM_INVALID_TYPE_MISMATCH);
        CHECK(end_block(v));
        c->op = 0x05;
        c->unreachable = 0;
        CHECK(push_types(v, c->bt.params, c->bt.nparams));
        break;
    }
    case 0x0B: { /* end */
        vctrl_t c;
        CHECK(end_block(v));
        c = v->ctrls[v->nctrls - 1];
        /* an if without else must map its params to its results unchanged */
        if (c.op == 0x04 &&
            (c.bt.nparams != c.bt.nresults ||
             (c.bt.nparams && memcmp(c.bt.params, c.bt.results, c.bt.nparams) != 0)))
            FAIL(VM_INVALID_TYPE_MISMATCH);
        v->nctrls--;
        if (v->nctrls > 0)
            CHECK(push_types(v, c.bt.results, c.bt.nresults));
        break;
    }
    case 0x0C: /* br */
    case 0x0D: /* br_if */
        CHECK(vm_read_u32(r, &idx));
        CHECK(label(v, idx, &types, &n));
        if (op == 0x0D)
            CHECK(pop(v, VM_TYPE_I32, NULL));
        CHECK(pop_types(v, types, n));
        if (op == 0x0D)
            CHECK(push_types(v, types, n));
        else
            set_unreachable(v);
        break;
    case 0x0E:
        CHECK(check_br_table(v));
        break;
    case 0x0F: /* return */
        CHECK(pop_types(v, v->ctrls[0].bt.results, v->ctrls[0].bt.nresults));
        set_unreachable(v);
        break;
    case 0x10: /* call */
        CHECK(vm_read_u32(r, &idx));
        if (idx >= m->nfuncs)
            FAIL(VM_INVALID_UNKNOWN_FUNCTION);
        CHECK(check_call(v, m->funcs[idx].type));
        break;
    case 0x11: /* call_indirect */
        CHECK(vm_read_u32(r, &idx));
        CHECK(zero_byte(r));
        if (m->ntables == 0)
            FAIL(VM_INVALID_UNKNOWN_TABLE);
        if (idx >= m->ntypes)
            FAIL(VM_INVALID_UNKNOWN_TYPE);
        CHECK(pop(v, VM_TYPE_I32, NULL));
        CHECK(check_call(v, idx));
        break;
    case 0x1A: /* drop */
        CHECK(pop(v, VM_T_UNKNOWN, NULL));
        break;
    case 0x1B: /* select */
        CHECK(pop(v, VM_TYPE_I32, NULL));
        CHECK(pop(v, VM_T_UNKNOWN, &t1));
        CHECK(pop(v, VM_T_UNKNOWN, &t2));
        if (t1 == VM_TYPE_FUNCREF || t2 == VM_TYPE_FUNCREF)
            FAIL(VM_INVALID_TYPE_MISMATCH);
        if (t1 != t2 && t1 != VM_T_UNKNOWN && t2 != VM_T_UNKNOWN)
            FAIL(VM_INVALID_TYPE_MISMATCH);
        CHECK(push(v, t1 == VM_T_UNKNOWN ? t2 : t1));
        break;
    case 0x1C: /* select t */
        CHECK(vm_read_u32(r, &n));
        if (n != 1)
            FAIL(VM_INVALID_TYPE_MISMATCH);
        CHECK(vm_read_u8(r, &t1));
        if (t1 != VM_TYPE_I32 && t1 != VM_TYPE_I64 && t1 != VM_TYPE_F32 && t1 != VM_TYPE_F64)
            FAIL(VM_MALFORMED_VALUE_TYPE);
        CHECK(pop(v, VM_TYPE_I32, NULL));
        CHECK(pop(v, t1, NULL));
        CHECK(pop(v, t1, NULL));
        CHECK(push(v, t1));
        break;
    case 0x20: /* local.get */
    case 0x21: /* local.set */
    case 0x22: /* local.tee */
        CHECK(vm_read_u32(r, &idx));
        if (idx >= v->b->nlocals)
            FAIL(VM_INVALID_UNKNOWN_LOCAL);
        t1 = v->b->local_types[idx];
        if (op != 0x20)
            CHECK(pop(v, t1, NULL));
        if (op != 0x21)
            CHECK(push(v, t1));
        break;
    case 0x23: /* global.get */
    case 0x24: /* global.set */
        CHECK(vm_read_u32(r, &idx));
        if (idx >= m->nglobals)
            FAIL(VM_INVALID_UNKNOWN_GLOBAL);
        if (op == 0x23) {
            CHECK(push(v, m->globals[idx].type));
        } else {
            if (!m->globals[idx].mutable)
                FAIL(VM_INVALID_IMMUTABLE_GLOBAL);
            CHECK(pop(v, m->globals[idx].type, NULL));
        }
        break;
    case 0x3F: /* memory.size */
    case 0x40: /* memory.grow */
        CHECK(zero_byte(r));
        if (m->nmems == 0)
            FAIL(VM_INVALID_UNKNOWN_MEMORY);
        if (op == 0x40)
            CHECK(pop(v, VM_TYPE_I32, NULL));
        CHECK(push(v, VM_TYPE_I32));
        break;
    case 0x41: {
        v->b->nconsts++;
        int32_t c;
        CHECK(vm_read_s32(r, &c));
        CHECK(push(v, VM_TYPE_I32));
        break;
    }
    case 0x42: {
        v->b->nconsts++;
        int64_t c;
        CHECK(vm_read_s64(r, &c));
        CHECK(push(v, VM_TYPE_I64));
        break;
    }
    case 0x43: {
        v->b->nconsts++;
        uint32_t c;
        CHECK(vm_read_fixed32(r, &c));
        CHECK(push(v, VM_TYPE_F32));
        break;
    }
    case 0x44: {
        v->b->nconsts++;
        uint64_t c;
        CHECK(vm_read_fixed64(r, &c));
        CHECK(push(v, VM_TYPE_F64));
        break;
    }
    case 0xFC:
        CHECK(check_fc(v));
        break;
    default:
        info = vm_opinfo(op);
        if (info.cls == VM_CLASS_NONE || info.cls == VM_CLASS_CTRL)
            FAIL(VM_MALFORMED_OPCODE);
        CHECK(check_simple(v, &info));
        break;
    }
out:
    return s;
}

vm_status_t vm_validate_body(const vm_module_t *m, vm_body_t *b, vm_arena_t *a,
                             const uint8_t **err_at)
{
    vstate_t v;
    vm_status_t s = VM_OK;
    vm_blocktype_t fbt;
    size_t body_len = (size_t)(b->end - b->code);
    uint64_t cap = (uint64_t)(body_len + 1u) * (m->max_arity ? m->max_arity : 1u);

    memset(&v, 0, sizeof v);
    v.m = m;
    v.b = b;
    v.r.base = m->bytes;
    v.r.p = b->code;
    v.r.end = b->end;
    /* no instruction pushes more than max_arity values, so this bounds the stack */
    v.cap_vals = cap < VM_MAX_STACK_HEIGHT ? (uint32_t)cap : VM_MAX_STACK_HEIGHT;
    v.cap_ctrls = body_len < VM_MAX_NESTING ? (uint32_t)body_len + 1u : VM_MAX_NESTING + 1u;
    {
        /* Both bounds are worst cases that real code never nears (a 1 KiB body would reserve
         * a thousand control entries), so when they do not fit, the room left is shared in
         * their proportion and only a body that really needs more fails. */
        uint64_t want_vals = v.cap_vals;
        uint64_t want_ctrls = (uint64_t)v.cap_ctrls * sizeof *v.ctrls;
        size_t free_bytes = a->size - a->low - a->high;
        uint64_t room = free_bytes > 2u * VM_ARENA_ALIGN ? free_bytes - 2u * VM_ARENA_ALIGN : 0u;
        if (want_vals + want_ctrls > room) {
            uint64_t vals = room * want_vals / (want_vals + want_ctrls);
            v.cap_vals = (uint32_t)vals;
            v.cap_ctrls = (uint32_t)((room - vals) / sizeof *v.ctrls);
            v.cramped = true;
        }
    }
    v.vals = vm_arena_scratch(a, v.cap_vals);
    v.ctrls = vm_arena_scratch(a, (size_t)v.cap_ctrls * sizeof *v.ctrls);
    if (!v.vals || !v.ctrls)
        FAIL(VM_ARENA_EXHAUSTED);
    fbt.nparams = 0;
    fbt.params = NULL;
    fbt.nresults = b->type->nresults;
    fbt.results = b->type->sig + b->type->nparams;
    CHECK(push_ctrl(&v, 0x00, &fbt));
    while (v.nctrls > 0) {
        uint8_t op;
        *err_at = v.r.p;
        if (v.r.p >= v.r.end)
            FAIL(VM_MALFORMED_END);
        CHECK(vm_read_u8(&v.r, &op));
        CHECK(check_instr(&v, op));
    }
    if (v.r.p != v.r.end) {
        *err_at = v.r.p;
        FAIL(VM_MALFORMED_SECTION_SIZE);
    }
out:
    return s;
}
