/*
 * Compiler from validated wasm bodies to the compiled form: 32-bit cells whose operands are
 * frame slots, so the interpreter never decodes LEB128 nor pushes and pops an operand stack.
 *
 * A frame is [params | locals | constant pool | operand stack]; the value at operand height h
 * has the "home" slot stack_base + h. While compiling, each stack entry is either in its home slot,
 * an alias of a local (local.get emits nothing), or a pending constant (i32.const emits nothing
 * until used). Aliases and constants are turned into home slots ("materialised") wherever control
 * flow joins or a local they alias is about to change. An instruction that writes a home slot that
 * is immediately stored by local.set/tee is retargeted to write the local directly.
 */
#include "vm_compile.h"

#include <string.h>

/* ---- Emitting -------------------------------------------------------------------------- */

uint32_t vm_c_pos(const cstate_t *c)
{
    return c->m->ncode;
}

void vm_c_emit(cstate_t *c, vm_cell_t cell)
{
    if (c->err != VM_OK)
        return;
    if (c->m->ncode >= VM_MAX_CODE_CELLS) {
        c->err = VM_LIMIT_CODE_SIZE;
        return;
    }
    if (c->a->size - c->a->high - c->a->low < sizeof(vm_cell_t)) {
        c->err = VM_ARENA_EXHAUSTED;
        return;
    }
    c->m->code[c->m->ncode++] = cell;
    c->a->low += sizeof(vm_cell_t);
}

/* Start an instruction; `dst` is the home slot it writes, or VM_NO_INDEX. */
uint32_t vm_c_op(cstate_t *c, unsigned iop, uint32_t a, uint32_t dst)
{
    uint32_t at = vm_c_pos(c);
    vm_c_emit(c, VM_CELL(iop, a));
    c->nops++;
    c->last = dst == VM_NO_INDEX ? VM_NO_INDEX : at;
    c->last_dst = dst;
    c->last_op = (uint8_t)iop;
    return at;
}

void vm_c_patch(cstate_t *c, uint32_t at, vm_cell_t cell)
{
    if (c->err == VM_OK)
        c->m->code[at] = cell;
}

/* Branch targets are stored relative to their own cell (two's complement), so the interpreter
 * needs no code base to jump. */
static void patch_target(cstate_t *c, uint32_t at, uint32_t target)
{
    vm_c_patch(c, at, target - at);
}

/* Point the branch cell `at` at label `l`: loops are behind us, blocks are patched at end. */
static void add_target(cstate_t *c, clabel_t *l, uint32_t at)
{
    if (l->kind == 0x03) {
        patch_target(c, at, l->target);
    } else {
        vm_c_patch(c, at, l->fixups);
        l->fixups = at;
    }
}

static void resolve(cstate_t *c, uint32_t chain, uint32_t target)
{
    while (chain != VM_NO_INDEX && c->err == VM_OK) {
        uint32_t next = c->m->code[chain];
        patch_target(c, chain, target);
        chain = next;
    }
    c->last = VM_NO_INDEX; /* a join point: the previous instruction is not the only way here */
}

/* ---- Stack entries --------------------------------------------------------------------- */

uint32_t vm_c_home(const cstate_t *c, uint32_t height)
{
    return c->stack_base + height;
}

/* Write the value of entry `e` into slot `dst`. */
void vm_c_store_to(cstate_t *c, const centry_t *e, uint32_t at_height, uint32_t dst)
{
    uint32_t written = dst >= c->stack_base ? dst : VM_NO_INDEX;
    if (e->kind == E_CONST) {
        vm_c_op(c, e->wide ? VM_I_CONST64 : VM_I_CONST32, dst, written);
        vm_c_emit(c, (vm_cell_t)e->value);
        if (e->wide)
            vm_c_emit(c, (vm_cell_t)(e->value >> 32));
    } else {
        uint32_t src = e->kind == E_LOCAL ? e->slot : vm_c_home(c, at_height);
        if (src != dst) {
            vm_c_op(c, VM_I_MOV, dst, written);
            vm_c_emit(c, src);
        }
    }
}

