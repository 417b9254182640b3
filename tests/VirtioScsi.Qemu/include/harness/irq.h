/*
 * Interrupt numbers are the board's (boards/<name>.c); handlers registered here run in
 * the external-interrupt exception with MSR[EE] = 0. irq_deliver is called by the board's
 * dispatcher for each pending source.
 */
#ifndef HARNESS_IRQ_H
#define HARNESS_IRQ_H

#include <stdint.h>
#include "harness/layout.h"

#define IRQ_NONE 0xffu
#define IRQ_MAX 64u

/* Returns nonzero when the handler recognised its device as the source. */
typedef int (*irq_handler_fn)(void *data);

struct irq_action {
    struct irq_action *next;
    irq_handler_fn fn;
    void *data;
};

/* Adds/removes a handler on a line; the line is unmasked while it has handlers. */
void irq_attach(unsigned irq, struct irq_action *action);
void irq_detach(unsigned irq, struct irq_action *action);
void irq_deliver(unsigned irq);

/* Exceptions taken per line, and external interrupts that no handler claimed. */
extern volatile uint32_t irq_count[IRQ_MAX];
extern volatile uint32_t irq_unclaimed;
extern volatile uint32_t irq_external_exceptions;

/* The progress watchdog (decrementer, 1 Hz): bump watchdog_progress to show life without output;
 * watchdog_dump, if set, prints state before the run is ended. */
extern volatile uint32_t watchdog_progress;
extern void (*watchdog_dump)(void);

/* Installs exception vectors (74xx: stubs at 0x100.., MSR[IP] cleared; 440: IVPR/IVORs). */
void exc_install(void);

HARNESS_LAYOUT(irq_action, struct irq_action);

#endif
