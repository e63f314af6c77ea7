/* Build knobs of firmware/core, each with its unit. A board or a build may override any of
 * them with -D. */
#ifndef AIOS_CONFIG_H
#define AIOS_CONFIG_H

/* Period of the heartbeat event, in microseconds. */
#ifndef AIOS_HEARTBEAT_PERIOD_US
#define AIOS_HEARTBEAT_PERIOD_US 1000000u
#endif

/* Bytes taken from the UART receive ring per pass of the main loop. */
#ifndef AIOS_RX_CHUNK_BYTES
#define AIOS_RX_CHUNK_BYTES 64u
#endif

/* The hardware watchdog resets the board if the kernel does not feed it for this long, in
 * microseconds (the kernel feeds it every 100 ms). */
#ifndef AIOS_WATCHDOG_TIMEOUT_US
#define AIOS_WATCHDOG_TIMEOUT_US 2000000u
#endif

/* Host commands from this type on belong to the kernel (schema: kernel commands 192..255). */
#define AIOS_FIRST_KERNEL_COMMAND 192u

#ifndef AIOS_FIRMWARE_VERSION
#error "AIOS_FIRMWARE_VERSION must come from the build (package.json version)"
#endif

#ifndef AIOS_BOARD_NAME
#error "AIOS_BOARD_NAME must come from the board description"
#endif

#endif