void vm_c_materialize(cstate_t *c, uint32_t i)
{
    centry_t *e = &c->stack[i];
    if (e->kind != E_HOME) {
        vm_c_store_to(c, e, i, vm_c_home(c, i));
        e->kind = E_HOME;
    }
}

void vm_c_materialize_range(cstate_t *c, uint32_t from, uint32_t to)
{
    for (uint32_t i = from; i < to; i++)
        vm_c_materialize(c, i);
}

/* Pool slot holding constant `v` (added on first use), or VM_NO_INDEX when the pool is full. */
static uint32_t pool_slot(cstate_t *c, uint64_t v)
{
    uint32_t k;
    for (k = 0; k < c->npool; k++)
        if (c->pool[k] == v)
            return c->pool_base + k;
    if (k >= c->pool_cap)
        return VM_NO_INDEX;
    c->pool[c->npool++] = v;
    return c->pool_base + k;
}

/* Slot holding entry `i` for an instruction about to consume it: constants are read from the
 * function's pool slots (filled on entry), or get their home slot when the pool is full. */
uint32_t vm_c_slot_of(cstate_t *c, uint32_t i)
{
    centry_t *e = &c->stack[i];
    if (e->kind == E_CONST) {
        uint32_t k = pool_slot(c, e->value);
        if (k != VM_NO_INDEX)
            return k;
        vm_c_materialize(c, i);
    }
    return e->kind == E_LOCAL ? e->slot : vm_c_home(c, i);
}

void vm_c_push_home(cstate_t *c)
{
    c->stack[c->h].kind = E_HOME;
    c->h++;
}

/* ---- Control --------------------------------------------------------------------------- */

static uint32_t label_arity(const clabel_t *l)
{
    return l->kind == 0x03 ? l->nparams : l->nresults;
}

static int needs_moves(const cstate_t *c, const clabel_t *l)
{
    uint32_t n = label_arity(l);
    for (uint32_t i = 0; i < n; i++) {
        const centry_t *e = &c->stack[c->h - n + i];
        if (e->kind != E_HOME || c->h - n != l->height)
            return 1;
    }
    return 0;
}

/* Copy the branch values into the label's result slots (ascending order never overwrites a
 * source that is still needed: sources are at or above their destinations). */
static void emit_moves(cstate_t *c, const clabel_t *l)
{
    uint32_t n = label_arity(l);
    for (uint32_t i = 0; i < n; i++)
        vm_c_store_to(c, &c->stack[c->h - n + i], c->h - n + i, vm_c_home(c, l->height + i));
    c->last = VM_NO_INDEX;
}

/* Return the top values. Like emit_moves this leaves the entries as they are: it may be on a
 * path (br_if, br_table stub) that the code after it does not share. */
static void emit_return(cstate_t *c)
{
    uint32_t n = c->labels[0].nresults;
    for (uint32_t i = c->h - n; i < c->h; i++)
        if (c->stack[i].kind != E_HOME)
            vm_c_store_to(c, &c->stack[i], i, vm_c_home(c, i));
    vm_c_op(c, VM_I_RETURN, n, VM_NO_INDEX);
    vm_c_emit(c, vm_c_home(c, c->h - n));
}

static void emit_jump(cstate_t *c, clabel_t *l)
{
    if (l->kind == 0x00) {
        emit_return(c);
        return;
    }
    emit_moves(c, l);
    vm_c_op(c, VM_I_BR, 0, VM_NO_INDEX);
    vm_c_emit(c, 0);
    add_target(c, l, vm_c_pos(c) - 1u);
}

static int is_i32_compare(uint8_t iop)
{
    return iop >= VM_I_I32_EQ && iop <= VM_I_I32_GE_U;
}

