/* Helpers shared inside the POSIX port; not part of the HAL interface. */
#ifndef HAL_POSIX_H
#define HAL_POSIX_H

#include "hal/fault.h"

/* The descriptor hal_cpu_wait polls for received bytes. */
int posix_uart_fd(void);

/* Keeps `fd` open across the exec that implements hal_reset and names it in `variable`, so
 * the next boot keeps the same pty and the host does not lose the link. */
void posix_keep_across_reset(const char *variable, int fd);

/* hal_reset's fallback when the kernel cannot exec our own executable because it runs under
 * a user-mode emulator (AIOS_RUNNER, set by the host): exec through that emulator. Returns only
 * if there is no runner or the exec failed. */
void posix_exec_under_runner(void);

/* The fault handler's first question: was this fault taken inside a fault domain? If so this
 * does not return: it records the fault for hal_domain_run and jumps back to it. */
void posix_domain_claim(const hal_fault_record_t *record);

#endif
