/* Checks the C frame codec against tests/protocol/vectors.txt, the vectors the TypeScript
 * codec is checked against too. Usage: frame_vectors_test <vectors.txt>. Prints one line per
 * failure and a closing "N passed, N failed". */
#include "aios/frame.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_BYTES 2048

static unsigned passed;
static unsigned failed;

static size_t parse_hex(const char *text, uint8_t *out, size_t capacity)
{
    size_t length = 0;
    if (strcmp(text, "-") == 0) {
        return 0;
    }
    for (; text[0] != '\0' && text[1] != '\0' && length < capacity; text += 2) {
        char pair[3] = {text[0], text[1], '\0'};
        out[length++] = (uint8_t)strtoul(pair, NULL, 16);
    }
    return length;
}

static void check(int ok, unsigned line, const char *what)
{
    if (ok) {
        passed++;
    } else {
        failed++;
        printf("FAIL line %u: %s\n", line, what);
    }
}

static void check_frame(unsigned line, char **fields)
{
    static uint8_t payload[MAX_BYTES], wire[MAX_BYTES], encoded[MAX_BYTES];
    size_t payload_length = parse_hex(fields[5], payload, sizeof payload);
    size_t wire_length = parse_hex(fields[6], wire, sizeof wire);
    aios_frame_t frame = {AIOS_PROTOCOL_VERSION,
                          (uint8_t)strtoul(fields[2], NULL, 10),
                          (uint16_t)strtoul(fields[3], NULL, 10),
                          strtoull(fields[4], NULL, 10),
                          payload,
                          payload_length};
    size_t encoded_length = aios_frame_encode(&frame, encoded, sizeof encoded);
    check(encoded_length == wire_length && memcmp(encoded, wire, wire_length) == 0, line,
          "encoding differs from the vector");

    static aios_frame_decoder_t decoder;
    aios_frame_t decoded;
    unsigned frames = 0;
    aios_frame_decoder_init(&decoder);
    for (size_t i = 0; i < wire_length; i++) {
        if (aios_frame_decoder_push(&decoder, wire[i], &decoded) == AIOS_DECODE_FRAME) {
            frames++;
            check(decoded.type == frame.type && decoded.seq == frame.seq &&
                      decoded.timestamp_us == frame.timestamp_us &&
                      decoded.payload_length == payload_length &&
                      memcmp(decoded.payload, payload, payload_length) == 0,
                  line, "decoded frame differs from the vector");
        }
    }
    check(frames == 1, line, "decoder did not produce exactly one frame");
}

static void check_reject(unsigned line, char **fields)
{
    static uint8_t wire[MAX_BYTES * 2];
    static aios_frame_decoder_t decoder;
    aios_frame_t decoded;
    size_t wire_length = parse_hex(fields[2], wire, sizeof wire);
    unsigned frames = 0;
    aios_frame_decoder_init(&decoder);
    for (size_t i = 0; i < wire_length; i++) {
        if (aios_frame_decoder_push(&decoder, wire[i], &decoded) == AIOS_DECODE_FRAME) {
            frames++;
        }
    }
    check(frames == 0, line, "a corrupt frame was decoded");
    check(decoder.frames_corrupt + decoder.frames_oversized == strtoul(fields[3], NULL, 10), line,
          "lost-frame count differs from the vector");
}

int main(int argc, char **argv)
{
    static char text[MAX_BYTES * 6];
    unsigned line = 0;
    if (argc != 2) {
        fprintf(stderr, "usage: %s <vectors.txt>\n", argv[0]);
        return 2;
    }
    FILE *file = fopen(argv[1], "r");
    if (file == NULL) {
        perror(argv[1]);
        return 2;
    }
    while (fgets(text, sizeof text, file) != NULL) {
        char *fields[8] = {0};
        int count = 0;
        line++;
        for (char *token = strtok(text, " \t\r\n"); token != NULL && count < 8;
             token = strtok(NULL, " \t\r\n")) {
            fields[count++] = token;
        }
        if (count == 0 || fields[0][0] == '#') {
            continue;
        }
        static uint8_t a[MAX_BYTES], b[MAX_BYTES], c[MAX_BYTES];
        if (strcmp(fields[0], "crc") == 0 && count == 3) {
            size_t length = parse_hex(fields[1], a, sizeof a);
            check(aios_crc32(a, length) == (uint32_t)strtoul(fields[2], NULL, 16), line, "crc");
        } else if (strcmp(fields[0], "cobs") == 0 && count == 3) {
            size_t raw = parse_hex(fields[1], a, sizeof a);
            size_t expected = parse_hex(fields[2], b, sizeof b);
            size_t encoded = aios_cobs_encode(a, raw, c, sizeof c);
            bool ok;
            check(encoded == expected && memcmp(b, c, expected) == 0, line, "cobs encode");
            size_t decoded = aios_cobs_decode(b, expected, c, sizeof c, &ok);
            check(ok && decoded == raw && memcmp(a, c, raw) == 0, line, "cobs decode");
        } else if (strcmp(fields[0], "frame") == 0 && count == 7) {
            check_frame(line, fields);
        } else if (strcmp(fields[0], "reject") == 0 && count == 4) {
            check_reject(line, fields);
        } else {
            check(0, line, "unrecognised vector line");
        }
    }
    fclose(file);
    printf("%u passed, %u failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
