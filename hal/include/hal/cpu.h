/*
 * CPU-level services: board bring-up, critical sections, idling, reset and reset cause.
 * All mandatory.
 */
#ifndef HAL_CPU_H
#define HAL_CPU_H

#include "aios/generated/protocol.h"

#include <stdint.h>

/* Brings up what the core needs before its first frame: clock, UART, fault handlers. */
void hal_board_init(void);

/* Masks interrupts; returns the previous mask so critical sections nest. */
uint32_t hal_critical_enter(void);
void hal_critical_exit(uint32_t previous);

/*
 * Sleeps until an interrupt (a received byte, a timer) or until `deadline_us` on the
 * hal_clock_us time base, whichever comes first. May return early; callers re-check.
 */
void hal_cpu_wait(uint64_t deadline_us);

/* Why the device last reset, as recorded by hal_reset or seen in hardware at boot. */
aios_reset_cause_t hal_reset_cause(void);

/* Resets the device, recording `cause` for the next boot's hal_reset_cause. Never returns. */
void hal_reset(aios_reset_cause_t cause);

#endif
