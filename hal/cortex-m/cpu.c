#include "hal/cpu.h"

#include "armv7m.h"
#include "hal/clock.h"
#include "hal/fault.h"
#include "hal/uart.h"
#include "vectors.h"

/* Survives a system reset (the section is not zeroed at boot), not a power cycle: a valid
 * marker means the previous run chose its reset cause through hal_reset. */
#define RESET_MARKER 0xA105B007u
struct reset_note {
    uint32_t marker;
    uint32_t cause;
};
__attribute__((section(".noinit"))) static struct reset_note reset_note;
static aios_reset_cause_t boot_reset_cause;

void hal_board_init(void)
{
    if (reset_note.marker == RESET_MARKER && reset_note.cause <= AIOS_RESET_CAUSE_EXTERNAL_PIN) {
        boot_reset_cause = (aios_reset_cause_t)reset_note.cause;
    } else {
        boot_reset_cause = AIOS_RESET_CAUSE_POWER_ON;
    }
    reset_note.marker = 0;
    hal_fault_init();
    hal_clock_init();
    hal_uart_init();
}

uint32_t hal_critical_enter(void)
{
    uint32_t primask;
    __asm volatile("mrs %0, primask\n cpsid i" : "=r"(primask)::"memory");
    return primask;
}

void hal_critical_exit(uint32_t previous)
{
    __asm volatile("msr primask, %0" ::"r"(previous) : "memory");
}

void hal_cpu_wait(uint64_t deadline_us)
{
    /* SysTick fires every millisecond, so WFI never oversleeps a deadline by more than that. */
    if (hal_clock_us() < deadline_us) {
        __asm volatile("wfi");
    }
}

aios_reset_cause_t hal_reset_cause(void)
{
    return boot_reset_cause;
}

void hal_reset_note(aios_reset_cause_t cause)
{
    reset_note.marker = RESET_MARKER;
    reset_note.cause = (uint32_t)cause;
    __asm volatile("dsb" ::: "memory");
}

void hal_reset(aios_reset_cause_t cause)
{
    hal_reset_note(cause);
    SCB_AIRCR = SCB_AIRCR_RESET_REQUEST;
    __asm volatile("dsb" ::: "memory");
    for (;;) {
    }
}
