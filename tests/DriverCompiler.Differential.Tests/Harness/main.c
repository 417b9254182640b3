/* Runs corpus programs linked into one binary. dispatch.inc (written by the test) defines
 * DRV_PROGRAMS as X(name, entry) lines. With no arguments every program runs, in table order;
 * otherwise the named ones do. Each program's output is framed by marker lines that start with
 * \001 (a byte no probe prints), flushed so a crash still shows which program was running. */
#include <stdio.h>
#include <string.h>

#define X(name, entry) extern void entry(void);
#include "dispatch.inc"
#undef X

struct program { const char *name; void (*run)(void); };

static const struct program programs[] = {
#define X(name, entry) { name, entry },
#include "dispatch.inc"
#undef X
    { 0, 0 }
};

static void run_one(const struct program *p)
{
    printf("\001BEGIN %s\n", p->name);
    fflush(stdout);
    p->run();
    printf("\001END %s\n", p->name);
    fflush(stdout);
}

int main(int argc, char **argv)
{
    const struct program *p;
    int i;
    /* Line-buffered, so the output of a program that crashes is not lost with the buffer. */
    setvbuf(stdout, 0, _IOLBF, BUFSIZ);
    if (argc < 2) {
        for (p = programs; p->name; p++) run_one(p);
        return 0;
    }
    for (i = 1; i < argc; i++) {
        for (p = programs; p->name; p++)
            if (strcmp(p->name, argv[i]) == 0) break;
        if (!p->name) { printf("\001MISSING %s\n", argv[i]); return 3; }
        run_one(p);
    }
    return 0;
}
