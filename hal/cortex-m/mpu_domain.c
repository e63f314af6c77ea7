/* Fault domains on ARMv7-M and ARMv8-M Mainline. hal_domain_run saves the callee-saved
 * registers on the main stack, remembers where (the recovery point), and calls fn in thread
 * mode, unprivileged, on an interpreter stack of its nesting level, with the MPU (mpu_pmsav7.c,
 * mpu_pmsav8.c) allowing that code only flash, the domain and that stack. The way back is an
 * SVC from one of two gates: the end of domain_switch (fn returned) and domain_call_gate
 * (hal_domain_call); the SVC handler lifts the privilege only for those two addresses.
 *
 * A fault taken by unprivileged thread code (only domains run unprivileged) is the domain's:
 * the fault handler records it, and instead of resetting makes an exception return, privileged,
 * to hal_domain_resume on the main stack at the recovery point, which unwinds domain_switch as
 * if fn had returned. Interrupt handlers are untouched: they stay privileged on the main stack,
 * and the hardware stacks the interrupted context on the interpreter stack. */
#include "hal/domain.h"

#include "armv7m.h"
#include "mpu.h"
#include "vectors.h"

#include <stdbool.h>

/* Each level's interpreter stack, in bytes: a power of two, as the PMSAv7 region over it must
 * be. The deepest use measured is 1.2 KiB (the loader compiling an image, on M3 and M4), plus
 * an exception frame of up to 104 bytes; board.json "mpu" {"stackBytes"} may trade the default
 * margin for RAM. */
#ifndef AIOS_DOMAIN_STACK_BYTES
#define AIOS_DOMAIN_STACK_BYTES 4096u
#endif
#define INTERPRETER_STACK_BYTES AIOS_DOMAIN_STACK_BYTES

/* The naked functions below name their parameters for the reader; only the assembly uses them. */
#define ASM_ARG __attribute__((unused))

#define EXC_RETURN_THREAD_PSP 0xCu /* bits 3 (thread mode) and 2 (process stack) */
#define EXC_RETURN_MAIN_STACK 0x4u
#define EXC_RETURN_BASIC_FRAME 0x10u
#define CONTROL_NPRIV 1u
#define XPSR_THUMB (1u << 24)
#define FPCCR HAL_REG32(0xE000EF34u)
#define FPCCR_LSPACT 1u

enum { FRAME_WORDS = 8, FRAME_PC = 6, FRAME_XPSR = 7 };

typedef struct {
    uint32_t saved_msp; /* the main stack holding domain_switch's saved registers */
    const hal_domain_t *domain;
    hal_fault_record_t *fault;
    volatile bool faulted;
} level_t;

static uint64_t interpreter_stacks[HAL_DOMAIN_DEPTH][INTERPRETER_STACK_BYTES / 8u]
    __attribute__((aligned(INTERPRETER_STACK_BYTES)));
static hal_domain_t stack_regions[HAL_DOMAIN_DEPTH];
static level_t levels[HAL_DOMAIN_DEPTH];
static volatile uint32_t depth;
static size_t fence_count;
static bool ready;

/* Labels inside the assembly below: the gates' return addresses and the recovery entry. */
extern const char hal_domain_gate_exit[];
extern const char hal_domain_gate_call[];
extern const char hal_domain_resume[];

/* Calls fn(context) unprivileged on the stack ending at stack_top and comes back privileged on
 * the main stack; *saved_msp receives the recovery point. Saved there too: the process stack
 * pointer (a nested run replaces the one of the run it is nested in) and the FP callee-saved
 * registers (a fault abandons fn without restoring them). */
