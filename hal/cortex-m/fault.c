/* Fault entry: each exception finds the stacked frame (MSP or PSP, from EXC_RETURN bit 2),
 * moves to a stack of its own (the main stack may be the one that overflowed), decodes the
 * fault status registers, offers the record to the fault domain that took it (mpu_domain.c,
 * which recovers and does not return), and otherwise hands it to the core and resets.
 * ARMv7-M and ARMv8-M Mainline have the configurable faults and their status registers (CFSR,
 * HFSR, MMFAR, BFAR at the same addresses, with the same bits we read); ARMv6-M (Cortex-M0+)
 * has neither: every fault is a HardFault and the record carries only the stacked frame. */
#include "hal/fault.h"

#include "armv7m.h"
#include "hal/cpu.h"
#include "mpu.h"
#include "vectors.h"

enum { STACKED_LR = 5, STACKED_PC = 6, STACKED_XPSR = 7 };

/* Failed exception stacking or unstacking (MSTKERR, MUNSTKERR, STKERR, UNSTKERR) and, on
 * ARMv8-M, a stack-limit violation (STKOF): the frame holds nothing, or sits where reading it
 * faults again (the guard). */
#define CFSR_FRAME_LOST ((1u << 3) | (1u << 4) | (1u << 11) | (1u << 12) | (1u << 20))

/* The fault handlers' own stack, 8-byte aligned as the ABI wants. */
#define FAULT_STACK_BYTES 1024
uint64_t hal_fault_stack[FAULT_STACK_BYTES / 8];

void hal_fault_decode(const uint32_t *frame, uint32_t kind, uint32_t exc_return)
{
    hal_fault_record_t record;
    int frame_valid = 1;
    record.kind = (aios_fault_kind_t)kind;
    record.pc = 0;
    record.lr = 0;
    record.xpsr = 0;
    record.cfsr = 0;
    record.hfsr = 0;
    record.address = 0;
#if HAL_HAS_CONFIGURABLE_FAULTS
    record.cfsr = SCB_CFSR;
    record.hfsr = SCB_HFSR;
    frame_valid = (record.cfsr & CFSR_FRAME_LOST) == 0;
    if ((record.cfsr & SCB_CFSR_MMARVALID) != 0) {
        record.address = SCB_MMFAR;
    } else if ((record.cfsr & SCB_CFSR_BFARVALID) != 0) {
        record.address = SCB_BFAR;
    } else if (!frame_valid) {
        /* A stack overflow: where the stack pointer was when the frame did not fit. */
        record.address = (uint32_t)(uintptr_t)frame;
    }
#endif
    if (frame_valid) {
        record.pc = frame[STACKED_PC];
        record.lr = frame[STACKED_LR];
        record.xpsr = frame[STACKED_XPSR];
    }
    hal_domain_claim(&record, exc_return);
    core_fault_report(&record);
    hal_reset(AIOS_RESET_CAUSE_FAULT);
}

#define STRINGIFY(x) #x
#define TEXT(x) STRINGIFY(x)
/* ARMv8-M checks the main stack pointer against MSPLIM, which the fault stack lies below. */
#if defined(__ARM_ARCH_8M_MAIN__)
#define LOWER_STACK_LIMIT "ldr r3, =hal_fault_stack\n msr msplim, r3\n"
#else
#define LOWER_STACK_LIMIT ""
#endif

/* The sequence uses only ARMv6-M instructions so that one entry serves every core. */
#define FAULT_ENTRY(name, kind)                                                                    \
    __attribute__((naked)) void name(void)                                                         \
    {                                                                                              \
        __asm volatile("movs r0, #4\n"                                                             \
                       "mov r1, lr\n"                                                              \
                       "tst r0, r1\n"                                                              \
                       "beq 1f\n"                                                                  \
                       "mrs r0, psp\n"                                                             \
                       "b 2f\n"                                                                    \
                       "1: mrs r0, msp\n"                                                          \
                       "2: movs r1, %0\n"                                                          \
                       "mov r2, lr\n" LOWER_STACK_LIMIT "ldr r3, =hal_fault_stack + " TEXT(        \
                           FAULT_STACK_BYTES) "\n"                                                 \
                                              "mov sp, r3\n"                                       \
                                              "ldr r3, =hal_fault_decode\n"                        \
                                              "bx r3\n" ::"i"(kind));                              \
    }

FAULT_ENTRY(hal_fault_entry_hard, AIOS_FAULT_KIND_HARD_FAULT)
FAULT_ENTRY(hal_fault_entry_mem_manage, AIOS_FAULT_KIND_MEM_MANAGE)
FAULT_ENTRY(hal_fault_entry_bus, AIOS_FAULT_KIND_BUS_FAULT)
FAULT_ENTRY(hal_fault_entry_usage, AIOS_FAULT_KIND_USAGE_FAULT)

void hal_fault_init(void)
{
#if HAL_HAS_CONFIGURABLE_FAULTS
    /* Without these, every fault escalates to HardFault and loses its class. */
    SCB_SHCSR |= SCB_SHCSR_FAULTS_ENABLE;
    SCB_CCR |= SCB_CCR_DIV_0_TRP;
#endif
    hal_stack_guard_init();
}

/* The System region is execute-never in the default memory map: fetching there is a
 * MemManage instruction access violation. */
#define EXECUTE_NEVER_ADDRESS 0xE0000000u

void hal_fault_inject(aios_fault_kind_t kind)
{
    switch (kind) {
    case AIOS_FAULT_KIND_BUS_FAULT:
        /* The board's unmappedAddress: nothing decodes it, so the read raises a precise
         * BusFault (a HardFault on ARMv6-M). */
        (void)HAL_REG32(AIOS_UNMAPPED_ADDRESS);
        break;
    case AIOS_FAULT_KIND_MEM_MANAGE: {
        void (*jump)(void) = (void (*)(void))(uintptr_t)(EXECUTE_NEVER_ADDRESS | 1u);
        jump();
        break;
    }
    case AIOS_FAULT_KIND_USAGE_FAULT:
        __asm volatile("udf #0");
        break;
    default:
        break;
    }
}