/* The compare that holds when `iop` does not. */
static uint8_t inverse_compare(uint8_t iop)
{
    static const uint8_t inv[] = {VM_I_I32_NE,   VM_I_I32_EQ,   VM_I_I32_GE_S, VM_I_I32_GE_U,
                                  VM_I_I32_LE_S, VM_I_I32_LE_U, VM_I_I32_GT_S, VM_I_I32_GT_U,
                                  VM_I_I32_LT_S, VM_I_I32_LT_U};
    return inv[iop - VM_I_I32_EQ];
}

/*
 * Emit a conditional branch on the entry just popped (at height c->h), taken when the value is
 * nonzero (`when` = 1) or zero (`when` = 0). A compare or eqz that produced the value just
 * before is fused into the branch. Returns the position of the target cell.
 */
static uint32_t emit_cond_branch(cstate_t *c, int when)
{
    const centry_t *e = &c->stack[c->h];
    uint32_t at;
    if (e->kind == E_HOME && c->last != VM_NO_INDEX && c->last_dst == vm_c_home(c, c->h) &&
        c->err == VM_OK) {
        if (is_i32_compare(c->last_op)) {
            uint8_t cmp = when ? c->last_op : inverse_compare(c->last_op);
            vm_c_patch(c, c->last, VM_CELL(VM_I_BR_IF_I32_EQ + (cmp - VM_I_I32_EQ), 0));
            vm_c_emit(c, 0);
            c->last = VM_NO_INDEX;
            return vm_c_pos(c) - 1u;
        }
        if (c->last_op == VM_I_I32_EQZ) {
            uint32_t src = c->m->code[c->last + 1u];
            vm_c_patch(c, c->last, VM_CELL(when ? VM_I_BR_UNLESS : VM_I_BR_IF, src));
            c->last = VM_NO_INDEX;
            return vm_c_pos(c) - 1u;
        }
    }
    at = vm_c_slot_of(c, c->h);
    vm_c_op(c, when ? VM_I_BR_IF : VM_I_BR_UNLESS, at, VM_NO_INDEX);
    vm_c_emit(c, 0);
    return vm_c_pos(c) - 1u;
}

static void set_dead(cstate_t *c)
{
    c->dead = 1;
    c->dead_depth = 0;
    c->h = c->labels[c->depth - 1].height;
}

static vm_status_t push_label(cstate_t *c, uint8_t kind, const vm_blocktype_t *bt)
{
    clabel_t *l = &c->labels[c->depth++];
    vm_c_materialize_range(c, 0, c->h);
    l->kind = kind;
    l->height = c->h - bt->nparams;
    l->nparams = bt->nparams;
    l->nresults = bt->nresults;
    l->fixups = VM_NO_INDEX;
    l->else_fixup = VM_NO_INDEX;
    l->ops_at_start = c->nops;
    l->target = 0;
    return VM_OK;
}

static void compile_else(cstate_t *c)
{
    clabel_t *l = &c->labels[c->depth - 1];
    if (!c->dead) {
        vm_c_materialize_range(c, l->height, c->h);
        vm_c_op(c, VM_I_BR, 0, VM_NO_INDEX);
        vm_c_emit(c, 0);
        add_target(c, l, vm_c_pos(c) - 1u);
    }
    resolve(c, l->else_fixup, vm_c_pos(c));
    l->else_fixup = VM_NO_INDEX;
    l->kind = 0x05;
    c->h = l->height;
    for (uint32_t i = 0; i < l->nparams; i++)
        vm_c_push_home(c);
    c->dead = 0;
}

static void compile_end(cstate_t *c)
{
    clabel_t *l = &c->labels[c->depth - 1];
    if (!c->dead)
        vm_c_materialize_range(c, l->height, c->h);
    if (l->kind == 0x00) {
        if (!c->dead)
            emit_return(c);
        c->depth--;
        return;
    }
    if (l->kind == 0x03) {
        uint32_t weight = c->nops - l->ops_at_start;
        vm_c_patch(c, l->target, VM_CELL(VM_I_LOOP, weight > VM_MAX_A ? VM_MAX_A : weight));
    }
    resolve(c, l->else_fixup, vm_c_pos(c));
    resolve(c, l->fixups, vm_c_pos(c));
    c->h = l->height;
    for (uint32_t i = 0; i < l->nresults; i++)
        vm_c_push_home(c);
    c->depth--;
    c->dead = 0;
}

