/*
 * dd.c: the dd.c side of a command, as Amix 2.1c's disk driver issues it: a struct sdcom (sd.h)
 * with a physical buffer address, handed to the adapter's queue function at sdspl (spl2), and
 * the completion routine cp->intr, which records how often and where it ran; and the level-2
 * table with the adapter's interrupt routine.
 */
#include "sys/types.h"
#include "rico.h"
#include "sd.h"
#include "uae.h"

extern bool a4091queue();
extern void a4091intr();

/* master.d/kernel.c's level-2 table, reduced to the driver under test. */
void (*int2_tbl[])() = { a4091intr, 0 };

struct dd_req {
    struct sdcom com;            /* first: cp->intr gets &com */
    volatile int completions;
    volatile int context;
};

static struct dd_req slots[2];
volatile unsigned long uae_completions_in[5];

struct dd_req *dd_slot(int k) { return &slots[k]; }
int dd_completions(struct dd_req *r) { return r->completions; }
int dd_context(struct dd_req *r) { return r->context; }
int dd_okay(struct dd_req *r) { return r->com.okay ? 1 : 0; }
int dd_status(struct dd_req *r) { return r->com.status; }

static void ihandle(struct sdcom *cp)
{
    struct dd_req *r = (struct dd_req *)cp;
    uae_completions_in[uae_context]++;
    if (r->completions++ == 0) r->context = uae_context;
}

/* Queues one command at sdspl; the caller may hold a higher level (commands queued while one is in flight). */
void dd_start(struct dd_req *r, int unit, const unsigned char *cdb, unsigned long buf, unsigned long nbyte, int reading)
{
    int k, x, ctx = uae_context;
    r->com.next = 0;
    r->com.reading = reading ? TRUE : FALSE;
    r->com.okay = FALSE;
    r->com.status = 0xEE;        /* neither GOOD nor 0xff: shows whether the driver wrote it */
    for (k = 0; k < 12; k++) r->com.cdb[k] = cdb[k];
    r->com.addr = (caddr_t)buf;  /* vtop(): the identity here */
    r->com.nbyte = (uint)nbyte;
    r->com.card = 0;
    r->com.unit = (uint)unit;
    r->com.intr = ihandle;
    r->completions = 0;
    r->context = -1;
    x = spl2();
    uae_context = CTX_QUEUE;
    (void)a4091queue(0, &r->com);
    uae_context = ctx;
    splx(x);
}

/* Lets up to `ticks` clock ticks pass until the command completed, then two more (a second, wrong
 * completion would show). Returns the ticks waited. Without the clock (polled phase) it returns at once. */
int dd_wait(struct dd_req *r, unsigned long ticks)
{
    unsigned long start = uae_lbolt, t;
    if (!(R16(INTENAR) & INT_PORTS)) return 0;
    while (r->completions == 0 && uae_lbolt - start < ticks) { }
    t = uae_lbolt;
    while (uae_lbolt - t < 2) { }
    return (int)(t - start);
}
