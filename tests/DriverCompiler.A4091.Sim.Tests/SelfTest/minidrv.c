/*
 * minidrv.c: a minimal A4091 queue function written by hand for the simulator's self tests
 * (it is NOT drivers/A4091). It follows the Amix contract the real driver has: sd.c calls
 * a4091queue(c, cp), completion calls cp->intr(cp), a4091intr() is in int2_tbl. It maps the
 * register page with sptalloc(1, PG_V, phystopfn(base + 0x800000), 0), reads registers at +0
 * and writes them through the +0x40 shadow with 8- and 32-bit accesses only, through the drv
 * MMIO macros (so DRV_MMIO_HOOKS routes them to the model).
 *
 * Completion: interrupt-driven (SIEN/DIEN set, finished in a4091intr) when the harness takes
 * level-2 interrupts, else a bounded poll of ISTAT inside a4091queue.
 */
#include "sys/types.h"
#include "rico.h"
#include "sd.h"
#include "drv/cpu.h"

typedef unsigned int u_int32_t;
#include "selftest.out"

extern char *sptalloc();
extern int phystopfn();
extern char *sdcardbase();
extern int sim_int2_enabled;
extern char *getenv(const char *);
extern int printf(const char *, ...);

#define SIOP_OFF 0x800000L
#define WRSHADOW 0x40
#define PG_V 1
/* Host (big-endian) register offsets. */
#define R_SIEN 0x00
#define R_SCNTL1 0x02
#define R_SCNTL0 0x03
#define R_SCID 0x07
#define R_STAT 0x0C   /* SSTAT2 SSTAT1 SSTAT0 DSTAT */
#define R_DSA 0x10
#define R_CTEST0 0x17
#define R_CTEST7 0x18
#define R_TEMP 0x1C
#define R_ISTAT 0x22
#define R_DSP 0x2C
#define R_DSPS 0x30
#define R_DCNTL 0x38
#define R_DWT 0x39
#define R_DIEN 0x3A
#define R_DMODE 0x3B

#define RD8(k, r) DRV_MMIO_READ8((k)->siop + (r))
#define RD32(k, r) DRV_MMIO_READ32((k)->siop + (r))
#ifdef MINIDRV_DIRECT_WRITES /* mutant for the negative-control tests: writes at +0 */
#undef WRSHADOW
#define WRSHADOW 0
#endif
#ifdef MINIDRV_NO_BUS_RESET /* mutant: never resets the bus */
#define RESET_ON_ERROR 0
#else
#define RESET_ON_ERROR 1
#endif
#define WR8(k, r, v) DRV_MMIO_WRITE8((k)->siop + (r) + WRSHADOW, (v))
#define WR32(k, r, v) DRV_MMIO_WRITE32((k)->siop + (r) + WRSHADOW, (v))

struct ds {
    ulong device;
    ulong msgout_len; uchar *msgout;
    ulong cmd_len; uchar *cmd;
    ulong status_len; uchar *status;
    ulong msg_len; uchar *msg;
    ulong data_len; uchar *data;
};

static struct card {
    volatile uchar *siop;
    u_int32_t script[sizeof SCRIPT / sizeof SCRIPT[0]] __attribute__((aligned(4))); /* the chip fetches longwords */
    struct ds ds;
    uchar ident[4], cdb[12], status[4], msg[4];
    struct sdcom *cp;
} cards[SDCARDS];

static int map(k, card)
struct card *k;
int card;
{
    long base;
    unsigned n;
    if (k->siop != 0) return 1;
    base = (long)sdcardbase(card);
    if (base == 0) return 0;
    k->siop = (volatile uchar *)sptalloc(1, PG_V, phystopfn(base + SIOP_OFF), 0);
    for (n = 0; n < sizeof SCRIPT / sizeof SCRIPT[0]; n++) k->script[n] = SCRIPT[n];
    for (n = 0; n < PATCHES; n++) k->script[LABELPATCHES[n]] += (u_int32_t)k->script;
    return k->siop != 0;
}

