/*
 * The interpreter loop and the calls that drive it (invoke, run, resume).
 *
 * All execution state lives in the instance: pc (a cell index), fp (a slot index into the
 * instance's value stack), the frame stack of return addresses, and the instance whose code
 * runs. vm_exec() caches them in locals and writes them back whenever it stops, so a run can
 * end after any instruction and continue later. Wasm calls push a vm_frame_t instead of
 * recursing in C.
 */
#include "vm_internal.h"
#include "vm_numeric.h"

#include <string.h>

/* ---- Little-endian memory access --------------------------------------------------------- */

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define VM_SWAP16(v) ((uint16_t)((v) >> 8 | (v) << 8))
#define VM_SWAP32(v) __builtin_bswap32(v)
#define VM_SWAP64(v) __builtin_bswap64(v)
#else
#define VM_SWAP16(v) (v)
#define VM_SWAP32(v) (v)
#define VM_SWAP64(v) (v)
#endif

static inline uint32_t vm_load16(const uint8_t *p)
{
    uint16_t v;
    memcpy(&v, p, sizeof v);
    return VM_SWAP16(v);
}
static inline uint32_t vm_load32(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, sizeof v);
    return VM_SWAP32(v);
}
static inline uint64_t vm_load64(const uint8_t *p)
{
    uint64_t v;
    memcpy(&v, p, sizeof v);
    return VM_SWAP64(v);
}
static inline void vm_store8(uint8_t *p, uint64_t v)
{
    p[0] = (uint8_t)v;
}
static inline void vm_store16(uint8_t *p, uint64_t v)
{
    uint16_t w = (uint16_t)v;
    w = VM_SWAP16(w);
    memcpy(p, &w, sizeof w);
}
static inline void vm_store32(uint8_t *p, uint64_t v)
{
    uint32_t w = (uint32_t)v;
    w = VM_SWAP32(w);
    memcpy(p, &w, sizeof w);
}
static inline void vm_store64(uint8_t *p, uint64_t v)
{
    v = VM_SWAP64(v);
    memcpy(p, &v, sizeof v);
}

/* Inside the loop an i32 or f32 slot has meaningful low 32 bits only (a 32-bit store is
 * cheaper); values leaving the VM (results, host arguments, globals) are zero-extended. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define VM_LOW_HALF 4
#else
#define VM_LOW_HALF 0
#endif
static inline void set_low32(vm_value_t *slot, uint32_t v)
{
    memcpy((unsigned char *)slot + VM_LOW_HALF, &v, sizeof v);
}

static vm_value_t normalize(vm_value_t v, uint8_t type)
{
    return type == VM_TYPE_I32 || type == VM_TYPE_F32 ? (uint32_t)v : v;
}

static const vm_type_t *func_type(const vm_func_t *f)
{
    return &f->type_module->types[f->type];
}

/* A new frame at fp (parameters already there): zero the locals, copy in the constant pool. */
static inline void enter_frame(vm_value_t *fp, const vm_funcdef_t *fd, const vm_cell_t *code)
{
    const vm_cell_t *pool = code + fd->pool;
    vm_value_t *consts = fp + fd->nlocals;
    for (uint32_t i = fd->nparams; i < fd->nlocals; i++)
        fp[i] = 0;
    for (uint32_t k = 0; k < fd->npool; k++)
        consts[k] = (uint64_t)pool[2 * k] | (uint64_t)pool[2 * k + 1] << 32;
}

/* ---- The loop ---------------------------------------------------------------------------- */

#define A (c0 >> 8)
#define U32(s) ((uint32_t)fp[s])
#define U64(s) (fp[s])
#define F32(s) vm_f32((uint32_t)fp[s])
#define F64(s) vm_f64(fp[s])
#define SET32(s, v) set_low32(&fp[s], (uint32_t)(v))
#define SET64(s, v) (fp[s] = (uint64_t)(v))
#define SETF32(s, v) set_low32(&fp[s], vm_bits32(v))
#define SETF64(s, v) (fp[s] = vm_bits64(v))

#define TRAP(code)                                                                                 \
    do {                                                                                           \
        trap_code = (code);                                                                        \
        goto trap;                                                                                 \
    } while (0)
/* Fuel is charged ahead for the code about to run; a run yields only at these checks. */
#define CHECK_FUEL(w)                                                                              \
    do {                                                                                           \
        if (fuel == 0 || inst->preempt)                                                            \
            goto yield;                                                                            \
        fuel = fuel > (w) ? fuel - (w) : 0u;                                                       \
    } while (0)
