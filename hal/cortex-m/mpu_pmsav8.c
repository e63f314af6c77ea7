/* PMSAv8 (ARMv8-M Mainline: Cortex-M33). AIOS runs in Secure state, so these are the Secure
 * MPU's registers. A region is a base and a limit on 32-byte boundaries with its own access
 * rights, and regions must not overlap (an access matching two faults), so there is no
 * "privileged read-write, unprivileged read-only" region to lay over RAM: the regions only
 * describe what unprivileged code may do, and privileged code keeps the default map.
 *   0  flash: read-only and executable for everyone (nothing writes the image at run time)
 *   1  the running domain: read-write, execute never
 *   2  its interpreter stack: read-write, execute never
 * The main stack needs no guard region: ARMv8-M checks every move of the stack pointer against
 * MSPLIM, so an overflow faults (UsageFault, STKOF) before anything below the stack is
 * written, whatever the size of the frame that overflows. */
#include "mpu.h"

#include <stdbool.h>

#define MPU_RBAR HAL_REG32(0xE000ED9Cu)
#define MPU_RLAR HAL_REG32(0xE000EDA0u)
#define MPU_MAIR0 HAL_REG32(0xE000EDC0u)
#define RBAR_XN 1u
#define RBAR_AP_READ_WRITE (1u << 1) /* privileged and unprivileged */
#define RBAR_AP_READ_ONLY (3u << 1)  /* privileged and unprivileged */
#define RLAR_ENABLE 1u               /* attribute index 0 */
#define MAIR_NORMAL_WRITE_BACK 0xFFu
#define GRANULE 32u

enum { REGION_FLASH, REGION_DOMAIN, REGION_STACK, REGIONS_USED };

static bool granular(uintptr_t base, size_t bytes)
{
    return bytes > 0 && base % GRANULE == 0 && bytes % GRANULE == 0;
}

static void sync(void)
{
    __asm volatile("dsb\n isb" ::: "memory");
}

static void program(uint32_t region, uint32_t rbar, uint32_t rlar)
{
    MPU_RNR = region;
    /* Disabled while it moves, so that it never overlaps another region half-way. */
    MPU_RLAR = 0;
    MPU_RBAR = rbar;
    MPU_RLAR = rlar;
}

void hal_stack_guard_init(void)
{
    uint32_t limit = hal_stack_bottom();
    __asm volatile("msr msplim, %0" ::"r"(limit));
}

int hal_mpu_setup(void)
{
    if (MPU_TYPE_REGIONS(MPU_TYPE) < REGIONS_USED ||
        !granular(AIOS_FLASH_ORIGIN, AIOS_FLASH_LENGTH)) {
        return -1;
    }
    MPU_CTRL = 0;
    sync();
    MPU_MAIR0 = MAIR_NORMAL_WRITE_BACK;
    program(REGION_FLASH, AIOS_FLASH_ORIGIN | RBAR_AP_READ_ONLY,
            (AIOS_FLASH_ORIGIN + AIOS_FLASH_LENGTH - GRANULE) | RLAR_ENABLE);
    MPU_CTRL = MPU_CTRL_ENABLE | MPU_CTRL_PRIVDEFENA;
    sync();
    return 0;
}

int hal_mpu_describe(hal_domain_t *domain, uintptr_t base, size_t bytes)
{
    if (!granular(base, bytes)) {
        return -1;
    }
    domain->base = base;
    domain->bytes = bytes;
    domain->port[0] = (uint32_t)base | RBAR_AP_READ_WRITE | RBAR_XN;
    domain->port[1] = ((uint32_t)(base + bytes) - GRANULE) | RLAR_ENABLE;
    return 0;
}

void hal_mpu_load(const hal_domain_t *domain, const hal_domain_t *stack)
{
    program(REGION_DOMAIN, domain->port[0], domain->port[1]);
    program(REGION_STACK, stack->port[0], stack->port[1]);
    sync();
}
