/* Helpers shared inside the POSIX port; not part of the HAL interface. */
#ifndef HAL_POSIX_H
#define HAL_POSIX_H

/* The descriptor hal_cpu_wait polls for received bytes. */
int posix_uart_fd(void);

/* Keeps `fd` open across the exec that implements hal_reset and names it in `variable`, so
 * the next boot keeps the same pty and the host does not lose the link. */
void posix_keep_across_reset(const char *variable, int fd);

#endif
