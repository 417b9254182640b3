/*
 * amix_model.c: a model of the Amix 2.1c kernel services the par and RAM disk drivers call, with the
 * parallel port's hardware (the two 8520 CIAs and a Centronics printer) behind DRV_MMIO_HOOKS, for
 * running the emitted drivers under qemu-m68k. Written for the tests; nothing here comes from Amix.
 *
 * One process context: sleep() runs the clock (callouts, the printer, level-2 interrupts) until a
 * wakeup() on its channel or, with PCATCH, a signal. Interrupts are taken while the priority level
 * is below 2 (spl2 is the level of the CIA-A chain). The level-2 dispatch is aciaaintr's: it reads
 * CIA-A's ICR once (the read clears every source) and calls parintr() when FLAG (/ACK) was set; the
 * driver itself must never read that register (counted in icr_reads_by_driver).
 *
 * The drivers are called only through the cdevsw[]/bdevsw[] tables built from the generated
 * kernel.c rows (tables.c), at the majors the generated patches give (PAR_MAJOR, RD_BMAJOR, RD_CMAJOR).
 *
 * Compiled with -nostdinc against tests/include/amix; the C library calls it needs are declared here.
 */
#include "sys/types.h"
#include "sys/param.h"
#include "sys/errno.h"
#include "sys/file.h"
#include "sys/open.h"
#include "sys/uio.h"
#include "sys/buf.h"
#include "sys/cred.h"
#include "sys/poll.h"
#include "sys/conf.h"
#include "sys/cmn_err.h"
#include "amixpar.h"
#include "amixrd.h"

extern int printf(const char *, ...);
extern int strcmp(const char *, const char *);
extern void exit(int);

/* ---- report ---- */
static int failures;
#define CHECK(cond, what) do { if (!(cond)) { failures++; printf("FAIL %s (line %d)\n", what, __LINE__); } } while (0)

/* ---- clock and callouts (SVR4 D3DK timeout/untimeout) ---- */
#define NCALL 16
static struct { void (*fn)(); caddr_t arg; long when; int id; } callout[NCALL];
static long ticks;
static int next_id = 1;
static int ipl;

int timeout(void (*fn)(), caddr_t arg, int t)
{
	int i;
	for (i = 0; i < NCALL; i++)
		if (callout[i].id == 0) {
			callout[i].fn = fn; callout[i].arg = arg; callout[i].when = ticks + (t < 1 ? 1 : t); callout[i].id = next_id++;
			return callout[i].id;
		}
	printf("FAIL callout table full\n");
	exit(2);
	return 0;
}

void untimeout(int id)
{
	int i;
	for (i = 0; i < NCALL; i++)
		if (callout[i].id == id && id != 0) callout[i].id = 0;
}

static int callouts_armed(void)
{
	int i, n = 0;
	for (i = 0; i < NCALL; i++) if (callout[i].id != 0) n++;
	return n;
}

/* ---- the parallel port: CIA-A data and FLAG, CIA-B status lines, a printer ---- */
#define CIAA 0xBFE001u
#define CIAB 0xBFD000u
#define INTENA 0xDFF09Au
#define ICR_FLG 0x10
enum printer_mode { ACKS, LOST_ACK };
static enum printer_mode printer = ACKS;
static unsigned char ciaa_ddrb, ciab_ddra, ciab_pra_out, icr_mask, icr_data;
static int intena_ports;
static unsigned char printed[8192];
static int nprinted, busy, ack_due_in;
static int icr_reads_by_driver, strobes_while_busy;
#define ACK_TICKS 1 /* the printer takes a byte and acknowledges it on the next tick */

extern void parintr();

static void level2(void)
{
	/* aciaaintr: one read of CIA-A's ICR, then the sources it found */
	unsigned char icr = icr_data;
	icr_data = 0;
	if (icr & ICR_FLG) parintr();
}

static void deliver(void)
{
	while (ipl < 2 && intena_ports && (icr_data & icr_mask & ICR_FLG)) {
		int s = ipl;
		ipl = 2;
		level2();
		ipl = s;
	}
}

static void printer_tick(void)
{
	if (busy && ack_due_in > 0 && --ack_due_in == 0) {
		busy = 0;
		icr_data |= ICR_FLG; /* /ACK pulses the FLAG input */
	}
}

