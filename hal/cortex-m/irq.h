/*
 * External interrupt dispatch for the Cortex-M port. Every NVIC vector enters one stub that
 * looks up the handler attached to its IRQ number, so drivers need no vector-table edits.
 */
#ifndef HAL_CORTEX_M_IRQ_H
#define HAL_CORTEX_M_IRQ_H

typedef void (*hal_irq_handler_t)(void);

/* Attaches `handler` to external IRQ `irq` and enables it in the NVIC. */
void hal_irq_attach(unsigned irq, hal_irq_handler_t handler);

/* Boards whose alarm has its own timer (AIOS_ALARM_TIMER): attaches its interrupt. */
void hal_alarm_timer_init(void);

#endif
