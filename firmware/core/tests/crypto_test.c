/* SHA-512 and Ed25519 verification driven by lines on stdin (tests/core/crypto.test.ts makes
 * them with node:crypto and the RFC 8032 vectors):
 *   sha512 <message hex>                       prints the digest in hex
 *   verify <public hex> <signature hex> <message hex>   prints 1 (valid) or 0
 * An empty message is written as "-". */
#include "aios/ed25519.h"
#include "aios/sha512.h"

#include "hex.h"

#include <stdio.h>
#include <string.h>

#define MAX_MESSAGE 4096u

int main(void)
{
    static char line[3 * MAX_MESSAGE];
    static char a[2 * MAX_MESSAGE + 2], b[2 * MAX_MESSAGE + 2], c[2 * MAX_MESSAGE + 2];
    static uint8_t message[MAX_MESSAGE];
    while (fgets(line, sizeof line, stdin) != NULL) {
        char op[16];
        if (sscanf(line, "%15s", op) != 1) {
            continue;
        }
        if (strcmp(op, "sha512") == 0 && sscanf(line, "%*s %8193s", a) == 1) {
            uint8_t digest[AIOS_SHA512_BYTES];
            aios_sha512_t ctx;
            size_t length = test_from_hex(a, message, sizeof message);
            /* Fed in uneven pieces, so block boundaries fall inside update calls. */
            aios_sha512_init(&ctx);
            for (size_t done = 0; done < length;) {
                size_t take = length - done < 37u ? length - done : 37u;
                aios_sha512_update(&ctx, &message[done], take);
                done += take;
            }
            aios_sha512_final(&ctx, digest);
            for (size_t i = 0; i < sizeof digest; i++) {
                printf("%02x", digest[i]);
            }
            printf("\n");
        } else if (strcmp(op, "verify") == 0 &&
                   sscanf(line, "%*s %8193s %8193s %8193s", a, b, c) == 3) {
            uint8_t public_key[32] = {0};
            uint8_t signature[64] = {0};
            bool ok = test_from_hex(a, public_key, sizeof public_key) == sizeof public_key &&
                      test_from_hex(b, signature, sizeof signature) == sizeof signature;
            size_t length = test_from_hex(c, message, sizeof message);
            printf("%d\n", ok && aios_ed25519_verify(signature, public_key, message, length));
        } else {
            printf("bad line\n");
        }
        fflush(stdout);
    }
    return 0;
}
