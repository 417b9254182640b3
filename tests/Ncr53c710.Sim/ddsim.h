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

/* Completions (cp->intr calls) by enum sim_context, over the whole run. */
extern unsigned long dd_completions_in[5];

/* card: sd.c's card number; c: the per-product index sd.c passes; limit: idle iterations. */
void dd_request(int card, int c, int unit, const unsigned char *cdb, unsigned char *buf,
                unsigned nbyte, int reading, unsigned long limit, struct dd_result *r);

/*
 * Two requests queued together at sdspl (the second while the first is in flight), then time passes until both
 * complete. order[0] and order[1] get the indexes (0, 1) of the requests in the order they completed. With gap > 0
 * the second is queued on its own, gap idle iterations after the first (if the first has not completed by then).
 */
struct dd_io {
    int unit;
    const unsigned char *cdb;
    unsigned char *buf;
    unsigned nbyte;
    int reading;
};
void dd_request_pair(int card, int c, const struct dd_io io[2], unsigned long gap, unsigned long limit, struct dd_result r[2], int order[2]);

#endif
