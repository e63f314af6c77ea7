/*
 * One-shot alarm on the hal_clock_us time base: the end of the running slice or the next
 * release, deadline or timeout the kernel waits for. Mandatory.
 *
 * When the alarm time passes, the port calls core_alarm_fired() once, from interrupt (or
 * signal) context, which may only set flags and call vm_preempt. Setting a new alarm replaces
 * the old one; an alarm already in the past fires at the next opportunity.
 */
#ifndef HAL_ALARM_H
#define HAL_ALARM_H

#include <stdint.h>

/* Arms the alarm for `at_us`; UINT64_MAX disarms it. */
void hal_alarm_set(uint64_t at_us);

/* Provided by firmware/core. Interrupt context. */
void core_alarm_fired(void);

#endif
