/* Exception vectors, the external-interrupt path and per-line handler chains. */
#include "harness/board.h"
#include "harness/irq.h"
#include "harness/console.h"
#include "harness/exec.h"

volatile uint32_t irq_count[IRQ_MAX];
volatile uint32_t irq_unclaimed;
volatile uint32_t irq_external_exceptions;
static struct irq_action *chains[IRQ_MAX];

void irq_attach(unsigned irq, struct irq_action *action)
{
    if (irq >= IRQ_MAX) panic("irq_attach: line %u out of range", irq);
    uint32_t ee = cpu_irq_save();
    action->next = 0;
    struct irq_action **p = &chains[irq];
    while (*p) p = &(*p)->next;
    *p = action;
    board.irq_enable(irq, 1);
    cpu_irq_restore(ee);
}

void irq_detach(unsigned irq, struct irq_action *action)
{
    if (irq >= IRQ_MAX) return;
    uint32_t ee = cpu_irq_save();
    for (struct irq_action **p = &chains[irq]; *p; p = &(*p)->next)
        if (*p == action) { *p = action->next; break; }
    if (!chains[irq]) board.irq_enable(irq, 0);
    cpu_irq_restore(ee);
}

void irq_deliver(unsigned irq)
{
    if (irq >= IRQ_MAX) { irq_unclaimed++; return; }
    irq_count[irq]++;
    int claimed = 0;
    for (struct irq_action *a = chains[irq]; a; a = a->next) claimed |= a->fn(a->data);
    if (!claimed) irq_unclaimed++;
}

/* 74xx exception vector offsets the harness fills (MSR[IP] = 0, so they live at 0x0xxx). */
static const uint16_t classic_vectors[] = {
    0x100, 0x200, 0x300, 0x400, 0x500, 0x600, 0x700, 0x800, 0x900, 0xa00, 0xb00, 0xc00,
    0xd00, 0xe00, 0xf00, 0xf20, 0x1000, 0x1100, 0x1200, 0x1300, 0x1400, 0x1500, 0x1600, 0x1700,
};
extern const char vec_0x100[], vec_0x200[], vec_0x300[], vec_0x400[], vec_0x500[], vec_0x600[],
    vec_0x700[], vec_0x800[], vec_0x900[], vec_0xa00[], vec_0xb00[], vec_0xc00[], vec_0xd00[],
    vec_0xe00[], vec_0xf00[], vec_0xf20[], vec_0x1000[], vec_0x1100[], vec_0x1200[], vec_0x1300[],
    vec_0x1400[], vec_0x1500[], vec_0x1600[], vec_0x1700[];
static const char *const classic_stubs[] = {
    vec_0x100, vec_0x200, vec_0x300, vec_0x400, vec_0x500, vec_0x600, vec_0x700, vec_0x800,
    vec_0x900, vec_0xa00, vec_0xb00, vec_0xc00, vec_0xd00, vec_0xe00, vec_0xf00, vec_0xf20,
    vec_0x1000, vec_0x1100, vec_0x1200, vec_0x1300, vec_0x1400, vec_0x1500, vec_0x1600, vec_0x1700,
};
extern const char vec_0x4000[], vec_0x4001[], vec_0x4002[], vec_0x4003[], vec_0x4004[], vec_0x4005[],
    vec_0x4006[], vec_0x4007[], vec_0x4008[], vec_0x4009[], vec_0x400a[], vec_0x400b[], vec_0x400c[],
    vec_0x400d[], vec_0x400e[], vec_0x400f[];
static const char *const booke_stubs[16] = {
    vec_0x4000, vec_0x4001, vec_0x4002, vec_0x4003, vec_0x4004, vec_0x4005, vec_0x4006, vec_0x4007,
    vec_0x4008, vec_0x4009, vec_0x400a, vec_0x400b, vec_0x400c, vec_0x400d, vec_0x400e, vec_0x400f,
};
extern const char _image_start[];

#define SPR_IVPR 63
#define SPR_DEC 22
#define SPR_DECAR 54
#define SPR_TSR 336
#define SPR_TCR 340
#define TSR_DIS 0x08000000u
#define TCR_DIE 0x04000000u
#define TCR_ARE 0x00400000u

/*
 * Progress watchdog on the timebase (one tick per second while MSR[EE] is set): a run in
 * which no task switch happens and nothing is printed for WATCHDOG_S seconds is stuck (a task
 * spinning, an interrupt storm); it ends with the interrupted address instead of a silent hang.
 */
#define WATCHDOG_S 30
volatile uint32_t watchdog_progress;
static uint32_t watchdog_last, watchdog_idle_ticks;
static uint64_t watchdog_last_tb;
void (*watchdog_dump)(void);

/*
 * One tick per second of timebase, whichever exception gets here first. The decrementer alone
 * is not enough: the external interrupt outranks it, so a line that stays asserted with nothing
 * to dispatch (an interrupt storm) would starve the decrementer and hang the run silently.
 */