#define CHARGE_BULK(n)                                                                             \
    do {                                                                                           \
        uint64_t w_ = (uint64_t)(n) >> VM_BULK_FUEL_SHIFT;                                         \
        fuel = fuel > w_ ? fuel - (uint32_t)w_ : 0u;                                               \
    } while (0)
#define LOAD_MEMORY()                                                                              \
    do {                                                                                           \
        mem_base = cur->memory ? cur->memory->data : NULL;                                         \
        mem_bytes = cur->memory ? cur->memory->bytes : 0u;                                         \
    } while (0)
#define SAVE_STATE()                                                                               \
    do {                                                                                           \
        inst->pc = (uint32_t)(pc - cur->module->code);                                             \
        inst->fp = (uint32_t)(fp - inst->stack);                                                   \
        inst->cur = cur;                                                                           \
        inst->fuel = fuel;                                                                         \
    } while (0)

/* Branch through the target cell pc[k], which holds the distance from itself. A branch
 * backwards is a loop iteration: it lands on the loop's LOOP cell, charges the fuel weight
 * stored there and continues after it. */
#define JUMP(k)                                                                                    \
    do {                                                                                           \
        const vm_cell_t *to_ = pc + (k) + vm_s32(pc[k]);                                           \
        if (to_ <= pc) {                                                                           \
            loop_head = to_;                                                                       \
            goto back_edge;                                                                        \
        }                                                                                          \
        pc = to_;                                                                                  \
        NEXT;                                                                                      \
    } while (0)

#if VM_COMPUTED_GOTO
#define CASE(name) L_##name:
#define NEXT                                                                                       \
    do {                                                                                           \
        c0 = *pc;                                                                                  \
        goto *dispatch[c0 & 0xFFu];                                                                \
    } while (0)
#else
#define CASE(name) case VM_I_##name:
#define NEXT goto next
#endif

