/* CPU services of the POSIX port. A reset re-executes the program, keeping the UART's pty
 * open (see posix_keep_across_reset) and passing the cause in AIOS_RESET_CAUSE. */
#define _GNU_SOURCE
#include "hal/cpu.h"

#include "hal/clock.h"
#include "hal/fault.h"
#include "hal/uart.h"
#include "posix.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static aios_reset_cause_t boot_reset_cause = AIOS_RESET_CAUSE_POWER_ON;

void hal_board_init(void)
{
    const char *cause = getenv("AIOS_RESET_CAUSE");
    if (cause != NULL) {
        int value = atoi(cause);
        if (value >= 0 && value <= AIOS_RESET_CAUSE_EXTERNAL_PIN) {
            boot_reset_cause = (aios_reset_cause_t)value;
        }
    }
    /* Like QEMU's -S: with AIOS_START_PAUSED=1 a fresh process announces its pty, then waits
     * for SIGUSR1 from the host, which has opened the pty by then and sees the boot event.
     * The signal is blocked first so an early resume is kept pending, not fatal. */
    const char *paused = getenv("AIOS_START_PAUSED");
    bool wait_for_host =
        paused != NULL && strcmp(paused, "1") == 0 && getenv("AIOS_UART_FD") == NULL;
    /* A reset re-executes from inside a signal handler, and exec keeps the signal mask:
     * start from an empty one, then block only the resume signal. */
    sigset_t resume;
    sigemptyset(&resume);
    sigprocmask(SIG_SETMASK, &resume, NULL);
    /* An ignored signal is dropped even while blocked, and exec keeps SIG_IGN. */
    signal(SIGUSR1, SIG_DFL);
    sigaddset(&resume, SIGUSR1);
    sigprocmask(SIG_BLOCK, &resume, NULL);
    hal_fault_init();
    hal_uart_init();
    if (wait_for_host) {
        int received;
        sigwait(&resume, &received);
    }
    /* From now on a resume signal is meaningless: a second host tool attaching sends one too,
     * and it must not end the process (the default action) once the mask is changed later. */
    signal(SIGUSR1, SIG_IGN);
    hal_clock_init();
}

void posix_keep_across_reset(const char *variable, int fd)
{
    char number[16];
    int flags = fcntl(fd, F_GETFD);
    if (flags >= 0) {
        (void)fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC);
    }
    snprintf(number, sizeof number, "%d", fd);
    setenv(variable, number, 1);
}

/* Signals stand in for interrupts here; masking them is the critical section. */
uint32_t hal_critical_enter(void)
{
    sigset_t all;
    sigset_t previous;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &previous);
    return (uint32_t)sigismember(&previous, SIGALRM);
}

void hal_critical_exit(uint32_t previous)
{
    sigset_t all;
    sigfillset(&all);
    if (previous == 0) {
        sigprocmask(SIG_UNBLOCK, &all, NULL);
    }
}

void hal_cpu_wait(uint64_t deadline_us)
{
    uint64_t now = hal_clock_us();
    if (now >= deadline_us) {
        return;
    }
    uint64_t wait_ms = (deadline_us - now + 999u) / 1000u;
    struct pollfd input = {posix_uart_fd(), POLLIN, 0};
    (void)poll(&input, 1, wait_ms > 1000u ? 1000 : (int)wait_ms);
}

aios_reset_cause_t hal_reset_cause(void)
{
    return boot_reset_cause;
}

void hal_reset(aios_reset_cause_t cause)
{
    /* Only async-signal-safe calls: this also runs from the fault signal handler. */
    static char cause_variable[] = "AIOS_RESET_CAUSE=0";
    cause_variable[sizeof cause_variable - 2] = (char)('0' + (int)cause);
    putenv(cause_variable);
    char *const arguments[] = {(char *)"aios-native", NULL};
    execv("/proc/self/exe", arguments);
    posix_exec_under_runner();
    _exit(EXIT_FAILURE);
}
