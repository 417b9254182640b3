/*
 * uae.h: the FS-UAE tier's Amix 2.1c kernel model (kernel.c), its dd.c side (dd.c), the Amiga
 * hardware it touches and the memory map of the ROM image. Written for the tests; the driver
 * is the emitted a4091.c, unchanged, compiled against the same Amix headers (tests/include/amix,
 * runtime-headers/drv).
 *
 * Memory (chip RAM, no MMU: kernel virtual = physical, as the chip sees it):
 *   0x000000-0x0003FF  exception vectors (VBR 0)
 *   0x001000-0x06FFFF  .data, .bss; stack below 0x07FFF0
 *   0x080000-0x0FFFFF  sptalloc's RAM pages (2 KB, NBPP), filled with 0xA5
 *   0x100000-0x13FFFF  dd.c's data buffers (two of 128 KiB)
 */
#ifndef UAE_H
#define UAE_H

#define R8(a) (*(volatile unsigned char *)(a))
#define R16(a) (*(volatile unsigned short *)(a))
#define R32(a) (*(volatile unsigned long *)(a))

/* Paula */
#define INTENA 0xDFF09A
#define INTENAR 0xDFF01C
#define INTREQ 0xDFF09C
#define INTREQR 0xDFF01E
#define DMACON 0xDFF096
#define SERDAT 0xDFF030
#define SERDATR 0xDFF018
#define SERPER 0xDFF032
#define INT_PORTS 0x0008
/* CIA-A (E clock 709379 Hz on PAL) */
#define CIAA_TALO 0xBFE401
#define CIAA_TAHI 0xBFE501
#define CIAA_ICR 0xBFED01
#define CIAA_CRA 0xBFEE01
#define CIAA_ICR_TA 0x01
#define CIAA_ICR_FLG 0x10                          /* FLAG: the parallel port's /ACK */
/* CIA-B: the parallel port's status lines */
#define CIAB_PRA 0xBFD000
#define CIAB_BUSY 0x01
#define CIAB_POUT 0x02
#define CIAB_SEL 0x04

#define POOL_START 0x00080000ul
#define POOL_END 0x00100000ul
#define BUFFER0 0x00100000ul
#define BUFFER1 0x00120000ul
#define BUFFER_SIZE 0x20000ul

/* Where code runs when a command completes (the simulator's names, simmain.c). */
enum uae_context { CTX_THREAD = 0, CTX_QUEUE = 1, CTX_INT2 = 2, CTX_CALLOUT = 3, CTX_CLOCK = 4 };

extern volatile int uae_context;
extern volatile unsigned long uae_lbolt;         /* clock ticks (HZ 60) */
extern volatile unsigned long uae_int2_count;    /* level-2 interrupts the board raised */
extern volatile unsigned char uae_ciaa_icr;      /* CIA-A's ICR as the current level-2 interrupt read it (read clears it) */
extern void (*int2_tbl[])();                     /* the ROM's level-2 table: every handler runs on each level-2 interrupt */
extern volatile unsigned long uae_clock_count;   /* clock interrupts */
extern unsigned long uae_ram_pages;              /* pages sptalloc(n, mode, 0, flag) handed out */
extern unsigned long uae_board;                  /* the A4091's AutoConfig base, 0 if none */
extern volatile unsigned long uae_completions_in[5];

/* serial */
void uae_putc(int c);
void uae_puts(const char *s);
void uae_hex(unsigned long v, int digits);
void uae_dec(unsigned long v);

/* kernel model */
void uae_install_vectors(void);
int uae_callouts_armed(void);    /* callouts armed and not yet run */
void uae_start_clock(void);      /* CIA-A timer A at HZ 60 and INT2 enabled in Paula */
int spl0(void), spl1(void), spl2(void), spl3(void), spl4(void), _spl4(void), spl7(void);
void splx(int);                  /* sys/inline.h: void splx() */

/* dd.c side */
struct dd_req;
void dd_start(struct dd_req *r, int unit, const unsigned char *cdb, unsigned long buf, unsigned long nbyte, int reading);
int dd_wait(struct dd_req *r, unsigned long ticks);
struct dd_req *dd_slot(int k);
int dd_completions(struct dd_req *r);
int dd_context(struct dd_req *r);
int dd_okay(struct dd_req *r);
int dd_status(struct dd_req *r);

void *memcpy(void *d, const void *s, __SIZE_TYPE__ n);
void *memset(void *d, int c, __SIZE_TYPE__ n);

#endif