unsigned char drv_mmio_read8(volatile void *addr)
{
	unsigned long a = (unsigned long)addr;
	if (a == CIAB) return (unsigned char)((busy ? 0x01 : 0) | 0x04 | (ciab_pra_out & ciab_ddra)); /* SEL on line, POUT low */
	if (a == CIAB + 0x200) return ciab_ddra;
	if (a == CIAA + 0x300) return ciaa_ddrb;
	if (a == CIAA + 0xD00) { icr_reads_by_driver++; return 0; }
	printf("FAIL read of an unmodelled register 0x%lx\n", a);
	failures++;
	return 0;
}

void drv_mmio_write8(volatile void *addr, unsigned char v)
{
	unsigned long a = (unsigned long)addr;
	if (a == CIAA + 0x100) {
		if (ciaa_ddrb != 0xFF) { printf("FAIL data written with port B not all outputs\n"); failures++; }
		if (busy) strobes_while_busy++;
		if (nprinted < (int)sizeof printed) printed[nprinted] = v;
		nprinted++;
		if (printer == ACKS) { busy = 1; ack_due_in = ACK_TICKS; }
	} else if (a == CIAA + 0x300) ciaa_ddrb = v;
	else if (a == CIAB + 0x200) ciab_ddra = v;
	else if (a == CIAB) ciab_pra_out = v;
	else if (a == CIAA + 0xD00) { if (v & 0x80) icr_mask |= v & 0x7F; else icr_mask &= (unsigned char)~v; }
	else { printf("FAIL write of an unmodelled register 0x%lx\n", a); failures++; }
}

void drv_mmio_write16(volatile void *addr, unsigned short v)
{
	if ((unsigned long)addr == INTENA) { if ((v & 0x8000) && (v & 0x0008)) intena_ports = 1; else if (!(v & 0x8000) && (v & 0x0008)) intena_ports = 0; }
	else { printf("FAIL 16-bit write of an unmodelled register 0x%lx\n", (unsigned long)addr); failures++; }
}

unsigned short drv_mmio_read16(volatile void *addr) { (void)addr; failures++; return 0; }
unsigned int drv_mmio_read32(volatile void *addr) { (void)addr; failures++; return 0; }
void drv_mmio_write32(volatile void *addr, unsigned int v) { (void)addr; (void)v; failures++; }

/* ---- one clock tick: signals, the printer, callouts at the clock's level, then interrupts ---- */
static long signal_at;
static int signal_pending;

static void tick(void)
{
	int i, s;
	ticks++;
	if (signal_at != 0 && ticks >= signal_at) { signal_pending = 1; signal_at = 0; }
	printer_tick();
	s = ipl;
	ipl = 2;
	for (i = 0; i < NCALL; i++)
		if (callout[i].id != 0 && callout[i].when <= ticks) {
			void (*fn)() = callout[i].fn;
			caddr_t arg = callout[i].arg;
			callout[i].id = 0;
			(*fn)(arg);
		}
	ipl = s;
	deliver();
}

/* ---- priority levels (sys/inline.h) ---- */
static int raise_to(int l) { int s = ipl; if (l > ipl) ipl = l; return s; }
int spl0(void) { int s = ipl; ipl = 0; deliver(); return s; }
int spl1(void) { return raise_to(1); }
int spl2(void) { return raise_to(2); }
int spl3(void) { return raise_to(3); }
int spl4(void) { return raise_to(4); }
int _spl4(void) { return raise_to(4); }
void splx(int s) { ipl = s; deliver(); }

/* ---- sleep and wakeup (SVR4 D3DK sleep: 1 when PCATCH and a signal ended it) ---- */
static caddr_t sleeping_on;
static int woken, sleeps;
#define TICK_LIMIT 100000L

int sleep(caddr_t chan, int pri)
{
	int s = ipl;
	sleeping_on = chan;
	woken = 0;
	sleeps++;
	ipl = 0; /* the process gives up the CPU: interrupts come in */
	deliver();
	while (!woken) {
		if ((pri & PCATCH) && signal_pending) {
			signal_pending = 0;
			sleeping_on = 0;
			ipl = s;
			return 1;
		}
		if (ticks > TICK_LIMIT) { printf("FAIL sleep on %p never woken (tick %ld)\n", (void *)chan, ticks); exit(3); }
		tick();
	}
	sleeping_on = 0;
	ipl = s;
	return 0;
}

