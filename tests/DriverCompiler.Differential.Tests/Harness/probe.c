/* C side of the Probe binding: one line per call, the same text .NET prints. */
#include <stdio.h>
#include "probe.h"

void probe_i(probe_s64 v) { printf("%lld\n", v); }
void probe_u(probe_u64 v) { printf("%llu\n", v); }
void probe_b(int v) { fputs(v ? "true\n" : "false\n", stdout); }
void probe_str(const char *s) { printf("%s\n", s); }
void probe_collect(void) { }

/* Probe.After: calls handler once, from a SIGALRM handler, ms milliseconds from now. What an
 * interrupt is to a driver: code that runs between two instructions of the program. */
#include <signal.h>
#include <string.h>
#include <sys/time.h>

static void (*volatile probe_pending)(void);

static void probe_on_alarm(int sig)
{
    (void)sig;
    if (probe_pending) probe_pending();
}

void probe_after(int ms, void (*handler)(void))
{
    struct itimerval t;
    memset(&t, 0, sizeof t);
    probe_pending = handler;
    signal(SIGALRM, probe_on_alarm);
    t.it_value.tv_sec = ms / 1000;
    t.it_value.tv_usec = (ms % 1000) * 1000;
    setitimer(ITIMER_REAL, &t, 0);
}
