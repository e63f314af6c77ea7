/*
 * Compiler state shared by vm_compile.c (control flow, stack entries, driver) and
 * vm_compile_ops.c (operators). See vm_compile.c for the scheme.
 */
#ifndef AIOS_VM_COMPILE_H
#define AIOS_VM_COMPILE_H

#include "vm_internal.h"

enum { E_HOME, E_LOCAL, E_CONST };

typedef struct centry {
    uint8_t kind;
    uint8_t wide; /* constant is i64/f64 */
    uint32_t slot;
    uint64_t value;
} centry_t;

typedef struct clabel {
    uint8_t kind; /* 0x00 function, 0x02 block, 0x03 loop, 0x04 if, 0x05 else */
    uint32_t height;
    uint32_t nparams, nresults;
    uint32_t target;     /* loop: position of its header */
    uint32_t fixups;     /* cells waiting for the end position, chained through the cells */
    uint32_t else_fixup; /* if: cell of the branch to its else */
    uint32_t ops_at_start;
} clabel_t;

typedef struct cstate {
    vm_module_t *m;
    vm_arena_t *a;
    vm_reader_t r;
    centry_t *stack;
    uint32_t h;
    clabel_t *labels;
    uint32_t depth;
    uint32_t nlocals;
    uint32_t stack_base; /* first operand stack slot, after locals and pool */
    uint32_t last;       /* last instruction if it wrote the home slot last_dst, else VM_NO_INDEX */
    uint32_t last_dst;
    uint8_t last_op;
    uint32_t nops; /* instructions emitted for this body */
    int dead;      /* the rest of the innermost block is unreachable */
    uint32_t dead_depth;
    vm_status_t err;            /* sticky: set by the first failed emit */
    uint64_t pool[VM_MAX_POOL]; /* constants read by instructions, in slots pool_base.. */
    uint32_t npool;
    uint32_t pool_base;
    uint32_t pool_cap; /* pool slots reserved: the body's constant instructions, at most */
} cstate_t;

/* Emitting (vm_compile.c): position of the next cell, one cell, an instruction's first cell
 * (dst: the home slot it writes, or VM_NO_INDEX), a cell patched later. */
uint32_t vm_c_pos(const cstate_t *c);
void vm_c_emit(cstate_t *c, vm_cell_t cell);
uint32_t vm_c_op(cstate_t *c, unsigned iop, uint32_t a, uint32_t dst);
void vm_c_patch(cstate_t *c, uint32_t at, vm_cell_t cell);

/* Stack entries (vm_compile.c). */
uint32_t vm_c_home(const cstate_t *c, uint32_t height);
void vm_c_store_to(cstate_t *c, const centry_t *e, uint32_t at_height, uint32_t dst);
void vm_c_materialize(cstate_t *c, uint32_t i);
void vm_c_materialize_range(cstate_t *c, uint32_t from, uint32_t to);
uint32_t vm_c_slot_of(cstate_t *c, uint32_t i);
void vm_c_push_home(cstate_t *c);

/* Operators (vm_compile_ops.c). */
void vm_c_compile_local_set(cstate_t *c, uint32_t x, int tee);
void vm_c_compile_simple(cstate_t *c, const vm_opinfo_t *info);
void vm_c_compile_call(cstate_t *c, uint32_t f, uint32_t type, int indirect);
void vm_c_compile_fc(cstate_t *c);

#endif
