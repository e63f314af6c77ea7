/* Fault entry: each exception finds the stacked frame (MSP or PSP, from EXC_RETURN bit 2),
 * decodes the fault status registers and hands a record to the core, then resets.
 * ARMv7-M and ARMv8-M Mainline have the configurable faults and their status registers (CFSR,
 * HFSR, MMFAR, BFAR at the same addresses, with the same bits we read); ARMv6-M (Cortex-M0+)
 * has neither: every fault is a HardFault and the record carries only the stacked frame. */
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
    record.cfsr = 0;
    record.hfsr = 0;
    record.address = 0;
#if HAL_HAS_CONFIGURABLE_FAULTS
    record.cfsr = SCB_CFSR;
    record.hfsr = SCB_HFSR;
    if ((record.cfsr & SCB_CFSR_MMARVALID) != 0) {
        record.address = SCB_MMFAR;
    } else if ((record.cfsr & SCB_CFSR_BFARVALID) != 0) {
        record.address = SCB_BFAR;
    }
#endif
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
#if HAL_HAS_CONFIGURABLE_FAULTS
    /* Without these, every fault escalates to HardFault and loses its class. */
    SCB_SHCSR |= SCB_SHCSR_FAULTS_ENABLE;
    SCB_CCR |= SCB_CCR_DIV_0_TRP;
#endif
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
