/*
 * Monotonic microsecond clock. Mandatory on every port.
 *
 * Starts at (or near) zero at boot, never goes backwards, and does not wrap within the life
 * of a device (64 bits of microseconds last 584,000 years).
 */
#ifndef HAL_CLOCK_H
#define HAL_CLOCK_H

#include <stdint.h>

/* Starts the time base. Call once at boot, before hal_clock_us. */
void hal_clock_init(void);

/* Microseconds since hal_clock_init. Callable from thread and interrupt context. */
uint64_t hal_clock_us(void);

#endif
