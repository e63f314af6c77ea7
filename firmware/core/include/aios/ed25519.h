/* Ed25519 signature verification (RFC 8032 section 5.1.7), written from the RFC: checks that a
 * signed image comes from the holder of the project key. Verification only: the device never
 * signs, so it holds no secret, and it does not run in constant time (every input is public).
 * Incremental, so the message can be read from flash a block at a time. No allocation. */
#ifndef AIOS_ED25519_H
#define AIOS_ED25519_H

#include "aios/sha512.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define AIOS_ED25519_PUBLIC_KEY_BYTES 32u
#define AIOS_ED25519_SIGNATURE_BYTES 64u

typedef struct {
    aios_sha512_t hash; /* SHA-512(R || A || M), fed as the message arrives */
    uint8_t signature[AIOS_ED25519_SIGNATURE_BYTES];
    uint8_t public_key[AIOS_ED25519_PUBLIC_KEY_BYTES];
} aios_ed25519_verify_t;

void aios_ed25519_verify_init(aios_ed25519_verify_t *ctx,
                              const uint8_t signature[AIOS_ED25519_SIGNATURE_BYTES],
                              const uint8_t public_key[AIOS_ED25519_PUBLIC_KEY_BYTES]);
void aios_ed25519_verify_update(aios_ed25519_verify_t *ctx, const uint8_t *message, size_t length);
/* True when the signature is valid for the whole message fed in. */
bool aios_ed25519_verify_final(aios_ed25519_verify_t *ctx);

/* The same in one call. */
bool aios_ed25519_verify(const uint8_t signature[AIOS_ED25519_SIGNATURE_BYTES],
                         const uint8_t public_key[AIOS_ED25519_PUBLIC_KEY_BYTES],
                         const uint8_t *message, size_t length);

#endif
