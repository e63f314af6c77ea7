/*
 * Payload field encoding shared by every frame type (see aios.schema.json "fieldTypes").
 *
 * Writers and readers never fail midway: an overflow or a short read sets a sticky flag and
 * later calls do nothing, so generated encoders and decoders check the flag once at the end.
 * Neither owns its buffer; the caller keeps it alive for the writer's or reader's lifetime.
 */
#ifndef AIOS_WIRE_H
#define AIOS_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A borrowed byte range inside a received frame; valid while the frame buffer is. */
typedef struct {
    const uint8_t *data;
    uint8_t length;
} aios_span_t;

typedef struct {
    uint8_t *data;
    size_t capacity;
    size_t length;
    bool overflow; /* set when a put did not fit; the writer then ignores further puts */
} aios_writer_t;

typedef struct {
    const uint8_t *data;
    size_t length;
    size_t offset;
    bool error; /* set when a get ran past the end or a varint was malformed */
} aios_reader_t;

void aios_writer_init(aios_writer_t *w, uint8_t *data, size_t capacity);
void aios_put_u8(aios_writer_t *w, uint8_t value);
void aios_put_u16(aios_writer_t *w, uint16_t value);
void aios_put_u32(aios_writer_t *w, uint32_t value);
void aios_put_varuint(aios_writer_t *w, uint64_t value);
/* Strings longer than 255 bytes are cut at 255: fields carry a u8 length. */
void aios_put_str(aios_writer_t *w, const char *text);
void aios_put_bytes(aios_writer_t *w, const uint8_t *data, uint8_t length);

void aios_reader_init(aios_reader_t *r, const uint8_t *data, size_t length);
uint8_t aios_get_u8(aios_reader_t *r);
uint16_t aios_get_u16(aios_reader_t *r);
uint32_t aios_get_u32(aios_reader_t *r);
/* Rejects encodings longer than 10 bytes or with bits beyond 64. */
uint64_t aios_get_varuint(aios_reader_t *r);
aios_span_t aios_get_span(aios_reader_t *r);

#endif
