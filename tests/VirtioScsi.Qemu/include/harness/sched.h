/*
 * Cooperative scheduler: tasks run until they block (sched_block), yield or return.
 * Interrupt handlers make tasks ready (sched_wake) but never switch; the switch happens when
 * the running task next blocks. With nothing ready, the CPU idles with MSR[EE] set; a
 * watchdog ends the run if nothing becomes ready for HARNESS_IDLE_LIMIT_S seconds.
 */
#ifndef HARNESS_SCHED_H
#define HARNESS_SCHED_H

#include "harness/cpu.h"
#include "harness/layout.h"

#define HARNESS_IDLE_LIMIT_S 20

enum htask_state { HTASK_READY, HTASK_WAITING, HTASK_DEAD };

struct htask {
    struct cpu_context ctx;
    struct htask *next;             /* all tasks, creation order */
    const char *name;
    int priority;
    enum htask_state state;
    uint32_t disable_nest;          /* exec Disable() depth while switched out */
    void *stack;
    void *owner;                    /* the exec struct Task this runs, if any */
    unsigned id;
};

void sched_init(void);
struct htask *sched_current(void);
/* Creates a ready task running entry(arg) on a fresh stack; NULL when out of memory. */
struct htask *sched_create(const char *name, void (*entry)(void *), void *arg, uint32_t stack_size, int priority);
/* Blocks the running task until sched_wake; must be called with interrupts disabled
   (it returns with the task's own Disable state restored). */
void sched_block(void);
/* Makes a waiting task ready; safe from interrupt handlers. */
void sched_wake(struct htask *t);
/* Lets other ready tasks of equal or higher priority run. */
void sched_yield(void);
/* Ends the running task (also reached when its entry function returns). */
void sched_exit(void) __attribute__((noreturn));
/* Frees a dead task's stack and record. */
void sched_reap(struct htask *t);

/* exec Disable()/Enable() nesting: MSR[EE] is clear while nonzero. */
extern uint32_t sched_disable_nest;
void sched_disable(void);
void sched_enable(void);

/* Called before the deadlock report ends the run (exec prints its state). */
extern void (*sched_deadlock_hook)(void);

/* Context switches performed, for the tests. */
extern uint32_t sched_switches;

HARNESS_LAYOUT(htask, struct htask);

#endif
