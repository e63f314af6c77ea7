/*
 * Compiler, operators: local.set/tee retargeting, immediates and fused forms (add-immediate,
 * multiply-add, add + load), numeric and memory operators, calls and bulk operations. The
 * control flow and the stack-entry bookkeeping are in vm_compile.c.
 */
#include "vm_compile.h"

/* ---- Locals and operators -------------------------------------------------------------- */

void vm_c_compile_local_set(cstate_t *c, uint32_t x, int tee)
{
    centry_t *e = &c->stack[c->h - 1];
    int aliased = 0;
    if (e->kind == E_LOCAL && e->slot == x) {
        if (!tee)
            c->h--;
        return;
    }
    for (uint32_t i = 0; i + 1 < c->h; i++)
        aliased |= c->stack[i].kind == E_LOCAL && c->stack[i].slot == x;
    if (!aliased && e->kind == E_HOME && c->last != VM_NO_INDEX &&
        c->last_dst == vm_c_home(c, c->h - 1)) {
        vm_c_patch(c, c->last, VM_CELL(c->last_op, x));
        e->kind = E_LOCAL;
        e->slot = x;
    } else {
        for (uint32_t i = 0; i + 1 < c->h; i++)
            if (c->stack[i].kind == E_LOCAL && c->stack[i].slot == x)
                vm_c_materialize(c, i);
        vm_c_store_to(c, e, c->h - 1, x);
    }
    c->last = VM_NO_INDEX;
    if (!tee)
        c->h--;
}

/* Form with an immediate right operand, or 0. Compares have none: a constant operand of a
 * compare sits in a pool slot, which keeps the compare fusable with a following br_if. */
static uint8_t imm_form(uint8_t iop)
{
    switch (iop) {
    case VM_I_I32_ADD:
        return VM_I_I32_ADD_IMM;
    case VM_I_I32_SUB:
        return VM_I_I32_SUB_IMM;
    case VM_I_I32_MUL:
        return VM_I_I32_MUL_IMM;
    case VM_I_I32_AND:
        return VM_I_I32_AND_IMM;
    case VM_I_I32_OR:
        return VM_I_I32_OR_IMM;
    case VM_I_I32_XOR:
        return VM_I_I32_XOR_IMM;
    case VM_I_I32_SHL:
        return VM_I_I32_SHL_IMM;
    case VM_I_I32_SHR_S:
        return VM_I_I32_SHR_S_IMM;
    case VM_I_I32_SHR_U:
        return VM_I_I32_SHR_U_IMM;
    case VM_I_I64_ADD:
        return VM_I_I64_ADD_IMM;
    default:
        return 0;
    }
}

static int commutative(uint8_t iop)
{
    return iop == VM_I_I32_ADD || iop == VM_I_I32_MUL || iop == VM_I_I32_AND ||
           iop == VM_I_I32_OR || iop == VM_I_I32_XOR || iop == VM_I_I64_ADD;
}

static int fits_imm(uint8_t iop, const centry_t *e)
{
    if (e->kind != E_CONST || !imm_form(iop))
        return 0;
    if (iop == VM_I_I64_ADD)
        return e->value + 0x80000000u <= 0xFFFFFFFFu; /* sign-extends from 32 bits */
    return 1;
}

/* `acc + x * y` right after the multiply: rewrite the multiply into one multiply-add (still
 * rounded after each operation, as wasm requires). Returns 0 when the pattern does not apply. */
static int fuse_multiply_add(cstate_t *c, uint8_t iop)
{
    uint32_t ai = c->h - 2, bi = c->h - 1, at = c->last, prod, acc, sacc;
    uint8_t mul = iop == VM_I_F32_ADD ? VM_I_F32_MUL : VM_I_F64_MUL;
    if ((iop != VM_I_F32_ADD && iop != VM_I_F64_ADD) || at == VM_NO_INDEX || c->last_op != mul ||
        c->err != VM_OK)
        return 0;
    if (c->stack[bi].kind == E_HOME && c->last_dst == vm_c_home(c, bi)) {
        prod = bi;
        acc = ai;
    } else if (c->stack[ai].kind == E_HOME && c->last_dst == vm_c_home(c, ai)) {
        prod = ai;
        acc = bi;
    } else {
        return 0;
    }
    sacc = vm_c_slot_of(c, acc);
    if (vm_c_pos(c) != at + 2u || prod == acc)
        return 0; /* a constant had to be materialised after the multiply */
    vm_c_patch(c, at,
               VM_CELL(iop == VM_I_F32_ADD ? VM_I_F32_MULADD : VM_I_F64_MULADD, vm_c_home(c, ai)));
    vm_c_emit(c, sacc);
    c->last = at;
    c->last_dst = vm_c_home(c, ai);
    c->last_op = iop == VM_I_F32_ADD ? VM_I_F32_MULADD : VM_I_F64_MULADD;
    c->h -= 2;
    vm_c_push_home(c);
    return 1;
}

static void compile_binary(cstate_t *c, uint8_t iop)
{
    uint32_t ai = c->h - 2, bi = c->h - 1, dst = vm_c_home(c, ai);
    uint32_t var = ai, con = bi;
    if (fuse_multiply_add(c, iop))
        return;
    if (!fits_imm(iop, &c->stack[bi]) && commutative(iop) && fits_imm(iop, &c->stack[ai])) {
        var = bi;
        con = ai;
    }
    if (fits_imm(iop, &c->stack[con])) {
        uint32_t sv = vm_c_slot_of(c, var);
        vm_c_op(c, imm_form(iop), dst, dst);
        vm_c_emit(c, sv);
        vm_c_emit(c, (vm_cell_t)c->stack[con].value);
    } else {
        uint32_t sa = vm_c_slot_of(c, ai), sb = vm_c_slot_of(c, bi);
        vm_c_op(c, iop, dst, dst);
        vm_c_emit(c, sa | sb << 16);
    }
    c->h -= 2;
    vm_c_push_home(c);
}

