/*
 * The layout of the fault tests (guest/fault_tests.c; FaultTests.cs builds the same QEMU command line):
 * unit 0 = target 0, the harness's disk (drive d0, 16 MiB, no faults); unit 1 = target 1 (drive f1,
 * 16 MiB, QEMU blkdebug over a raw image, rerror=report,werror=report) whose host-written 64 KiB regions
 * each hold the pattern of FT_SEED + region and fail as listed; unit 2 = target 2 (drive f2, 4 MiB,
 * blkdebug) whose every flush fails with EIO; unit 3 = target 3 (drive f3) whose flush the host holds.
 */
#ifndef GUEST_FAULT_CONFIG_H
#define GUEST_FAULT_CONFIG_H

#define FT_UNIT_PLAIN 0u
#define FT_UNIT_FAULTY 1u
#define FT_UNIT_FLUSH_FAILS 2u
/* Unit 3 = target 3 (drive f3, 4 MiB, blkdebug without rules): the host holds its flush (a blkdebug breakpoint). */
#define FT_UNIT_FLUSH_HELD 3u
/* The driver is built with VSCSI_LIMITS_FLUSH_TIMEOUT=FT_FLUSH_TIMEOUT_S for these tests (Makefile). */
#define FT_FLUSH_TIMEOUT_S 3u

/* Region k of unit 1 is k MiB into the image, FT_REGION_BYTES long, the pattern of FT_SEED + k. */
#define FT_REGION_BYTES (64u * 1024u)
#define FT_SEED 900u
#define FT_REGION_OFFSET(k) ((uint32_t)(k) * 1024u * 1024u)
/* blkdebug's rules, on the region's first 512-byte sector: */
#define FT_READ_EIO_ONCE 1      /* read_aio, EIO, once */
#define FT_READ_EIO_ALWAYS 2    /* read_aio, EIO */
#define FT_WRITE_EIO_ONCE 3     /* write_aio, EIO, once */
#define FT_WRITE_EIO_ALWAYS 4   /* write_aio, EIO */
#define FT_READ_ENODATA 5       /* read_aio, ENODATA (QEMU: MEDIUM ERROR, UNRECOVERED READ ERROR) */
#define FT_GOOD 6               /* no rule */
#define FT_REGIONS 7

#endif
