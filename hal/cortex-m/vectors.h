/* Exception entry points that the vector table (startup.c) names and other files define. */
#ifndef HAL_CORTEX_M_VECTORS_H
#define HAL_CORTEX_M_VECTORS_H

#include <stdint.h>

void hal_reset_entry(void);
void hal_fault_entry_hard(void);
void hal_fault_entry_mem_manage(void);
void hal_fault_entry_bus(void);
void hal_fault_entry_usage(void);
void hal_systick_handler(void);
/* The way back out of a fault domain (mpu_domain.c; mpu_none.c reports a stray svc). */
void hal_svc_handler(void);
/* Provided by the board's watchdog driver (watchdog_cmsdk.c or watchdog_none.c). */
void hal_nmi_handler(void);

/* Records `cause` for the next boot without resetting: the watchdog resets by itself. */
#include "hal/cpu.h"
void hal_reset_note(aios_reset_cause_t cause);

/* Called by the fault entries with the stacked exception frame, the fault kind and the
 * exception's EXC_RETURN value. Does not return. */
void hal_fault_decode(const uint32_t *frame, uint32_t kind, uint32_t exc_return);

#endif