/*
 * A load at offset 0 from an address computed just before by `i32.add` with a constant: turn
 * the add into the load (same cells: the add's result slot is the load's), which adds with
 * 32-bit wrap-around as the separate add would. Returns 0 when the pattern does not apply.
 */
static int fuse_address_add(cstate_t *c, uint8_t iop)
{
    uint8_t fused = iop == VM_I_I32_LOAD   ? VM_I_I32_LOAD_ADD
                    : iop == VM_I_I64_LOAD ? VM_I_I64_LOAD_ADD
                    : iop == VM_I_F32_LOAD ? VM_I_F32_LOAD_ADD
                    : iop == VM_I_F64_LOAD ? VM_I_F64_LOAD_ADD
                                           : 0;
    uint32_t top = c->h - 1;
    if (!fused || c->last == VM_NO_INDEX || c->last_op != VM_I_I32_ADD_IMM ||
        c->stack[top].kind != E_HOME || c->last_dst != vm_c_home(c, top) || c->err != VM_OK)
        return 0;
    vm_c_patch(c, c->last, VM_CELL(fused, vm_c_home(c, top)));
    c->last_op = fused;
    return 1;
}

void vm_c_compile_simple(cstate_t *c, const vm_opinfo_t *info)
{
    uint32_t align, offset, s1, s2;
    switch (info->cls) {
    case VM_CLASS_RETYPE:
        break;
    case VM_CLASS_UN:
        s1 = vm_c_slot_of(c, c->h - 1);
        vm_c_op(c, info->iop, vm_c_home(c, c->h - 1), vm_c_home(c, c->h - 1));
        vm_c_emit(c, s1);
        c->stack[c->h - 1].kind = E_HOME;
        break;
    case VM_CLASS_BIN:
        compile_binary(c, info->iop);
        break;
    case VM_CLASS_LOAD:
        vm_read_memarg(&c->r, &align, &offset);
        if (offset == 0 && fuse_address_add(c, info->iop))
            break;
        s1 = vm_c_slot_of(c, c->h - 1);
        vm_c_op(c, info->iop, vm_c_home(c, c->h - 1), vm_c_home(c, c->h - 1));
        vm_c_emit(c, s1);
        vm_c_emit(c, offset);
        c->stack[c->h - 1].kind = E_HOME;
        break;
    default: /* STORE */
        vm_read_memarg(&c->r, &align, &offset);
        s1 = vm_c_slot_of(c, c->h - 2);
        s2 = vm_c_slot_of(c, c->h - 1);
        vm_c_op(c, info->iop, s1, VM_NO_INDEX);
        vm_c_emit(c, s2);
        vm_c_emit(c, offset);
        c->h -= 2;
        break;
    }
}

void vm_c_compile_call(cstate_t *c, uint32_t f, uint32_t type, int indirect)
{
    const vm_type_t *t = &c->m->types[type];
    uint32_t idx = 0, base;
    if (indirect) {
        c->h--;
        idx = vm_c_slot_of(c, c->h);
    }
    vm_c_materialize_range(c, c->h - t->nparams, c->h);
    base = vm_c_home(c, c->h - t->nparams);
    if (indirect) {
        vm_c_op(c, VM_I_CALL_INDIRECT, type, VM_NO_INDEX);
        vm_c_emit(c, base);
        vm_c_emit(c, idx);
    } else {
        vm_c_op(c, f < c->m->nfunc_imports ? VM_I_CALL_IMPORT : VM_I_CALL, f, VM_NO_INDEX);
        vm_c_emit(c, base);
    }
    c->h -= t->nparams;
    for (uint32_t i = 0; i < t->nresults; i++)
        vm_c_push_home(c);
}

/* memory.init/copy/fill, table.init/copy: three i32 operands in consecutive home slots. */
static void compile_bulk(cstate_t *c, unsigned iop, uint32_t a, int has_base)
{
    vm_c_materialize_range(c, c->h - 3, c->h);
    vm_c_op(c, iop, has_base ? a : vm_c_home(c, c->h - 3), VM_NO_INDEX);
    if (has_base)
        vm_c_emit(c, vm_c_home(c, c->h - 3));
    c->h -= 3;
}

void vm_c_compile_fc(cstate_t *c)
{
    uint32_t sub, idx;
    vm_opinfo_t info;
    vm_read_u32(&c->r, &sub);
    info = vm_opinfo_fc(sub);
    if (info.cls != VM_CLASS_CTRL) {
        vm_c_compile_simple(c, &info);
        return;
    }
    switch (sub) {
    case 8:
    case 12:
        vm_read_u32(&c->r, &idx);
        c->r.p++;
        compile_bulk(c, sub == 8 ? VM_I_MEMORY_INIT : VM_I_TABLE_INIT, idx, 1);
        break;
    case 9:
    case 13:
        vm_read_u32(&c->r, &idx);
        vm_c_op(c, sub == 9 ? VM_I_DATA_DROP : VM_I_ELEM_DROP, idx, VM_NO_INDEX);
        break;
    case 10:
    case 14:
        c->r.p += 2;
        compile_bulk(c, sub == 10 ? VM_I_MEMORY_COPY : VM_I_TABLE_COPY, 0, 0);
        break;
    default: /* 11: memory.fill */
        c->r.p++;
        compile_bulk(c, VM_I_MEMORY_FILL, 0, 0);
        break;
    }
}
