/*
 * System control space registers used by the Cortex-M port (ARMv6-M, ARMv7-M, ARMv8-M
 * mainline share these addresses). Values from the ARMv7-M Architecture Reference Manual.
 */
#ifndef HAL_CORTEX_M_ARMV7M_H
#define HAL_CORTEX_M_ARMV7M_H

#include <stdint.h>

#define HAL_REG32(address) (*(volatile uint32_t *)(uintptr_t)(address))

/* MemManage, BusFault and UsageFault with their status registers (CFSR, HFSR, MMFAR, BFAR)
 * exist on ARMv7-M and ARMv8-M Mainline, not on ARMv6-M. */
#if defined(__ARM_ARCH_7M__) || defined(__ARM_ARCH_7EM__) || defined(__ARM_ARCH_8M_MAIN__)
#define HAL_HAS_CONFIGURABLE_FAULTS 1
#else
#define HAL_HAS_CONFIGURABLE_FAULTS 0
#endif

#define SCB_ICSR HAL_REG32(0xE000ED04u)
#define SCB_VTOR HAL_REG32(0xE000ED08u)
#define SCB_AIRCR HAL_REG32(0xE000ED0Cu)
#define SCB_CCR HAL_REG32(0xE000ED14u)
#define SCB_SHCSR HAL_REG32(0xE000ED24u)
#define SCB_CFSR HAL_REG32(0xE000ED28u)
#define SCB_HFSR HAL_REG32(0xE000ED2Cu)
#define SCB_MMFAR HAL_REG32(0xE000ED34u)
#define SCB_BFAR HAL_REG32(0xE000ED38u)
#define SCB_CPACR HAL_REG32(0xE000ED88u)

#define SCB_ICSR_PENDSTSET (1u << 26)
#define SCB_AIRCR_RESET_REQUEST ((0x05FAu << 16) | (1u << 2))
#define SCB_CCR_DIV_0_TRP (1u << 4)
#define SCB_SHCSR_FAULTS_ENABLE ((1u << 16) | (1u << 17) | (1u << 18))
#define SCB_CFSR_MMARVALID (1u << 7)
#define SCB_CFSR_BFARVALID (1u << 15)
#define SCB_CPACR_CP10_CP11_FULL (0xFu << 20)

#define SYST_CSR HAL_REG32(0xE000E010u)
#define SYST_RVR HAL_REG32(0xE000E014u)
#define SYST_CVR HAL_REG32(0xE000E018u)
#define SYST_CSR_ENABLE_TICKINT_CPUCLK 0x7u

#define NVIC_ISER(n) HAL_REG32(0xE000E100u + 4u * (n))
#define NVIC_ICPR(n) HAL_REG32(0xE000E280u + 4u * (n))

#endif