void wakeup(caddr_t chan) { if (sleeping_on == chan) woken = 1; }

/* ---- poll ---- */
static int pollwakeups;
static short last_poll_event;
void pollwakeup(struct pollhead *php, int events) { (void)php; pollwakeups++; last_poll_event = (short)events; }

/* ---- uio (SVR4 D3DK uiomove, uwritec, ureadc): user space is this process's memory ---- */
int uwritec(struct uio *uiop)
{
	iovec_t *iov;
	int c;
	if (uiop->uio_resid <= 0) return -1;
	while (uiop->uio_iovcnt > 0 && uiop->uio_iov->iov_len == 0) { uiop->uio_iov++; uiop->uio_iovcnt--; }
	if (uiop->uio_iovcnt <= 0) return -1;
	iov = uiop->uio_iov;
	c = (unsigned char)*iov->iov_base;
	iov->iov_base++; iov->iov_len--; uiop->uio_resid--; uiop->uio_offset++;
	return c;
}

int ureadc(int c, struct uio *uiop)
{
	while (uiop->uio_iovcnt > 0 && uiop->uio_iov->iov_len == 0) { uiop->uio_iov++; uiop->uio_iovcnt--; }
	if (uiop->uio_iovcnt <= 0 || uiop->uio_resid <= 0) return EFAULT;
	*uiop->uio_iov->iov_base = (char)c;
	uiop->uio_iov->iov_base++; uiop->uio_iov->iov_len--; uiop->uio_resid--; uiop->uio_offset++;
	return 0;
}

int uiomove(caddr_t addr, int n, int rw, struct uio *uiop)
{
	while (n > 0 && uiop->uio_resid > 0) {
		iovec_t *iov;
		int k, i;
		while (uiop->uio_iovcnt > 0 && uiop->uio_iov->iov_len == 0) { uiop->uio_iov++; uiop->uio_iovcnt--; }
		if (uiop->uio_iovcnt <= 0) return EFAULT;
		iov = uiop->uio_iov;
		k = iov->iov_len < n ? iov->iov_len : n;
		for (i = 0; i < k; i++) {
			if (rw == UIO_READ) iov->iov_base[i] = addr[i];
			else addr[i] = iov->iov_base[i];
		}
		iov->iov_base += k; iov->iov_len -= (int)k; uiop->uio_resid -= (int)k; uiop->uio_offset += k; addr += k; n -= k;
	}
	return 0;
}

void bcopy(caddr_t from, caddr_t to, unsigned count)
{
	unsigned i;
	for (i = 0; i < count; i++) to[i] = from[i];
}

void bzero(caddr_t p, unsigned count)
{
	unsigned i;
	for (i = 0; i < count; i++) p[i] = 0;
}

/* ---- device numbers (dev_t is major << 18 | minor on Amix) ---- */
major_t getmajor(dev_t dev) { return dev >> 18; }
minor_t getminor(dev_t dev) { return dev & 0x3FFFF; }
dev_t makedevice(major_t ma, minor_t mi) { return ma << 18 | mi; }

int nodev(void) { return ENODEV; }
int nulldev(void) { return 0; }

/* ---- block I/O ---- */
static int biodones;
void biodone(struct buf *bp) { bp->b_flags |= B_DONE; biodones++; }

/* K&R, as sys/cmn_err.h declares it: the caller's extra arguments are not read (the 68k caller pops them) */
void cmn_err(level, fmt)
int level;
char *fmt;
{
	printf("cmn_err %d: %s\n", level, fmt);
}

/* ---- scenarios ---- */
static struct cred cred;

static int par_write(const unsigned char *data, int n, int *resid)
{
	struct iovec iov;
	struct uio uio;
	int rc;
	iov.iov_base = (caddr_t)data; iov.iov_len = n;
	uio.uio_iov = &iov; uio.uio_iovcnt = 1; uio.uio_offset = 0; uio.uio_segflg = UIO_USERSPACE; uio.uio_fmode = FWRITE;
	uio.uio_limit = 0; uio.uio_resid = n;
	rc = (*cdevsw[PAR_MAJOR].d_write)(makedevice(PAR_MAJOR, 0), &uio, &cred);
	*resid = uio.uio_resid;
	CHECK(iov.iov_len == uio.uio_resid, "iov_len and uio_resid agree after the write");
	return rc;
}

