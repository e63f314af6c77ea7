#include "aios/wire.h"

#include <string.h>

void aios_writer_init(aios_writer_t *w, uint8_t *data, size_t capacity)
{
    w->data = data;
    w->capacity = capacity;
    w->length = 0;
    w->overflow = false;
}

void aios_put_u8(aios_writer_t *w, uint8_t value)
{
    if (w->overflow || w->length >= w->capacity) {
        w->overflow = true;
        return;
    }
    w->data[w->length++] = value;
}

void aios_put_u16(aios_writer_t *w, uint16_t value)
{
    aios_put_u8(w, (uint8_t)value);
    aios_put_u8(w, (uint8_t)(value >> 8));
}

void aios_put_u32(aios_writer_t *w, uint32_t value)
{
    aios_put_u16(w, (uint16_t)value);
    aios_put_u16(w, (uint16_t)(value >> 16));
}

void aios_put_varuint(aios_writer_t *w, uint64_t value)
{
    do {
        uint8_t byte = (uint8_t)(value & 0x7fu);
        value >>= 7;
        aios_put_u8(w, value != 0 ? (uint8_t)(byte | 0x80u) : byte);
    } while (value != 0);
}

void aios_put_bytes(aios_writer_t *w, const uint8_t *data, uint8_t length)
{
    aios_put_u8(w, length);
    if (w->overflow || w->capacity - w->length < length) {
        w->overflow = true;
        return;
    }
    if (length > 0) {
        memcpy(&w->data[w->length], data, length);
    }
    w->length += length;
}

void aios_put_str(aios_writer_t *w, const char *text)
{
    size_t length = strlen(text);
    aios_put_bytes(w, (const uint8_t *)text, (uint8_t)(length > 255u ? 255u : length));
}

void aios_reader_init(aios_reader_t *r, const uint8_t *data, size_t length)
{
    r->data = data;
    r->length = length;
    r->offset = 0;
    r->error = false;
}

uint8_t aios_get_u8(aios_reader_t *r)
{
    if (r->error || r->offset >= r->length) {
        r->error = true;
        return 0;
    }
    return r->data[r->offset++];
}

uint16_t aios_get_u16(aios_reader_t *r)
{
    uint16_t low = aios_get_u8(r);
    return (uint16_t)(low | (uint16_t)(aios_get_u8(r) << 8));
}

uint32_t aios_get_u32(aios_reader_t *r)
{
    uint32_t low = aios_get_u16(r);
    return low | ((uint32_t)aios_get_u16(r) << 16);
}

uint64_t aios_get_varuint(aios_reader_t *r)
{
    uint64_t value = 0;
    for (unsigned shift = 0; shift < 70u; shift += 7u) {
        uint8_t byte = aios_get_u8(r);
        if (r->error) {
            return 0;
        }
        /* The tenth byte may hold only bit 63. */
        if (shift == 63u && (byte & 0x7eu) != 0) {
            break;
        }
        value |= (uint64_t)(byte & 0x7fu) << shift;
        if ((byte & 0x80u) == 0) {
            return value;
        }
    }
    r->error = true;
    return 0;
}

aios_span_t aios_get_span(aios_reader_t *r)
{
    aios_span_t span = {NULL, 0};
    uint8_t length = aios_get_u8(r);
    if (r->error || r->length - r->offset < length) {
        r->error = true;
        return span;
    }
    span.data = &r->data[r->offset];
    span.length = length;
    r->offset += length;
    return span;
}
