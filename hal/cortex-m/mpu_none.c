/* Boards whose MPU this port does not drive (ARMv6-M: the RP2040's Cortex-M0+ has an optional
 * PMSAv6 MPU, not supported here): there are no fault domains, as the interface allows, so the
 * core runs agents under the VM's software isolation and says so at boot; there is no guard
 * under the main stack either. */
#include "mpu.h"
#include "vectors.h"

void hal_stack_guard_init(void) {}

int hal_domain_init(void)
{
    return HAL_DOMAIN_NOT_SUPPORTED;
}

int hal_domain_fence(void *base, size_t bytes)
{
    (void)base, (void)bytes;
    return HAL_DOMAIN_NOT_SUPPORTED;
}

int hal_domain_configure(hal_domain_t *domain, void *base, size_t bytes)
{
    (void)domain, (void)base, (void)bytes;
    return HAL_DOMAIN_NOT_SUPPORTED;
}

int hal_domain_run(const hal_domain_t *domain, hal_domain_fn fn, void *context, uint32_t *result,
                   hal_fault_record_t *fault)
{
    (void)domain, (void)fn, (void)context, (void)result, (void)fault;
    return HAL_DOMAIN_NOT_SUPPORTED;
}

uint32_t hal_domain_call(hal_domain_fn fn, void *context)
{
    return fn(context);
}

/* No domain is ever active, so no fault is ever one's to recover. */
void hal_domain_claim(const hal_fault_record_t *record, uint32_t exc_return)
{
    (void)record, (void)exc_return;
}

/* Nothing issues an svc without domains: a stray one is reported as a HardFault. */
__attribute__((naked)) void hal_svc_handler(void)
{
    __asm volatile("ldr r0, =hal_fault_entry_hard\n"
                   "bx r0\n");
}