static int par_open(void)
{
	dev_t dev = makedevice(PAR_MAJOR, 0);
	return (*cdevsw[PAR_MAJOR].d_open)(&dev, FWRITE, OTYP_CHR, &cred);
}

static int par_close(void) { return (*cdevsw[PAR_MAJOR].d_close)(makedevice(PAR_MAJOR, 0), FWRITE, OTYP_CHR, &cred); }

static unsigned char pattern[4096];

static void fill(int n) { int i; for (i = 0; i < n; i++) pattern[i] = (unsigned char)(i * 7 + 3 + i / 251); }

static void check_printed(int n)
{
	int i, bad = -1;
	for (i = 0; i < n && i < nprinted; i++) if (printed[i] != pattern[i]) { bad = i; break; }
	printf("printed %d of %d, first difference at %d\n", nprinted, n, bad);
	CHECK(nprinted == n, "every byte reached the printer, once");
	CHECK(bad < 0, "in order");
}

static void scenario_order(int n)
{
	int rc, resid;
	fill(n);
	rc = par_open();
	CHECK(rc == 0, "open");
	CHECK(icr_mask & ICR_FLG, "open enables the FLAG interrupt");
	rc = par_write(pattern, n, &resid);
	printf("write %d -> rc %d resid %d sleeps %d\n", n, rc, resid, sleeps);
	CHECK(rc == 0 && resid == 0, "the write takes every byte");
	rc = par_close();
	CHECK(rc == 0, "close");
	check_printed(n);
	CHECK(strobes_while_busy == 0, "no byte strobed while the printer was busy");
	CHECK(icr_reads_by_driver == 0, "the driver never reads CIA-A's ICR");
	CHECK(!(icr_mask & ICR_FLG), "close disables the FLAG interrupt");
	CHECK(callouts_armed() == 0, "no callout left armed after the close");
}

static void scenario_lost_ack(void)
{
	int rc, resid;
	long start;
	fill(1000);
	printer = LOST_ACK;
	CHECK(par_open() == 0, "open");
	start = ticks;
	rc = par_write(pattern, 1000, &resid);
	printf("write 1000 -> rc %d resid %d after %ld ticks\n", rc, resid, ticks - start);
	CHECK(rc == EIO, "a lost /ACK ends the write with EIO");
	CHECK(resid == 1000 - (PAR_PAR_HIGH_WATER + 1), "resid counts the bytes not taken (high-water mark plus the one on the port)");
	CHECK(ticks - start >= PAR_PAR_ACK_TIMEOUT, "not before the watchdog's time");
	CHECK(nprinted == 1, "only the first byte reached the port");
	CHECK(par_close() == 0, "close after the error does not hang");
	CHECK(callouts_armed() == 0, "no callout left armed");
}

static void scenario_signal(void)
{
	int rc, resid;
	fill(1000);
	printer = LOST_ACK;
	CHECK(par_open() == 0, "open");
	signal_at = ticks + 10;
	rc = par_write(pattern, 1000, &resid);
	printf("write 1000 -> rc %d resid %d at tick %ld\n", rc, resid, ticks);
	CHECK(rc == EINTR, "a signal ends the sleeping write with EINTR");
	CHECK(resid == 1000 - (PAR_PAR_HIGH_WATER + 1), "resid counts the bytes not taken (high-water mark plus the one on the port)");
	CHECK(ticks < PAR_PAR_ACK_TIMEOUT, "the signal, not the watchdog, ended it");
	signal_at = ticks + 5;
	CHECK(par_close() == 0, "a signal during close drops the queue and closes");
	CHECK(callouts_armed() == 0, "no callout left armed");
}