static void compile_br_table(cstate_t *c)
{
    vm_reader_t *r = &c->r;
    uint32_t n, depth, idx, table;
    const uint8_t *targets;
    vm_read_u32(r, &n);
    targets = r->p;
    for (uint32_t i = 0; i <= n; i++)
        vm_read_u32(r, &depth);
    c->h--;
    idx = vm_c_slot_of(c, c->h);
    table = vm_c_op(c, VM_I_BR_TABLE, idx, VM_NO_INDEX);
    vm_c_emit(c, n);
    {
        vm_reader_t again = {r->base, targets, r->p};
        for (uint32_t i = 0; i <= n; i++) {
            clabel_t *l;
            vm_read_u32(&again, &depth);
            l = &c->labels[c->depth - 1 - depth];
            vm_c_emit(c, 0);
            if (l->kind != 0x00 && !needs_moves(c, l))
                add_target(c, l, vm_c_pos(c) - 1u);
        }
    }
    {
        /* targets that need value moves or a return get a stub after the table */
        vm_reader_t again = {r->base, targets, r->p};
        for (uint32_t i = 0; i <= n; i++) {
            clabel_t *l;
            vm_read_u32(&again, &depth);
            l = &c->labels[c->depth - 1 - depth];
            if (l->kind == 0x00 || needs_moves(c, l)) {
                patch_target(c, table + 2u + i, vm_c_pos(c));
                emit_jump(c, l);
            }
        }
    }
    set_dead(c);
}

static void push_const(cstate_t *c, uint64_t v, int wide)
{
    centry_t *e = &c->stack[c->h++];
    e->kind = E_CONST;
    e->wide = (uint8_t)wide;
    e->value = v;
}

