/*
 * Hardware watchdog. Optional: a board without a driver returns HAL_WATCHDOG_NOT_SUPPORTED
 * from hal_watchdog_start and the core reports that at boot.
 *
 * Once started it cannot be stopped: if hal_watchdog_feed is not called within the timeout,
 * the board resets and the next boot's hal_reset_cause() is AIOS_RESET_CAUSE_WATCHDOG.
 */
#ifndef HAL_WATCHDOG_H
#define HAL_WATCHDOG_H

#include <stdint.h>

#define HAL_WATCHDOG_NOT_SUPPORTED (-1)

/* Starts the watchdog with `timeout_us`. Returns 0 or HAL_WATCHDOG_NOT_SUPPORTED. */
int hal_watchdog_start(uint32_t timeout_us);

/* Restarts the timeout. Harmless before hal_watchdog_start. Thread or interrupt context. */
void hal_watchdog_feed(void);

#endif
