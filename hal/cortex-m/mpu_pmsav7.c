/* PMSAv7 (ARMv7-M: Cortex-M3, M4, M7): a region is a power of two of at least 32 bytes, aligned
 * to its size; where regions overlap, the highest number wins. Regions 0 and 1 stay programmed
 * from boot, 2 and 3 change with every domain:
 *   0  guard under the main stack: no access, even privileged
 *   1  flash (code, constants, the Wasm images): privileged read-write as in the default map,
 *      unprivileged read-only and executable
 *   2  the running domain: read-write, execute never
 *   3  its interpreter stack: read-write, execute never */
#include "mpu.h"

#include <stdbool.h>

#define MPU_RBAR HAL_REG32(0xE000ED9Cu)
#define MPU_RASR HAL_REG32(0xE000EDA0u)
/* RBAR with VALID set names the region itself, so RNR need not be written first. */
#define RBAR_VALID (1u << 4)
#define RASR_ENABLE 1u
#define RASR_SIZE(log2) (((uint32_t)(log2)-1u) << 1)
#define RASR_NORMAL_MEMORY ((1u << 17) | (1u << 16)) /* TEX 0, C, B: write-back */
#define RASR_AP_NONE (0u << 24)
#define RASR_AP_PRIVILEGED_WRITE (2u << 24) /* privileged read-write, unprivileged read-only */
#define RASR_AP_FULL (3u << 24)
#define RASR_XN (1u << 28)

enum { REGION_GUARD, REGION_FLASH, REGION_DOMAIN, REGION_STACK, REGIONS_USED };

/* The guard is as large as a frame that could otherwise step over it; the main stack loses at
 * most twice this to it. */
#define GUARD_BYTES 256u

static bool regions_available(void)
{
    return MPU_TYPE_REGIONS(MPU_TYPE) >= REGIONS_USED;
}

/* log2(bytes) when [base, base + bytes) can be one region, else -1. */
static int region_size(uintptr_t base, size_t bytes)
{
    int log2 = 5;
    while (log2 < 32 && ((size_t)1 << log2) < bytes) {
        log2++;
    }
    if (log2 == 32 || ((size_t)1 << log2) != bytes || base % bytes != 0) {
        return -1;
    }
    return log2;
}

static void sync(void)
{
    __asm volatile("dsb\n isb" ::: "memory");
}

void hal_stack_guard_init(void)
{
    if (!regions_available()) {
        return;
    }
    uint32_t guard = (hal_stack_bottom() + GUARD_BYTES - 1u) & ~(GUARD_BYTES - 1u);
    MPU_RBAR = guard | RBAR_VALID | REGION_GUARD;
    MPU_RASR = RASR_XN | RASR_AP_NONE | RASR_NORMAL_MEMORY |
               RASR_SIZE(region_size(guard, GUARD_BYTES)) | RASR_ENABLE;
    MPU_CTRL = MPU_CTRL_ENABLE | MPU_CTRL_PRIVDEFENA;
    sync();
}

int hal_mpu_setup(void)
{
    int flash = region_size(AIOS_FLASH_ORIGIN, AIOS_FLASH_LENGTH);
    if (!regions_available() || flash < 0) {
        return -1;
    }
    MPU_RBAR = AIOS_FLASH_ORIGIN | RBAR_VALID | REGION_FLASH;
    MPU_RASR = RASR_AP_PRIVILEGED_WRITE | RASR_NORMAL_MEMORY | RASR_SIZE(flash) | RASR_ENABLE;
    sync();
    return 0;
}

int hal_mpu_describe(hal_domain_t *domain, uintptr_t base, size_t bytes)
{
    int size = region_size(base, bytes);
    if (size < 0) {
        return -1;
    }
    domain->base = base;
    domain->bytes = bytes;
    domain->port[0] = (uint32_t)base | RBAR_VALID;
    domain->port[1] = RASR_XN | RASR_AP_FULL | RASR_NORMAL_MEMORY | RASR_SIZE(size) | RASR_ENABLE;
    return 0;
}

void hal_mpu_load(const hal_domain_t *domain, const hal_domain_t *stack)
{
    MPU_RBAR = domain->port[0] | REGION_DOMAIN;
    MPU_RASR = domain->port[1];
    MPU_RBAR = stack->port[0] | REGION_STACK;
    MPU_RASR = stack->port[1];
    sync();
}