__attribute__((naked, noinline)) static uint32_t domain_switch(ASM_ARG hal_domain_fn fn,
                                                               ASM_ARG void *context,
                                                               ASM_ARG uint32_t stack_top,
                                                               ASM_ARG uint32_t *saved_msp)
{
    __asm volatile("mrs ip, psp\n"
                   "push {r4-r11, ip, lr}\n"
#if defined(__ARM_FP)
                   "vpush {d8-d15}\n"
#endif
                   "mov ip, sp\n"
                   "str ip, [r3]\n"
                   "msr psp, r2\n"
                   "mov ip, r0\n"
                   "mov r0, r1\n"
                   "mrs r1, control\n"
                   "orr r1, r1, #3\n" /* SPSEL: the interpreter stack; nPRIV: unprivileged */
                   "msr control, r1\n"
                   "isb\n"
                   "blx ip\n"
                   "svc #0\n"
                   ".global hal_domain_gate_exit\n"
                   "hal_domain_gate_exit:\n"
                   "mrs r1, control\n"
                   "bic r1, r1, #2\n" /* back on the main stack, at the saved registers */
                   "msr control, r1\n"
                   "isb\n"
                   ".global hal_domain_resume\n"
                   "hal_domain_resume:\n"
#if defined(__ARM_FP)
                   "vpop {d8-d15}\n"
#endif
                   "pop {r4-r11, ip, lr}\n"
                   "msr psp, ip\n"
                   "bx lr\n");
}

/* From inside a domain: fn(context) privileged on the main stack (which the kernel's frames
 * above the recovery point own), then unprivileged on the interpreter stack again. */
__attribute__((naked, noinline)) static uint32_t domain_call_gate(ASM_ARG hal_domain_fn fn,
                                                                  ASM_ARG void *context)
{
    __asm volatile("push {r4, lr}\n"
                   "svc #1\n"
                   ".global hal_domain_gate_call\n"
                   "hal_domain_gate_call:\n"
                   "mrs r4, control\n"
                   "bic r4, r4, #2\n"
                   "msr control, r4\n"
                   "isb\n"
                   "mov ip, r0\n"
                   "mov r0, r1\n"
                   "blx ip\n"
                   "mrs r4, control\n"
                   "orr r4, r4, #3\n"
                   "msr control, r4\n"
                   "isb\n"
                   "pop {r4, pc}\n");
}

/* Enters hal_domain_resume through an exception return: `frame` is a basic exception frame on
 * the main stack, `exc_return` says thread mode, main stack, basic frame. On ARMv8-M the fault
 * entry lowered the stack limit to run on the fault stack; `limit` puts it back, once the stack
 * pointer is above it again. */
__attribute__((naked, noinline)) static void
leave_fault(ASM_ARG uint32_t *frame, ASM_ARG uint32_t exc_return, ASM_ARG uint32_t limit)
{
    __asm volatile("msr msp, r0\n"
#if defined(__ARM_ARCH_8M_MAIN__)
                   "msr msplim, r2\n"
#endif
                   "bx r1\n");
}

uint32_t hal_stack_bottom(void)
{
    extern uint32_t __stack_top[];
    return (uint32_t)(uintptr_t)__stack_top - AIOS_STACK_BYTES;
}

static bool unprivileged(void)
{
    uint32_t control;
    __asm volatile("mrs %0, control" : "=r"(control));
    return (control & CONTROL_NPRIV) != 0;
}

static void set_privileged(void)
{
    uint32_t control;
    __asm volatile("mrs %0, control" : "=r"(control));
    control &= ~CONTROL_NPRIV;
    __asm volatile("msr control, %0\n isb" ::"r"(control) : "memory");
}

static bool from_domain(uint32_t exc_return)
{
    return depth > 0 && (exc_return & EXC_RETURN_THREAD_PSP) == EXC_RETURN_THREAD_PSP &&
           unprivileged();
}

int hal_domain_init(void)
{
    if (hal_mpu_setup() != 0) {
        return HAL_DOMAIN_NOT_SUPPORTED;
    }
    for (size_t i = 0; i < HAL_DOMAIN_DEPTH; i++) {
        if (hal_mpu_describe(&stack_regions[i], (uintptr_t)interpreter_stacks[i],
                             sizeof interpreter_stacks[i]) != 0) {
            return HAL_DOMAIN_NOT_SUPPORTED;
        }
    }
    ready = true;
    return HAL_DOMAIN_OK;
}

int hal_domain_fence(void *base, size_t bytes)
{
    if (!ready) {
        return HAL_DOMAIN_NOT_SUPPORTED;
    }
    if (bytes == 0 || (uintptr_t)base % HAL_FENCE_GRANULE != 0 || bytes % HAL_FENCE_GRANULE != 0) {
        return HAL_DOMAIN_BAD_RANGE;
    }
    if (fence_count == HAL_DOMAIN_FENCES) {
        return HAL_DOMAIN_BUSY;
    }
    /* Nothing to program: unprivileged code reaches no RAM but its domain and stack. */
    fence_count++;
    return HAL_DOMAIN_OK;
}