static void scenario_poll(void)
{
	short revents = -1;
	struct pollhead *php = 0;
	int rc, resid;
	fill(1000);
	CHECK(par_open() == 0, "open");
	rc = (*cdevsw[PAR_MAJOR].d_poll)(makedevice(PAR_MAJOR, 0), POLLOUT | POLLIN, 0, &revents, &php);
	printf("idle poll -> rc %d revents 0x%x php %s\n", rc, revents, php ? "set" : "null");
	CHECK(rc == 0 && revents == POLLOUT, "POLLOUT when idle, and not POLLIN");
	CHECK(php == 0, "no pollhead when an event is ready");
	printer = LOST_ACK;
	signal_at = ticks + 3;
	rc = par_write(pattern, 1000, &resid);
	CHECK(rc == EINTR, "filled up to the high-water mark");
	rc = (*cdevsw[PAR_MAJOR].d_poll)(makedevice(PAR_MAJOR, 0), POLLOUT, 0, &revents, &php);
	printf("full poll -> rc %d revents 0x%x php %s\n", rc, revents, php ? "set" : "null");
	CHECK(revents == 0 && php != 0, "a full queue: no event, the driver's pollhead instead");
}

static void scenario_ioctl(void)
{
	int rval = -1;
	dev_t dev = makedevice(PAR_MAJOR, 0);
	CHECK(par_open() == 0, "open");
	CHECK((*cdevsw[PAR_MAJOR].d_ioctl)(dev, PIOCSETCTL, PC_BUSY | 0x40, 0, &cred, &rval) == 0, "PIOCSETCTL");
	CHECK((*cdevsw[PAR_MAJOR].d_ioctl)(dev, PIOCGETCTL, 0, 0, &cred, &rval) == 0 && rval == PC_BUSY, "PIOCGETCTL returns the lines set, masked");
	CHECK((*cdevsw[PAR_MAJOR].d_ioctl)(dev, 0x7777, 0, 0, &cred, &rval) == EINVAL, "an unknown ioctl is EINVAL");
	CHECK((*cdevsw[PAR_MAJOR].d_read)(dev, (struct uio *)0, &cred) == ENODEV, "read is the nodev filler");
	{
		dev_t d1 = makedevice(PAR_MAJOR, 1);
		CHECK((*cdevsw[PAR_MAJOR].d_open)(&d1, FWRITE, OTYP_CHR, &cred) == ENODEV, "minor 1 does not exist");
	}
	{
		dev_t d0 = makedevice(PAR_MAJOR, 0);
		CHECK((*cdevsw[PAR_MAJOR].d_open)(&d0, FREAD, OTYP_CHR, &cred) == EIO, "output only");
	}
}

/* RAM disk: a filesystem-like pattern of block requests through bdevsw's strategy, completed by its callout */
static unsigned char blockdata(int block, int i) { return (unsigned char)(block * 31 + i * 3 + (i >> 8)); }

static void strategy(struct buf *bp, int flags, long blkno, unsigned count, char *addr)
{
	bp->b_flags = B_BUSY | flags;
	bp->b_blkno = blkno;
	bp->b_bcount = count;
	bp->b_un.b_addr = addr;
	bp->b_edev = makedevice(RD_BMAJOR, 0);
	bp->b_error = 0;
	bp->b_resid = 0xdead;
	(*bdevsw[RD_BMAJOR].d_strategy)(bp);
}

static void run_until_done(struct buf *bufs, int n)
{
	int i, done;
	long limit = ticks + 10;
	do {
		tick();
		for (done = 1, i = 0; i < n; i++) if (!(bufs[i].b_flags & B_DONE)) done = 0;
	} while (!done && ticks < limit);
	CHECK(done, "every queued request completes within 10 ticks");
}

static char space[16][4096];

