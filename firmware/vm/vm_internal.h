/*
 * Internal declarations shared by the VM stages (parse, validate, compile, link, exec,
 * snapshot). Not part of the public API.
 */
#ifndef AIOS_VM_INTERNAL_H
#define AIOS_VM_INTERNAL_H

#include "aios/vm.h"
#include "vm_config.h"

#include <stddef.h>
#include <stdint.h>

#define VM_NO_INDEX 0xFFFFFFFFu

/* ---- Opcode table ---------------------------------------------------------------------- */

/* Operations of the compiled form (one byte, the low 8 bits of an instruction's first cell). */
enum vm_iop {
#define VM_IOP(name, cells) VM_I_##name,
#define VM_OP(name, byte, cls, p1, p2, r, sz) VM_ROW_##cls(name)
#define VM_FC(name, sub, cls, p1, p2, r, sz) VM_ROW_##cls(name)
#define VM_ROW_CTRL(name)
#define VM_ROW_RETYPE(name)
#define VM_ROW_UN(name) VM_I_##name,
#define VM_ROW_BIN(name) VM_I_##name,
#define VM_ROW_LOAD(name) VM_I_##name,
#define VM_ROW_STORE(name) VM_I_##name,
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
    VM_IOP_COUNT
};

enum vm_opclass {
    VM_CLASS_NONE,
    VM_CLASS_CTRL,
    VM_CLASS_UN,
    VM_CLASS_BIN,
    VM_CLASS_RETYPE,
    VM_CLASS_LOAD,
    VM_CLASS_STORE
};

/* Validation types: the binary encodings, plus NONE and UNKNOWN (the polymorphic bottom). */
enum {
    VM_T_NONE = 0,
    VM_T_UNKNOWN = 1,
    VM_T_I32 = VM_TYPE_I32,
    VM_T_I64 = VM_TYPE_I64,
    VM_T_F32 = VM_TYPE_F32,
    VM_T_F64 = VM_TYPE_F64
};

typedef struct vm_opinfo {
    uint8_t cls;      /* vm_opclass; NONE = unknown operator */
    uint8_t iop;      /* compiled operation for UN/BIN/LOAD/STORE */
    uint8_t p1, p2;   /* operand types */
    uint8_t result;   /* result type or NONE */
    uint8_t log2size; /* natural alignment of memory operators */
} vm_opinfo_t;

#define VM_FC_COUNT 15u
/* What the table says about operator `byte` (class NONE: unknown operator) and 0xFC `sub`. */
vm_opinfo_t vm_opinfo(uint8_t byte);
vm_opinfo_t vm_opinfo_fc(uint32_t sub);

/* ---- Compiled form --------------------------------------------------------------------- */

/* A 32-bit code cell: the first cell of an instruction is op | A << 8 (A: 24-bit operand). */
typedef uint32_t vm_cell_t;
#define VM_CELL(op, a) ((vm_cell_t)(op) | ((vm_cell_t)(a) << 8))
#define VM_MAX_A 0xFFFFFFu
/* Frame slots are 16-bit in packed operand cells. */
#define VM_MAX_FRAME_SLOTS 0xFFFFu

/* Length in cells of the instruction at p. */
uint32_t vm_instr_cells(const vm_cell_t *p);

/* ---- Module ---------------------------------------------------------------------------- */

typedef struct vm_type {
    uint32_t canon; /* index of the first structurally equal type */
    uint16_t nparams;
    uint16_t nresults;
    const uint8_t *sig; /* params then results, vm_valtype_t bytes */
} vm_type_t;

enum vm_ce_kind { VM_CE_CONST, VM_CE_GLOBAL, VM_CE_REF_NULL, VM_CE_REF_FUNC };

/* A constant expression, reduced at load time to one of four forms. */
typedef struct vm_constexpr {
    uint8_t kind;   /* vm_ce_kind */
    uint32_t index; /* global or function index */
    vm_value_t value;
} vm_constexpr_t;

typedef struct vm_funcdef {
    uint32_t type;    /* type index */
    uint32_t code;    /* first cell of the compiled body (defined functions) */
    uint32_t nlocals; /* parameters + declared locals */
    uint32_t frame;   /* frame slots: locals + operand stack */
    uint32_t fuel;    /* charged on entry */
    uint32_t pool;    /* first cell of the constant pool (2 cells per value), = end of code */
    uint16_t npool;   /* constants, in frame slots nlocals.. */
    uint16_t nparams;
    uint16_t nresults;
} vm_funcdef_t;

typedef struct vm_limits {
    uint32_t min;
    uint32_t max; /* VM_NO_MAX if absent */
} vm_limits_t;

