/* Persistent storage on boards without a flash driver yet (the MPS2 boards, whose "flash" is
 * SSRAM): a RAM area that startup neither loads nor zeroes, so it survives a system reset
 * (the case the persistent regions are tested for) but not a power cycle. */
#include "hal/flash.h"

#include <string.h>

/* The kernel's persistent regions (8 KiB) and the image store (firmware/core image_store.h);
 * board.json "core" {"flashStorageBytes"} resizes it. */
#ifndef AIOS_FLASH_STORAGE_BYTES
#define AIOS_FLASH_STORAGE_BYTES 65536u
#endif
#define STORAGE_BYTES AIOS_FLASH_STORAGE_BYTES
#define STORAGE_MARKER 0xF1A5B007u

__attribute__((section(".noinit"))) static struct {
    uint32_t marker;
    uint8_t bytes[STORAGE_BYTES];
} storage;

static void format_once(void)
{
    if (storage.marker != STORAGE_MARKER) {
        memset(storage.bytes, 0xff, sizeof storage.bytes);
        storage.marker = STORAGE_MARKER;
    }
}

static int in_range(uint32_t offset, size_t length)
{
    return offset <= STORAGE_BYTES && length <= STORAGE_BYTES - offset;
}

size_t hal_flash_size(void)
{
    return STORAGE_BYTES;
}

int hal_flash_read(uint32_t offset, void *data, size_t length)
{
    format_once();
    if (!in_range(offset, length)) {
        return -1;
    }
    memcpy(data, &storage.bytes[offset], length);
    return 0;
}

int hal_flash_erase(uint32_t offset, size_t length)
{
    format_once();
    if (!in_range(offset, length)) {
        return -1;
    }
    memset(&storage.bytes[offset], 0xff, length);
    return 0;
}

int hal_flash_program(uint32_t offset, const void *data, size_t length)
{
    const uint8_t *bytes = data;
    format_once();
    if (!in_range(offset, length)) {
        return -1;
    }
    for (size_t i = 0; i < length; i++) {
        storage.bytes[offset + i] &= bytes[i];
    }
    return 0;
}
