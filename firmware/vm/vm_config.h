/*
 * Build-time limits and knobs of the VM. Every limit is checked where a module or instance
 * would exceed it and reported with its own status code (VM_ERR_LIMIT_*), never by a crash.
 * Override any of them with -D on the compiler command line.
 */
#ifndef AIOS_VM_CONFIG_H
#define AIOS_VM_CONFIG_H

/* Largest module binary accepted by vm_module_load, in bytes. */
#ifndef VM_MAX_MODULE_BYTES
#define VM_MAX_MODULE_BYTES (16u * 1024u * 1024u)
#endif

/* Most types in the type section, in entries. */
#ifndef VM_MAX_TYPES
#define VM_MAX_TYPES 4096u
#endif

/* Most parameters or results of one function type, in values. */
#ifndef VM_MAX_TYPE_ARITY
#define VM_MAX_TYPE_ARITY 1000u
#endif

/* Most functions (imported + defined) of one module, in functions. */
#ifndef VM_MAX_FUNCTIONS
#define VM_MAX_FUNCTIONS 65536u
#endif

/* Most imports, exports, globals, element or data segments of one module, each in entries. */
#ifndef VM_MAX_ENTRIES
#define VM_MAX_ENTRIES 65536u
#endif

/* Most locals of one function including its parameters, in values. */
#ifndef VM_MAX_LOCALS
#define VM_MAX_LOCALS 16384u
#endif

/* Highest operand stack of one function, in values. */
#ifndef VM_MAX_STACK_HEIGHT
#define VM_MAX_STACK_HEIGHT 16384u
#endif

/* Deepest nesting of blocks, loops and ifs in one function, in labels. */
#ifndef VM_MAX_NESTING
#define VM_MAX_NESTING 1024u
#endif

/* Largest compiled form of a whole module, in 32-bit cells (operands hold 24-bit code indices). */
#ifndef VM_MAX_CODE_CELLS
#define VM_MAX_CODE_CELLS 0xFFFFFFu
#endif

/* Largest table a module may declare for itself, in elements. */
#ifndef VM_MAX_TABLE_ELEMENTS
#define VM_MAX_TABLE_ELEMENTS 1000000u
#endif

/* Most pages of linear memory an instance may ever have, in 64 KiB pages. */
#ifndef VM_MAX_MEMORY_PAGES
#define VM_MAX_MEMORY_PAGES 65536u
#endif

/* Most distinct constants of one function kept in frame slots (copied in on every call) so
 * that instructions read them like locals; further constants are materialised per use. */
#ifndef VM_MAX_POOL
#define VM_MAX_POOL 64u
#endif

/* Fuel charged per byte moved by memory.copy/fill/init and per element of table ops, as a shift:
 * one unit per (1 << VM_BULK_FUEL_SHIFT) bytes or elements. */
#ifndef VM_BULK_FUEL_SHIFT
#define VM_BULK_FUEL_SHIFT 6u
#endif

/* Dispatch of the interpreter loop: 1 = token-threaded computed goto (labels-as-values, GNU C),
 * 0 = portable C99 switch. Chosen by measurement (README.md): computed goto executes ~26% fewer
 * instructions, the switch is ~3 KiB smaller on Cortex-M; so goto where the build optimizes for
 * speed, switch where it optimizes for size (-Os) or the compiler lacks labels-as-values. */
#ifndef VM_COMPUTED_GOTO
#if defined(__GNUC__) && !defined(__OPTIMIZE_SIZE__)
#define VM_COMPUTED_GOTO 1
#else
#define VM_COMPUTED_GOTO 0
#endif
#endif

#endif
