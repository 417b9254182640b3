/*
 * kernel.c: the Amix 2.1c kernel services every ROM of this tier shares, on the emulated Amiga:
 * sptalloc/vtop (no MMU: kernel virtual addresses are physical), sdcardbase,
 * timeout/untimeout callouts run by the clock, spl levels on the 68030's SR interrupt mask,
 * and the level-2 autovector calling every handler of int2_tbl[], as master.d/kernel.c's
 * p2int does, for a board's INT2, CIA-A's sources and each clock tick (CIA-A timer A, HZ 60).
 * int2_tbl[] is the ROM's own (dd.c for the A4091; amix.c, with aciaaintr, for the character
 * and block drivers). Declarations come from the headers the drivers are compiled against
 * (drv/amix_kernel.h, tests/include/amix).
 */
#include "sys/types.h"
#include "sys/immu.h"
#include "drv/amix_kernel.h"
#include "uae.h"

#define HZ 60
#define MAX_CALLOUTS 16
#define RAM_FILL 0xA5

volatile int uae_context = CTX_THREAD;
volatile unsigned long uae_lbolt, uae_int2_count, uae_clock_count;
volatile unsigned char uae_ciaa_icr;
unsigned long uae_ram_pages, uae_board;

/* ---- serial (Paula): poll TBE, 8 data bits and a stop bit ---- */

void uae_putc(int c)
{
    while (!(R16(SERDATR) & 0x2000)) { }
    R16(SERDAT) = (unsigned short)(0x100 | (c & 0xFF));
}

void uae_puts(const char *s) { while (*s) uae_putc(*s++); }

void uae_hex(unsigned long v, int digits)
{
    while (digits-- > 0) uae_putc("0123456789abcdef"[(v >> (digits * 4)) & 15]);
}

void uae_dec(unsigned long v)
{
    char b[12];
    int n = 0;
    do { b[n++] = (char)('0' + v % 10); v /= 10; } while (v != 0);
    while (n > 0) uae_putc(b[--n]);
}

void *memcpy(void *d, const void *s, __SIZE_TYPE__ n)
{
    unsigned char *p = d;
    const unsigned char *q = s;
    while (n--) *p++ = *q++;
    return d;
}

void *memset(void *d, int c, __SIZE_TYPE__ n)
{
    unsigned char *p = d;
    while (n--) *p++ = (unsigned char)c;
    return d;
}

void bzero(caddr_t p, int n) { memset(p, 0, (unsigned)n); }

/* ---- memory ---- */

static unsigned long pool_next = POOL_START;

caddr_t sptalloc(int npages, int mode, ulong pfn, int flag)
{
    unsigned long bytes = (unsigned long)npages * NBPP;
    (void)mode;
    (void)flag;
    if (pfn != 0) return (caddr_t)(pfn << BPPSHIFT);   /* a device: the page frames themselves */
    if (pool_next + bytes > POOL_END) return 0;
    memset((void *)pool_next, RAM_FILL, bytes);          /* nothing says the kernel clears pages */
    pool_next += bytes;
    uae_ram_pages += (unsigned long)npages;
    return (caddr_t)(pool_next - bytes);
}

paddr_t vtop(caddr_t va, void *proc)
{
    (void)proc;
    return (paddr_t)va;
}

char *sdcardbase(uint card)
{
    return card == 0 ? (char *)uae_board : (char *)0;
}

/* ---- spl: the 68030's SR interrupt mask; sdspl is spl2 ---- */

static int set_ipl(int level)
{
    unsigned short sr;
    __asm__ volatile ("move.w %%sr,%0" : "=d"(sr));
    __asm__ volatile ("move.w %0,%%sr" : : "d"((unsigned short)((sr & 0xF8FF) | (level << 8))) : "memory", "cc");
    return (sr >> 8) & 7;
}

/* spl1..spl4 set the level they name; _spl4 (sys/inline.h's spl5..spl7 and splhi under FAST_INTERRUPTS)
 * is IPL 4 as on Amix. spl7 is the harness's own: every interrupt off. */
int spl0(void) { return set_ipl(0); }
int spl1(void) { return set_ipl(1); }
int spl2(void) { return set_ipl(2); }
int spl3(void) { return set_ipl(3); }
int spl4(void) { return set_ipl(4); }
int _spl4(void) { return set_ipl(4); }
int spl7(void) { return set_ipl(7); }
void splx(int s) { (void)set_ipl(s); }

/* ---- callouts, run from the clock interrupt at its level ---- */