typedef struct vm_globaldef {
    uint8_t type;
    uint8_t mutable;
    vm_constexpr_t init;
} vm_globaldef_t;

typedef struct vm_import {
    const char *module;
    const char *name;
    uint32_t module_len;
    uint32_t name_len;
    uint8_t kind;   /* vm_extern_kind_t */
    uint32_t index; /* index in its space */
} vm_import_t;

typedef struct vm_export {
    const char *name;
    uint32_t name_len;
    uint8_t kind;
    uint32_t index;
} vm_export_t;

enum vm_segmode { VM_SEG_ACTIVE, VM_SEG_PASSIVE, VM_SEG_DECLARATIVE };

#define VM_NULL_FUNC 0xFFFFFFFFu
typedef struct vm_elemseg {
    uint8_t mode;
    uint32_t table;
    vm_constexpr_t offset;
    uint32_t count;
    const uint32_t *funcs; /* function indices, VM_NULL_FUNC for ref.null */
} vm_elemseg_t;

typedef struct vm_dataseg {
    uint8_t mode;
    vm_constexpr_t offset;
    uint32_t len;
    const uint8_t *bytes;
} vm_dataseg_t;

struct vm_module {
    const uint8_t *bytes;
    size_t len;
    uint64_t hash;
    size_t arena_used;

    uint32_t ntypes;
    uint32_t max_arity; /* most results of any type */
    vm_type_t *types;
    uint32_t nimports;
    vm_import_t *imports;
    uint32_t nfuncs, nfunc_imports;
    vm_funcdef_t *funcs;
    uint32_t ntables, ntable_imports;
    vm_limits_t table;
    uint32_t nmems, nmem_imports;
    vm_limits_t mem;
    uint32_t nglobals, nglobal_imports;
    vm_globaldef_t *globals;
    uint32_t nexports;
    vm_export_t *exports;
    uint32_t start;
    uint32_t nelems;
    vm_elemseg_t *elems;
    uint32_t ndatas;
    uint32_t datacount; /* VM_NO_INDEX if no DataCount section */
    vm_dataseg_t *datas;
    vm_cell_t *code;
    uint32_t ncode;
};

/* ---- Instance -------------------------------------------------------------------------- */

struct vm_func {
    vm_instance_t *owner;       /* NULL for host functions */
    const vm_host_func_t *host; /* host functions only */
    uint32_t index;             /* function index in the owner's module */
    uint32_t type;              /* owner module type index; for host functions, import type
                                   index in the module that first bound it */
    const vm_module_t *type_module;
};

/* Return address of one wasm call: where the caller continues. */
typedef struct vm_frame {
    uint32_t pc;         /* caller's next cell */
    uint32_t fp;         /* caller's frame base, in stack slots */
    vm_instance_t *inst; /* caller's instance (differs across instance boundaries) */
} vm_frame_t;

enum vm_state {
    VM_STATE_IDLE,  /* no call pending */
    VM_STATE_READY, /* a call is set up or yielded: vm_run continues it */
    VM_STATE_RUNNING,
    VM_STATE_BLOCKED, /* waiting for vm_resume */
    VM_STATE_DONE,    /* results at stack[0..] */
    VM_STATE_TRAPPED
};

/* pc values that are not code: the entry is a host function, or the call has returned. */
#define VM_PC_HOST_ENTRY 0xFFFFFFFEu
#define VM_PC_RETURNED 0xFFFFFFFDu

struct vm_instance {
    const vm_module_t *module;
    const vm_func_t **funcs; /* all functions, imports first */
    vm_global_t **globals;   /* all globals, imports first */
    vm_table_t *table;       /* table 0 or NULL */
    vm_memory_t *memory;     /* memory 0 or NULL */
    uint8_t *dropped;        /* bitmap: element segments, then data segments */
    vm_value_t *stack;
    vm_frame_t *frames;
    uint32_t stack_slots;
    uint32_t max_frames;
    vm_grow_fn grow;
    void *user;

    /* execution state */
    const vm_func_t *entry; /* function of the pending call */
    vm_instance_t *cur;     /* instance whose code runs at pc */
    uint32_t pc;
    uint32_t fp;
    uint32_t depth;
    uint32_t host_base; /* blocked host call: slot its results go to */
    uint32_t host_nresults;
    const vm_func_t *host_callee; /* the blocked host function */
    uint32_t fuel;
    vm_status_t trap;
    uint8_t state;
    volatile uint8_t preempt;

    vm_table_t own_table;
    vm_memory_t own_memory;
};

/* ---- Binary reader (vm_parse.c) -------------------------------------------------------- */

typedef struct vm_reader {
    const uint8_t *base; /* start of the module, for offsets */
    const uint8_t *p;
    const uint8_t *end;
} vm_reader_t;

