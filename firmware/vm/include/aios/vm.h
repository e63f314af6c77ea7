/*
 * AIOS WebAssembly VM: a validating, stackless, resumable interpreter.
 *
 * Shape of use (no call allocates; the embedder hands in every buffer):
 *
 *   vm_module_load(&mod, bytes, len, module_arena, size, &diag);   decode, validate, compile
 *   vm_instance_arena_size(mod, &cfg, &need);                       how much instance RAM
 *   vm_instantiate(&inst, mod, imports, n, &cfg, arena, need, &diag);  link + init segments
 *   vm_module_find_export(mod, "run", 3, VM_EXTERN_FUNC, &fn);
 *   vm_invoke(inst, fn, args, nargs);                               set up a call
 *   while ((x = vm_run(inst, fuel)) == VM_EXIT_YIELD) { ...schedule others... }
 *   vm_results(inst, out, nresults);
 *
 * Wasm features: WebAssembly 1.0 plus mutable-global import/export, sign-extension ops,
 * non-trapping float-to-int, multi-value, bulk memory (with passive segments and DataCount) and
 * the element-segment forms of reference types (ref.func / ref.null in element expressions).
 * One table (funcref) and one memory per module.
 *
 * Threading: an instance is used by one thread of control at a time. The only call allowed from
 * an interrupt handler is vm_preempt(). Different instances are independent, except that objects
 * shared by linking (a memory, table or global exported by one and imported by another) are
 * touched by whichever instance runs.
 *
 * Lifetimes: the module bytes, the module arena, and every object passed in at instantiation
 * must outlive the module/instances that use them. Nothing is freed: dropping a module or an
 * instance is just reusing its arena.
 */
#ifndef AIOS_VM_H
#define AIOS_VM_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------------------------ */
/* Status codes                                                                               */
/* ------------------------------------------------------------------------------------------ */

/* Every status the VM returns; numbers and texts are listed once in vm_status.def. */
typedef enum vm_status {
#define VM_STATUS(name, number, text) VM_##name = number,
#include "aios/vm_status.def"
#undef VM_STATUS
} vm_status_t;

/* Message for a status ("out of bounds memory access"); "unknown status" for others.
 * (Symbolic names are not compiled in; tools that want them expand vm_status.def.) */
const char *vm_status_text(vm_status_t status);

#define vm_status_is_trap(s) ((s) >= 1 && (s) <= 31)
#define vm_status_is_malformed(s) ((s) >= 32 && (s) <= 63)
#define vm_status_is_invalid(s) ((s) >= 64 && (s) <= 95)
#define vm_status_is_limit(s) ((s) >= 96 && (s) <= 127)
#define vm_status_is_link(s) ((s) >= 128 && (s) <= 159)

/* Where a load, validation or link error happened. */
typedef struct vm_diag {
    vm_status_t status; /* same as the returned status */
    uint32_t offset;    /* byte offset in the module binary (0 when not tied to a byte) */
    uint32_t index;     /* import index for link errors, function index for body errors */
} vm_diag_t;

/* ------------------------------------------------------------------------------------------ */
/* Values                                                                                     */
/* ------------------------------------------------------------------------------------------ */

/* Value types, numbered as in the binary format. */
typedef enum vm_valtype {
    VM_TYPE_I32 = 0x7F,
    VM_TYPE_I64 = 0x7E,
    VM_TYPE_F32 = 0x7D,
    VM_TYPE_F64 = 0x7C,
    VM_TYPE_FUNCREF = 0x70
} vm_valtype_t;

/*
 * A value is 64 raw bits: i32 and f32 in the low 32 bits (upper bits zero), i64 and f64 in all
 * 64, floats as their IEEE-754 bit pattern (so NaN payloads survive). Use the helpers below.
 */
typedef uint64_t vm_value_t;

static inline vm_value_t vm_value_i32(uint32_t v)
{
    return (vm_value_t)v;
}
static inline vm_value_t vm_value_i64(uint64_t v)
{
    return (vm_value_t)v;
}
static inline vm_value_t vm_value_f32(float v)
{
    uint32_t bits;
    memcpy(&bits, &v, sizeof bits);
    return (vm_value_t)bits;
}
static inline vm_value_t vm_value_f64(double v)
{
    vm_value_t bits;
    memcpy(&bits, &v, sizeof bits);
    return bits;
}
static inline uint32_t vm_as_i32(vm_value_t v)
{
    return (uint32_t)v;
}
static inline uint64_t vm_as_i64(vm_value_t v)
{
    return (uint64_t)v;
}
static inline float vm_as_f32(vm_value_t v)
{
    uint32_t bits = (uint32_t)v;
    float f;
    memcpy(&f, &bits, sizeof f);
    return f;
}
static inline double vm_as_f64(vm_value_t v)
{
    double d;
    memcpy(&d, &v, sizeof d);
    return d;
}

