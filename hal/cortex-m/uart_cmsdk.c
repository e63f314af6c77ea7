/* ARM CMSDK APB UART (MPS2 and the SSE-200 boards). Register layout from the Cortex-M System
 * Design Kit Technical Reference Manual. The board chooses which instance is the console:
 * AIOS_UART_BASE, AIOS_UART_RX_IRQ, AIOS_UART_BAUD, clocked at AIOS_CPU_HZ. */
#include "armv7m.h"
#include "hal/cpu.h"
#include "hal/uart.h"
#include "irq.h"

#define UART_DATA HAL_REG32(AIOS_UART_BASE + 0x00u)
#define UART_STATE HAL_REG32(AIOS_UART_BASE + 0x04u)
#define UART_CTRL HAL_REG32(AIOS_UART_BASE + 0x08u)
#define UART_INTCLEAR HAL_REG32(AIOS_UART_BASE + 0x0Cu)
#define UART_BAUDDIV HAL_REG32(AIOS_UART_BASE + 0x10u)

#define STATE_TX_FULL (1u << 0)
#define STATE_RX_FULL (1u << 1)
#define CTRL_TX_ENABLE (1u << 0)
#define CTRL_RX_ENABLE (1u << 1)
#define CTRL_RX_INTERRUPT (1u << 3)
#define INT_RX (1u << 1)

/* Power of two so indices wrap with a mask; sized for a burst of maximum frames. */
#define RX_RING_BYTES 2048u

static uint8_t rx_ring[RX_RING_BYTES];
static volatile uint32_t rx_head; /* written by the interrupt only */
static volatile uint32_t rx_tail; /* written by hal_uart_read only */
static volatile uint32_t rx_dropped;

static void uart_rx_interrupt(void)
{
    /* Clear before draining: a byte that lands after the last read raises a new interrupt
     * instead of having its interrupt cleared, which would stall receive for good. */
    UART_INTCLEAR = INT_RX;
    while ((UART_STATE & STATE_RX_FULL) != 0) {
        uint8_t byte = (uint8_t)UART_DATA;
        uint32_t head = rx_head;
        if (head - rx_tail == RX_RING_BYTES) {
            rx_dropped++;
        } else {
            rx_ring[head & (RX_RING_BYTES - 1u)] = byte;
            rx_head = head + 1u;
        }
    }
}

void hal_uart_init(void)
{
    UART_BAUDDIV = AIOS_CPU_HZ / AIOS_UART_BAUD;
    UART_CTRL = CTRL_TX_ENABLE | CTRL_RX_ENABLE | CTRL_RX_INTERRUPT;
    hal_irq_attach(AIOS_UART_RX_IRQ, uart_rx_interrupt);
}

void hal_uart_write(const uint8_t *data, size_t length)
{
    for (size_t i = 0; i < length; i++) {
        while ((UART_STATE & STATE_TX_FULL) != 0) {
        }
        UART_DATA = data[i];
    }
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

uint32_t hal_uart_tx_dropped(void)
{
    return 0;
}
