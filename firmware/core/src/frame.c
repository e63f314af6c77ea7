#include "aios/frame.h"

#include "aios/wire.h"

#include <string.h>

size_t aios_frame_encode(const aios_frame_t *frame, uint8_t *out, size_t capacity)
{
    uint8_t raw[AIOS_MAX_FRAME_BYTES];
    aios_writer_t w;
    if (frame->payload_length > AIOS_MAX_PAYLOAD_BYTES) {
        return 0;
    }
    aios_writer_init(&w, raw, sizeof raw - 4u);
    aios_put_u8(&w, frame->version);
    aios_put_u8(&w, frame->type);
    aios_put_u16(&w, frame->seq);
    aios_put_varuint(&w, frame->timestamp_us);
    aios_put_varuint(&w, frame->payload_length);
    if (w.overflow || w.capacity - w.length < frame->payload_length) {
        return 0;
    }
    if (frame->payload_length > 0) {
        memcpy(&raw[w.length], frame->payload, frame->payload_length);
    }
    w.length += frame->payload_length;
    w.capacity += 4u;
    aios_put_u32(&w, aios_crc32(raw, w.length));

    if (capacity == 0) {
        return 0;
    }
    size_t encoded = aios_cobs_encode(raw, w.length, out, capacity - 1u);
    if (encoded == 0) {
        return 0;
    }
    out[encoded] = 0;
    return encoded + 1u;
}

aios_error_t aios_frame_parse(const uint8_t *raw, size_t length, aios_frame_t *out)
{
    aios_reader_t r;
    uint32_t crc;
    if (length < 4u + 6u) {
        return AIOS_ERR_PROTOCOL_BAD_FRAME;
    }
    crc = (uint32_t)raw[length - 4u] | (uint32_t)raw[length - 3u] << 8 |
          (uint32_t)raw[length - 2u] << 16 | (uint32_t)raw[length - 1u] << 24;
    if (crc != aios_crc32(raw, length - 4u)) {
        return AIOS_ERR_PROTOCOL_BAD_CRC;
    }
    aios_reader_init(&r, raw, length - 4u);
    out->version = aios_get_u8(&r);
    out->type = aios_get_u8(&r);
    out->seq = aios_get_u16(&r);
    out->timestamp_us = aios_get_varuint(&r);
    uint64_t payload_length = aios_get_varuint(&r);
    if (r.error || payload_length != r.length - r.offset) {
        return AIOS_ERR_PROTOCOL_BAD_FRAME;
    }
    if (out->version != AIOS_PROTOCOL_VERSION) {
        return AIOS_ERR_PROTOCOL_BAD_VERSION;
    }
    out->payload = &raw[r.offset];
    out->payload_length = (size_t)payload_length;
    return AIOS_ERR_OK;
}

void aios_frame_decoder_init(aios_frame_decoder_t *decoder)
{
    memset(decoder, 0, sizeof *decoder);
}

static aios_decode_status_t finish_frame(aios_frame_decoder_t *d, aios_frame_t *out)
{
    bool ok;
    size_t raw_length = aios_cobs_decode(d->encoded, d->length, d->raw, sizeof d->raw, &ok);
    aios_error_t error =
        ok ? aios_frame_parse(d->raw, raw_length, out) : AIOS_ERR_PROTOCOL_BAD_FRAME;
    d->length = 0;
    if (error != AIOS_ERR_OK) {
        d->last_error = error;
        d->frames_corrupt++;
        return AIOS_DECODE_ERROR;
    }
    d->frames_ok++;
    return AIOS_DECODE_FRAME;
}

aios_decode_status_t aios_frame_decoder_push(aios_frame_decoder_t *d, uint8_t byte,
                                             aios_frame_t *out)
{
    if (byte != 0) {
        if (d->discarding) {
            return AIOS_DECODE_PENDING;
        }
        if (d->length == sizeof d->encoded) {
            d->discarding = true;
            d->length = 0;
            d->last_error = AIOS_ERR_PROTOCOL_BAD_FRAME;
            d->frames_oversized++;
            return AIOS_DECODE_ERROR;
        }
        d->encoded[d->length++] = byte;
        return AIOS_DECODE_PENDING;
    }
    if (d->discarding) {
        d->discarding = false;
        return AIOS_DECODE_PENDING;
    }
    /* Back-to-back delimiters carry no frame; senders use a leading 0x00 to flush noise. */
    if (d->length == 0) {
        return AIOS_DECODE_PENDING;
    }
    return finish_frame(d, out);
}