/* ------------------------------------------------------------------------------------------ */
/* Objects shared between instances and the embedder                                         */
/* ------------------------------------------------------------------------------------------ */

typedef struct vm_module vm_module_t;     /* decoded + compiled module, lives in its arena */
typedef struct vm_instance vm_instance_t; /* instance + execution state, lives in its arena */
typedef struct vm_func vm_func_t;         /* function object: what a funcref points at */

#define VM_PAGE_SIZE 65536u
#define VM_NO_MAX 0xFFFFFFFFu /* "no maximum" for limits */

/*
 * A linear memory. The embedder owns the backing buffer `data` of `capacity` bytes; the VM
 * never moves it, so pointers into it stay valid for the memory's life. The memory's size is
 * counted in pages, but only the first min(pages * 64 KiB, capacity) bytes are accessible;
 * accesses beyond that trap (MEMORY_OUT_OF_BOUNDS), which lets small devices give a module
 * less than one page. Fields are read-only for the embedder after vm_memory_init.
 */
typedef struct vm_memory {
    uint8_t *data;
    size_t capacity; /* bytes of backing */
    size_t bytes;    /* accessible bytes = min(pages * VM_PAGE_SIZE, capacity) */
    uint32_t pages;  /* current size in pages */
    uint32_t max;    /* maximum pages (declared maximum, or VM_NO_MAX) */
} vm_memory_t;

/* A funcref table; `elems` (embedder-owned for imported tables) holds `capacity` slots. */
typedef struct vm_table {
    const vm_func_t **elems;
    uint32_t size;     /* current elements; NULL slots are uninitialised */
    uint32_t max;      /* maximum elements, or VM_NO_MAX */
    uint32_t capacity; /* slots available in elems */
} vm_table_t;

/* A global variable. */
typedef struct vm_global {
    vm_value_t value;
    uint8_t type;    /* vm_valtype_t */
    uint8_t mutable; /* 1 = var, 0 = const */
} vm_global_t;

/*
 * Initialise an embedder-owned memory of `min_pages` (max `max_pages` or VM_NO_MAX) over
 * `data[0..capacity)`, zeroing its accessible bytes.
 * Errors: BAD_ARGUMENT (data NULL with capacity > 0, min > max, max > 65536 pages).
 */
vm_status_t vm_memory_init(vm_memory_t *mem, uint8_t *data, size_t capacity, uint32_t min_pages,
                           uint32_t max_pages);

/*
 * Initialise an embedder-owned table of `min` NULL elements (max `max` or VM_NO_MAX) over
 * `storage[0..capacity)`. Errors: BAD_ARGUMENT (capacity < min, min > max).
 */
vm_status_t vm_table_init(vm_table_t *table, const vm_func_t **storage, uint32_t capacity,
                          uint32_t min, uint32_t max);

/* Initialise an embedder-owned global. */
void vm_global_init(vm_global_t *global, vm_valtype_t type, int mutable, vm_value_t value);

/* ------------------------------------------------------------------------------------------ */
/* Host functions                                                                             */
/* ------------------------------------------------------------------------------------------ */

/* What a host function asks the VM to do when it returns. */
typedef enum vm_host_action {
    VM_HOST_RETURN = 0, /* results[] are written; continue */
    VM_HOST_TRAP = 1,   /* stop with TRAP_HOST; the host keeps its own detail */
    VM_HOST_BLOCK = 2   /* suspend: vm_run returns VM_EXIT_BLOCKED, results come by vm_resume */
} vm_host_action_t;

/*
 * A host function. `inst` is the instance whose code made the call (its memory is the one to
 * use, through vm_memory_read/write/span only). `args` holds the parameters, `results` room for
 * the results; they do not overlap and are valid only during the call. The function must not
 * call vm_run/vm_invoke on `inst`.
 */
typedef vm_host_action_t (*vm_host_fn)(vm_instance_t *inst, void *user, const vm_value_t *args,
                                       vm_value_t *results);

