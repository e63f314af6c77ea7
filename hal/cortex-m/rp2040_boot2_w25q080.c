/*
 * Second-stage boot loader for an RP2040 with a Winbond W25Q080 flash (the Raspberry Pi Pico).
 *
 * The boot ROM copies the first 256 bytes of flash to SRAM at 0x20041F00, checks their CRC-32
 * (the last 4 bytes) and calls this with the flash wired to the SSI. The ROM's own reads leave
 * the SSI in a command mode, not execute-in-place, so nothing after the first 256 bytes can
 * run yet. This sets the SSI up for XIP with the W25Q080's Read Data command (03h: serial,
 * 24-bit address, no dummy cycles, rated to 50 MHz, far above the SCK used here), then starts
 * the image whose vector table follows boot2 in flash. It uses no RAM but the ROM's stack.
 * Registers from the RP2040 datasheet (SSI, the Synopsys DW_apb_ssi) and the W25Q080 datasheet.
 */
#include <stdint.h>

#define REG32(address) (*(volatile uint32_t *)(uintptr_t)(address))

#define SSI_BASE 0x18000000u
#define SSI_CTRLR0 REG32(SSI_BASE + 0x00u)
#define SSI_CTRLR1 REG32(SSI_BASE + 0x04u)
#define SSI_SSIENR REG32(SSI_BASE + 0x08u)
#define SSI_BAUDR REG32(SSI_BASE + 0x14u)
#define SSI_SPI_CTRLR0 REG32(SSI_BASE + 0xF4u)

/* CTRLR0: standard SPI frames (SPI_FRF = 0) of 32 bits (DFS_32 = 31), EEPROM-read transfer
 * mode (TMOD = 3): send a command and address, then clock data in. */
#define CTRLR0_XIP ((31u << 16) | (3u << 8))
/* SPI_CTRLR0: the command XIP sends (XIP_CMD), an 8-bit instruction (INST_L = 2), a 24-bit
 * address (ADDR_L = 6 nibbles), both sent on one line (TRANS_TYPE = 0), no wait cycles. */
#define W25Q080_READ_DATA 0x03u
#define SPI_CTRLR0_XIP ((W25Q080_READ_DATA << 24) | (2u << 8) | (6u << 2))
/* SCK = clk_sys / 2: at most 6 MHz from the 12 MHz crystal AIOS runs on. */
#define SSI_CLOCK_DIVIDER 2u

#define PPB_VTOR REG32(0xE000ED08u)
/* The image's vector table: flash (the XIP window) just after boot2's 256 bytes. */
#define IMAGE_VECTORS 0x10000100u

__attribute__((section(".boot2.entry"), noreturn)) void boot2_entry(void);

void boot2_entry(void)
{
    SSI_SSIENR = 0; /* the SSI takes its configuration only while disabled */
    SSI_BAUDR = SSI_CLOCK_DIVIDER;
    SSI_CTRLR0 = CTRLR0_XIP;
    SSI_SPI_CTRLR0 = SPI_CTRLR0_XIP;
    SSI_CTRLR1 = 0; /* one 32-bit data frame per XIP access */
    SSI_SSIENR = 1;

    /* Start the image as the core would from reset: its vector table, stack and reset entry. */
    const volatile uint32_t *vectors = (const volatile uint32_t *)IMAGE_VECTORS;
    PPB_VTOR = IMAGE_VECTORS;
    __asm volatile("msr msp, %0\n"
                   "bx %1\n" ::"r"(vectors[0]),
                   "r"(vectors[1])
                   : "memory");
    __builtin_unreachable();
}
