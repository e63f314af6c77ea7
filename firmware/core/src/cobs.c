#include "aios/frame.h"

size_t aios_cobs_encode(const uint8_t *in, size_t length, uint8_t *out, size_t capacity)
{
    size_t code_at = 0;
    size_t written = 1;
    uint8_t code = 1;
    if (capacity == 0) {
        return 0;
    }
    for (size_t i = 0; i < length; i++) {
        if (in[i] != 0) {
            if (written >= capacity) {
                return 0;
            }
            out[written++] = in[i];
            code++;
        }
        /* A zero ends the block; so does a full block of 254 data bytes. */
        if (in[i] == 0 || code == 0xffu) {
            out[code_at] = code;
            code = 1;
            if (written >= capacity) {
                return 0;
            }
            code_at = written++;
        }
    }
    out[code_at] = code;
    return written;
}

size_t aios_cobs_decode(const uint8_t *in, size_t length, uint8_t *out, size_t capacity, bool *ok)
{
    size_t read = 0;
    size_t written = 0;
    *ok = false;
    while (read < length) {
        uint8_t code = in[read++];
        if (code == 0 || read + (size_t)code - 1u > length) {
            return 0;
        }
        for (uint8_t i = 1; i < code; i++) {
            if (in[read] == 0 || written >= capacity) {
                return 0;
            }
            out[written++] = in[read++];
        }
        /* A block shorter than 254 stood for a zero, unless it ends the frame. */
        if (code != 0xffu && read < length) {
            if (written >= capacity) {
                return 0;
            }
            out[written++] = 0;
        }
    }
    *ok = true;
    return written;
}
