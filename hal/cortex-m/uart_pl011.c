/* Arm PrimeCell UART (PL011): the RP2040's UARTs, among others. Register layout from the PL011
 * Technical Reference Manual. The board chooses the instance: AIOS_UART_BASE, AIOS_UART_RX_IRQ,
 * AIOS_UART_BAUD, clocked at AIOS_UART_CLOCK_HZ; the chip's bring-up (soc_<chip>.c) has started
 * that clock and routed the pins before this runs. */
#include "armv7m.h"
#include "hal/uart.h"
#include "irq.h"
#include "uart_ring.h"

#define UART_DR HAL_REG32(AIOS_UART_BASE + 0x000u)
#define UART_FR HAL_REG32(AIOS_UART_BASE + 0x018u)
#define UART_IBRD HAL_REG32(AIOS_UART_BASE + 0x024u)
#define UART_FBRD HAL_REG32(AIOS_UART_BASE + 0x028u)
#define UART_LCR_H HAL_REG32(AIOS_UART_BASE + 0x02Cu)
#define UART_CR HAL_REG32(AIOS_UART_BASE + 0x030u)
#define UART_IFLS HAL_REG32(AIOS_UART_BASE + 0x034u)
#define UART_IMSC HAL_REG32(AIOS_UART_BASE + 0x038u)
#define UART_ICR HAL_REG32(AIOS_UART_BASE + 0x044u)

#define FR_RX_EMPTY (1u << 4)
#define FR_TX_FULL (1u << 5)
#define LCR_H_FIFO_ENABLE (1u << 4)
#define LCR_H_8_BITS (3u << 5)
#define CR_ENABLE (1u << 0)
#define CR_TX_ENABLE (1u << 8)
#define CR_RX_ENABLE (1u << 9)
/* Receive interrupt at FIFO half full, and the receive timeout for the bytes below that. */
#define IFLS_RX_HALF (2u << 3)
#define INT_RX (1u << 4)
#define INT_RX_TIMEOUT (1u << 6)

/* Baud divisor in 1/64ths: clock / (16 * baud), rounded; IBRD takes the integer part, FBRD
 * the fraction. 12 MHz and 115200 baud give 6 + 33/64 (0.08% fast). */
#define DIVISOR_64THS ((4u * AIOS_UART_CLOCK_HZ + AIOS_UART_BAUD / 2u) / AIOS_UART_BAUD)

static void uart_rx_interrupt(void)
{
    /* Clear first, as in the CMSDK driver: a byte arriving while we drain raises a new
     * interrupt instead of being left behind with its interrupt cleared. */
    UART_ICR = INT_RX | INT_RX_TIMEOUT;
    while ((UART_FR & FR_RX_EMPTY) == 0) {
        uint8_t byte = (uint8_t)UART_DR;
        uart_ring_put(byte);
    }
}

void hal_uart_init(void)
{
    UART_CR = 0; /* the line settings may change only while the UART is disabled */
    UART_IBRD = DIVISOR_64THS / 64u;
    UART_FBRD = DIVISOR_64THS % 64u;
    UART_LCR_H = LCR_H_8_BITS | LCR_H_FIFO_ENABLE; /* also latches IBRD and FBRD */
    UART_IFLS = IFLS_RX_HALF;
    UART_IMSC = INT_RX | INT_RX_TIMEOUT;
    UART_CR = CR_ENABLE | CR_TX_ENABLE | CR_RX_ENABLE;
    hal_irq_attach(AIOS_UART_RX_IRQ, uart_rx_interrupt);
}

void hal_uart_write(const uint8_t *data, size_t length)
{
    for (size_t i = 0; i < length; i++) {
        while ((UART_FR & FR_TX_FULL) != 0) {
        }
        UART_DR = data[i];
    }
}
