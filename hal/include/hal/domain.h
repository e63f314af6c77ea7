/*
 * Fault domains: a hardware fence around the native code that acts for one agent (the VM
 * interpreting it, the loader compiling its image). Optional: a port without the hardware
 * returns HAL_DOMAIN_NOT_SUPPORTED from hal_domain_init, and the core then relies on the VM's
 * software isolation alone and says so at boot.
 *
 * A domain is one range of memory: an agent's slot (its module arena, instance arena and linear
 * memory). hal_domain_run(domain, fn, context) calls fn(context) inside the domain:
 *
 *   Cortex-M (PMSAv7, PMSAv8)  the CPU runs unprivileged, on an interpreter stack the port owns
 *                              (one per nesting level). The MPU lets it read and execute flash
 *                              and read and write the domain and that stack; any other access
 *                              (kernel RAM, other slots, peripherals) faults. Interrupt handlers
 *                              stay privileged on the main stack.
 *   POSIX                      the fenced ranges (hal_domain_fence) except the domain's own
 *                              bytes are PROT_NONE. Memory nobody fenced stays accessible, and
 *                              signal handlers run with the fences in place.
 *
 * Code inside a domain reaches everything else only through hal_domain_call(fn, context), which
 * runs fn outside the domain (Cortex-M: SVC regains privilege and fn runs on the main stack;
 * POSIX: the fences are lifted) and enters the domain again when fn returns. Only values pass
 * through: `context` must be memory the domain can read (its own range, or a local of the
 * code inside), and fn's result comes back as the return value, so nothing outside ever writes
 * through a pointer the domain handed it.
 *
 * A CPU fault taken by code inside a domain (MemManage, BusFault, UsageFault, HardFault;
 * SIGSEGV, SIGBUS), outside any hal_domain_call, does not reset the board: hal_domain_run
 * returns HAL_DOMAIN_FAULTED with the decoded record and core_fault_report is not called. What
 * fn was doing is abandoned mid-way, so the caller must treat the domain's memory as garbage.
 * A fault anywhere else keeps the behaviour of hal/fault.h (report, then reset).
 *
 * Nesting: fn may call hal_domain_call, whose fn may call hal_domain_run again (the kernel
 * instantiates one agent while another one's syscall is in progress), up to HAL_DOMAIN_DEPTH
 * runs deep. Thread context only; none of these calls is allowed from an interrupt handler.
 */
#ifndef HAL_DOMAIN_H
#define HAL_DOMAIN_H

#include "hal/fault.h"

#include <stddef.h>
#include <stdint.h>

#define HAL_DOMAIN_OK 0
#define HAL_DOMAIN_FAULTED 1
#define HAL_DOMAIN_NOT_SUPPORTED (-1)
#define HAL_DOMAIN_BAD_RANGE (-2)
#define HAL_DOMAIN_BUSY (-3)

/* Deepest nesting of hal_domain_run, in runs. */
#define HAL_DOMAIN_DEPTH 2u
/* Ranges hal_domain_fence can hold. */
#define HAL_DOMAIN_FENCES 4u

/*
 * Geometry, from the build (hal/CMakeLists.txt) for the board's port:
 *   HAL_DOMAIN_GRANULE  a domain's base and size are multiples of this many bytes
 *   HAL_DOMAIN_POW2     1 when a domain's size must also be a power of two and its base a
 *                       multiple of its size (PMSAv7 regions)
 *   HAL_FENCE_GRANULE   a fenced range's base and size are multiples of this many bytes
 * Ports without domains use 8 (the VM's arena alignment) and no power of two.
 */
#ifndef HAL_DOMAIN_GRANULE
#define HAL_DOMAIN_GRANULE 8u
#endif
#ifndef HAL_DOMAIN_POW2
#define HAL_DOMAIN_POW2 0
#endif
#ifndef HAL_FENCE_GRANULE
#define HAL_FENCE_GRANULE 8u
#endif

#define HAL_ROUND_UP(bytes, granule) (((bytes) + (granule)-1u) / (granule) * (granule))
/* The next power of two of a constant (at least 1): fill every bit below the highest one. */
#define HAL_SMEAR1(x) ((x) | ((x) >> 1))
#define HAL_SMEAR2(x) (HAL_SMEAR1(x) | (HAL_SMEAR1(x) >> 2))
#define HAL_SMEAR4(x) (HAL_SMEAR2(x) | (HAL_SMEAR2(x) >> 4))
#define HAL_SMEAR8(x) (HAL_SMEAR4(x) | (HAL_SMEAR4(x) >> 8))
#define HAL_SMEAR16(x) (HAL_SMEAR8(x) | (HAL_SMEAR8(x) >> 16))
#define HAL_POW2_CEIL(bytes) (HAL_SMEAR16((uint32_t)(bytes)-1u) + 1u)

