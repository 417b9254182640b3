/*
 * ncr710.h: a model of the NCR 53C710 SCSI I/O processor for the A4091 tests.
 *
 * The model keeps the register file in the chip's SCRIPTS numbering (the "little-endian"
 * column of the 53C710 register map: SCNTL0 = 0x00 ... ADDER = 0x3C) and runs SCRIPTS from
 * the process's memory, which stands for the Amiga's memory: the chip fetches instructions and
 * reads DSA tables as big-endian longwords (the 68k's byte order), and a bus address is the
 * process's pointer (the harness's kvtop/vtop are the identity).
 *
 * Host accesses arrive through ncr710_host_read/ncr710_host_write with the A4091 host offset
 * (the big-endian view: ISTAT at 0x22, DSP at 0x2C); board.c decodes the Zorro address.
 *
 * Interrupts: SSTAT0 and DSTAT collect the conditions; ISTAT.SIP/DIP are set whenever those
 * hold a condition (so a poll with SIEN = DIEN = 0 still sees completion), and the interrupt
 * line (IRQ/) is asserted only while an enabled condition is pending (SIEN & SSTAT0,
 * DIEN & DSTAT). Every condition halts SCRIPTS. Reading SSTAT0 or DSTAT (8 bits, or the
 * 32-bit longword at host offset 0x0C) clears it.
 *
 * Sources: the 53C710 register map and SCRIPTS encodings as recorded in the project's facts
 * (register names and bits from the 53C710 data manual's names, e.g. ISTAT DIP/SIP/CON).
 */
#ifndef NCR710_H
#define NCR710_H

#include <stdint.h>

/* Register numbers, SCRIPTS (little-endian) numbering. */
enum {
    NCR_SCNTL0 = 0x00, NCR_SCNTL1 = 0x01, NCR_SDID = 0x02, NCR_SIEN = 0x03,
    NCR_SCID = 0x04, NCR_SXFER = 0x05, NCR_SODL = 0x06, NCR_SOCL = 0x07,
    NCR_SFBR = 0x08, NCR_SIDL = 0x09, NCR_SBDL = 0x0A, NCR_SBCL = 0x0B,
    NCR_DSTAT = 0x0C, NCR_SSTAT0 = 0x0D, NCR_SSTAT1 = 0x0E, NCR_SSTAT2 = 0x0F,
    NCR_DSA = 0x10, NCR_CTEST0 = 0x14, NCR_CTEST1 = 0x15, NCR_CTEST2 = 0x16,
    NCR_CTEST3 = 0x17, NCR_CTEST4 = 0x18, NCR_CTEST5 = 0x19, NCR_CTEST6 = 0x1A,
    NCR_CTEST7 = 0x1B, NCR_TEMP = 0x1C, NCR_DFIFO = 0x20, NCR_ISTAT = 0x21,
    NCR_CTEST8 = 0x22, NCR_LCRC = 0x23, NCR_DBC = 0x24, NCR_DCMD = 0x27,
    NCR_DNAD = 0x28, NCR_DSP = 0x2C, NCR_DSPS = 0x30, NCR_SCRATCH = 0x34,
    NCR_DMODE = 0x38, NCR_DIEN = 0x39, NCR_DWT = 0x3A, NCR_DCNTL = 0x3B,
    NCR_ADDER = 0x3C
};

/* ISTAT */
#define NCR_ISTAT_ABRT 0x80
#define NCR_ISTAT_RST 0x40
#define NCR_ISTAT_SIGP 0x20
#define NCR_ISTAT_CON 0x08
#define NCR_ISTAT_SIP 0x02
#define NCR_ISTAT_DIP 0x01
/* DSTAT (and DIEN, without DFE) */
#define NCR_DSTAT_DFE 0x80
#define NCR_DSTAT_BF 0x20
#define NCR_DSTAT_ABRT 0x10
#define NCR_DSTAT_SSI 0x08
#define NCR_DSTAT_SIR 0x04
#define NCR_DSTAT_WTD 0x02
#define NCR_DSTAT_IID 0x01
/* SSTAT0 (and SIEN) */
#define NCR_SSTAT0_MA 0x80
#define NCR_SSTAT0_FCMP 0x40
#define NCR_SSTAT0_STO 0x20
#define NCR_SSTAT0_SEL 0x10
#define NCR_SSTAT0_SGE 0x08
#define NCR_SSTAT0_UDC 0x04
#define NCR_SSTAT0_RST 0x02
#define NCR_SSTAT0_PAR 0x01
/* SCNTL1 */
#define NCR_SCNTL1_CON 0x10
#define NCR_SCNTL1_RST 0x08
/* DMODE, DCNTL, CTEST7 */
#define NCR_DMODE_MAN 0x01
#define NCR_DCNTL_STD 0x04
#define NCR_CTEST7_STD 0x10

