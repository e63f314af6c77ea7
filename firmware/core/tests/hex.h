/* Hex arguments of the C test drivers that read their cases from stdin. */
#ifndef AIOS_TEST_HEX_H
#define AIOS_TEST_HEX_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Decodes `text` ("-" is empty) into at most `capacity` bytes; returns how many, 0 on bad hex. */
static inline size_t test_from_hex(const char *text, uint8_t *out, size_t capacity)
{
    size_t length = strcmp(text, "-") == 0 ? 0 : strlen(text) / 2;
    for (size_t i = 0; i < length && i < capacity; i++) {
        unsigned byte = 0;
        if (sscanf(&text[2 * i], "%2x", &byte) != 1) {
            return 0;
        }
        out[i] = (uint8_t)byte;
    }
    return length <= capacity ? length : capacity;
}

#endif