vm_status_t vm_read_u8(vm_reader_t *r, uint8_t *out);
vm_status_t vm_read_u32(vm_reader_t *r, uint32_t *out);
vm_status_t vm_read_s32(vm_reader_t *r, int32_t *out);
vm_status_t vm_read_s33(vm_reader_t *r, int64_t *out);
vm_status_t vm_read_s64(vm_reader_t *r, int64_t *out);
vm_status_t vm_read_fixed32(vm_reader_t *r, uint32_t *out);
vm_status_t vm_read_fixed64(vm_reader_t *r, uint64_t *out);

/* Block type decoded from its s33 form. */
typedef struct vm_blocktype {
    uint32_t nparams;
    uint32_t nresults;
    const uint8_t *params;
    const uint8_t *results;
} vm_blocktype_t;
vm_status_t vm_read_blocktype(vm_reader_t *r, const vm_module_t *m, vm_blocktype_t *bt);

/* Memory argument: alignment exponent and offset. */
vm_status_t vm_read_memarg(vm_reader_t *r, uint32_t *align, uint32_t *offset);

/* A vector count; more than the bytes left is an unexpected end, more than `limit` is `over`. */
vm_status_t vm_read_count(vm_reader_t *r, uint32_t limit, vm_status_t over, uint32_t *n);
/* A UTF-8 name, pointing into the module bytes. */
vm_status_t vm_read_name(vm_reader_t *r, const char **name, uint32_t *len);
/* A number type (i32, i64, f32, f64). */
vm_status_t vm_read_valtype(vm_reader_t *r, uint8_t *t);
/* Table (funcref + limits) and memory (limits, at most 65536 pages) types. */
vm_status_t vm_read_tabletype(vm_reader_t *r, vm_limits_t *lim);
vm_status_t vm_read_memtype(vm_reader_t *r, vm_limits_t *lim);

/* ---- Arena ----------------------------------------------------------------------------- */

#define VM_ARENA_ALIGN 8u

/* Bump allocator: permanent allocations grow from the bottom, scratch from the top. */
typedef struct vm_arena {
    uint8_t *base;
    size_t size;
    size_t low;  /* bytes used from the bottom */
    size_t high; /* bytes used from the top */
} vm_arena_t;

void *vm_arena_alloc(vm_arena_t *a, size_t bytes);
void *vm_arena_scratch(vm_arena_t *a, size_t bytes);

/* ---- Per-function stages --------------------------------------------------------------- */

/* Local types of one function body, after its local declarations were read. */
typedef struct vm_body {
    const vm_type_t *type;
    uint32_t nlocals;           /* params + declared */
    const uint8_t *local_types; /* one vm_valtype_t per local */
    const uint8_t *code;        /* first instruction */
    const uint8_t *end;         /* one past the final end opcode */
    uint32_t max_height;        /* highest operand stack, set by the validator */
    uint32_t max_depth;         /* deepest control nesting, set by the validator */
    uint32_t nconsts;           /* constant instructions, set by the validator */
    const uint8_t *data_use;    /* first data index used without a DataCount section */
} vm_body_t;

/* Validate one body (vm_validate.c). Scratch space comes from the arena's top. */
vm_status_t vm_validate_body(const vm_module_t *m, vm_body_t *b, vm_arena_t *a,
                             const uint8_t **err_at);

/* Compile one validated body, appending to m->code (vm_compile.c). */
vm_status_t vm_compile_body(vm_module_t *m, const vm_body_t *b, vm_arena_t *a, vm_funcdef_t *fd);

/* ---- Shared helpers -------------------------------------------------------------------- */

int vm_type_equal(const vm_module_t *ma, uint32_t ta, const vm_module_t *mb, uint32_t tb);
int vm_func_has_type(const vm_func_t *f, const vm_module_t *m, uint32_t type);
vm_status_t vm_memory_grow(vm_instance_t *inst, vm_memory_t *mem, uint32_t delta,
                           uint32_t *old_pages);

/* Segment operations shared by instantiation and the interpreter (vm_link.c): bounds-checked
 * memory.init / table.init of segment `seg` (dropped segments are empty), and drop of segment
 * bit `bit` (element segments first, then data segments). */
vm_status_t vm_memory_init_op(vm_instance_t *inst, uint32_t seg, uint32_t dst, uint32_t src,
                              uint32_t n);
vm_status_t vm_table_init_op(vm_instance_t *inst, uint32_t seg, uint32_t dst, uint32_t src,
                             uint32_t n);
void vm_drop(vm_instance_t *inst, uint32_t bit);

/* The interpreter loop (vm_exec.c). */
vm_exit_t vm_exec(vm_instance_t *inst);

#endif
