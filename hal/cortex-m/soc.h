/*
 * Chip bring-up that must run before anything else: a board.json "soc" names the file
 * (soc_<name>.c) and the build defines AIOS_SOC_INIT, so startup calls hal_soc_init after
 * loading .data and zeroing .bss, before main. Boards whose chip comes out of reset ready to
 * run (the MPS2 FPGA images) name no soc and have no such call.
 */
#ifndef HAL_CORTEX_M_SOC_H
#define HAL_CORTEX_M_SOC_H

/* Starts the clocks the board.json clockHz values assume, releases from reset the blocks the
 * console UART needs and routes its pins. Runs once per boot, before main and before any HAL
 * call, so it must not use the HAL itself. */
void hal_soc_init(void);

#endif
