/* ARM CMSDK APB UART (MPS2 and the SSE-200 boards). Register layout from the Cortex-M System
 * Design Kit Technical Reference Manual. The board chooses which instance is the console:
 * AIOS_UART_BASE, AIOS_UART_RX_IRQ, AIOS_UART_BAUD, clocked at AIOS_CPU_HZ. */
#include "armv7m.h"
#include "hal/cpu.h"
#include "hal/uart.h"
#include "irq.h"
#include "uart_ring.h"

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

static void uart_rx_interrupt(void)
{
    /* Clear before draining: a byte that lands after the last read raises a new interrupt
     * instead of having its interrupt cleared, which would stall receive for good. */
    UART_INTCLEAR = INT_RX;
    while ((UART_STATE & STATE_RX_FULL) != 0) {
        uint8_t byte = (uint8_t)UART_DATA;
        uart_ring_put(byte);
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
