/*
 * kernel.h: the harness side of the Amix kernel services the A4091 driver calls
 * (sptalloc, phystopfn, sdcardbase, autocon, vtop/kvtop, spl*, timeout), level-2 interrupt
 * dispatch through int2_tbl, and the idle loop that lets time pass while a request is out.
 *
 * The services themselves are defined in kernel.c with the K&R-compatible types of the Amix
 * declarations (int, long and pointers are 32 bits on the 68030), so the driver's own
 * declarations (tests/include/amix) link against them.
 */
#ifndef SIM_KERNEL_H
#define SIM_KERNEL_H

/* Where the code runs, recorded when a request completes. */
enum sim_context { CTX_THREAD = 0, CTX_QUEUE = 1, CTX_INT2 = 2, CTX_CALLOUT = 3 };

extern int sim_ipl;                 /* the CPU's interrupt priority level (SR I2-I0) */
extern int sim_int2_enabled;        /* 0: level-2 interrupts are never taken (before they run) */
extern enum sim_context sim_context;
extern unsigned long sim_int2_count;/* level-2 interrupts taken */
extern unsigned long sim_lbolt;     /* clock ticks (HZ 60) of the idle loop */
extern unsigned long sim_clock_count;/* clock interrupts (each one also runs all of int2_tbl) */

/* Takes pending level-2 interrupts (int2_tbl) when the IPL allows; called after every register access. */
void sim_check_interrupts(void);
/* One idle iteration: the chips run, a clock tick passes (a level-2 interrupt: int2_tbl runs,
 * as Amix calls every handler on each level-2 interrupt), interrupts and due callouts run. */
void sim_idle(void);

#endif /* SIM_KERNEL_H */