int hal_domain_configure(hal_domain_t *domain, void *base, size_t bytes)
{
    if (!ready) {
        return HAL_DOMAIN_NOT_SUPPORTED;
    }
    return hal_mpu_describe(domain, (uintptr_t)base, bytes) == 0 ? HAL_DOMAIN_OK
                                                                 : HAL_DOMAIN_BAD_RANGE;
}

int hal_domain_run(const hal_domain_t *domain, hal_domain_fn fn, void *context, uint32_t *result,
                   hal_fault_record_t *fault)
{
    uint32_t level = depth;
    if (!ready) {
        return HAL_DOMAIN_NOT_SUPPORTED;
    }
    if (level == HAL_DOMAIN_DEPTH) {
        return HAL_DOMAIN_BUSY;
    }
    level_t *l = &levels[level];
    l->domain = domain;
    l->fault = fault;
    l->faulted = false;
    hal_mpu_load(domain, &stack_regions[level]);
    depth = level + 1u;
    uint32_t top = (uint32_t)(uintptr_t)interpreter_stacks[level] + INTERPRETER_STACK_BYTES;
    uint32_t value = domain_switch(fn, context, top, &l->saved_msp);
    depth = level;
    if (level > 0) {
        /* Back inside the enclosing run's hal_domain_call: its regions again. */
        hal_mpu_load(levels[level - 1u].domain, &stack_regions[level - 1u]);
    }
    if (l->faulted) {
        return HAL_DOMAIN_FAULTED;
    }
    *result = value;
    return HAL_DOMAIN_OK;
}

uint32_t hal_domain_call(hal_domain_fn fn, void *context)
{
    return unprivileged() ? domain_call_gate(fn, context) : fn(context);
}

/* The SVC handler's C half, with the caller's exception frame. */
void hal_domain_gate(const uint32_t *frame, uint32_t exc_return);
void hal_domain_gate(const uint32_t *frame, uint32_t exc_return)
{
    uintptr_t pc = frame[FRAME_PC];
    if (from_domain(exc_return) &&
        (pc == (uintptr_t)hal_domain_gate_exit || pc == (uintptr_t)hal_domain_gate_call)) {
        set_privileged();
        return;
    }
    /* An svc anywhere else is no way in: the fault of whoever issued it. */
    hal_fault_decode(frame, AIOS_FAULT_KIND_HARD_FAULT, exc_return);
}

__attribute__((naked)) void hal_svc_handler(void)
{
    __asm volatile("tst lr, #4\n"
                   "ite eq\n"
                   "mrseq r0, msp\n"
                   "mrsne r0, psp\n"
                   "mov r1, lr\n"
                   "b hal_domain_gate\n");
}

void hal_domain_claim(const hal_fault_record_t *record, uint32_t exc_return)
{
    if (!from_domain(exc_return)) {
        return;
    }
    level_t *l = &levels[depth - 1u];
    *l->fault = *record;
    l->faulted = true;
    /* Status bits stay set until written back; the next fault must not inherit these. */
    SCB_CFSR = SCB_CFSR;
    SCB_HFSR = SCB_HFSR;
#if defined(__ARM_FP)
    /* The abandoned context's lazily preserved FP state will never be restored. */
    FPCCR &= ~FPCCR_LSPACT;
#endif
    set_privileged();
    uint32_t *frame = (uint32_t *)(uintptr_t)(l->saved_msp - FRAME_WORDS * 4u);
    for (int i = 0; i < FRAME_WORDS; i++) {
        frame[i] = 0;
    }
    frame[FRAME_PC] = (uint32_t)(uintptr_t)hal_domain_resume;
    frame[FRAME_XPSR] = XPSR_THUMB;
    leave_fault(frame, (exc_return | EXC_RETURN_BASIC_FRAME) & ~EXC_RETURN_MAIN_STACK,
                hal_stack_bottom());
}
