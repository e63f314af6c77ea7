/* The watchdog of the POSIX port: a CLOCK_MONOTONIC timer whose signal resets the process
 * (re-exec, see cpu.c) with the watchdog as reset cause, as a hardware watchdog would. */
#define _POSIX_C_SOURCE 200809L
#include "hal/watchdog.h"

#include "hal/cpu.h"

#include <signal.h>
#include <stdbool.h>
#include <time.h>

static timer_t watchdog_timer;
static struct itimerspec timeout;
static bool started;

static void on_expiry(int signal_number)
{
    (void)signal_number;
    hal_reset(AIOS_RESET_CAUSE_WATCHDOG);
}

int hal_watchdog_start(uint32_t timeout_us)
{
    struct sigaction action;
    struct sigevent event;
    action.sa_handler = on_expiry;
    action.sa_flags = 0;
    sigemptyset(&action.sa_mask);
    event.sigev_notify = SIGEV_SIGNAL;
    event.sigev_signo = SIGUSR2;
    event.sigev_value.sival_ptr = NULL;
    if (sigaction(SIGUSR2, &action, NULL) != 0 ||
        timer_create(CLOCK_MONOTONIC, &event, &watchdog_timer) != 0) {
        return HAL_WATCHDOG_NOT_SUPPORTED;
    }
    timeout.it_value.tv_sec = (time_t)(timeout_us / 1000000u);
    timeout.it_value.tv_nsec = (long)(timeout_us % 1000000u) * 1000L;
    started = true;
    hal_watchdog_feed();
    return 0;
}

void hal_watchdog_feed(void)
{
    if (started) {
        timer_settime(watchdog_timer, 0, &timeout, NULL);
    }
}
