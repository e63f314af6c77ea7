/* Monotonic clock from SysTick: a 1 ms interrupt counts milliseconds, the current count gives
 * the microseconds in between. SysTick exists on every Cortex-M, so every board shares this;
 * AIOS_CPU_HZ comes from the board description. A board with a timer for the alarm
 * (AIOS_ALARM_TIMER, e.g. alarm_cmsdk.c) fires it when due; on the others the same 1 ms
 * interrupt fires it, late by less than 1 ms. */
#include "armv7m.h"
#include "hal/alarm.h"
#include "hal/clock.h"
#include "hal/cpu.h"
#include "irq.h"
#include "vectors.h"

#define TICKS_PER_MS (AIOS_CPU_HZ / 1000u)
#define TICKS_PER_US (AIOS_CPU_HZ / 1000000u)

static volatile uint64_t milliseconds;

#ifndef AIOS_ALARM_TIMER
static volatile uint64_t alarm_at_us = UINT64_MAX;

void hal_alarm_set(uint64_t at_us)
{
    alarm_at_us = at_us;
}
#endif

void hal_systick_handler(void)
{
    milliseconds++;
#ifndef AIOS_ALARM_TIMER
    if (milliseconds * 1000u >= alarm_at_us) {
        alarm_at_us = UINT64_MAX;
        core_alarm_fired();
    }
#endif
}

void hal_clock_init(void)
{
    SYST_RVR = TICKS_PER_MS - 1u;
    SYST_CVR = 0;
    SYST_CSR = SYST_CSR_ENABLE_TICKINT_CPUCLK;
#ifdef AIOS_ALARM_TIMER
    hal_alarm_timer_init();
#endif
}

uint64_t hal_clock_us(void)
{
    uint32_t mask = hal_critical_enter();
    uint64_t ms = milliseconds;
    uint32_t remaining = SYST_CVR;
    /* The counter wrapped but the tick interrupt has not run yet (we are masked): count it. */
    if ((SCB_ICSR & SCB_ICSR_PENDSTSET) != 0) {
        remaining = SYST_CVR;
        ms++;
    }
    hal_critical_exit(mask);
    uint32_t elapsed_ticks = (TICKS_PER_MS - 1u) - remaining;
    return ms * 1000u + elapsed_ticks / TICKS_PER_US;
}
