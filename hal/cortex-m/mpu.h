/*
 * The MPU under the Cortex-M fault domains, as mpu_domain.c drives it. One implementation per
 * architecture, chosen by board.json "mpu": mpu_pmsav7.c (ARMv7-M: regions of a power-of-two
 * size, aligned to it, that may overlap), mpu_pmsav8.c (ARMv8-M: base and limit on 32-byte
 * boundaries, never overlapping) and mpu_none.c (no MPU driven: no domains, no stack guard).
 */
#ifndef HAL_CORTEX_M_MPU_H
#define HAL_CORTEX_M_MPU_H

#include "armv7m.h"
#include "hal/domain.h"

#include <stdint.h>

#define MPU_TYPE HAL_REG32(0xE000ED90u)
#define MPU_CTRL HAL_REG32(0xE000ED94u)
#define MPU_RNR HAL_REG32(0xE000ED98u)
#define MPU_TYPE_REGIONS(type) (((type) >> 8) & 0xFFu)
#define MPU_CTRL_ENABLE 1u
/* Privileged code keeps the default memory map where no region matches: only unprivileged
 * code, which runs only inside a domain, is confined to the regions. */
#define MPU_CTRL_PRIVDEFENA 4u

/* Boot, from hal_fault_init: the guard under the main stack, so that its overflow is a fault
 * reported as such instead of a silent overwrite of what lies below (.bss). */
void hal_stack_guard_init(void);

/* The lowest address of the main stack (the linker's __stack_top less AIOS_STACK_BYTES). */
uint32_t hal_stack_bottom(void);

/* hal_domain_init: the regions every domain shares (flash: read and execute). Returns 0, or -1
 * when the MPU has too few regions or the board's flash cannot be described. */
int hal_mpu_setup(void);

/* Fills domain->port with the region that gives unprivileged code read and write access to
 * [base, base + bytes), execute never. Returns 0, or -1 when the range cannot be one region. */
int hal_mpu_describe(hal_domain_t *domain, uintptr_t base, size_t bytes);

/* Programs the regions of a domain and of the interpreter stack it runs on. Privileged. */
void hal_mpu_load(const hal_domain_t *domain, const hal_domain_t *stack);

/* From the fault handler, on the fault stack: when the fault was taken by unprivileged code
 * inside a domain, records it for hal_domain_run and returns to it (does not return here). */
void hal_domain_claim(const hal_fault_record_t *record, uint32_t exc_return);

#endif
