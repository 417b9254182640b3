/*
 * ddsim.c: the dd.c side of a request; see ddsim.h. Compiled with the Amix declarations
 * (tests/include/amix first, then fallback/) so struct sdcom is the driver's.
 */
#include "sys/types.h"
#include "rico.h"
#include "sd.h"
#include "kernel.h"
#include "ddsim.h"

extern bool a4091queue();
extern int spl2(), splx();

static struct sdcom com;
static int completions, completion_context;

unsigned long dd_completions_in[5];

static void ihandle(cp)
struct sdcom *cp;
{
    (void)cp;
    dd_completions_in[sim_context]++;
    if (completions++ == 0) completion_context = (int)sim_context;
}

static struct sdcom pair_com[2];
static int pair_completions[2], pair_context[2], pair_order[2], pair_done;

static void pair_ihandle(cp)
struct sdcom *cp;
{
    int k = cp == &pair_com[0] ? 0 : 1;
    dd_completions_in[sim_context]++;
    if (pair_completions[k]++ == 0) {
        pair_context[k] = (int)sim_context;
        if (pair_done < 2) pair_order[pair_done++] = k;
    }
}

void dd_request_pair(int card, int c, const struct dd_io io[2], unsigned long gap, unsigned long limit, struct dd_result r[2], int order[2])
{
    int k, j, x, queued[2];
    unsigned long i;
    pair_done = 0;
    for (k = 0; k < 2; k++) {
        struct sdcom *cp = &pair_com[k];
        cp->next = 0;
        cp->reading = io[k].reading ? TRUE : FALSE;
        cp->okay = FALSE;
        cp->status = 0xEE;
        for (j = 0; j < 12; j++) cp->cdb[j] = io[k].cdb[j];
        cp->addr = (caddr_t)io[k].buf;
        cp->nbyte = io[k].nbyte;
        cp->card = (uint)card;
        cp->unit = (uint)io[k].unit;
        cp->intr = pair_ihandle;
        pair_completions[k] = 0;
        pair_context[k] = -1;
        pair_order[k] = -1;
    }
    for (k = 0; k < 2; k++) {
        if (k == 1 && gap > 0)
            for (i = 0; pair_done == 0 && i < gap; i++) sim_idle();
        x = spl2();
        sim_context = CTX_QUEUE;
        queued[k] = a4091queue(c, &pair_com[k]) ? 1 : 0;
        sim_context = CTX_THREAD;
        splx(x);
    }
    for (i = 0; pair_done < 2 && i < limit; i++) sim_idle();
    for (k = 0; k < 8; k++) sim_idle();
    for (k = 0; k < 2; k++) {
        r[k].queued = queued[k];
        r[k].idle = i;
        r[k].okay = pair_com[k].okay ? 1 : 0;
        r[k].status = pair_com[k].status;
        r[k].completions = pair_completions[k];
        r[k].context = pair_context[k];
        order[k] = pair_order[k];
    }
}

void dd_request(int card, int c, int unit, const unsigned char *cdb, unsigned char *buf,
                unsigned nbyte, int reading, unsigned long limit, struct dd_result *r)
{
    int k, x;
    unsigned long i;
    com.next = 0;
    com.reading = reading ? TRUE : FALSE;
    com.okay = FALSE;
    com.status = 0xEE; /* neither GOOD nor 0xff: shows whether the driver wrote it */
    for (k = 0; k < 12; k++) com.cdb[k] = cdb[k];
    com.addr = (caddr_t)buf; /* vtop(): the identity here */
    com.nbyte = nbyte;
    com.card = (uint)card;
    com.unit = (uint)unit;
    com.intr = ihandle;
    completions = 0;
    completion_context = -1;
    x = spl2();
    sim_context = CTX_QUEUE;
    r->queued = a4091queue(c, &com) ? 1 : 0;
    sim_context = CTX_THREAD;
    splx(x);
    for (i = 0; completions == 0 && i < limit; i++) sim_idle();
    for (k = 0; k < 8; k++) sim_idle(); /* a second, wrong completion would show here */
    r->idle = i;
    r->okay = com.okay ? 1 : 0;
    r->status = com.status;
    r->completions = completions;
    r->context = completion_context;
}
