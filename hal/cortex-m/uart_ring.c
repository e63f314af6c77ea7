#include "uart_ring.h"

#include "hal/uart.h"

/* Power of two so indices wrap with a mask; sized for a burst of maximum frames. */
#define RX_RING_BYTES 2048u

static uint8_t rx_ring[RX_RING_BYTES];
static volatile uint32_t rx_head; /* written by the interrupt only */
static volatile uint32_t rx_tail; /* written by hal_uart_read only */
static volatile uint32_t rx_dropped;

void uart_ring_put(uint8_t byte)
{
    uint32_t head = rx_head;
    if (head - rx_tail == RX_RING_BYTES) {
        rx_dropped++;
        return;
    }
    rx_ring[head & (RX_RING_BYTES - 1u)] = byte;
    rx_head = head + 1u;
}

void uart_ring_count_lost(void)
{
    rx_dropped++;
}

size_t hal_uart_read(uint8_t *data, size_t capacity)
{
    size_t count = 0;
    uint32_t tail = rx_tail;
    while (count < capacity && tail != rx_head) {
        data[count++] = rx_ring[tail & (RX_RING_BYTES - 1u)];
        tail++;
    }
    rx_tail = tail;
    return count;
}

uint32_t hal_uart_rx_dropped(void)
{
    return rx_dropped;
}

/* Transmit is synchronous on every Cortex-M driver: nothing is ever dropped. */
uint32_t hal_uart_tx_dropped(void)
{
    return 0;
}