/*
 * Host function description. The signature is two strings of type letters, checked against
 * the import's type at link time: i = i32, I = i64, f = f32, F = f64 (e.g. params "iI",
 * results "i"; "" for none).
 */
typedef struct vm_host_func {
    const char *params;
    const char *results;
    vm_host_fn fn;
    void *user;
} vm_host_func_t;

/* ------------------------------------------------------------------------------------------ */
/* Imports and exports                                                                        */
/* ------------------------------------------------------------------------------------------ */

typedef enum vm_extern_kind {
    VM_EXTERN_FUNC = 0,
    VM_EXTERN_TABLE = 1,
    VM_EXTERN_MEMORY = 2,
    VM_EXTERN_GLOBAL = 3,
    VM_EXTERN_HOST = 4 /* a host function, only in import definitions */
} vm_extern_kind_t;

/* Something an import can be bound to, or an export resolves to. */
typedef struct vm_extern {
    vm_extern_kind_t kind;
    union {
        const vm_func_t *func; /* VM_EXTERN_FUNC: a function of some instance */
        const vm_host_func_t *host;
        vm_table_t *table;
        vm_memory_t *memory;
        vm_global_t *global;
    } as;
} vm_extern_t;

/* One definition offered to the linker: module and name are NUL-terminated. */
typedef struct vm_import_def {
    const char *module;
    const char *name;
    vm_extern_t ext;
} vm_import_def_t;

/*
 * Description of a module's import or export; names point into the module bytes (not
 * NUL-terminated). `index` is the index in its space (function, table, memory or global).
 * For imports the expected type is given too: the limits of a table or memory (max VM_NO_MAX
 * when absent), the type and mutability of a global; a function's type comes from
 * vm_module_func_type(index).
 */
typedef struct vm_extern_desc {
    const char *module; /* imports only */
    uint32_t module_len;
    const char *name;
    uint32_t name_len;
    vm_extern_kind_t kind; /* FUNC, TABLE, MEMORY or GLOBAL */
    uint32_t index;
    uint32_t min, max;   /* TABLE, MEMORY imports */
    uint8_t global_type; /* GLOBAL imports: vm_valtype_t */
    uint8_t mutable;     /* GLOBAL imports */
} vm_extern_desc_t;

/* A function type; `params`/`results` are vm_valtype_t bytes inside the module arena. */
typedef struct vm_functype {
    uint32_t nparams;
    uint32_t nresults;
    const uint8_t *params;
    const uint8_t *results;
} vm_functype_t;

/* ------------------------------------------------------------------------------------------ */
/* Modules                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/*
 * Decode, validate and compile `bytes[0..len)` into `arena` (module and compiled code; the
 * arena's tail is also used as scratch while loading). `bytes` must stay valid and unchanged for
 * the module's life (names and data segments are read from it). On success *out points into the
 * arena; vm_module_arena_used() tells how much of it is kept. `diag` may be NULL.
 * Errors: BAD_ARGUMENT; any MALFORMED_*, INVALID_*, LIMIT_* (with byte offset in diag);
 * ARENA_EXHAUSTED.
 */
vm_status_t vm_module_load(vm_module_t **out, const uint8_t *bytes, size_t len, void *arena,
                           size_t arena_size, vm_diag_t *diag);

/* Bytes of the module arena in use after loading. */
size_t vm_module_arena_used(const vm_module_t *mod);

/* 64-bit FNV-1a hash of the module bytes: the module identity snapshots are checked against. */
uint64_t vm_module_hash(const vm_module_t *mod);

uint32_t vm_module_import_count(const vm_module_t *mod);
uint32_t vm_module_export_count(const vm_module_t *mod);
/* Errors: NOT_FOUND (index out of range). */
vm_status_t vm_module_import(const vm_module_t *mod, uint32_t index, vm_extern_desc_t *out);
vm_status_t vm_module_export(const vm_module_t *mod, uint32_t index, vm_extern_desc_t *out);

/* Index of the export `name[0..len)` of `kind`. Errors: NOT_FOUND. */
vm_status_t vm_module_find_export(const vm_module_t *mod, const char *name, size_t len,
                                  vm_extern_kind_t kind, uint32_t *index);

/* Type of function `func_index` (imports first). Errors: NOT_FOUND. */
vm_status_t vm_module_func_type(const vm_module_t *mod, uint32_t func_index, vm_functype_t *out);