vm_exit_t vm_exec(vm_instance_t *inst)
{
#if VM_COMPUTED_GOTO
    static const void *const dispatch[VM_IOP_COUNT] = {
#define VM_IOP(name, cells) &&L_##name,
#define VM_OP(name, byte, cls, p1, p2, r, sz) VM_ROW_##cls(name)
#define VM_FC(name, sub, cls, p1, p2, r, sz) VM_ROW_##cls(name)
#define VM_ROW_CTRL(name)
#define VM_ROW_RETYPE(name)
#define VM_ROW_UN(name) &&L_##name,
#define VM_ROW_BIN(name) &&L_##name,
#define VM_ROW_LOAD(name) &&L_##name,
#define VM_ROW_STORE(name) &&L_##name,
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
#endif
    vm_instance_t *cur = inst->cur;
    uint8_t *mem_base;
    size_t mem_bytes;
    const vm_cell_t *pc;
    vm_value_t *fp = inst->stack + inst->fp;
    uint32_t fuel = inst->fuel;
    vm_status_t trap_code = VM_OK;
    vm_cell_t c0;
    /* operands of the shared call sequence */
    const vm_func_t *callee;
    vm_instance_t *callee_inst;
    const vm_funcdef_t *fd;
    uint32_t base;
    const vm_cell_t *next_pc;
    const vm_cell_t *loop_head;
    uint64_t rare_result = 0;
    vm_status_t rare_status;

    LOAD_MEMORY();
    pc = cur->module->code + inst->pc;
    /* the handlers sit in one block: a switch body, or a block entered only through labels */
#if VM_COMPUTED_GOTO
    NEXT;
    {
#else
next:
    c0 = *pc;
    switch (c0 & 0xFFu) {
#endif

        CASE(UNREACHABLE)
        {
            TRAP(VM_TRAP_UNREACHABLE);
        }
        CASE(MOV)
        {
            fp[A] = fp[pc[1]];
            pc += 2;
            NEXT;
        }
        CASE(CONST32)
        {
            SET32(A, pc[1]);
            pc += 2;
            NEXT;
        }
        CASE(CONST64)
        {
            SET64(A, (uint64_t)pc[1] | (uint64_t)pc[2] << 32);
            pc += 3;
            NEXT;
        }
        CASE(BR)
        {
            JUMP(1);
        }
        CASE(BR_IF)
        {
            if (U32(A))
                JUMP(1);
            pc += 2;
            NEXT;
        }
        CASE(BR_UNLESS)
        {
            if (!U32(A))
                JUMP(1);
            pc += 2;
            NEXT;
        }
        CASE(BR_TABLE)
        {
            uint32_t i = U32(A), n = pc[1];
            JUMP(2u + (i < n ? i : n));
        }
        CASE(LOOP)
        {
            CHECK_FUEL(A);
            pc += 1;
            NEXT;
        }
#define BR_CMP(name, T, conv, cmp)                                                                 \
    CASE(name)                                                                                     \
    {                                                                                              \
        T x = conv(U32(pc[1] & 0xFFFFu));                                                          \
        T y = conv(U32(pc[1] >> 16));                                                              \
        if (x cmp y)                                                                               \
            JUMP(2);                                                                               \
        pc += 3;                                                                                   \
        NEXT;                                                                                      \
    }
#define AS_IS(v) (v)
        BR_CMP(BR_IF_I32_EQ, uint32_t, AS_IS, ==)
        BR_CMP(BR_IF_I32_NE, uint32_t, AS_IS, !=)
        BR_CMP(BR_IF_I32_LT_S, int32_t, vm_s32, <)
        BR_CMP(BR_IF_I32_LT_U, uint32_t, AS_IS, <)
        BR_CMP(BR_IF_I32_GT_S, int32_t, vm_s32, >)
        BR_CMP(BR_IF_I32_GT_U, uint32_t, AS_IS, >)
        BR_CMP(BR_IF_I32_LE_S, int32_t, vm_s32, <=)
        BR_CMP(BR_IF_I32_LE_U, uint32_t, AS_IS, <=)
        BR_CMP(BR_IF_I32_GE_S, int32_t, vm_s32, >=)
        BR_CMP(BR_IF_I32_GE_U, uint32_t, AS_IS, >=)
#undef BR_CMP
#undef AS_IS
        CASE(SELECT)
        {
            fp[A] = U32(pc[2]) ? fp[pc[1] & 0xFFFFu] : fp[pc[1] >> 16];
            pc += 3;
            NEXT;
        }
        CASE(GLOBAL_GET)
        {
            fp[A] = cur->globals[pc[1]]->value;
            pc += 2;
            NEXT;
        }
        CASE(GLOBAL_SET)
        {
            vm_global_t *g = cur->globals[pc[1]];
            /* 32-bit types (0x7F, 0x7D) are odd: keep only the low half for them */
            g->value = fp[A] & (~(uint64_t)0 >> ((g->type & 1u) << 5));
            pc += 2;
            NEXT;
        }
        CASE(CALL)
        {
            callee_inst = cur;
            fd = &cur->module->funcs[A];
            base = pc[1];
            next_pc = pc + 2;
            goto enter_wasm;
        }
        CASE(CALL_IMPORT)
        {
            callee = cur->funcs[A];
            base = pc[1];
            next_pc = pc + 2;
            goto call_func;
        }
        CASE(CALL_INDIRECT)
        {
            const vm_table_t *t = cur->table;
            uint32_t i = U32(pc[2]);
            if (i >= t->size)
                TRAP(VM_TRAP_TABLE_OUT_OF_BOUNDS);
            callee = t->elems[i];
            if (!callee)
                TRAP(VM_TRAP_UNINITIALIZED_ELEMENT);
            if (!vm_func_has_type(callee, cur->module, A))
                TRAP(VM_TRAP_INDIRECT_CALL_TYPE_MISMATCH);
            base = pc[1];
            next_pc = pc + 3;
            goto call_func;
        }
        CASE(RETURN)
        {
            const vm_value_t *src = fp + pc[1];
            vm_frame_t *f;
            for (uint32_t i = 0; i < A; i++)
                fp[i] = src[i]; /* ascending: results never move up */
            if (inst->depth == 0) {
                SAVE_STATE();
                inst->pc = VM_PC_RETURNED;
                inst->state = VM_STATE_DONE;
                return VM_EXIT_DONE;
            }
            f = &inst->frames[--inst->depth];
            fp = inst->stack + f->fp;
            cur = f->inst;
            LOAD_MEMORY(); /* the callee may have grown it */
            pc = cur->module->code + f->pc;
            NEXT;
        }

#include "vm_exec_numeric.inc"
#include "vm_exec_memory.inc"

#if !VM_COMPUTED_GOTO
    default:
        TRAP(VM_TRAP_UNREACHABLE);
#endif
    }

back_edge:
    CHECK_FUEL(*loop_head >> 8);
    pc = loop_head + 1;
    NEXT;

unary_rare:
    rare_status = vm_unary_rare(*pc, fp[pc[1]], &rare_result);
    goto rare_done;
binary_rare:
    rare_status = vm_binary_rare(*pc, fp[pc[1] & 0xFFFFu], fp[pc[1] >> 16], &rare_result);
rare_done:
    if (rare_status != VM_OK)
        TRAP(rare_status);
    fp[*pc >> 8] = rare_result; /* from the cell again: keeps c0 dead after each handler */
    pc += 2;
    NEXT;

call_func:
    if (callee->host)
        goto call_host;
    callee_inst = callee->owner;
    fd = &callee_inst->module->funcs[callee->index];
enter_wasm:
    CHECK_FUEL(fd->fuel);
    {
        uint32_t nfp = (uint32_t)(fp - inst->stack) + base;
        vm_frame_t *f;
        if (inst->depth >= inst->max_frames || (uint64_t)nfp + fd->frame > inst->stack_slots)
            TRAP(VM_TRAP_STACK_EXHAUSTED);
        f = &inst->frames[inst->depth++];
        f->pc = (uint32_t)(next_pc - cur->module->code);
        f->fp = (uint32_t)(fp - inst->stack);
        f->inst = cur;
        fp = inst->stack + nfp;
        if (callee_inst != cur) {
            cur = callee_inst;
            LOAD_MEMORY();
        }
        pc = cur->module->code;
        enter_frame(fp, fd, pc);
        pc += fd->code;
        NEXT;
    }

call_host:
    CHECK_FUEL(1u);
    {
        const vm_type_t *t = func_type(callee);
        uint32_t nfp = (uint32_t)(fp - inst->stack) + base;
        vm_value_t *args = fp + base, *results = args + t->nparams;
        vm_host_action_t act;
        if ((uint64_t)nfp + t->nparams + t->nresults > inst->stack_slots)
            TRAP(VM_TRAP_STACK_EXHAUSTED);
        for (uint32_t i = 0; i < t->nparams; i++)
            args[i] = normalize(args[i], t->sig[i]);
        SAVE_STATE();
        act = callee->host->fn(cur, callee->host->user, args, results);
        if (act == VM_HOST_BLOCK) {
            pc = next_pc;
            SAVE_STATE();
            inst->host_base = nfp;
            inst->host_nresults = t->nresults;
            inst->host_callee = callee;
            inst->state = VM_STATE_BLOCKED;
            return VM_EXIT_BLOCKED;
        }
        if (act != VM_HOST_RETURN)
            TRAP(VM_TRAP_HOST);
        for (uint32_t i = 0; i < t->nresults; i++)
            args[i] = normalize(results[i], t->sig[t->nparams + i]);
        LOAD_MEMORY();
        pc = next_pc;
        NEXT;
    }

yield:
    inst->preempt = 0;
    SAVE_STATE();
    inst->state = VM_STATE_READY;
    return VM_EXIT_YIELD;

trap:
    SAVE_STATE();
    inst->trap = trap_code;
    inst->state = VM_STATE_TRAPPED;
    return VM_EXIT_TRAP;
}

/* ---- Driving calls ----------------------------------------------------------------------- */

vm_status_t vm_invoke(vm_instance_t *inst, uint32_t func_index, const vm_value_t *args,
                      uint32_t nargs)
{
    const vm_func_t *f;
    const vm_type_t *t;
    if (!inst)
        return VM_BAD_ARGUMENT;
    if (inst->state == VM_STATE_READY || inst->state == VM_STATE_BLOCKED ||
        inst->state == VM_STATE_RUNNING)
        return VM_BAD_STATE;
    if (func_index >= inst->module->nfuncs)
        return VM_NOT_FOUND;
    f = inst->funcs[func_index];
    t = func_type(f);
    if (nargs != t->nparams || (nargs && !args))
        return VM_BAD_ARGUMENT;
    if ((uint64_t)t->nparams + t->nresults > inst->stack_slots)
        return VM_TRAP_STACK_EXHAUSTED;
    for (uint32_t i = 0; i < nargs; i++)
        inst->stack[i] = normalize(args[i], t->sig[i]);
    inst->entry = f;
    inst->depth = 0;
    inst->fp = 0;
    inst->trap = VM_OK;
    inst->preempt = 0;
    if (f->host) {
        inst->cur = inst;
        inst->pc = VM_PC_HOST_ENTRY;
    } else {
        const vm_funcdef_t *fd = &f->owner->module->funcs[f->index];
        if (fd->frame > inst->stack_slots)
            return VM_TRAP_STACK_EXHAUSTED;
        enter_frame(inst->stack, fd, f->owner->module->code);
        inst->cur = f->owner;
        inst->pc = fd->code;
    }
    inst->state = VM_STATE_READY;
    return VM_OK;
}

/* The pending call is a host function called directly by the embedder. */
static vm_exit_t run_host_entry(vm_instance_t *inst)
{
    const vm_func_t *f = inst->entry;
    const vm_type_t *t = func_type(f);
    vm_value_t *args = inst->stack, *results = args + t->nparams;
    vm_host_action_t act;
    inst->state = VM_STATE_RUNNING;
    act = f->host->fn(inst, f->host->user, args, results);
    if (act == VM_HOST_BLOCK) {
        inst->pc = VM_PC_RETURNED;
        inst->host_base = 0;
        inst->host_nresults = t->nresults;
        inst->host_callee = f;
        inst->state = VM_STATE_BLOCKED;
        return VM_EXIT_BLOCKED;
    }
    if (act != VM_HOST_RETURN) {
        inst->trap = VM_TRAP_HOST;
        inst->state = VM_STATE_TRAPPED;
        return VM_EXIT_TRAP;
    }
    for (uint32_t i = 0; i < t->nresults; i++)
        args[i] = normalize(results[i], t->sig[t->nparams + i]);
    inst->pc = VM_PC_RETURNED;
    inst->state = VM_STATE_DONE;
    return VM_EXIT_DONE;
}

vm_exit_t vm_run(vm_instance_t *inst, uint32_t fuel)
{
    switch (inst->state) {
    case VM_STATE_READY:
        break;
    case VM_STATE_BLOCKED:
        return VM_EXIT_BLOCKED;
    case VM_STATE_DONE:
        return VM_EXIT_DONE;
    case VM_STATE_TRAPPED:
        return VM_EXIT_TRAP;
    default:
        inst->trap = VM_BAD_STATE;
        return VM_EXIT_TRAP;
    }
    inst->fuel = fuel;
    if (inst->pc == VM_PC_HOST_ENTRY)
        return run_host_entry(inst);
    if (inst->pc == VM_PC_RETURNED) {
        inst->state = VM_STATE_DONE;
        return VM_EXIT_DONE;
    }
    inst->state = VM_STATE_RUNNING;
    return vm_exec(inst);
}

void vm_preempt(vm_instance_t *inst)
{
    inst->preempt = 1;
}

uint32_t vm_fuel_left(const vm_instance_t *inst)
{
    return inst->fuel;
}

vm_status_t vm_trap(const vm_instance_t *inst)
{
    return inst->trap;
}

vm_status_t vm_results(const vm_instance_t *inst, vm_value_t *out, uint32_t n)
{
    const vm_type_t *t;
    if (inst->state != VM_STATE_DONE)
        return VM_BAD_STATE;
    t = func_type(inst->entry);
    if (n != t->nresults || (n && !out))
        return VM_BAD_ARGUMENT;
    for (uint32_t i = 0; i < n; i++)
        out[i] = normalize(inst->stack[i], t->sig[t->nparams + i]);
    return VM_OK;
}

vm_status_t vm_resume(vm_instance_t *inst, const vm_value_t *results, uint32_t n)
{
    const vm_type_t *t;
    if (inst->state != VM_STATE_BLOCKED)
        return VM_BAD_STATE;
    if (n != inst->host_nresults || (n && !results))
        return VM_BAD_ARGUMENT;
    t = func_type(inst->host_callee);
    for (uint32_t i = 0; i < n; i++)
        inst->stack[inst->host_base + i] = normalize(results[i], t->sig[t->nparams + i]);
    inst->state = VM_STATE_READY;
    return VM_OK;
}

void vm_abort(vm_instance_t *inst)
{
    if (inst->state != VM_STATE_RUNNING)
        inst->state = VM_STATE_IDLE;
}
