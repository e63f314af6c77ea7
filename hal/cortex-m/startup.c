/* Reset entry and vector table for every Cortex-M board. Board specifics come from the
 * board description through CMake: AIOS_IRQ_COUNT. */
#include "armv7m.h"
#include "irq.h"
#include "soc.h"
#include "vectors.h"

#include <stdint.h>
#include <string.h>

extern uint32_t __data_load[], __data_start[], __data_end[], __bss_start[], __bss_end[];
extern uint32_t __stack_top[];

int main(void);

static hal_irq_handler_t irq_handlers[AIOS_IRQ_COUNT];

static void unexpected_exception(void)
{
    for (;;) {
    }
}

static void irq_entry(void)
{
    uint32_t ipsr;
    __asm volatile("mrs %0, ipsr" : "=r"(ipsr));
    unsigned irq = (unsigned)(ipsr & 0x1ffu) - 16u;
    if (irq < AIOS_IRQ_COUNT && irq_handlers[irq] != 0) {
        irq_handlers[irq]();
    }
}

void hal_irq_attach(unsigned irq, hal_irq_handler_t handler)
{
    if (irq >= AIOS_IRQ_COUNT) {
        return;
    }
    irq_handlers[irq] = handler;
    NVIC_ICPR(irq / 32u) = 1u << (irq % 32u);
    NVIC_ISER(irq / 32u) = 1u << (irq % 32u);
}

void hal_reset_entry(void)
{
    memcpy(__data_start, __data_load, (size_t)((uintptr_t)__data_end - (uintptr_t)__data_start));
    memset(__bss_start, 0, (size_t)((uintptr_t)__bss_end - (uintptr_t)__bss_start));
#if defined(__ARM_FP)
    /* Code built for a hard-float ABI may touch the FPU anywhere, so enable it first. */
    SCB_CPACR |= SCB_CPACR_CP10_CP11_FULL;
    __asm volatile("dsb\n isb" ::: "memory");
#endif
#if AIOS_SOC_INIT
    hal_soc_init();
#endif
    (void)main();
    for (;;) {
    }
}

typedef void (*vector_t)(void);

/* External vectors in blocks of 32, all entering irq_entry, which dispatches by IPSR. */
#define IRQ_X4 irq_entry, irq_entry, irq_entry, irq_entry
#define IRQ_X32 IRQ_X4, IRQ_X4, IRQ_X4, IRQ_X4, IRQ_X4, IRQ_X4, IRQ_X4, IRQ_X4
#if AIOS_IRQ_COUNT <= 32
#define IRQ_VECTORS IRQ_X32
#elif AIOS_IRQ_COUNT <= 64
#define IRQ_VECTORS IRQ_X32, IRQ_X32
#elif AIOS_IRQ_COUNT <= 96
#define IRQ_VECTORS IRQ_X32, IRQ_X32, IRQ_X32
#elif AIOS_IRQ_COUNT <= 128
#define IRQ_VECTORS IRQ_X32, IRQ_X32, IRQ_X32, IRQ_X32
#else
#error "AIOS_IRQ_COUNT above 128: add a block of IRQ_X32"
#endif

__attribute__((section(".vectors"), used)) static const vector_t vectors[] = {
    (vector_t)(uintptr_t)__stack_top,
    hal_reset_entry,
    hal_nmi_handler,
    hal_fault_entry_hard,
    hal_fault_entry_mem_manage,
    hal_fault_entry_bus,
    hal_fault_entry_usage,
    unexpected_exception, /* SecureFault on ARMv8-M */
    0,
    0,
    0,
    hal_svc_handler,
    unexpected_exception, /* DebugMonitor */
    0,
    unexpected_exception, /* PendSV */
    hal_systick_handler,
    IRQ_VECTORS,
};
