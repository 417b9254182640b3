/*
 * amix.c: the Amix 2.1c kernel services a character or block driver calls (SVR4 DDI/DKI), on the
 * emulated Amiga, for the ROMs of drivers/AmixPar and drivers/AmixRamDisk:
 *
 *   - one process context: sleep() gives up the CPU (IPL 0, STOP until an interrupt) until a
 *     wakeup() on its channel or, with PCATCH in the priority, a signal; signals are posted by the
 *     harness from a callout (uae_signal_in), that is from the clock, as a real psignal comes;
 *   - uio moves (uiomove, ureadc, uwritec) and copyin/copyout: no MMU, user space is this
 *     program's memory;
 *   - struct buf completion: biodone (B_DONE, then b_iodone or wakeup(bp)), iodone (its older
 *     name), biowait (sleeps on bp at PRIBIO until B_DONE);
 *   - getmajor/getminor/makedevice (dev_t is major << 18 | minor), nodev/nulldev, pollwakeup,
 *     bcopy, cmn_err on the serial port;
 *   - aciaaintr, the CIA-A dispatch the stock kernel has in int2_tbl[] (tables.c: the stock
 *     handlers, then the generated entries): kernel.c reads CIA-A's ICR once per level-2 interrupt
 *     (the read clears every source) and aciaaintr calls parintr() when FLAG (the parallel port's
 *     /ACK) was among them; no driver reads that register;
 *   - the boot: every init_tbl[] function (the generated rows' table) runs before the clock starts.
 *
 * Both drivers are linked into each ROM with both generated row sets, as one kernel holds them.
 *
 * Written for the tests; nothing here comes from Amix. Declarations come from tests/include/amix.
 */
#include "sys/types.h"
#include "sys/param.h"
#include "sys/errno.h"
#include "sys/uio.h"
#include "sys/buf.h"
#include "sys/poll.h"
#include "sys/ddi.h"
#include "uae.h"
#include "amix.h"

struct uae_proc uae_proc;

/* ---- sleep and wakeup (SVR4 D3DK sleep: 1 when PCATCH is set and a signal ended the sleep) ---- */

#define SLEEP_LIMIT (60ul * 30)   /* ticks: a sleep nobody ends within 30 s is reported and the run ends */

int sleep(caddr_t chan, int pri)
{
    unsigned long start = uae_lbolt;
    int s = spl7();
    uae_proc.wchan = chan;
    uae_proc.woken = 0;
    uae_proc.sleeps++;
    for (;;) {
        if (uae_proc.woken) break;
        if (uae_proc.signal) {
            if (pri & PCATCH) {
                uae_proc.signal = 0;
                uae_proc.interrupted++;
                uae_proc.wchan = 0;
                splx(s);
                return 1;
            }
            if ((pri & PMASK) > PZERO) {
                uae_puts("error a signal came during a sleep above PZERO without PCATCH (a longjmp out of the system call: not modelled)\nDONE\n");
                for (;;) { }
            }
        }
        if (uae_lbolt - start > SLEEP_LIMIT) {
            uae_puts("error sleep never woken\nDONE\n");
            for (;;) { }
        }
        /* IPL 0 and wait, in one instruction: an interrupt pending since the checks is taken at once */
        __asm__ volatile ("stop #0x2000" : : : "memory", "cc");
        spl7();
    }
    uae_proc.wchan = 0;
    splx(s);
    return 0;
}

void wakeup(caddr_t chan)
{
    if (uae_proc.wchan == chan && chan != 0) uae_proc.woken = 1;
}

static void post_signal(caddr_t unused)
{
    (void)unused;
    uae_proc.signal = 1;
}

void uae_signal_in(int ticks)
{
    (void)timeout(post_signal, (caddr_t)0, ticks);
}

/* ---- user space (no MMU: the process's addresses are the kernel's) ---- */

int copyin(caddr_t from, caddr_t to, int n)
{
    memcpy(to, from, (unsigned)n);
    return 0;
}

int copyout(caddr_t from, caddr_t to, int n)
{
    memcpy(to, from, (unsigned)n);
    return 0;
}

static void next_iovec(struct uio *uiop)
{
    while (uiop->uio_iovcnt > 0 && uiop->uio_iov->iov_len == 0) {
        uiop->uio_iov++;
        uiop->uio_iovcnt--;
    }
}

/* uiomove (SVR4 D3DK): n bytes between the kernel's addr and the request's iovecs, in the direction rw
 * (UIO_READ: to the user); uio_resid, uio_offset and the iovecs advance. 0, or EFAULT when the iovecs end. */