static void compile_instr(cstate_t *c, uint8_t opcode)
{
    vm_reader_t *r = &c->r;
    vm_blocktype_t bt;
    vm_opinfo_t info;
    uint32_t idx, at;

    switch (opcode) {
    case 0x00:
        vm_c_op(c, VM_I_UNREACHABLE, 0, VM_NO_INDEX);
        set_dead(c);
        break;
    case 0x01:
        break;
    case 0x02:
        vm_read_blocktype(r, c->m, &bt);
        push_label(c, 0x02, &bt);
        break;
    case 0x03:
        vm_read_blocktype(r, c->m, &bt);
        push_label(c, 0x03, &bt);
        c->labels[c->depth - 1].target = vm_c_op(c, VM_I_LOOP, 1, VM_NO_INDEX);
        c->labels[c->depth - 1].ops_at_start = c->nops;
        break;
    case 0x04:
        vm_read_blocktype(r, c->m, &bt);
        c->h--;
        vm_c_materialize_range(c, 0, c->h);
        at = emit_cond_branch(c, 0);
        push_label(c, 0x04, &bt);
        c->labels[c->depth - 1].else_fixup = at;
        if (c->err == VM_OK)
            c->m->code[at] = VM_NO_INDEX;
        break;
    case 0x05:
        compile_else(c);
        break;
    case 0x0B:
        compile_end(c);
        break;
    case 0x0C:
        vm_read_u32(r, &idx);
        emit_jump(c, &c->labels[c->depth - 1 - idx]);
        set_dead(c);
        break;
    case 0x0D: {
        clabel_t *l;
        vm_read_u32(r, &idx);
        l = &c->labels[c->depth - 1 - idx];
        c->h--;
        if (l->kind != 0x00 && !needs_moves(c, l)) {
            add_target(c, l, emit_cond_branch(c, 1));
        } else {
            at = emit_cond_branch(c, 0);
            emit_jump(c, l);
            patch_target(c, at, vm_c_pos(c));
            c->last = VM_NO_INDEX;
        }
        break;
    }
    case 0x0E:
        compile_br_table(c);
        break;
    case 0x0F:
        emit_return(c);
        set_dead(c);
        break;
    case 0x10:
        vm_read_u32(r, &idx);
        vm_c_compile_call(c, idx, c->m->funcs[idx].type, 0);
        break;
    case 0x11:
        vm_read_u32(r, &idx);
        r->p++;
        vm_c_compile_call(c, 0, idx, 1);
        break;
    case 0x1A:
        c->h--;
        break;
    case 0x1B:
    case 0x1C: {
        uint32_t sa, sb, sc, dst = vm_c_home(c, c->h - 3);
        if (opcode == 0x1C)
            r->p += 2; /* vector of one value type */
        sc = vm_c_slot_of(c, c->h - 1);
        sb = vm_c_slot_of(c, c->h - 2);
        sa = vm_c_slot_of(c, c->h - 3);
        vm_c_op(c, VM_I_SELECT, dst, dst);
        vm_c_emit(c, sa | sb << 16);
        vm_c_emit(c, sc);
        c->h -= 3;
        vm_c_push_home(c);
        break;
    }
    case 0x20:
        vm_read_u32(r, &idx);
        c->stack[c->h].kind = E_LOCAL;
        c->stack[c->h].slot = idx;
        c->h++;
        break;
    case 0x21:
    case 0x22:
        vm_read_u32(r, &idx);
        vm_c_compile_local_set(c, idx, opcode == 0x22);
        break;
    case 0x23:
        vm_read_u32(r, &idx);
        vm_c_op(c, VM_I_GLOBAL_GET, vm_c_home(c, c->h), vm_c_home(c, c->h));
        vm_c_emit(c, idx);
        vm_c_push_home(c);
        break;
    case 0x24:
        vm_read_u32(r, &idx);
        at = vm_c_slot_of(c, c->h - 1);
        vm_c_op(c, VM_I_GLOBAL_SET, at, VM_NO_INDEX);
        vm_c_emit(c, idx);
        c->h--;
        break;
    case 0x3F:
        r->p++;
        vm_c_op(c, VM_I_MEMORY_SIZE, vm_c_home(c, c->h), vm_c_home(c, c->h));
        vm_c_push_home(c);
        break;
    case 0x40:
        r->p++;
        at = vm_c_slot_of(c, c->h - 1);
        vm_c_op(c, VM_I_MEMORY_GROW, vm_c_home(c, c->h - 1), vm_c_home(c, c->h - 1));
        vm_c_emit(c, at);
        c->stack[c->h - 1].kind = E_HOME;
        break;
    case 0x41: {
        int32_t v;
        vm_read_s32(r, &v);
        push_const(c, (uint32_t)v, 0);
        break;
    }
    case 0x42: {
        int64_t v;
        vm_read_s64(r, &v);
        push_const(c, (uint64_t)v, 1);
        break;
    }
    case 0x43: {
        uint32_t v;
        vm_read_fixed32(r, &v);
        push_const(c, v, 0);
        break;
    }
    case 0x44: {
        uint64_t v;
        vm_read_fixed64(r, &v);
        push_const(c, v, 1);
        break;
    }
    case 0xFC:
        vm_c_compile_fc(c);
        break;
    default:
        info = vm_opinfo(opcode);
        vm_c_compile_simple(c, &info);
        break;
    }
}

