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

static void ihandle(cp)
struct sdcom *cp;
{
    (void)cp;
    if (completions++ == 0) completion_context = (int)sim_context;
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
