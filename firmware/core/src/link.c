#include "aios/link.h"

#include "aios/config.h"
#include "hal/clock.h"
#include "hal/cpu.h"
#include "hal/uart.h"

static uint16_t next_seq;
static uint8_t tx_buffer[AIOS_MAX_ENCODED_BYTES];
static uint8_t fault_buffer[AIOS_MAX_ENCODED_BYTES];
static aios_frame_decoder_t rx_decoder;
static uint32_t tx_oversized;

void core_link_init(void)
{
    next_seq = 0;
    aios_frame_decoder_init(&rx_decoder);
}

static size_t encode(uint8_t type, const uint8_t *payload, size_t length, uint8_t *out)
{
    aios_frame_t frame = {AIOS_PROTOCOL_VERSION, type, next_seq++, hal_clock_us(), payload, length};
    return aios_frame_encode(&frame, out, AIOS_MAX_ENCODED_BYTES);
}

bool core_link_emit(uint8_t type, const uint8_t *payload, size_t length)
{
    uint32_t mask = hal_critical_enter();
    size_t encoded = encode(type, payload, length, tx_buffer);
    if (encoded == 0) {
        tx_oversized++;
        hal_critical_exit(mask);
        return false;
    }
    hal_uart_write(tx_buffer, encoded);
    hal_critical_exit(mask);
    return true;
}

void core_link_emit_from_fault(uint8_t type, const uint8_t *payload, size_t length)
{
    /* A leading delimiter ends whatever frame the fault interrupted. */
    static const uint8_t delimiter = 0;
    size_t encoded = encode(type, payload, length, fault_buffer);
    hal_uart_write(&delimiter, 1);
    hal_uart_write(fault_buffer, encoded);
}

void core_link_poll(core_command_handler_t handler)
{
    uint8_t chunk[AIOS_RX_CHUNK_BYTES];
    size_t count;
    while ((count = hal_uart_read(chunk, sizeof chunk)) > 0) {
        for (size_t i = 0; i < count; i++) {
            aios_frame_t frame;
            if (aios_frame_decoder_push(&rx_decoder, chunk[i], &frame) == AIOS_DECODE_FRAME) {
                handler(&frame);
            }
        }
    }
}

uint32_t core_link_rx_errors(void)
{
    return rx_decoder.frames_corrupt + rx_decoder.frames_oversized + hal_uart_rx_dropped();
}
