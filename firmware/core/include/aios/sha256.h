/* SHA-256 (FIPS 180-4), used to attest agent images before they start. Incremental, no
 * allocation; the context is about 110 bytes. */
#ifndef AIOS_SHA256_H
#define AIOS_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define AIOS_SHA256_BYTES 32u

typedef struct {
    uint32_t state[8];
    uint64_t length; /* bytes hashed so far */
    uint8_t block[64];
    size_t filled;
} aios_sha256_t;

void aios_sha256_init(aios_sha256_t *ctx);
void aios_sha256_update(aios_sha256_t *ctx, const uint8_t *data, size_t length);
void aios_sha256_final(aios_sha256_t *ctx, uint8_t digest[AIOS_SHA256_BYTES]);

#endif
