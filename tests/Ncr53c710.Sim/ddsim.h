/*
 * ddsim.h: issue one request the way Amix dd.c does (struct sdcom, sdqueue at sdspl, the
 * completion callback cp->intr), then let time pass until it completes. Plain C types only,
 * so the test main can use it without the Amix headers.
 */
#ifndef SIM_DDSIM_H
#define SIM_DDSIM_H

struct dd_result {
    int okay;                   /* cp->okay after completion */
    int status;                 /* cp->status */
    int completions;            /* times cp->intr was called (exactly 1 is right) */
    int context;                /* enum sim_context of the (first) completion */
    int queued;                 /* a4091queue's return value */
    unsigned long idle;         /* idle iterations until completion */
};

/* card: sd.c's card number; c: the per-product index sd.c passes; limit: idle iterations. */
void dd_request(int card, int c, int unit, const unsigned char *cdb, unsigned char *buf,
                unsigned nbyte, int reading, unsigned long limit, struct dd_result *r);

#endif