/* Step over one instruction in unreachable code (already validated). */
static void skip_instr(cstate_t *c, uint8_t opcode)
{
    vm_reader_t *r = &c->r;
    uint32_t n, sub, x;
    int64_t v;
    vm_blocktype_t bt;
    switch (opcode) {
    case 0x02:
    case 0x03:
    case 0x04:
        vm_read_blocktype(r, c->m, &bt);
        c->dead_depth++;
        break;
    case 0x0C:
    case 0x0D:
    case 0x10:
    case 0x20:
    case 0x21:
    case 0x22:
    case 0x23:
    case 0x24:
        vm_read_u32(r, &x);
        break;
    case 0x0E:
        vm_read_u32(r, &n);
        for (uint32_t i = 0; i <= n; i++)
            vm_read_u32(r, &x);
        break;
    case 0x11:
        vm_read_u32(r, &x);
        r->p++;
        break;
    case 0x1C:
        r->p += 2;
        break;
    case 0x3F:
    case 0x40:
        r->p++;
        break;
    case 0x41:
    case 0x42:
        vm_read_s64(r, &v);
        break;
    case 0x43:
        r->p += 4;
        break;
    case 0x44:
        r->p += 8;
        break;
    case 0xFC:
        vm_read_u32(r, &sub);
        if (sub == 8 || sub == 12) {
            vm_read_u32(r, &x);
            r->p++;
        } else if (sub == 9 || sub == 13) {
            vm_read_u32(r, &x);
        } else if (sub == 10 || sub == 14) {
            r->p += 2;
        } else if (sub == 11) {
            r->p++;
        }
        break;
    default:
        if (vm_opinfo(opcode).cls == VM_CLASS_LOAD || vm_opinfo(opcode).cls == VM_CLASS_STORE) {
            vm_read_u32(r, &x);
            vm_read_u32(r, &x);
        }
        break;
    }
}

vm_status_t vm_compile_body(vm_module_t *m, const vm_body_t *b, vm_arena_t *a, vm_funcdef_t *fd)
{
    cstate_t c;
    vm_blocktype_t fbt;
    uint32_t start = m->ncode;

    memset(&c, 0, sizeof c);
    c.m = m;
    c.a = a;
    c.r.base = m->bytes;
    c.r.p = b->code;
    c.r.end = b->end;
    c.nlocals = b->nlocals;
    c.last = VM_NO_INDEX;
    /* pool slots sit below the operand stack: a callee's frame starts inside the caller's
     * operand stack and must not overwrite them */
    c.pool_base = b->nlocals;
    c.pool_cap = b->nconsts < VM_MAX_POOL ? b->nconsts : VM_MAX_POOL;
    c.stack_base = b->nlocals + c.pool_cap;
    if ((uint64_t)c.stack_base + b->max_height > VM_MAX_FRAME_SLOTS)
        return VM_LIMIT_STACK_HEIGHT;
    c.stack = vm_arena_scratch(a, ((size_t)b->max_height + 1u) * sizeof *c.stack);
    c.labels = vm_arena_scratch(a, ((size_t)b->max_depth + 1u) * sizeof *c.labels);
    if (!c.stack || !c.labels)
        return VM_ARENA_EXHAUSTED;
    memset(&fbt, 0, sizeof fbt);
    fbt.nresults = b->type->nresults;
    push_label(&c, 0x00, &fbt);
    while (c.depth > 0 && c.err == VM_OK) {
        uint8_t opcode = *c.r.p++;
        if (!c.dead)
            compile_instr(&c, opcode);
        else if (opcode == 0x0B && c.dead_depth > 0)
            c.dead_depth--;
        else if (opcode == 0x0B)
            compile_end(&c);
        else if (opcode == 0x05 && c.dead_depth == 0)
            compile_else(&c);
        else
            skip_instr(&c, opcode);
    }
    if (c.err != VM_OK)
        return c.err;
    fd->code = start;
    fd->pool = vm_c_pos(&c);
    fd->npool = (uint16_t)c.npool;
    for (uint32_t k = 0; k < c.npool; k++) {
        vm_c_emit(&c, (vm_cell_t)c.pool[k]);
        vm_c_emit(&c, (vm_cell_t)(c.pool[k] >> 32));
    }
    if (c.err != VM_OK)
        return c.err;
    fd->nlocals = b->nlocals;
    fd->frame = c.stack_base + b->max_height;
    fd->nparams = b->type->nparams;
    fd->nresults = b->type->nresults;
    fd->fuel = c.nops ? c.nops : 1u;
    return VM_OK;
}
