/*
 * Protocol v1 framing, identical on the device and the host (host-tools/src/protocol/frame.ts):
 *
 *   raw frame:  version:u8 | type:u8 | seq:u16le | timestamp_us:varuint | payload_len:varuint
 *               | payload | crc32:u32le           (CRC-32/IEEE over everything before it)
 *   on the wire: COBS(raw frame) 0x00
 *
 * COBS leaves no zero byte inside a frame, so a receiver that joins mid-stream or sees garbage
 * resynchronises at the next 0x00. payload_len lets a receiver skip types it does not know.
 */
#ifndef AIOS_FRAME_H
#define AIOS_FRAME_H

#include "aios/generated/protocol.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* COBS adds one byte per 254 and one leading code byte; the delimiter adds one more. */
#define AIOS_MAX_ENCODED_BYTES (AIOS_MAX_FRAME_BYTES + AIOS_MAX_FRAME_BYTES / 254u + 2u)

typedef struct {
    uint8_t version;
    uint8_t type;
    uint16_t seq;
    uint64_t timestamp_us;
    const uint8_t *payload; /* borrowed: from the caller when encoding, the decoder when decoding */
    size_t payload_length;
} aios_frame_t;

uint32_t aios_crc32(const uint8_t *data, size_t length);

/* Returns the encoded length, or 0 when `capacity` is too small. */
size_t aios_cobs_encode(const uint8_t *in, size_t length, uint8_t *out, size_t capacity);
/* Returns the decoded length; sets *ok to false on a malformed block or a short `capacity`. */
size_t aios_cobs_decode(const uint8_t *in, size_t length, uint8_t *out, size_t capacity, bool *ok);

/*
 * Writes the frame, COBS-encoded and delimited, into `out`. Returns the bytes written, or 0 when
 * the payload exceeds AIOS_MAX_PAYLOAD_BYTES or `capacity` is too small.
 */
size_t aios_frame_encode(const aios_frame_t *frame, uint8_t *out, size_t capacity);

/*
 * Parses one raw (already COBS-decoded) frame. `out->payload` points into `raw`.
 * Errors: AIOS_ERR_PROTOCOL_BAD_FRAME (short, lengths disagree), AIOS_ERR_PROTOCOL_BAD_CRC,
 * AIOS_ERR_PROTOCOL_BAD_VERSION.
 */
aios_error_t aios_frame_parse(const uint8_t *raw, size_t length, aios_frame_t *out);

typedef enum {
    AIOS_DECODE_PENDING, /* byte consumed, no frame complete yet */
    AIOS_DECODE_FRAME,   /* a valid frame is in *out until the next push */
    AIOS_DECODE_ERROR,   /* a frame was dropped; see last_error and the counters */
} aios_decode_status_t;

/* Byte-at-a-time decoder, small enough to feed from a UART ring buffer. */
typedef struct {
    uint8_t encoded[AIOS_MAX_ENCODED_BYTES];
    uint8_t raw[AIOS_MAX_FRAME_BYTES];
    size_t length;
    bool discarding; /* the current frame grew past the cap: drop bytes up to the next 0x00 */
    aios_error_t last_error;
    uint32_t frames_ok;
    uint32_t frames_corrupt;   /* bad COBS, bad CRC, bad lengths, bad version */
    uint32_t frames_oversized; /* longer than AIOS_MAX_ENCODED_BYTES */
} aios_frame_decoder_t;

void aios_frame_decoder_init(aios_frame_decoder_t *decoder);
aios_decode_status_t aios_frame_decoder_push(aios_frame_decoder_t *decoder, uint8_t byte,
                                             aios_frame_t *out);

#endif