/* Index of the start function. Errors: NOT_FOUND (the module has none). */
vm_status_t vm_module_start(const vm_module_t *mod, uint32_t *func_index);

/*
 * Declared limits of the module's own (not imported) memory, so the embedder can size its
 * backing buffer. Errors: NOT_FOUND (no memory, or the memory is imported).
 */
vm_status_t vm_module_memory(const vm_module_t *mod, uint32_t *min_pages, uint32_t *max_pages);

/* ------------------------------------------------------------------------------------------ */
/* Instances                                                                                  */
/* ------------------------------------------------------------------------------------------ */

/*
 * Quota callback for memory.grow: return nonzero to allow growing from `old_pages` to
 * `new_pages`. Called only when the grow is otherwise possible (within max and backing).
 */
typedef int (*vm_grow_fn)(void *user, uint32_t old_pages, uint32_t new_pages);

typedef struct vm_instance_config {
    uint32_t stack_slots;   /* operand stack + locals of all frames, in 8-byte values */
    uint32_t call_depth;    /* most nested wasm calls, in frames */
    uint8_t *memory;        /* backing of the module's own memory (unused if none/imported) */
    size_t memory_capacity; /* its size in bytes; may be < 64 KiB */
    vm_grow_fn grow;        /* optional quota callback; NULL allows any possible grow */
    void *user;             /* passed to grow, returned by vm_instance_user */
} vm_instance_config_t;

/* Arena bytes vm_instantiate needs for `mod` with `cfg`. Errors: BAD_ARGUMENT. */
vm_status_t vm_instance_arena_size(const vm_module_t *mod, const vm_instance_config_t *cfg,
                                   size_t *bytes);

/*
 * Link `mod` against `defs` and initialise a new instance in `arena`: each import is looked up
 * by module and name (first match) and type-checked; globals are initialised, then active
 * element and data segments are applied in order. The start function is NOT run: the embedder
 * finds it with vm_module_start and runs it like any call.
 * On success *out points into the arena.
 * Errors: BAD_ARGUMENT; ARENA_EXHAUSTED; LINK_UNKNOWN_IMPORT, LINK_INCOMPATIBLE_IMPORT
 * (diag.index = import index); LINK_MEMORY_BACKING (own memory but cfg->memory NULL while the
 * declared minimum is > 0); TRAP_TABLE_OUT_OF_BOUNDS / TRAP_MEMORY_OUT_OF_BOUNDS from a
 * segment. After a segment trap the instance is unusable, but earlier segments have been
 * written (to shared tables/memories too), and imported tables may now refer to its functions,
 * so keep the arena alive while such tables are in use.
 */
vm_status_t vm_instantiate(vm_instance_t **out, const vm_module_t *mod, const vm_import_def_t *defs,
                           size_t ndefs, const vm_instance_config_t *cfg, void *arena,
                           size_t arena_size, vm_diag_t *diag);

const vm_module_t *vm_instance_module(const vm_instance_t *inst);
void *vm_instance_user(const vm_instance_t *inst);

/* Resolve export `name[0..len)` to an extern (FUNC, TABLE, MEMORY or GLOBAL) usable as an
 * import definition of another instance. Errors: NOT_FOUND. */
vm_status_t vm_instance_export(vm_instance_t *inst, const char *name, size_t len, vm_extern_t *out);

/* The instance's memory 0 (own or imported), or NULL. */
vm_memory_t *vm_instance_memory(vm_instance_t *inst);

/* ------------------------------------------------------------------------------------------ */
/* Execution                                                                                  */
/* ------------------------------------------------------------------------------------------ */

/* Why vm_run returned. */
typedef enum vm_exit {
    VM_EXIT_DONE = 0,    /* the call finished; read vm_results */
    VM_EXIT_YIELD = 1,   /* fuel ran out or vm_preempt was called; vm_run again to continue */
    VM_EXIT_BLOCKED = 2, /* a host function blocked; vm_resume then vm_run */
    VM_EXIT_TRAP = 3     /* stopped; vm_trap tells why */
} vm_exit_t;

/*
 * Set up a call of function `func_index` (imports first) with `args` (nargs must equal the
 * parameter count). Nothing runs until vm_run. Allowed when the instance is idle, done, or
 * trapped (a trapped or abandoned call is discarded).
 * Errors: NOT_FOUND (no such function); BAD_ARGUMENT (argument count); BAD_STATE (yielded or
 * blocked call pending: finish it or vm_abort first); TRAP_STACK_EXHAUSTED (arguments do not
 * fit the stack).
 */