#include "scsi_disk.h"

/* One 53C710 with the SCSI bus it drives (eight IDs). */
struct ncr710 {
    uint8_t reg[0x40];              /* SCRIPTS numbering */
    int running;                    /* the SCRIPTS processor is fetching instructions */
    int carry;                      /* carry of the last register ADD/ADC/SHL/SHR */
    int atn;                        /* the chip drives SCSI ATN */
    int ack_held;                   /* ACK left asserted after the last MSG_IN byte */
    int stalled;                    /* the last step waited (the instruction will be fetched again) */
    int sto_left;                   /* steps until a selection in progress times out; -1 none */
    struct scsi_target *target[8];  /* attached targets by SCSI ID */
    struct scsi_target *connected;  /* the target on the bus, or null (bus free) */
    unsigned int sto_steps;         /* length of the selection timeout, in steps */
    /* Statistics and diagnostics. */
    unsigned long steps;            /* instructions executed (and steps spent waiting) */
    unsigned long unsafe_accesses;  /* host accesses of registers other than ISTAT while running */
    unsigned long starts;           /* SCRIPTS starts (DSP writes, DCNTL.STD) */
    unsigned long bus_faults;       /* DSTAT BF raised: a bad or misaligned instruction, table entry or pointer address */
    unsigned long bus_resets;       /* SCSI bus resets the host asserted (SCNTL1 RST set) */
    unsigned long aborts;           /* ISTAT ABRT set by the host */
    unsigned long reselections;     /* targets that reselected the chip in WAIT RESELECT */
    unsigned long sigp_wakeups;     /* WAIT RESELECT ended by ISTAT SIGP (alternate address) */
    unsigned long max_nexus;        /* most commands in progress at once (targets connected or disconnected) */
    const char *name;               /* for messages: "card0" */
};

void ncr710_init(struct ncr710 *c, const char *name);
/* Power-up / ISTAT.RST soft reset: registers to their reset values, SCRIPTS stopped. */
void ncr710_reset(struct ncr710 *c);
void ncr710_attach(struct ncr710 *c, int id, struct scsi_target *t);

/* Host register accesses; offset is the A4091 (big-endian) offset within the 0x40 block. */
uint8_t ncr710_host_read8(struct ncr710 *c, unsigned offset);
uint32_t ncr710_host_read32(struct ncr710 *c, unsigned offset);
void ncr710_host_write8(struct ncr710 *c, unsigned offset, uint8_t value);
void ncr710_host_write32(struct ncr710 *c, unsigned offset, uint32_t value);

/* Runs up to max_steps SCRIPTS instructions; returns the number run (0 when halted). */
unsigned ncr710_run(struct ncr710 *c, unsigned max_steps);
/* Another device on the SCSI bus asserts RST: the targets reset, the chip raises SSTAT0 RST. */
void ncr710_external_bus_reset(struct ncr710 *c);
/* The interrupt line IRQ/ (1 = asserted). */
int ncr710_irq(const struct ncr710 *c);
/* A one-line description of the chip state for failure messages. */
const char *ncr710_describe(const struct ncr710 *c);

/* Big-endian memory accesses in the chip's view (bus address = process pointer). */
uint32_t ncr710_mem_read32(uint32_t addr);
int ncr710_bad_address(uint32_t addr, uint32_t len);

#endif /* NCR710_H */
