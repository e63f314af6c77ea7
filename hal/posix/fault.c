/* Fault entry of the POSIX port: SIGSEGV and SIGBUS, on an alternate stack so that a stack
 * overflow is reported too. A fault inside a fault domain goes back to the hal_domain_run that
 * entered it (domain.c); any other is reported and resets. */
#define _GNU_SOURCE
#include "hal/fault.h"

#include "hal/cpu.h"
#include "posix.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

static uint8_t signal_stack[64 * 1024];

static uint64_t faulting_pc(const ucontext_t *context)
{
#if defined(__x86_64__)
    return (uint64_t)context->uc_mcontext.gregs[REG_RIP];
#elif defined(__aarch64__)
    return (uint64_t)context->uc_mcontext.pc;
#else
    (void)context;
    return 0;
#endif
}

static void on_fault(int signal_number, siginfo_t *info, void *context)
{
    hal_fault_record_t record;
    record.kind = signal_number == SIGBUS ? AIOS_FAULT_KIND_SIGBUS : AIOS_FAULT_KIND_SIGSEGV;
    record.pc = (uint32_t)faulting_pc((const ucontext_t *)context);
    record.lr = 0;
    record.xpsr = (uint32_t)info->si_code;
    record.cfsr = (uint32_t)signal_number;
    record.hfsr = 0;
    record.address = (uint32_t)(uintptr_t)info->si_addr;
    posix_domain_claim(&record);
    core_fault_report(&record);
    hal_reset(AIOS_RESET_CAUSE_FAULT);
}

void hal_fault_init(void)
{
    stack_t alternate = {signal_stack, 0, sizeof signal_stack};
    struct sigaction action;
    sigaltstack(&alternate, NULL);
    action.sa_sigaction = on_fault;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    sigaction(SIGSEGV, &action, NULL);
    sigaction(SIGBUS, &action, NULL);
}

void hal_fault_inject(aios_fault_kind_t kind)
{
    long page = sysconf(_SC_PAGESIZE);
    if (kind == AIOS_FAULT_KIND_SIGSEGV) {
        /* A page with no access rights: the store is valid C and a real protection fault. */
        volatile uint8_t *guard =
            mmap(NULL, (size_t)page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (guard != MAP_FAILED) {
            guard[0] = 1;
        }
    } else if (kind == AIOS_FAULT_KIND_SIGBUS) {
        /* A mapping past the end of an empty file raises SIGBUS when touched. */
        FILE *file = tmpfile();
        if (file != NULL) {
            volatile uint8_t *beyond =
                mmap(NULL, (size_t)page, PROT_READ, MAP_SHARED, fileno(file), 0);
            if (beyond != MAP_FAILED) {
                (void)beyond[0];
            }
            fclose(file);
        }
    }
}
