#include "harness/sched.h"
#include "harness/mem.h"
#include "harness/board.h"
#include "harness/console.h"

static struct htask main_task;
static struct htask *tasks, *current;
static unsigned next_id;
uint32_t sched_disable_nest;
uint32_t sched_switches;
void (*sched_deadlock_hook)(void);

void sched_disable(void)
{
    cpu_mtmsr(cpu_mfmsr() & ~MSR_EE);
    sched_disable_nest++;
}

void sched_enable(void)
{
    if (sched_disable_nest == 0) panic("Enable() without Disable()");
    if (--sched_disable_nest == 0) cpu_mtmsr(cpu_mfmsr() | MSR_EE);
}

void sched_init(void)
{
    main_task.name = "main";
    main_task.state = HTASK_READY;
    main_task.id = next_id++;
    tasks = current = &main_task;
}

struct htask *sched_current(void) { return current; }

struct htask *sched_create(const char *name, void (*entry)(void *), void *arg, uint32_t stack_size, int priority)
{
    struct htask *t = mem_alloc(sizeof *t, 16);
    if (!t) return 0;
    if (stack_size < 16384) stack_size = 16384;
    t->stack = mem_alloc(stack_size, 16);
    if (!t->stack) { mem_free(t); return 0; }
    for (unsigned i = 0; i < sizeof t->ctx.gpr / sizeof t->ctx.gpr[0]; i++) t->ctx.gpr[i] = 0;
    uint32_t *sp = (uint32_t *)((char *)t->stack + stack_size - 16);
    sp[0] = 0; sp[1] = 0;                           /* terminating back chain */
    t->ctx.r1 = (uint32_t)(uptr)sp;
    t->ctx.lr = (uint32_t)(uptr)ctx_task_start;
    t->ctx.cr = 0;
    t->ctx.gpr[14 - 13] = (uint32_t)(uptr)entry;
    t->ctx.gpr[15 - 13] = (uint32_t)(uptr)arg;
    t->name = name; t->priority = priority; t->state = HTASK_READY;
    t->disable_nest = 0; t->owner = 0; t->id = next_id++;
    uint32_t ee = cpu_irq_save();
    struct htask **p = &tasks;
    while (*p) p = &(*p)->next;
    t->next = 0; *p = t;
    cpu_irq_restore(ee);
    return t;
}

/* Highest-priority ready task, round robin among equals starting after the current one. */
static struct htask *pick(void)
{
    struct htask *best = 0;
    struct htask *start = current->next ? current->next : tasks, *t = start;
    do {
        if (t->state == HTASK_READY && (!best || t->priority > best->priority)) best = t;
        t = t->next ? t->next : tasks;
    } while (t != start);
    return best;
}

static void dump_tasks(void)
{
    for (struct htask *t = tasks; t; t = t->next)
        kprintf("  task %u '%s' pri %d state %d\n", t->id, t->name, t->priority, t->state);
}

static void switch_away(void)
{
    current->disable_nest = sched_disable_nest;
    struct htask *next = pick();
    if (!next) {
        uint64_t start = cpu_timebase();
        uint64_t limit = (uint64_t)board.timebase_hz * HARNESS_IDLE_LIMIT_S;
        while (!(next = pick())) {
            cpu_mtmsr(cpu_mfmsr() | MSR_EE);
            for (volatile int i = 0; i < 64; i++) ;
            cpu_mtmsr(cpu_mfmsr() & ~MSR_EE);
            if (cpu_timebase() - start > limit) {
                kprintf("harness: every task waits and no interrupt came for %u s\n", HARNESS_IDLE_LIMIT_S);
                dump_tasks();
                if (sched_deadlock_hook) sched_deadlock_hook();
                panic("deadlock");
            }
        }
    }
    if (next != current) {
        struct htask *prev = current;
        current = next;
        sched_switches++;
        ctx_switch(&prev->ctx, &next->ctx);
    }
    sched_disable_nest = current->disable_nest;
    if (sched_disable_nest == 0) cpu_mtmsr(cpu_mfmsr() | MSR_EE);
    else cpu_mtmsr(cpu_mfmsr() & ~MSR_EE);
}

void sched_block(void)
{
    cpu_mtmsr(cpu_mfmsr() & ~MSR_EE);
    current->state = HTASK_WAITING;
    switch_away();
}

void sched_wake(struct htask *t)
{
    if (t->state == HTASK_WAITING) t->state = HTASK_READY;
}

void sched_yield(void)
{
    cpu_mtmsr(cpu_mfmsr() & ~MSR_EE);
    switch_away();
}

void sched_exit(void)
{
    cpu_mtmsr(cpu_mfmsr() & ~MSR_EE);
    current->state = HTASK_DEAD;
    sched_disable_nest = 0;
    switch_away();
    panic("dead task resumed");
}

void sched_task_return(void);
void sched_task_return(void) { sched_exit(); }

void sched_reap(struct htask *t)
{
    if (t == &main_task || t->state != HTASK_DEAD) return;
    uint32_t ee = cpu_irq_save();
    for (struct htask **p = &tasks; *p; p = &(*p)->next)
        if (*p == t) { *p = t->next; break; }
    cpu_irq_restore(ee);
    mem_free(t->stack);
    mem_free(t);
}
