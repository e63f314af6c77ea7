/* The image store on a RAM flash with NOR semantics that can lose power in the middle of a
 * write, driven by lines on stdin (tests/core/image-store.test.ts). One answer line per command:
 *   key <hex>                           the public key installs are checked against
 *   begin <name> <version> <size> <sha256 hex> <signature hex> <manifest hex|->
 *                                       ok <received> | error <code>
 *   chunk <offset> <crc> <data hex>     ok <received> | error <code>
 *   commit <name>                       ok <id> <sequence> | error <code>
 *   abort                               ok
 *   remove <name>                       ok <id> | error <code>
 *   list                                entry <id> <name> <version> <size> <sequence> ...; end
 * <free> image <id>                          the image's bytes in hex, or none powercut <n> ok: the
 * write after the next n writes is cut halfway and nothing is written after it, until reboot reboot
 * ok | error <code>: power back, the store scans flash flip <offset>                       ok:
 * inverts one bit of flash (a damaged cell) */
#include "aios/image_store.h"
#include "hal/flash.h"

#include "hex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FLASH_BYTES (AIOS_KERNEL_FLASH_BYTES + CORE_STORE_BYTES)
#define LINE_BYTES 2048u

static uint8_t flash[FLASH_BYTES];
static uint8_t key[32];
static long writes_left = -1; /* -1: power stays on */
static int powered = 1;

const uint8_t *core_signing_public_key(void)
{
    return key;
}

size_t hal_flash_size(void)
{
    return sizeof flash;
}

static int in_range(uint32_t offset, size_t length)
{
    return offset <= sizeof flash && length <= sizeof flash - offset;
}

/* How much of a write of `length` bytes happens: all, half (the cut), or none. */
static size_t power_allows(size_t length)
{
    if (!powered) {
        return 0;
    }
    if (writes_left == 0) {
        powered = 0;
        return length / 2;
    }
    if (writes_left > 0) {
        writes_left--;
    }
    return length;
}

int hal_flash_read(uint32_t offset, void *data, size_t length)
{
    if (!in_range(offset, length)) {
        return -1;
    }
    memcpy(data, &flash[offset], length);
    return 0;
}

int hal_flash_erase(uint32_t offset, size_t length)
{
    if (!in_range(offset, length)) {
        return -1;
    }
    memset(&flash[offset], 0xff, power_allows(length));
    return 0;
}

int hal_flash_program(uint32_t offset, const void *data, size_t length)
{
    const uint8_t *bytes = data;
    if (!in_range(offset, length)) {
        return -1;
    }
    size_t done = power_allows(length);
    for (size_t i = 0; i < done; i++) {
        flash[offset + i] &= bytes[i];
    }
    return 0;
}

static void answer(int32_t status, const char *ok_format, unsigned long a, unsigned long b)
{
    if (status != 0) {
        printf("error %ld\n", (long)-status);
    } else {
        printf(ok_format, a, b);
    }
}

int main(void)
{
    static char line[LINE_BYTES];
    static uint8_t bytes[4][600];
    char name[64], version[64], text[4][1100];
    memset(flash, 0xff, sizeof flash);
    if (core_store_init() != 0) {
        printf("init failed\n");
        return 1;
    }
    while (fgets(line, sizeof line, stdin) != NULL) {
        char op[16];
        unsigned long a = 0, b = 0;
        uint32_t received = 0;
        if (sscanf(line, "%15s", op) != 1) {
            continue;
        }
        if (strcmp(op, "key") == 0 && sscanf(line, "%*s %1099s", text[0]) == 1) {
            test_from_hex(text[0], key, sizeof key);
            printf("ok\n");
        } else if (strcmp(op, "begin") == 0 &&
                   sscanf(line, "%*s %63s %63s %lu %1099s %1099s %1099s", name, version, &a,
                          text[0], text[1], text[2]) == 6) {
            core_store_begin_t begin = {(const uint8_t *)name,
                                        strlen(name),
                                        (const uint8_t *)version,
                                        strcmp(version, "-") == 0 ? 0 : strlen(version),
                                        (uint32_t)a,
                                        bytes[0],
                                        test_from_hex(text[0], bytes[0], sizeof bytes[0]),
                                        bytes[1],
                                        test_from_hex(text[1], bytes[1], sizeof bytes[1]),
                                        bytes[2],
                                        test_from_hex(text[2], bytes[2], sizeof bytes[2])};
            int32_t status = core_store_begin(&begin, &received);
            answer(status, "ok %lu\n", received, 0);
        } else if (strcmp(op, "chunk") == 0 &&
                   sscanf(line, "%*s %lu %lu %1099s", &a, &b, text[0]) == 3) {
            size_t length = test_from_hex(text[0], bytes[3], sizeof bytes[3]);
            int32_t status =
                core_store_chunk((uint32_t)a, (uint32_t)b, bytes[3], length, &received);
            answer(status, "ok %lu\n", received, 0);
        } else if (strcmp(op, "commit") == 0 && sscanf(line, "%*s %63s", name) == 1) {
            const core_store_entry_t *entry = NULL;
            int32_t status = core_store_commit((const uint8_t *)name, strlen(name), &entry);
            answer(status, "ok %lu %lu\n", status == 0 ? entry->id : 0,
                   status == 0 ? entry->sequence : 0);
        } else if (strcmp(op, "abort") == 0) {
            core_store_abort();
            printf("ok\n");
        } else if (strcmp(op, "remove") == 0 && sscanf(line, "%*s %63s", name) == 1) {
            uint16_t id = 0;
            int32_t status = core_store_remove((const uint8_t *)name, strlen(name), &id);
            answer(status, "ok %lu\n", id, 0);
        } else if (strcmp(op, "list") == 0) {
            const core_store_entry_t *e;
            for (size_t i = 0; (e = core_store_entry(i)) != NULL; i++) {
                printf("entry %u %s %s %lu %lu ", e->id, e->name, e->version,
                       (unsigned long)e->size, (unsigned long)e->sequence);
            }
            printf("end %lu\n", (unsigned long)core_store_free());
        } else if (strcmp(op, "image") == 0 && sscanf(line, "%*s %lu", &a) == 1) {
            const core_image_t *image = core_store_image((uint32_t)a);
            if (image == NULL) {
                printf("none\n");
            } else {
                for (size_t i = 0; i < image->length; i++) {
                    printf("%02x", image->bytes[i]);
                }
                printf("\n");
            }
        } else if (strcmp(op, "powercut") == 0 && sscanf(line, "%*s %lu", &a) == 1) {
            writes_left = (long)a;
            printf("ok\n");
        } else if (strcmp(op, "reboot") == 0) {
            writes_left = -1;
            powered = 1;
            answer(core_store_init(), "ok\n", 0, 0);
        } else if (strcmp(op, "flip") == 0 && sscanf(line, "%*s %lu", &a) == 1 &&
                   a < sizeof flash) {
            flash[a] ^= 0x01u;
            printf("ok\n");
        } else {
            printf("bad line\n");
        }
        fflush(stdout);
    }
    return 0;
}