int uiomove(caddr_t addr, int n, int rw, struct uio *uiop)
{
    while (n > 0 && uiop->uio_resid > 0) {
        iovec_t *iov;
        int k;
        next_iovec(uiop);
        if (uiop->uio_iovcnt <= 0) return EFAULT;
        iov = uiop->uio_iov;
        k = iov->iov_len < n ? iov->iov_len : n;
        if (rw == UIO_READ) copyout(addr, iov->iov_base, k);
        else copyin(iov->iov_base, addr, k);
        iov->iov_base += k;
        iov->iov_len -= k;
        uiop->uio_resid -= k;
        uiop->uio_offset += k;
        addr += k;
        n -= k;
    }
    return 0;
}

/* uwritec: the next byte the user writes, or -1 when the request is used up. */
int uwritec(struct uio *uiop)
{
    iovec_t *iov;
    int c;
    if (uiop->uio_resid <= 0) return -1;
    next_iovec(uiop);
    if (uiop->uio_iovcnt <= 0) return -1;
    iov = uiop->uio_iov;
    c = (unsigned char)*iov->iov_base;
    iov->iov_base++;
    iov->iov_len--;
    uiop->uio_resid--;
    uiop->uio_offset++;
    return c;
}

/* ureadc: one byte to the user; 0, or EFAULT when the request is used up. */
int ureadc(int c, struct uio *uiop)
{
    next_iovec(uiop);
    if (uiop->uio_iovcnt <= 0 || uiop->uio_resid <= 0) return EFAULT;
    *uiop->uio_iov->iov_base = (char)c;
    uiop->uio_iov->iov_base++;
    uiop->uio_iov->iov_len--;
    uiop->uio_resid--;
    uiop->uio_offset++;
    return 0;
}

void bcopy(caddr_t from, caddr_t to, unsigned count)
{
    memcpy(to, from, count);
}

/* ---- block I/O ---- */

void biodone(struct buf *bp)
{
    uae_proc.biodones++;
    uae_proc.biodone_in[uae_context]++;
    bp->b_flags |= B_DONE;
    if (bp->b_iodone != 0) (*bp->b_iodone)(bp);
    else wakeup((caddr_t)bp);
}

void iodone(struct buf *bp) { biodone(bp); }

/* biowait (SVR4 D3DK): sleeps until biodone; the request's error, or EIO for B_ERROR without one. */
int biowait(struct buf *bp)
{
    int s = spl7();
    while (!(bp->b_flags & B_DONE)) (void)sleep((caddr_t)bp, PRIBIO);
    splx(s);
    if (bp->b_flags & B_ERROR) return bp->b_error != 0 ? bp->b_error : EIO;
    return 0;
}

/* ---- device numbers, fillers, poll ---- */

major_t getmajor(dev_t dev) { return dev >> 18; }
minor_t getminor(dev_t dev) { return dev & 0x3FFFF; }
dev_t makedevice(major_t ma, minor_t mi) { return ma << 18 | mi; }

int nodev(void) { return ENODEV; }
int nulldev(void) { return 0; }

void pollwakeup(struct pollhead *php, int events)
{
    (void)php;
    uae_proc.pollwakeups++;
    uae_proc.last_poll_events = events;
}

/* cmn_err (SVR4 D3DK): the message on the serial port as "cmn_err <level> <text>"; %d %u %x %s %c. */
void cmn_err(int level, const char *fmt, ...)
{
    __builtin_va_list ap;
    __builtin_va_start(ap, fmt);
    uae_puts("cmn_err ");
    uae_dec((unsigned long)level);
    uae_putc(' ');
    for (; *fmt; fmt++) {
        if (*fmt != '%' || fmt[1] == 0) { uae_putc(*fmt); continue; }
        switch (*++fmt) {
        case 'd': { long v = __builtin_va_arg(ap, int); if (v < 0) { uae_putc('-'); v = -v; } uae_dec((unsigned long)v); break; }
        case 'u': uae_dec(__builtin_va_arg(ap, unsigned)); break;
        case 'x': uae_hex(__builtin_va_arg(ap, unsigned), 8); break;
        case 's': uae_puts(__builtin_va_arg(ap, const char *)); break;
        case 'c': uae_putc(__builtin_va_arg(ap, int)); break;
        default: uae_putc(*fmt); break;
        }
    }
    uae_putc('\n');
    __builtin_va_end(ap);
}

/* ---- the CIA-A dispatch of the stock kernel's level-2 table (int2_tbl[] itself is in tables.c) ---- */

extern void parintr();

/* aciaaintr: kernel.c read CIA-A's ICR for this interrupt; FLAG is the parallel port's /ACK. */
void aciaaintr(void)
{
    if (uae_ciaa_icr & CIAA_ICR_FLG) {
        uae_proc.acks++;
        parintr();
    }
}

/* ---- boot ---- */

extern void (*init_tbl[])();

void uae_amix_init(void)
{
    int k;
    for (k = 0; init_tbl[k] != 0; k++) (*init_tbl[k])();
}
