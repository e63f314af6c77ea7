/*
 * CPU fault entry. Mandatory on every port.
 *
 * The port catches the exception (Cortex-M: HardFault, MemManage, BusFault, UsageFault;
 * POSIX: SIGSEGV, SIGBUS), decodes it into a hal_fault_record_t and calls the core's
 * core_fault_report() from the fault context, which may only use hal_uart_write and
 * hal_clock_us. When core_fault_report returns, the port resets with AIOS_RESET_CAUSE_FAULT.
 */
#ifndef HAL_FAULT_H
#define HAL_FAULT_H

#include "aios/generated/protocol.h"

#include <stdint.h>

typedef struct {
    aios_fault_kind_t kind;
    uint32_t pc;      /* faulting instruction (stacked PC; POSIX: low 32 bits of the PC) */
    uint32_t lr;      /* stacked LR; 0 where the port has none */
    uint32_t xpsr;    /* stacked xPSR; POSIX: the signal's si_code */
    uint32_t cfsr;    /* SCB->CFSR; POSIX: the signal number */
    uint32_t hfsr;    /* SCB->HFSR; 0 on POSIX */
    uint32_t address; /* MMFAR or BFAR when valid, si_addr on POSIX, else 0 */
} hal_fault_record_t;

/* Installs the fault handlers and enables the configurable fault exceptions. */
void hal_fault_init(void);

/* Provided by firmware/core: reports the fault. Runs in fault context. */
void core_fault_report(const hal_fault_record_t *record);

/*
 * Test hook: raises a real fault of `kind` (a bad memory access, an undefined instruction, a
 * division by zero). Returns only if the port cannot raise that kind.
 */
void hal_fault_inject(aios_fault_kind_t kind);

#endif
