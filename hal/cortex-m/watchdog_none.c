/* Boards whose watchdog has no driver yet: the watchdog is refused, as the interface allows,
 * and an NMI has nothing to report. */
#include "hal/watchdog.h"
#include "vectors.h"

int hal_watchdog_start(uint32_t timeout_us)
{
    (void)timeout_us;
    return HAL_WATCHDOG_NOT_SUPPORTED;
}

void hal_watchdog_feed(void) {}

void hal_nmi_handler(void)
{
    for (;;) {
    }
}
