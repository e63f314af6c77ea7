/* Fault domains of the POSIX port: while a domain runs, every fenced range except the domain's
 * own bytes is PROT_NONE, so a stray access from native code acting for that agent raises
 * SIGSEGV; the fault handler (fault.c) hands it to posix_domain_claim, which jumps back to the
 * hal_domain_run that entered the domain. Protections are only in place inside a domain; a
 * hal_domain_call lifts them for its duration.
 *
 * Recovery is siglongjmp out of the SIGSEGV handler, which runs on the alternate signal stack.
 * AddressSanitizer intercepts siglongjmp and, seeing it leave the alternate stack, unpoisons the
 * whole thread stack (compiler-rt PlatformUnpoisonStacks), so the abandoned frames leave no
 * stale poison behind. */
#define _GNU_SOURCE
#include "hal/domain.h"

#include "hal/cpu.h"
#include "posix.h"

#include <setjmp.h>
#include <signal.h>
#include <stdbool.h>
#include <sys/mman.h>
#include <unistd.h>

typedef struct {
    uintptr_t base;
    size_t bytes;
} range_t;

typedef struct {
    sigjmp_buf recover;
    const hal_domain_t *domain;
    /* Kept here, not in the caller's record, which may lie in a fenced range. */
    hal_fault_record_t fault;
} level_t;

static bool initialised;
static range_t fences[HAL_DOMAIN_FENCES];
static size_t fence_count;
static level_t levels[HAL_DOMAIN_DEPTH];
/* Runs entered and not yet left; and whether code runs inside the innermost one right now
 * (not in a hal_domain_call). The fault handler reads both. */
static volatile sig_atomic_t depth;
static volatile sig_atomic_t inside;

int hal_domain_init(void)
{
    long page = sysconf(_SC_PAGESIZE);
    /* The layout is fixed at build time for the largest page this port expects. */
    if (page <= 0 || HAL_FENCE_GRANULE % (unsigned long)page != 0) {
        return HAL_DOMAIN_NOT_SUPPORTED;
    }
    initialised = true;
    return HAL_DOMAIN_OK;
}

static bool granular(uintptr_t base, size_t bytes, size_t granule)
{
    return bytes > 0 && base % granule == 0 && bytes % granule == 0;
}

int hal_domain_fence(void *base, size_t bytes)
{
    if (!initialised) {
        return HAL_DOMAIN_NOT_SUPPORTED;
    }
    if (!granular((uintptr_t)base, bytes, HAL_FENCE_GRANULE)) {
        return HAL_DOMAIN_BAD_RANGE;
    }
    if (fence_count == HAL_DOMAIN_FENCES) {
        return HAL_DOMAIN_BUSY;
    }
    fences[fence_count].base = (uintptr_t)base;
    fences[fence_count].bytes = bytes;
    fence_count++;
    return HAL_DOMAIN_OK;
}

int hal_domain_configure(hal_domain_t *domain, void *base, size_t bytes)
{
    if (!initialised) {
        return HAL_DOMAIN_NOT_SUPPORTED;
    }
    if (!granular((uintptr_t)base, bytes, HAL_DOMAIN_GRANULE)) {
        return HAL_DOMAIN_BAD_RANGE;
    }
    domain->base = (uintptr_t)base;
    domain->bytes = bytes;
    domain->port[0] = 0;
    domain->port[1] = 0;
    return HAL_DOMAIN_OK;
}

/* A failed mprotect would leave a fence down (or up) without anyone knowing: treat it as the
 * fault it stands for. */
static void set_protection(uintptr_t base, size_t bytes, int protection)
{
    if (bytes > 0 && mprotect((void *)base, bytes, protection) != 0) {
        hal_reset(AIOS_RESET_CAUSE_FAULT);
    }
}

static void raise_fences(const hal_domain_t *domain)
{
    uintptr_t start = domain->base;
    uintptr_t end = domain->base + domain->bytes;
    for (size_t i = 0; i < fence_count; i++) {
        uintptr_t fence_end = fences[i].base + fences[i].bytes;
        if (start >= fences[i].base && end <= fence_end) {
            set_protection(fences[i].base, start - fences[i].base, PROT_NONE);
            set_protection(end, fence_end - end, PROT_NONE);
        } else {
            set_protection(fences[i].base, fences[i].bytes, PROT_NONE);
        }
    }
}

static void lower_fences(void)
{
    for (size_t i = 0; i < fence_count; i++) {
        set_protection(fences[i].base, fences[i].bytes, PROT_READ | PROT_WRITE);
    }
}

int hal_domain_run(const hal_domain_t *domain, hal_domain_fn fn, void *context, uint32_t *result,
                   hal_fault_record_t *fault)
{
    if (!initialised) {
        return HAL_DOMAIN_NOT_SUPPORTED;
    }
    /* Not modified between sigsetjmp and a siglongjmp, so still valid after one. */
    const sig_atomic_t level = depth;
    if ((size_t)level == HAL_DOMAIN_DEPTH) {
        return HAL_DOMAIN_BUSY;
    }
    levels[level].domain = domain;
    if (sigsetjmp(levels[level].recover, 1) != 0) {
        /* posix_domain_claim jumped here: the fences are still up. */
        depth = level;
        lower_fences();
        *fault = levels[level].fault;
        return HAL_DOMAIN_FAULTED;
    }
    depth = level + 1;
    raise_fences(domain);
    inside = 1;
    *result = fn(context);
    inside = 0;
    depth = level;
    /* Back in the enclosing run's hal_domain_call (if any), where the fences are down too. */
    lower_fences();
    return HAL_DOMAIN_OK;
}

uint32_t hal_domain_call(hal_domain_fn fn, void *context)
{
    if (!inside) {
        return fn(context);
    }
    inside = 0;
    lower_fences();
    uint32_t value = fn(context);
    raise_fences(levels[depth - 1].domain);
    inside = 1;
    return value;
}

void posix_domain_claim(const hal_fault_record_t *record)
{
    if (!inside || depth == 0) {
        return;
    }
    level_t *level = &levels[depth - 1];
    level->fault = *record;
    inside = 0;
    siglongjmp(level->recover, 1);
}
