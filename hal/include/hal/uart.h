/*
 * The board's console UART: the serial link that carries protocol frames.
 *
 * Mandatory on every port. Receive is interrupt-driven (or, on POSIX, read from the pty by
 * hal_cpu_wait) into a ring buffer owned by the HAL; transmit is synchronous.
 */
#ifndef HAL_UART_H
#define HAL_UART_H

#include <stddef.h>
#include <stdint.h>

/* Configures the UART and enables its receive interrupt. Call once, before any other call. */
void hal_uart_init(void);

/*
 * Sends `length` bytes and returns once they are handed to the hardware. Safe to call from a
 * fault handler (it polls, it does not wait for an interrupt). The caller keeps `data`.
 * A port that cannot deliver (POSIX: nobody has the pty open and its buffer is full) drops
 * the bytes and counts them in hal_uart_tx_dropped().
 */
void hal_uart_write(const uint8_t *data, size_t length);

/* Copies up to `capacity` received bytes into `data`; returns how many. Never blocks. */
size_t hal_uart_read(uint8_t *data, size_t capacity);

/* Bytes lost because the receive ring was full: the core reports them as lost frames. */
uint32_t hal_uart_rx_dropped(void);
uint32_t hal_uart_tx_dropped(void);

#endif
