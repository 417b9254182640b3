/*
 * The virtio-blk devices of a blk run, in the order the xunit side attaches them (BlkTests.cs holds
 * the same table), which is the order the driver numbers its units: one PCI function per unit.
 */
#ifndef GUEST_BLK_CONFIG_H
#define GUEST_BLK_CONFIG_H

#include <stdint.h>

struct blk_config {
    const char *serial;         /* the serial= property: what GET_ID returns */
    uint32_t block_size;        /* logical_block_size */
    uint64_t bytes;             /* image size */
    int readonly;               /* readonly=on: writes must fail with TDERR_WriteProt */
    uint32_t queue_size;        /* virtio-blk-pci queue-size (seg_max = queue_size - 2) */
};

#define BLK_UNITS 6
static const struct blk_config blk_config[BLK_UNITS] = {
    { "DRVC-BLK-0", 512, 64ull << 20, 0, 256 },     /* integrity, FLUSH, DISCARD, WRITE_ZEROES, bad requests */
    { "DRVC-BLK-1", 512, 64ull << 20, 0, 8 },       /* an 8-entry ring: seg_max 6, parts and waiting for room; blkdebug EIO */
    { "DRVC-4KN", 4096, 16ull << 20, 0, 256 },      /* 4 KiB logical blocks */
    { "DRVC-RO", 512, 16ull << 20, 1, 256 },        /* read-only, filled by the host with seed BLK_RO_SEED */
    { "DRVC-GROW", 512, 16ull << 20, 0, 256 },      /* block_resize: the capacity change */
    { "DRVC-3TIB", 512, 3ull << 40, 0, 256 },       /* 3 TiB sparse: blocks above 2^32, 32-bit fields clamped */
};

/* The pattern the host writes over the whole read-only image before the run. */
#define BLK_RO_SEED 777u
/* blkdebug on unit 1's drive (QEMU -drive file=blkdebug:<rules>:<image>): reads touching this sector and
 * writes touching the next one fail with EIO, which QEMU's virtio-blk reports as VIRTIO_BLK_S_IOERR. */
#define BLK_EIO_READ_SECTOR 120000u
#define BLK_EIO_WRITE_SECTOR 120200u

/* The size the host grows unit 4 to when asked. */
#define BLK_GROWN_BYTES (24ull << 20)

#endif