vm_status_t vm_invoke(vm_instance_t *inst, uint32_t func_index, const vm_value_t *args,
                      uint32_t nargs);

/*
 * Run the pending call for at most about `fuel` units (one unit is about one compiled
 * instruction; charged ahead at function entry, at every loop iteration and by bulk operations,
 * so a run stops within one function or loop body after the fuel is spent; fuel 0 stops at the
 * first check). The state stays in the instance: after YIELD the next vm_run continues exactly
 * there. Runs on the caller's C stack with bounded depth (wasm calls do not recurse in C).
 * Called again after the call ended it repeats the outcome: DONE, or TRAP with the same
 * vm_trap(); while blocked it returns BLOCKED; with no call set up it returns VM_EXIT_TRAP with
 * vm_trap() = BAD_STATE.
 */
vm_exit_t vm_run(vm_instance_t *inst, uint32_t fuel);

/* Ask the running instance to yield at its next fuel check. Safe from interrupt handlers. */
void vm_preempt(vm_instance_t *inst);

/* Fuel left from the last vm_run. */
uint32_t vm_fuel_left(const vm_instance_t *inst);

/* Status of the last trap (a TRAP_* code, or BAD_STATE for a misuse of vm_run); OK if none. */
vm_status_t vm_trap(const vm_instance_t *inst);

/* Copy the results of a finished call. Errors: BAD_STATE (not done); BAD_ARGUMENT (n differs
 * from the result count). */
vm_status_t vm_results(const vm_instance_t *inst, vm_value_t *out, uint32_t n);

/* Supply the results of the blocked host call (n = its result count); the next vm_run
 * continues after the call. Errors: BAD_STATE (not blocked); BAD_ARGUMENT (count). */
vm_status_t vm_resume(vm_instance_t *inst, const vm_value_t *results, uint32_t n);

/* Discard a pending (yielded or blocked) call; the instance becomes idle. */
void vm_abort(vm_instance_t *inst);

/* ------------------------------------------------------------------------------------------ */
/* Memory access for host functions (bounds-checked against the instance's memory 0)         */
/* ------------------------------------------------------------------------------------------ */

/* Errors: TRAP_MEMORY_OUT_OF_BOUNDS (range outside accessible bytes, or no memory). */
vm_status_t vm_memory_read(vm_instance_t *inst, uint32_t addr, void *dst, uint32_t len);
vm_status_t vm_memory_write(vm_instance_t *inst, uint32_t addr, const void *src, uint32_t len);

/* Pointer to memory[addr..addr+len) if in bounds, else NULL. Stays valid for the memory's
 * life (backing never moves), but its bytes are the guest's: copy before validating. */
void *vm_memory_span(vm_instance_t *inst, uint32_t addr, uint32_t len);

/* ------------------------------------------------------------------------------------------ */
/* Snapshots                                                                                  */
/* ------------------------------------------------------------------------------------------ */

/*
 * A snapshot holds an instance's memory, globals, table, dropped segments and execution state
 * (stack, frames, pc, pending host call) in a portable little-endian byte format tagged with
 * the module hash. It can be restored into a fresh instance of the same module made with the
 * same stack configuration, which then continues where the original stopped (a yielded run
 * continues on vm_run, a blocked one after vm_resume).
 * State that lives outside the instance cannot be saved (SNAPSHOT_UNSUPPORTED): an imported
 * memory or table, an imported mutable global, a pending frame of another instance's function,
 * or a table slot holding a function the instance neither defines nor imports.
 */

/* Bytes vm_snapshot_save will write now. Errors: BAD_STATE (running), SNAPSHOT_UNSUPPORTED. */
vm_status_t vm_snapshot_size(const vm_instance_t *inst, size_t *bytes);

/* Errors: BUFFER_TOO_SMALL; BAD_STATE (called from inside vm_run); SNAPSHOT_UNSUPPORTED. */
vm_status_t vm_snapshot_save(const vm_instance_t *inst, void *buf, size_t cap, size_t *written);

/*
 * Replace `inst`'s state with the snapshot. Errors: SNAPSHOT_MISMATCH (other module, stack
 * configuration, or memory capacity too small); SNAPSHOT_CORRUPT; BAD_STATE (running).
 */
vm_status_t vm_snapshot_restore(vm_instance_t *inst, const void *buf, size_t len);

#ifdef __cplusplus
}
#endif

#endif
