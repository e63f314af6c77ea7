/* USART of the STM32F4 family (the SR/DR/BRR/CR1 register layout, also in F1, F2 and L1).
 * Registers from RM0390, the STM32F446 reference manual. The board chooses the instance and
 * its wiring: AIOS_UART_BASE, AIOS_UART_RX_IRQ, AIOS_UART_BAUD, the bus clock
 * AIOS_UART_CLOCK_HZ, the RCC enable bits AIOS_UART_CLOCK_ENABLE_AHB1 (its GPIO port) and
 * AIOS_UART_CLOCK_ENABLE_APB1 (the USART), and its pins AIOS_UART_PINS_* (GPIO port base, TX and
 * RX pin numbers, alternate function). Nothing else of the chip is touched: it runs from the
 * HSI as it leaves reset. */
#include "armv7m.h"
#include "hal/uart.h"
#include "irq.h"
#include "uart_ring.h"

#define RCC_AHB1ENR HAL_REG32(0x40023800u + 0x30u)
#define RCC_APB1ENR HAL_REG32(0x40023800u + 0x40u)

#define GPIO_MODER HAL_REG32(AIOS_UART_PINS_GPIO_BASE + 0x00u)
#define GPIO_PUPDR HAL_REG32(AIOS_UART_PINS_GPIO_BASE + 0x0Cu)
#define GPIO_AFR(pin) HAL_REG32(AIOS_UART_PINS_GPIO_BASE + 0x20u + 4u * ((pin) / 8u))
#define MODER_ALTERNATE 2u
#define PUPDR_PULL_UP 1u

#define USART_SR HAL_REG32(AIOS_UART_BASE + 0x00u)
#define USART_DR HAL_REG32(AIOS_UART_BASE + 0x04u)
#define USART_BRR HAL_REG32(AIOS_UART_BASE + 0x08u)
#define USART_CR1 HAL_REG32(AIOS_UART_BASE + 0x0Cu)

#define SR_OVERRUN (1u << 3)
#define SR_RX_NOT_EMPTY (1u << 5)
#define SR_TX_EMPTY (1u << 7)
#define CR1_RX_ENABLE (1u << 2)
#define CR1_TX_ENABLE (1u << 3)
#define CR1_RX_INTERRUPT (1u << 5)
#define CR1_ENABLE (1u << 13)

/* With 16x oversampling BRR holds the divisor in 1/16ths: clock / baud, rounded. 16 MHz and
 * 115200 baud give 138.9, so 139 (0.08% slow). */
#define BRR_VALUE ((AIOS_UART_CLOCK_HZ + AIOS_UART_BAUD / 2u) / AIOS_UART_BAUD)

static void uart_rx_interrupt(void)
{
    /* Reading SR then DR clears RXNE and an overrun too; an overrun left set would keep the
     * interrupt asserted. The byte the overrun lost counts as dropped. */
    uint32_t status;
    while (((status = USART_SR) & (SR_RX_NOT_EMPTY | SR_OVERRUN)) != 0) {
        uint8_t byte = (uint8_t)USART_DR;
        if ((status & SR_OVERRUN) != 0) {
            uart_ring_count_lost();
        }
        uart_ring_put(byte);
    }
}

/* Hands `pin` of the board's GPIO port to its alternate function (the USART). */
static void route_pin(uint32_t pin)
{
    GPIO_MODER = (GPIO_MODER & ~(3u << (2u * pin))) | (MODER_ALTERNATE << (2u * pin));
    uint32_t shift = 4u * (pin % 8u);
    GPIO_AFR(pin) =
        (GPIO_AFR(pin) & ~(0xFu << shift)) | ((uint32_t)AIOS_UART_PINS_FUNCTION << shift);
}

void hal_uart_init(void)
{
    RCC_AHB1ENR |= AIOS_UART_CLOCK_ENABLE_AHB1;
    RCC_APB1ENR |= AIOS_UART_CLOCK_ENABLE_APB1;
    /* The clock reaches the peripheral two bus cycles after the enable: read back to wait. */
    (void)RCC_APB1ENR;
    route_pin(AIOS_UART_PINS_TX);
    route_pin(AIOS_UART_PINS_RX);
    /* An unconnected RX line then reads idle instead of floating into noise. */
    GPIO_PUPDR = (GPIO_PUPDR & ~(3u << (2u * AIOS_UART_PINS_RX))) |
                 (PUPDR_PULL_UP << (2u * AIOS_UART_PINS_RX));
    USART_BRR = BRR_VALUE;
    USART_CR1 = CR1_ENABLE | CR1_TX_ENABLE | CR1_RX_ENABLE | CR1_RX_INTERRUPT;
    hal_irq_attach(AIOS_UART_RX_IRQ, uart_rx_interrupt);
}

void hal_uart_write(const uint8_t *data, size_t length)
{
    for (size_t i = 0; i < length; i++) {
        while ((USART_SR & SR_TX_EMPTY) == 0) {
        }
        USART_DR = data[i];
    }
}
