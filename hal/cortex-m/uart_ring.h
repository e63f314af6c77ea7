/*
 * The receive side every Cortex-M UART driver shares: a ring the driver's receive interrupt
 * fills and hal_uart_read drains in thread context (one producer, one consumer, no lock).
 * The ring also implements hal_uart_read, hal_uart_rx_dropped and hal_uart_tx_dropped.
 */
#ifndef HAL_CORTEX_M_UART_RING_H
#define HAL_CORTEX_M_UART_RING_H

#include <stdint.h>

/* Stores a received byte, or counts it as dropped when the ring is full. Interrupt context. */
void uart_ring_put(uint8_t byte);

/* Counts a byte the hardware lost before the driver could read it (an overrun). */
void uart_ring_count_lost(void);

#endif