static void scenario_ramdisk(void)
{
	static const int order[] = { 7, 0, 120, 3, 64, 127, 1, 33, 2, 90, 15, 16 };
	static struct buf bufs[16];
	dev_t dev = makedevice(RD_BMAJOR, 0);
	int i, j, n = (int)(sizeof order / sizeof order[0]), bad = 0;
	CHECK((*bdevsw[RD_BMAJOR].d_open)(&dev, FREAD | FWRITE, OTYP_BLK, &cred) == 0, "open");
	CHECK((*bdevsw[RD_BMAJOR].d_size)(dev) == 128, "size: 128 blocks of 512 bytes");
	/* a batch of single-block writes in a scattered order, queued before the clock runs */
	for (i = 0; i < n; i++) {
		for (j = 0; j < 512; j++) space[i][j] = (char)blockdata(order[i], j);
		strategy(&bufs[i], B_WRITE, order[i], 512, space[i]);
	}
	for (i = 0; i < n; i++) CHECK(!(bufs[i].b_flags & B_DONE), "strategy only queues: completion comes from the callout");
	run_until_done(bufs, n);
	/* a multi-block write (an inode block and its neighbours) */
	for (j = 0; j < 4096; j++) space[15][j] = (char)blockdata(40 + j / 512, j % 512);
	strategy(&bufs[15], B_WRITE, 40, 4096, space[15]);
	run_until_done(&bufs[15], 1);
	CHECK(bufs[15].b_resid == 0 && !(bufs[15].b_flags & B_ERROR), "4 KB write");
	/* read everything back in another order, through 1 KB reads where two written blocks are adjacent */
	for (i = n - 1; i >= 0; i--) { for (j = 0; j < 512; j++) space[i][j] = 0; strategy(&bufs[i], B_READ, order[i], 512, space[i]); }
	run_until_done(bufs, n);
	for (i = 0; i < n; i++) {
		CHECK(bufs[i].b_resid == 0 && !(bufs[i].b_flags & B_ERROR), "read complete");
		for (j = 0; j < 512; j++) if ((unsigned char)space[i][j] != blockdata(order[i], j)) bad++;
	}
	strategy(&bufs[14], B_READ, 41, 1024, space[14]);
	run_until_done(&bufs[14], 1);
	for (j = 0; j < 1024; j++) if ((unsigned char)space[14][j] != blockdata(41 + j / 512, j % 512)) bad++;
	printf("ramdisk: %d requests, %d bytes differ, %d biodone calls\n", 2 * n + 2, bad, biodones);
	CHECK(bad == 0, "every block reads back what was written");
	/* past the end: at once with ENXIO; across the end: what fits, the rest in b_resid */
	strategy(&bufs[0], B_READ, 200, 512, space[0]);
	CHECK((bufs[0].b_flags & (B_DONE | B_ERROR)) == (B_DONE | B_ERROR) && bufs[0].b_error == ENXIO && bufs[0].b_resid == 512, "a block past the end is ENXIO");
	strategy(&bufs[1], B_READ, 127, 1024, space[1]);
	run_until_done(&bufs[1], 1);
	CHECK(bufs[1].b_resid == 512, "a request across the end moves the last block only");
	/* the raw twin: read(2) at a byte offset straight from the disk */
	{
		struct iovec iov;
		struct uio uio;
		static char raw[1000];
		iov.iov_base = raw; iov.iov_len = 1000;
		uio.uio_iov = &iov; uio.uio_iovcnt = 1; uio.uio_offset = 64 * 512 + 100; uio.uio_segflg = UIO_USERSPACE;
		uio.uio_fmode = FREAD; uio.uio_limit = 0; uio.uio_resid = 1000;
		CHECK((*cdevsw[RD_CMAJOR].d_read)(makedevice(RD_CMAJOR, 0), &uio, &cred) == 0 && uio.uio_resid == 0, "raw read");
		for (bad = 0, j = 0; j < 412; j++) if ((unsigned char)raw[j] != blockdata(64, 100 + j)) bad++;
		CHECK(bad == 0, "raw read returns block 64 from byte 100");
	}
	{
		dev_t d1 = makedevice(RD_BMAJOR, 1);
		CHECK((*bdevsw[RD_BMAJOR].d_open)(&d1, FREAD, OTYP_BLK, &cred) == ENXIO, "minor 1 does not exist");
	}
}

int main(int argc, char **argv)
{
	if (argc != 2) { printf("usage: amix_model order|large|lostack|signal|poll|ioctl|ramdisk\n"); return 2; }
	if (!strcmp(argv[1], "order")) scenario_order(100);
	else if (!strcmp(argv[1], "large")) scenario_order(3000);
	else if (!strcmp(argv[1], "lostack")) scenario_lost_ack();
	else if (!strcmp(argv[1], "signal")) scenario_signal();
	else if (!strcmp(argv[1], "poll")) scenario_poll();
	else if (!strcmp(argv[1], "ioctl")) scenario_ioctl();
	else if (!strcmp(argv[1], "ramdisk")) scenario_ramdisk();
	else { printf("unknown scenario %s\n", argv[1]); return 2; }
	printf("%s: %d failures\n", argv[1], failures);
	return failures == 0 ? 0 : 1;
}