static void init(k, interrupts)
struct card *k;
int interrupts;
{
    WR8(k, R_ISTAT, 0x80);          /* ABRT */
    WR8(k, R_ISTAT, 0x40);          /* RST (soft reset) */
    WR8(k, R_ISTAT, 0x00);
    WR8(k, R_SCNTL0, 0xCC);
    WR8(k, R_SCNTL1, 0x20);
    WR8(k, R_DCNTL, 0x00);
    WR8(k, R_DMODE, 0xE0);
    WR8(k, R_SCID, 0x80);
    WR8(k, R_DWT, 0x00);
    WR8(k, R_CTEST0, RD8(k, R_CTEST0) | 0x50);
    WR8(k, R_CTEST7, RD8(k, R_CTEST7) | 0x80);
    if (RD8(k, R_ISTAT) & 0x03) (void)RD32(k, R_STAT);
    WR8(k, R_SIEN, interrupts ? 0xAF : 0x00);
    WR8(k, R_DIEN, interrupts ? 0x35 : 0x00);
}

static void bus_reset(k)
struct card *k;
{
    WR8(k, R_SCNTL1, 0x28);
    WR8(k, R_SCNTL1, 0x20);
    if (RD8(k, R_ISTAT) & 0x03) (void)RD32(k, R_STAT);
}

static void finish(k)
struct card *k;
{
    struct sdcom *cp = k->cp;
    ulong st = RD32(k, R_STAT), dsps = RD32(k, R_DSPS);
    uchar sstat0 = (uchar)(st >> 8), dstat = (uchar)st;
    int ok = (dstat & 0x04) && dsps == 0xff00 && !(sstat0 & 0x20);
    k->cp = 0;
    if (getenv("MINIDRV_DEBUG")) printf("minidrv: st=%08lx dsps=%08lx\n", st, dsps);
    if (RESET_ON_ERROR && !ok && !(sstat0 & 0x20)) bus_reset(k); /* unexpected phase or disconnect: free the bus */
    cp->okay = ok ? TRUE : FALSE;
    cp->status = ok ? k->status[0] : 0xff;
    (*cp->intr)(cp);
}

bool a4091queue(c, cp)
int c;
struct sdcom *cp;
{
    struct card *k = &cards[cp->card];
    int n;
    (void)c;
    if (cp->card >= SDCARDS || !map(k, (int)cp->card)) {
        cp->okay = FALSE; cp->status = 0xff; (*cp->intr)(cp);
        return TRUE;
    }
    init(k, sim_int2_enabled);
    k->ident[0] = 0x80;
    for (n = 0; n < 12; n++) k->cdb[n] = cp->cdb[n];
    k->status[0] = 0xff;
    k->msg[0] = 0xff;
    k->ds.device = 0x10000UL << cp->unit;
    k->ds.msgout_len = 1; k->ds.msgout = k->ident;
    n = (cp->cdb[0] >> 5) & 7;
    k->ds.cmd_len = n == 0 ? 6 : n == 5 ? 12 : 10; k->ds.cmd = k->cdb;
    k->ds.status_len = 1; k->ds.status = k->status;
    k->ds.msg_len = 1; k->ds.msg = k->msg;
    k->ds.data_len = cp->nbyte; k->ds.data = (uchar *)cp->addr;
    k->cp = cp;
    WR32(k, R_TEMP, 0);
    WR32(k, R_DSA, (ulong)&k->ds);
    WR32(k, R_DSP, (ulong)k->script + Ent_start);
    if (!sim_int2_enabled) {
        long spin;
        for (spin = 0; spin < 1000000L; spin++) {
            if (RD8(k, R_ISTAT) & 0x03) break;
#ifdef MINIDRV_SINGLE_ISTAT_READ /* mutant: one read, as a4091-wr does */
            spin = 1000000L - 1;
#endif
        }
        if (spin == 1000000L) {
            k->cp = 0;
            WR8(k, R_ISTAT, 0x80);
            cp->okay = FALSE; cp->status = 0xff; (*cp->intr)(cp);
            return TRUE;
        }
        finish(k);
    }
    return TRUE;
}

void a4091intr()
{
    int card;
    for (card = 0; card < SDCARDS; card++) {
        struct card *k = &cards[card];
        if (k->siop == 0 || !(RD8(k, R_ISTAT) & 0x03)) continue;
        if (k->cp != 0) finish(k);
        else (void)RD32(k, R_STAT);
    }
}
