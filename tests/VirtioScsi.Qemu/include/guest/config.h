/*
 * The disks the xunit side attaches (DeviceTests.cs builds the same table): target n is unit n.
 * Products name the variant; sizes are the image sizes divided by the block size.
 */
#ifndef GUEST_CONFIG_H
#define GUEST_CONFIG_H

#include <stdint.h>

struct target_config {
    const char *product;        /* INQUIRY product identification (vendor is "DRVC") */
    uint32_t block_size;
    uint64_t blocks;
};

#define TARGETS 8
static const struct target_config target_config[TARGETS] = {
    { "VSCSI-T0", 512, 131072 },            /* 64 MiB */
    { "VSCSI-T1", 512, 131072 },
    { "VSCSI-T2", 512, 131072 },
    { "VSCSI-T3", 512, 131072 },
    { "VSCSI-T4", 512, 131072 },
    { "VSCSI-T5", 512, 131072 },
    { "VSCSI-3TIB", 512, 6442450944ull },   /* 3 TiB sparse: READ CAPACITY(16), LBAs above 2^32 */
    { "VSCSI-4KN", 4096, 16384 },           /* 64 MiB in 4 KiB logical blocks */
};

/* Seeded test pattern: xorshift32 words, stored big-endian (the host regenerates it). */
static inline uint32_t pattern_next(uint32_t *s)
{
    uint32_t x = *s;
    x ^= x << 13; x ^= x >> 17; x ^= x << 5;
    return *s = x;
}

#endif