static void watchdog_poll(const struct exc_frame *f)
{
    uint64_t tb = cpu_timebase();
    if (tb - watchdog_last_tb < (uint64_t)board.timebase_hz * 7 / 8) return;
    watchdog_last_tb = tb;
    extern uint32_t sched_switches;
    uint32_t now = watchdog_progress + sched_switches + console_chars;
    if (now != watchdog_last) { watchdog_last = now; watchdog_idle_ticks = 0; return; }
    if (++watchdog_idle_ticks < WATCHDOG_S) return;
    kprintf("\nharness: no progress for %u s; interrupted at srr0=%08x lr=%08x r1=%08x\n", WATCHDOG_S, f->srr0, f->lr, f->r1);
    if (watchdog_dump) watchdog_dump();
    panic("watchdog");
}

static void watchdog_start(void)
{
    watchdog_last_tb = cpu_timebase();
    if (board.booke) {
        mtspr(SPR_DECAR, board.timebase_hz);
        mtspr(SPR_DEC, board.timebase_hz);
        mtspr(SPR_TSR, TSR_DIS);
        mtspr(SPR_TCR, mfspr(SPR_TCR) | TCR_DIE | TCR_ARE);
    } else {
        mtspr(SPR_DEC, board.timebase_hz);
    }
}

void exc_install(void)
{
    if (board.booke) {
        uptr base = (uptr)_image_start;
        if (base & 0xffffu) panic("image base %p is not 64 KiB aligned for IVPR", (void *)base);
        mtspr(SPR_IVPR, base);
        /* mtspr needs the SPR number as an immediate: IVOR0..15 are SPRs 400..415. */
#define SET_IVOR(n) do { uptr o = (uptr)booke_stubs[n] - base; if (o > 0xffffu) panic("IVOR%d stub out of range", n); mtspr(400 + n, o); } while (0)
        SET_IVOR(0); SET_IVOR(1); SET_IVOR(2); SET_IVOR(3); SET_IVOR(4); SET_IVOR(5); SET_IVOR(6); SET_IVOR(7);
        SET_IVOR(8); SET_IVOR(9); SET_IVOR(10); SET_IVOR(11); SET_IVOR(12); SET_IVOR(13); SET_IVOR(14); SET_IVOR(15);
#undef SET_IVOR
        cpu_isync();
        watchdog_start();
    } else {
        /* "ba stub" (opcode 18, AA = 1) at each architected vector; the stubs lie below 32 MiB. */
        for (unsigned i = 0; i < sizeof(classic_vectors) / sizeof(classic_vectors[0]); i++) {
            uptr target = (uptr)classic_stubs[i];
            if (target >= 0x02000000u) panic("vector stub %p beyond ba range", (void *)target);
            volatile uint32_t *slot = (volatile uint32_t *)(uptr)classic_vectors[i];
            *slot = 0x48000002u | (uint32_t)target;
            cpu_flush_icache_range((uptr)slot, (uptr)slot + 4);
        }
        cpu_mtmsr((cpu_mfmsr() & ~MSR_IP) | MSR_ME);    /* vectors at 0x00000xxx */
        watchdog_start();
    }
}

static const char *exc_name(uint32_t id)
{
    switch (id) {
    case 0x200: case 0x4001: return "machine check";
    case 0x300: case 0x4002: return "data storage (DSI)";
    case 0x400: case 0x4003: return "instruction storage (ISI)";
    case 0x600: case 0x4005: return "alignment";
    case 0x700: case 0x4006: return "program";
    case 0x800: case 0x4007: return "floating-point unavailable";
    case 0xc00: case 0x4008: return "system call";
    case 0x400d: return "data TLB miss";
    case 0x400e: return "instruction TLB miss";
    default: return "unexpected exception";
    }
}

void exc_dispatch(uint32_t id, struct exc_frame *f);
void exc_dispatch(uint32_t id, struct exc_frame *f)
{
    if (id == 0x500 || id == 0x4004) {                  /* external interrupt */
        irq_external_exceptions++;
        board.irq_dispatch();
        exec_timer_tick();
        watchdog_poll(f);
        return;
    }
    if (id == 0x900) { mtspr(SPR_DEC, board.timebase_hz); exec_timer_tick(); watchdog_poll(f); return; }   /* 74xx decrementer */
    if (id == 0x400a) { mtspr(SPR_TSR, TSR_DIS); exec_timer_tick(); watchdog_poll(f); return; }            /* 440: auto-reloaded */
    uint32_t dar = board.booke ? mfspr(61) : mfspr(19);             /* DEAR / DAR */
    uint32_t dsisr = board.booke ? mfspr(62) : mfspr(18);           /* ESR / DSISR */
    panic("%s (vector 0x%x) at srr0=%08x srr1=%08x dar=%08x dsisr/esr=%08x lr=%08x r1=%08x r3=%08x r4=%08x",
          exc_name(id), id, f->srr0, f->srr1, dar, dsisr, f->lr, f->r1, f->r3, f->r4);
}
