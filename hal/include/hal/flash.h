/*
 * Persistent storage for the kernel's persistent memory regions: NOR-flash semantics on every
 * port. Mandatory.
 *
 * Erase sets bytes to 0xFF; program can only clear bits (new = old & data), so writing over
 * unerased data corrupts it exactly as real NOR flash does. Calls are synchronous and return
 * when the operation is complete. Offsets are relative to the start of the storage area.
 */
#ifndef HAL_FLASH_H
#define HAL_FLASH_H

#include <stddef.h>
#include <stdint.h>

/* Bytes of storage this port provides. */
size_t hal_flash_size(void);

/* Each returns 0, or -1 when the range is outside the storage or the device failed. */
int hal_flash_read(uint32_t offset, void *data, size_t length);
int hal_flash_erase(uint32_t offset, size_t length);
int hal_flash_program(uint32_t offset, const void *data, size_t length);

#endif
