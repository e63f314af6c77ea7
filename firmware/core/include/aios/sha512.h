/* SHA-512 (FIPS 180-4), the hash inside Ed25519 signature verification. Incremental, no
 * allocation; the context is about 210 bytes. */
#ifndef AIOS_SHA512_H
#define AIOS_SHA512_H

#include <stddef.h>
#include <stdint.h>

#define AIOS_SHA512_BYTES 64u

typedef struct {
    uint64_t state[8];
    uint64_t length; /* bytes hashed so far (images are far below 2^61 bytes) */
    uint8_t block[128];
    size_t filled;
} aios_sha512_t;

void aios_sha512_init(aios_sha512_t *ctx);
void aios_sha512_update(aios_sha512_t *ctx, const uint8_t *data, size_t length);
void aios_sha512_final(aios_sha512_t *ctx, uint8_t digest[AIOS_SHA512_BYTES]);

#endif
