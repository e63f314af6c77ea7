/* Fault entry: each exception finds the stacked frame (MSP or PSP, from EXC_RETURN bit 2),
 * decodes the fault status registers and hands a record to the core, then resets. */
#include "hal/fault.h"

#include "armv7m.h"
#include "hal/cpu.h"
#include "vectors.h"

enum { STACKED_LR = 5, STACKED_PC = 6, STACKED_XPSR = 7 };

void hal_fault_decode(const uint32_t *frame, uint32_t kind)
{
    hal_fault_record_t record;
    record.kind = (aios_fault_kind_t)kind;
    record.pc = frame[STACKED_PC];
    record.lr = frame[STACKED_LR];
    record.xpsr = frame[STACKED_XPSR];
    record.cfsr = SCB_CFSR;
    record.hfsr = SCB_HFSR;
    record.address = 0;
    if ((record.cfsr & SCB_CFSR_MMARVALID) != 0) {
        record.address = SCB_MMFAR;
    } else if ((record.cfsr & SCB_CFSR_BFARVALID) != 0) {
        record.address = SCB_BFAR;
    }
    core_fault_report(&record);
    hal_reset(AIOS_RESET_CAUSE_FAULT);
}

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
                       "ldr r2, =hal_fault_decode\n"                                               \
                       "bx r2\n" ::"i"(kind));                                                     \
    }

FAULT_ENTRY(hal_fault_entry_hard, AIOS_FAULT_KIND_HARD_FAULT)
FAULT_ENTRY(hal_fault_entry_mem_manage, AIOS_FAULT_KIND_MEM_MANAGE)
FAULT_ENTRY(hal_fault_entry_bus, AIOS_FAULT_KIND_BUS_FAULT)
FAULT_ENTRY(hal_fault_entry_usage, AIOS_FAULT_KIND_USAGE_FAULT)

void hal_fault_init(void)
{
#if defined(__ARM_ARCH_7M__) || defined(__ARM_ARCH_7EM__) || defined(__ARM_ARCH_8M_MAIN__)
    /* Without these, every fault escalates to HardFault and loses its class. */
    SCB_SHCSR |= SCB_SHCSR_FAULTS_ENABLE;
    SCB_CCR |= SCB_CCR_DIV_0_TRP;
#endif
}

/* An address no MPS2 peripheral or memory decodes, so a read raises a precise BusFault. */
#define UNMAPPED_ADDRESS 0x30000000u
/* The System region is execute-never in the default memory map: fetching there is a
 * MemManage instruction access violation. */
#define EXECUTE_NEVER_ADDRESS 0xE0000000u

void hal_fault_inject(aios_fault_kind_t kind)
{
    switch (kind) {
    case AIOS_FAULT_KIND_BUS_FAULT:
        (void)HAL_REG32(UNMAPPED_ADDRESS);
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
