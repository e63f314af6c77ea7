/* ARM CMSDK APB watchdog (MPS2). It counts down at AIOS_CPU_HZ; the first expiry raises its
 * interrupt, wired to NMI on MPS2, and reloads; a second expiry with the interrupt still
 * pending resets the board. The NMI handler records the cause so the next boot can say
 * "watchdog". Registers from the Cortex-M System Design Kit Technical Reference Manual. */
#include "armv7m.h"
#include "hal/cpu.h"
#include "hal/watchdog.h"
#include "vectors.h"

#define WDOG_LOAD HAL_REG32(AIOS_WATCHDOG_BASE + 0x000u)
#define WDOG_CONTROL HAL_REG32(AIOS_WATCHDOG_BASE + 0x008u)
#define WDOG_INTCLR HAL_REG32(AIOS_WATCHDOG_BASE + 0x00Cu)
#define WDOG_LOCK HAL_REG32(AIOS_WATCHDOG_BASE + 0xC00u)

#define CONTROL_INTERRUPT_ENABLE (1u << 0)
#define CONTROL_RESET_ENABLE (1u << 1)
#define LOCK_KEY 0x1ACCE551u

static int started;

int hal_watchdog_start(uint32_t timeout_us)
{
    /* Half the timeout per expiry: the reset comes at the second one. */
    uint64_t ticks = (uint64_t)timeout_us * (AIOS_CPU_HZ / 1000000u) / 2u;
    WDOG_LOCK = LOCK_KEY;
    WDOG_LOAD = ticks > 0xFFFFFFFFu ? 0xFFFFFFFFu : (uint32_t)ticks;
    WDOG_CONTROL = CONTROL_INTERRUPT_ENABLE | CONTROL_RESET_ENABLE;
    WDOG_LOCK = 0;
    started = 1;
    return 0;
}

void hal_watchdog_feed(void)
{
    if (started) {
        WDOG_LOCK = LOCK_KEY;
        WDOG_INTCLR = 1u;
        WDOG_LOCK = 0;
    }
}

void hal_nmi_handler(void)
{
    hal_reset_note(AIOS_RESET_CAUSE_WATCHDOG);
    for (;;) {
    }
}
