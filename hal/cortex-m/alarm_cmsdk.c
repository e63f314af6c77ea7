/* One-shot alarm on an ARM CMSDK APB timer (MPS2): the timer counts down from the alarm's
 * distance at AIOS_CPU_HZ and interrupts at zero, so the alarm fires when it is due instead of
 * at the next 1 ms SysTick (clock.c keeps the time base). The board names the timer in its
 * board.json ("alarm": {"driver": "cmsdk", "base", "irq"}). Registers from the Cortex-M System
 * Design Kit Technical Reference Manual. */
#include "armv7m.h"
#include "hal/alarm.h"
#include "hal/clock.h"
#include "hal/cpu.h"
#include "irq.h"

#define TIMER_CTRL HAL_REG32(AIOS_ALARM_BASE + 0x000u)
#define TIMER_VALUE HAL_REG32(AIOS_ALARM_BASE + 0x004u)
#define TIMER_RELOAD HAL_REG32(AIOS_ALARM_BASE + 0x008u)
#define TIMER_INTCLEAR HAL_REG32(AIOS_ALARM_BASE + 0x00Cu)

#define CTRL_ENABLE (1u << 0)
#define CTRL_INTERRUPT_ENABLE (1u << 3)
#define TICKS_PER_US (AIOS_CPU_HZ / 1000000u)

/* One shot: the timer is stopped before the kernel hears of it, so it never fires twice. */
static void timer_interrupt(void)
{
    TIMER_CTRL = 0;
    TIMER_INTCLEAR = 1u;
    core_alarm_fired();
}

void hal_alarm_timer_init(void)
{
    TIMER_CTRL = 0;
    hal_irq_attach(AIOS_ALARM_IRQ, timer_interrupt);
}

void hal_alarm_set(uint64_t at_us)
{
    uint32_t mask = hal_critical_enter();
    TIMER_CTRL = 0;
    TIMER_INTCLEAR = 1u;
    if (at_us != UINT64_MAX) {
        uint64_t now = hal_clock_us();
        /* A time already past fires at once; one beyond the counter's range fires early, and
         * the kernel, finding nothing due, arms the alarm again. */
        uint64_t ticks = at_us > now ? (at_us - now) * TICKS_PER_US : 1u;
        uint32_t count = ticks > 0xFFFFFFFFu ? 0xFFFFFFFFu : (uint32_t)ticks;
        TIMER_RELOAD = count;
        TIMER_VALUE = count;
        TIMER_CTRL = CTRL_ENABLE | CTRL_INTERRUPT_ENABLE;
    }
    hal_critical_exit(mask);
}
