/*
 * kernel.c: the Amix kernel services for the driver under test; see kernel.h.
 *
 * Facts used (Amix 2.1c on the 68030): pages are 2 KB (NBPP 2048, phystopfn(pa) = pa >> 11);
 * sptalloc(npages, mode, pfn, flag) maps the physical frames from pfn (pfn 0: allocates RAM)
 * and returns the kernel virtual address or 0; the mode is ignored; sdcardbase(card) returns
 * the AutoConfig base sd.c recorded; autocon(pc, index, &base, &size) finds the index-th
 * board with product code pc ((manufacturer << 16) | product); sdspl is spl2, and
 * spl5..spl7/splhi mean IPL 4; level-2 interrupts call every handler of the 0-terminated
 * int2_tbl[]; timeout(fn, arg, ticks) runs fn(arg) from the clock (level 2, HZ 60).
 * The CPU's view of memory is identity-mapped for the chip: vtop and kvtop return the address.
 */
#include "kernel.h"
#include "board.h"

#include <stdio.h>
#include <stdlib.h>

#define PAGESHIFT 11
#define A4091_PC 0x02020054ul
#define MAX_CALLOUTS 32

int sim_ipl;
int sim_int2_enabled = 1;
enum sim_context sim_context = CTX_THREAD;
unsigned long sim_int2_count;
unsigned long sim_lbolt;
unsigned long sim_clock_count;

/* master.d/kernel.c's level-2 table, reduced to the driver under test. */
extern void a4091intr();
static void (*int2_tbl[])() = { a4091intr, 0 };

struct callout { void (*fn)(); char *arg; unsigned long when; int id; };
static struct callout callouts[MAX_CALLOUTS];
static int next_callout_id = 1;

/* ---- memory management ---- */

char *sptalloc(int npages, int mode, int pfn, int flag)
{
    (void)mode;
    (void)flag;
    if (pfn == 0) return calloc((size_t)npages, 1u << PAGESHIFT);
    return sim_map_pages((uint32_t)pfn << PAGESHIFT, (unsigned)npages);
}

void sptfree(char *va, int npages, int flag)
{
    (void)va; (void)npages; (void)flag; /* device mappings stay; RAM is not returned in the tests */
}

int phystopfn(long pa)
{
    return (int)((unsigned long)pa >> PAGESHIFT);
}

long vtop(char *va, void *proc)
{
    (void)proc;
    return (long)(uintptr_t)va;
}

long kvtop(char *va)
{
    return (long)(uintptr_t)va;
}

char *sdcardbase(unsigned card)
{
    return card < (unsigned)sim_nboards ? (char *)(uintptr_t)sim_boards[card].base : (char *)0;
}

int autocon(unsigned long pc, int index, long *base, long *size)
{
    if (pc != A4091_PC || index < 0 || index >= sim_nboards) return 0;
    *base = (long)sim_boards[index].base;
    if (size != NULL) *size = (long)SIM_BOARD_SIZE;
    return 1;
}

/* ---- interrupt priority ---- */

static int set_ipl(int level)
{
    int old = sim_ipl;
    sim_ipl = level;
    if (sim_ipl < old) sim_check_interrupts();
    return old;
}

int spl0(void) { return set_ipl(0); }
int spl1(void) { return set_ipl(1); }
int spl2(void) { return set_ipl(2); }
int spl3(void) { return set_ipl(3); }
int spl4(void) { return set_ipl(4); }
int spl5(void) { return set_ipl(4); }
int spl6(void) { return set_ipl(4); }
int spl7(void) { return set_ipl(4); }
int splhi(void) { return set_ipl(4); }
int splx(int s) { return set_ipl(s); }

/* ---- callouts ---- */

int timeout(void (*fn)(), char *arg, long ticks)
{
    int k;
    for (k = 0; k < MAX_CALLOUTS; k++)
        if (callouts[k].fn == 0) {
            callouts[k].fn = fn;
            callouts[k].arg = arg;
            callouts[k].when = sim_lbolt + (unsigned long)(ticks < 1 ? 1 : ticks);
            callouts[k].id = next_callout_id++;
            return callouts[k].id;
        }
    fprintf(stderr, "sim: callout table full\n");
    exit(2);
}

void untimeout(int id)
{
    int k;
    for (k = 0; k < MAX_CALLOUTS; k++)
        if (callouts[k].fn != 0 && callouts[k].id == id) callouts[k].fn = 0;
}

static void run_callouts(void)
{
    int k;
    if (sim_ipl >= 2) return; /* the clock is a level-2 interrupt */
    for (k = 0; k < MAX_CALLOUTS; k++)
        if (callouts[k].fn != 0 && callouts[k].when <= sim_lbolt) {
            void (*fn)() = callouts[k].fn;
            enum sim_context ctx = sim_context;
            int old = sim_ipl;
            callouts[k].fn = 0;
            sim_ipl = 2;
            sim_context = CTX_CALLOUT;
            (*fn)(callouts[k].arg);
            sim_context = ctx;
            sim_ipl = old;
        }
}

/* ---- level-2 interrupts ---- */

void sim_check_interrupts(void)
{
    static int dispatching;
    int storm = 0;
    if (!sim_int2_enabled || dispatching) return;
    while (sim_ipl < 2 && sim_boards_irq()) {
        enum sim_context ctx = sim_context;
        int old = sim_ipl, k;
        dispatching = 1;
        sim_ipl = 2;
        sim_context = CTX_INT2;
        sim_int2_count++;
        for (k = 0; int2_tbl[k] != 0; k++) (*int2_tbl[k])();
        sim_context = ctx;
        sim_ipl = old;
        dispatching = 0;
        if (++storm == 1000) {
            int b;
            printf("error interrupt storm: the interrupt line stays asserted after 1000 passes of int2_tbl\n");
            for (b = 0; b < sim_nboards; b++) printf("error %s\n", ncr710_describe(&sim_boards[b].chip));
            exit(3);
        }
    }
}

/* The clock (CIA-A timer A) is a level-2 source too: every tick runs the whole int2_tbl. */
static void clock_interrupt(void)
{
    enum sim_context ctx = sim_context;
    int old = sim_ipl, k;
    if (!sim_int2_enabled || sim_ipl >= 2) return;
    sim_ipl = 2;
    sim_context = CTX_INT2;
    sim_clock_count++;
    for (k = 0; int2_tbl[k] != 0; k++) (*int2_tbl[k])();
    sim_context = ctx;
    sim_ipl = old;
}

void sim_idle(void)
{
    sim_boards_run(sim_pace == 0 ? 100000u : 1u);
    sim_check_interrupts();                /* the device first: a tick (1/60 s) is long for the chip */
    sim_lbolt++;
    clock_interrupt();
    run_callouts();
}