struct callout { void (*fn)(); caddr_t arg; unsigned long when; int id; };
static struct callout callouts[MAX_CALLOUTS];
static int next_id = 1;

int timeout(void (*fn)(), caddr_t arg, int ticks)
{
    int k, x = spl7();
    for (k = 0; k < MAX_CALLOUTS; k++)
        if (callouts[k].fn == 0) {
            callouts[k].fn = fn;
            callouts[k].arg = arg;
            callouts[k].when = uae_lbolt + (unsigned long)(ticks < 1 ? 1 : ticks);
            callouts[k].id = next_id++;
            splx(x);
            return callouts[k].id;
        }
    uae_puts("error callout table full\nDONE\n");
    for (;;) { }
}

void untimeout(int id)
{
    int k, x = spl7();
    for (k = 0; k < MAX_CALLOUTS; k++)
        if (callouts[k].fn != 0 && callouts[k].id == id) callouts[k].fn = 0;
    splx(x);
}

/* Callouts armed and not yet run (a driver that leaves one behind after its last close shows here). */
int uae_callouts_armed(void)
{
    int k, n = 0;
    for (k = 0; k < MAX_CALLOUTS; k++)
        if (callouts[k].fn != 0) n++;
    return n;
}

static void run_callouts(void)
{
    int k;
    for (k = 0; k < MAX_CALLOUTS; k++)
        if (callouts[k].fn != 0 && callouts[k].when <= uae_lbolt) {
            void (*fn)() = callouts[k].fn;
            int ctx = uae_context;
            callouts[k].fn = 0;
            uae_context = CTX_CALLOUT;
            (*fn)(callouts[k].arg);
            uae_context = ctx;
        }
}

/* ---- level-2 interrupts ---- */

/* Whether the A4091's 53C710 shows an interrupt (ISTAT SIP|DIP): only to name the context a completion
 * ran in (the board's INT2 or a clock tick); reading ISTAT changes nothing in the chip. */
static int board_pending(void)
{
    return uae_board != 0 && (R8(uae_board + 0x800000ul + 0x22) & 0x03) != 0;
}

/* The level-2 autovector: Amix calls every int2_tbl handler on each level-2 interrupt, the clock's too. */
void uae_level2(void)
{
    int k, ctx = uae_context;
    unsigned char icr;
    if (!(R16(INTREQR) & INT_PORTS)) return;
    icr = R8(CIAA_ICR);                     /* reading clears the CIA's interrupt */
    uae_ciaa_icr = icr;                     /* for aciaaintr: what this interrupt found */
    uae_context = board_pending() ? CTX_INT2 : (icr & 1) ? CTX_CLOCK : CTX_INT2;
    if (uae_context == CTX_INT2) uae_int2_count++;
    for (k = 0; int2_tbl[k] != 0; k++) (*int2_tbl[k])();
    if (icr & 1) {
        uae_lbolt++;
        uae_clock_count++;
        run_callouts();
    }
    uae_context = ctx;
    R16(INTREQ) = INT_PORTS;                /* the board's line, if still asserted, sets it again */
}

void uae_fault(unsigned long vector, unsigned long pc)
{
    uae_puts("error exception vector=");
    uae_dec(vector);
    uae_puts(" pc=");
    uae_hex(pc, 8);
    uae_puts("\nDONE\n");
}

extern void uae_int2_entry(void), uae_fault_entry(void);

/* The vector table's address (VBR is 0 after reset), read at run time so the compiler does not
 * treat stores near address 0 as out of bounds. */
static volatile unsigned long vbr = 0;

void uae_install_vectors(void)
{
    volatile unsigned long *v = (volatile unsigned long *)vbr;
    int k;
    for (k = 2; k < 64; k++) v[k] = (unsigned long)uae_fault_entry;
    v[26] = (unsigned long)uae_int2_entry;   /* level-2 autovector */
}

void uae_start_clock(void)
{
    unsigned ticks = 709379u / HZ;
    R8(CIAA_CRA) = 0x00;
    R8(CIAA_TALO) = (unsigned char)ticks;
    R8(CIAA_TAHI) = (unsigned char)(ticks >> 8);
    (void)R8(CIAA_ICR);
    R8(CIAA_ICR) = 0x81;                    /* enable timer A */
    R8(CIAA_CRA) = 0x11;                    /* load, start, continuous */
    R16(INTREQ) = INT_PORTS;
    R16(INTENA) = 0xC000 | INT_PORTS;       /* INTEN | PORTS */
}
