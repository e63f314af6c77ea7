/* The alarm of the POSIX port: a one-shot CLOCK_MONOTONIC timer that raises SIGALRM, whose
 * handler stands in for the timer interrupt. */
#define _POSIX_C_SOURCE 200809L
#include "hal/alarm.h"

#include "hal/clock.h"

#include <signal.h>
#include <stdbool.h>
#include <time.h>

static timer_t alarm_timer;
static bool created;

static void on_alarm(int signal_number)
{
    (void)signal_number;
    core_alarm_fired();
}

static bool create_timer(void)
{
    struct sigaction action;
    struct sigevent event;
    action.sa_handler = on_alarm;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    if (sigaction(SIGALRM, &action, NULL) != 0) {
        return false;
    }
    event.sigev_notify = SIGEV_SIGNAL;
    event.sigev_signo = SIGALRM;
    event.sigev_value.sival_ptr = NULL;
    return timer_create(CLOCK_MONOTONIC, &event, &alarm_timer) == 0;
}

void hal_alarm_set(uint64_t at_us)
{
    struct itimerspec when = {{0, 0}, {0, 0}};
    if (!created) {
        created = create_timer();
        if (!created) {
            return;
        }
    }
    if (at_us != UINT64_MAX) {
        uint64_t now = hal_clock_us();
        /* A zero it_value disarms, so an alarm already due fires after one microsecond. */
        uint64_t delay = at_us > now ? at_us - now : 1u;
        when.it_value.tv_sec = (time_t)(delay / 1000000u);
        when.it_value.tv_nsec = (long)(delay % 1000000u) * 1000L;
    }
    timer_settime(alarm_timer, 0, &when, NULL);
}
