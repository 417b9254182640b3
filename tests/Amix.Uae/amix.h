/*
 * amix.h: the process model and the services of amix.c (the Amix character/block driver ROMs) that
 * the scenario program (drivers.c) uses, and the kernel.c callouts it arms.
 */
#ifndef UAE_AMIX_H
#define UAE_AMIX_H

/* The one process: what it sleeps on, whether a wakeup or a signal came, and what the kernel counted. */
struct uae_proc {
    volatile caddr_t wchan;                /* the sleep channel, 0 when running */
    volatile int woken;                    /* a wakeup(wchan) came */
    volatile int signal;                   /* a signal is pending (posted by uae_signal_in) */
    volatile unsigned long sleeps;         /* sleep() calls */
    volatile unsigned long interrupted;    /* sleeps a signal ended (PCATCH) */
    volatile unsigned long biodones;       /* biodone() calls */
    volatile unsigned long biodone_in[5];  /* biodone() calls by where they ran (enum uae_context) */
    volatile unsigned long pollwakeups;
    volatile int last_poll_events;
    volatile unsigned long acks;           /* level-2 interrupts with CIA-A FLAG (/ACK) set */
};
extern struct uae_proc uae_proc;

int timeout(void (*fn)(), caddr_t arg, int ticks);
void untimeout(int id);

void uae_signal_in(int ticks);             /* a signal to the process after `ticks` clock ticks (from a callout) */
void uae_amix_init(void);                  /* runs every init_tbl[] function */
int biowait(struct buf *bp);

#endif