/* Bytes to reserve for a domain holding `bytes`, and the alignment its base needs. Both are
 * integer constant expressions when `bytes` is (array sizes, aligned attributes). */
#if HAL_DOMAIN_POW2
#define HAL_DOMAIN_SIZE(bytes) HAL_POW2_CEIL(HAL_ROUND_UP(bytes, HAL_DOMAIN_GRANULE))
#define HAL_DOMAIN_ALIGN(bytes) HAL_DOMAIN_SIZE(bytes)
#else
#define HAL_DOMAIN_SIZE(bytes) HAL_ROUND_UP(bytes, HAL_DOMAIN_GRANULE)
#define HAL_DOMAIN_ALIGN(bytes) HAL_DOMAIN_GRANULE
#endif
/* Bytes to reserve for a fenced range holding `bytes`; its base needs HAL_FENCE_GRANULE. */
#define HAL_FENCE_SIZE(bytes) HAL_ROUND_UP(bytes, HAL_FENCE_GRANULE)

/* A configured domain. The caller owns it; the port fills it in hal_domain_configure and only
 * reads it afterwards, so it must stay valid and unchanged while the domain can run. */
typedef struct {
    uintptr_t base;
    size_t bytes;
    uint32_t port[2]; /* the port's precomputed hardware description (MPU registers) */
} hal_domain_t;

/* Code to run inside a domain (or, through hal_domain_call, outside it). */
typedef uint32_t (*hal_domain_fn)(void *context);

/*
 * Checks the hardware and sets the port up. Call once at boot, before the other calls.
 * Returns HAL_DOMAIN_OK, or HAL_DOMAIN_NOT_SUPPORTED (no MPU, or one this port does not drive,
 * or a memory map it cannot describe); every other call then returns NOT_SUPPORTED too, except
 * hal_domain_call, which just calls fn.
 */
int hal_domain_init(void);

/*
 * Declares memory that no domain may touch, except the part a domain itself covers (the slots
 * of all agents are fenced as one range, and each agent's own slot is its domain). Boot only.
 * Cortex-M: everything outside a domain is already out of reach, so this only checks the
 * range. POSIX: these ranges are what PROT_NONE covers while a domain runs.
 * Returns HAL_DOMAIN_OK; HAL_DOMAIN_BAD_RANGE (base or size not a multiple of
 * HAL_FENCE_GRANULE, or empty); HAL_DOMAIN_BUSY (HAL_DOMAIN_FENCES ranges already);
 * HAL_DOMAIN_NOT_SUPPORTED.
 */
int hal_domain_fence(void *base, size_t bytes);

/*
 * Fills `domain` to cover [base, base + bytes). Reserve the memory with HAL_DOMAIN_SIZE and
 * HAL_DOMAIN_ALIGN. Returns HAL_DOMAIN_OK; HAL_DOMAIN_BAD_RANGE (misaligned, wrong size, or
 * outside the RAM the port knows); HAL_DOMAIN_NOT_SUPPORTED.
 */
int hal_domain_configure(hal_domain_t *domain, void *base, size_t bytes);

/*
 * Calls fn(context) inside `domain` and waits for it. Returns:
 *   HAL_DOMAIN_OK             fn returned; *result holds its value
 *   HAL_DOMAIN_FAULTED        fn took a CPU fault; *fault holds the record (the PC, LR and
 *                             address are those of the faulting access; the PC is 0 when the
 *                             fault was the interpreter stack overflowing, which leaves no
 *                             frame to read)
 *   HAL_DOMAIN_BUSY           already HAL_DOMAIN_DEPTH runs deep; fn was not called
 *   HAL_DOMAIN_NOT_SUPPORTED  fn was not called
 * `context` must be readable inside the domain.
 */
int hal_domain_run(const hal_domain_t *domain, hal_domain_fn fn, void *context, uint32_t *result,
                   hal_fault_record_t *fault);

/*
 * From inside a domain: calls fn(context) outside it (privileged, on the main stack; fences
 * lifted) and returns fn's value once back inside. Anywhere else, just calls fn. A fault in fn
 * is not the domain's: it is reported and resets the board.
 */
uint32_t hal_domain_call(hal_domain_fn fn, void *context);

#endif
