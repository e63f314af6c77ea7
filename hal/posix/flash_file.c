/* Persistent storage of the POSIX port: a file (AIOS_FLASH_FILE, default aios-flash.bin in
 * the working directory) holding NOR-flash contents. Each operation is written through with
 * pwrite before it returns, so the data outlives the process and a reset. */
#define _POSIX_C_SOURCE 200809L
#include "hal/flash.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The kernel's persistent regions (8 KiB) and the image store (firmware/core image_store.h);
 * board.json "core" {"flashStorageBytes"} resizes it. */
#ifndef AIOS_FLASH_STORAGE_BYTES
#define AIOS_FLASH_STORAGE_BYTES 65536u
#endif
#define STORAGE_BYTES AIOS_FLASH_STORAGE_BYTES

static int storage_fd = -1;

static int storage(void)
{
    if (storage_fd >= 0) {
        return storage_fd;
    }
    const char *path = getenv("AIOS_FLASH_FILE");
    storage_fd = open(path != NULL ? path : "aios-flash.bin", O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (storage_fd >= 0 && lseek(storage_fd, 0, SEEK_END) < (off_t)STORAGE_BYTES) {
        uint8_t erased[256];
        memset(erased, 0xff, sizeof erased);
        for (uint32_t at = 0; at < STORAGE_BYTES; at += sizeof erased) {
            if (pwrite(storage_fd, erased, sizeof erased, (off_t)at) != (ssize_t)sizeof erased) {
                return -1;
            }
        }
    }
    return storage_fd;
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
    int fd = storage();
    if (fd < 0 || !in_range(offset, length)) {
        return -1;
    }
    return pread(fd, data, length, (off_t)offset) == (ssize_t)length ? 0 : -1;
}

int hal_flash_erase(uint32_t offset, size_t length)
{
    uint8_t erased[256];
    int fd = storage();
    if (fd < 0 || !in_range(offset, length)) {
        return -1;
    }
    memset(erased, 0xff, sizeof erased);
    for (size_t done = 0; done < length;) {
        size_t chunk = length - done < sizeof erased ? length - done : sizeof erased;
        if (pwrite(fd, erased, chunk, (off_t)(offset + done)) != (ssize_t)chunk) {
            return -1;
        }
        done += chunk;
    }
    return 0;
}

int hal_flash_program(uint32_t offset, const void *data, size_t length)
{
    const uint8_t *bytes = data;
    uint8_t current[256];
    int fd = storage();
    if (fd < 0 || !in_range(offset, length)) {
        return -1;
    }
    for (size_t done = 0; done < length;) {
        size_t chunk = length - done < sizeof current ? length - done : sizeof current;
        if (pread(fd, current, chunk, (off_t)(offset + done)) != (ssize_t)chunk) {
            return -1;
        }
        for (size_t i = 0; i < chunk; i++) {
            current[i] &= bytes[done + i];
        }
        if (pwrite(fd, current, chunk, (off_t)(offset + done)) != (ssize_t)chunk) {
            return -1;
        }
        done += chunk;
    }
    return 0;
}
