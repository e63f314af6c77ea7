/*
 * The device end of the serial link: sends events as protocol frames and turns received
 * bytes into commands. Mechanism only; what a command does is decided by its handler.
 */
#ifndef AIOS_LINK_H
#define AIOS_LINK_H

#include "aios/frame.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef void (*core_command_handler_t)(const aios_frame_t *command);

/* Resets sequence numbers and the receive decoder. */
void core_link_init(void);

/*
 * Sends one frame of `type` with the payload the caller built. Thread context only; safe
 * against interrupts. Returns false (and counts it) when the payload is too large.
 */
bool core_link_emit(uint8_t type, const uint8_t *payload, size_t length);

/*
 * Sends one frame from fault context: no locks, its own buffer. Use only when the system is
 * about to reset.
 */
void core_link_emit_from_fault(uint8_t type, const uint8_t *payload, size_t length);

/* Decodes whatever the UART has received; calls `handler` once per valid command frame. */
void core_link_poll(core_command_handler_t handler);

/* Frames dropped on receive (corrupt or oversized) plus bytes the UART ring lost. */
uint32_t core_link_rx_errors(void);

#endif
