/*
 * RP2040 bring-up, the minimum AIOS needs on a Raspberry Pi Pico:
 * - starts the 12 MHz crystal oscillator (XOSC) and runs clk_ref and clk_sys from it, so the
 *   CPU and SysTick run at exactly the board's clockHz (12 MHz);
 * - runs clk_peri, which clocks the UARTs, from the crystal too (the uart clockHz);
 * - releases IO_BANK0, PADS_BANK0 and the console UART from reset and routes its TX and RX
 *   pins to it, with a pull-up on RX so an unconnected line reads idle.
 * Not initialised, deliberately: the PLLs (the core stays at 12 MHz instead of 125 MHz), the
 * USB, ADC and RTC clocks, every other peripheral and pin, the watchdog, and core 1, which
 * stays in the boot ROM's wait loop. The ring oscillator keeps running; nothing uses it.
 * Registers from the RP2040 datasheet (chapter 2: XOSC, CLOCKS, RESETS, IO_BANK0, PADS_BANK0).
 */
#include "armv7m.h"
#include "soc.h"

/* Every RP2040 register block has an alias that clears the bits written (+0x3000). */
#define CLEAR_ALIAS 0x3000u

#define XOSC_BASE 0x40024000u
#define XOSC_CTRL HAL_REG32(XOSC_BASE + 0x00u)
#define XOSC_STATUS HAL_REG32(XOSC_BASE + 0x04u)
#define XOSC_STARTUP HAL_REG32(XOSC_BASE + 0x0Cu)
#define XOSC_CTRL_FREQ_RANGE_1_15MHZ 0xAA0u
#define XOSC_CTRL_ENABLE (0xFABu << 12)
#define XOSC_STATUS_STABLE (1u << 31)
/* Start-up wait in units of 256 crystal periods: about 1 ms at 12 MHz. */
#define XOSC_STARTUP_DELAY ((12000000u / 1000u + 128u) / 256u)

#define CLOCKS_BASE 0x40008000u
#define CLK_REF_CTRL HAL_REG32(CLOCKS_BASE + 0x30u)
#define CLK_REF_SELECTED HAL_REG32(CLOCKS_BASE + 0x38u)
#define CLK_SYS_CTRL HAL_REG32(CLOCKS_BASE + 0x3Cu)
#define CLK_SYS_SELECTED HAL_REG32(CLOCKS_BASE + 0x44u)
#define CLK_PERI_CTRL HAL_REG32(CLOCKS_BASE + 0x48u)
#define CLK_REF_SRC_XOSC 2u
#define CLK_SYS_SRC_CLK_REF 0u
#define CLK_PERI_ENABLE (1u << 11)
#define CLK_PERI_AUXSRC_XOSC (4u << 5)

#define RESETS_BASE 0x4000C000u
#define RESETS_RESET_CLEAR HAL_REG32(RESETS_BASE + CLEAR_ALIAS + 0x0u)
#define RESETS_RESET_DONE HAL_REG32(RESETS_BASE + 0x8u)
#define RESET_IO_BANK0 (1u << 5)
#define RESET_PADS_BANK0 (1u << 8)

#define IO_BANK0_GPIO_CTRL(pin) HAL_REG32(0x40014000u + 0x004u + 8u * (pin))
#define PADS_BANK0_GPIO(pin) HAL_REG32(0x4001C000u + 0x004u + 4u * (pin))
/* Input enabled, Schmitt trigger, 4 mA drive (the reset state) with the pull-up, not the
 * pull-down, enabled. */
#define PAD_INPUT_PULL_UP ((1u << 6) | (1u << 4) | (1u << 3) | (1u << 1))

static void start_crystal(void)
{
    XOSC_CTRL = XOSC_CTRL_FREQ_RANGE_1_15MHZ;
    XOSC_STARTUP = XOSC_STARTUP_DELAY;
    XOSC_CTRL = XOSC_CTRL_FREQ_RANGE_1_15MHZ | XOSC_CTRL_ENABLE;
    while ((XOSC_STATUS & XOSC_STATUS_STABLE) == 0) {
    }
    /* clk_ref and clk_sys have glitchless muxes: switch, then wait until the switch is done. */
    CLK_REF_CTRL = CLK_REF_SRC_XOSC;
    while ((CLK_REF_SELECTED & (1u << CLK_REF_SRC_XOSC)) == 0) {
    }
    CLK_SYS_CTRL = CLK_SYS_SRC_CLK_REF;
    while ((CLK_SYS_SELECTED & (1u << CLK_SYS_SRC_CLK_REF)) == 0) {
    }
    CLK_PERI_CTRL = CLK_PERI_ENABLE | CLK_PERI_AUXSRC_XOSC;
}

void hal_soc_init(void)
{
    start_crystal();
    uint32_t blocks = RESET_IO_BANK0 | RESET_PADS_BANK0 | (1u << AIOS_UART_RESET_BIT);
    RESETS_RESET_CLEAR = blocks;
    while ((RESETS_RESET_DONE & blocks) != blocks) {
    }
    IO_BANK0_GPIO_CTRL(AIOS_UART_PINS_TX) = AIOS_UART_PINS_FUNCTION;
    IO_BANK0_GPIO_CTRL(AIOS_UART_PINS_RX) = AIOS_UART_PINS_FUNCTION;
    PADS_BANK0_GPIO(AIOS_UART_PINS_RX) = PAD_INPUT_PULL_UP;
}
