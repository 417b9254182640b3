/*
 * Drives the emitted VirtIO/SCSI logic of drivers/VirtioScsi (virtqueue.c, cdb.c, sense.c,
 * error_map.c, geometry.c) with fixed inputs and prints "key value" lines; the xunit side knows
 * the values the VirtIO and SCSI specifications require. Built natively and for qemu-ppc (the
 * AmigaOS CPU's byte order). It plays the device's part of the virtqueue by writing the used ring.
 */
#include <stdio.h>
#include <string.h>
#include "virtioscsi.h"

static void hex(const char *key, const uint8 *p, int n)
{
    int i;
    printf("%s ", key);
    for (i = 0; i < n; i++)
        printf("%02x", p[i]);
    printf("\n");
}

/* The device writes little-endian (modern) fields byte by byte, whatever the CPU. */
static void put_le16(uint8 *p, uint16 v) { p[0] = (uint8)v; p[1] = (uint8)(v >> 8); }
static void put_le32(uint8 *p, uint32 v) { put_le16(p, (uint16)v); put_le16(p + 2, (uint16)(v >> 16)); }
static void put_native16(uint8 *p, uint16 v) { memcpy(p, &v, 2); }
static void put_native32(uint8 *p, uint32 v) { memcpy(p, &v, 4); }

static uint8 ring[3 * 4096] __attribute__((aligned(4096)));
static uint32 cookies[8];

static void ring_test(const char *tag, BOOL little)
{
    struct vscsi_virtqueue vq;
    struct vscsi_virtq_buf bufs[3];
    struct vscsi_virtq_desc table[4];
    uint32 cookie = 0, written = 0;
    uint8 *used;
    int32 head, head2;
    BOOL got;
    char key[64];

    memset(ring, 0, sizeof ring);
    vscsi_virtqueue_init(&vq, ring, 8, 2, cookies, little, TRUE);
    used = ring + vscsi_virtqueue_used_offset(8);

    bufs[0].addr = 0x1122334455667788ULL; bufs[0].len = 51;
    bufs[1].addr = 0x2000; bufs[1].len = 108;
    bufs[2].addr = 0x3000; bufs[2].len = 4096;
    head = vscsi_virtqueue_add_chain(&vq, bufs, 1, 2, 0x0305);
    snprintf(key, sizeof key, "%s.head", tag); printf("%s %d\n", key, (int)head);
    snprintf(key, sizeof key, "%s.desc0", tag); hex(key, ring + 16 * 0, 16);
    snprintf(key, sizeof key, "%s.desc1", tag); hex(key, ring + 16 * 1, 16);
    snprintf(key, sizeof key, "%s.desc2", tag); hex(key, ring + 16 * 2, 16);
    /* avail: flags, idx, ring[0] */
    snprintf(key, sizeof key, "%s.avail", tag); hex(key, ring + 16 * 8, 6);
    snprintf(key, sizeof key, "%s.numfree", tag); printf("%s %u\n", key, (unsigned)vq.num_free);

    /* Too big for what is left: 5 free, 6 wanted. */
    snprintf(key, sizeof key, "%s.full", tag); printf("%s %d\n", key, (int)vscsi_virtqueue_add_chain(&vq, bufs, 3, 3, 7));

    /* Nothing used yet. */
    got = vscsi_virtqueue_get_buf(&vq, &cookie, &written);
    snprintf(key, sizeof key, "%s.early", tag); printf("%s %d\n", key, (int)got);

    /* The device returns the chain: used ring[0] = { id head, len 4096 + 108 }, idx 1. */
    if (little) { put_le32(used + 4, (uint32)head); put_le32(used + 8, 4204); put_le16(used + 2, 1); }
    else { put_native32(used + 4, (uint32)head); put_native32(used + 8, 4204); put_native16(used + 2, 1); }
    got = vscsi_virtqueue_get_buf(&vq, &cookie, &written);
    snprintf(key, sizeof key, "%s.got", tag); printf("%s %d %x %u\n", key, (int)got, (unsigned)cookie, (unsigned)written);
    snprintf(key, sizeof key, "%s.numfree2", tag); printf("%s %u\n", key, (unsigned)vq.num_free);
    /* used_event (avail ring[8]) follows: the next completion interrupts. */
    snprintf(key, sizeof key, "%s.usedevent", tag); hex(key, ring + 16 * 8 + 4 + 2 * 8, 2);

    /* A used element naming no request (id out of range) is consumed, cookie 0, nothing freed. */
    if (little) { put_le32(used + 4 + 8, 99); put_le32(used + 8 + 8, 0); put_le16(used + 2, 2); }
    else { put_native32(used + 4 + 8, 99); put_native32(used + 8 + 8, 0); put_native16(used + 2, 2); }
    got = vscsi_virtqueue_get_buf(&vq, &cookie, &written);
    snprintf(key, sizeof key, "%s.bogus", tag); printf("%s %d %x %u\n", key, (int)got, (unsigned)cookie, (unsigned)vq.num_free);

    /* Indirect: one ring descriptor pointing at a 3-entry table. */
    head2 = vscsi_virtqueue_add_indirect(&vq, table, 0xABCD000ULL, bufs, 2, 1, 0x0100);
    snprintf(key, sizeof key, "%s.ihead", tag); printf("%s %d %u\n", key, (int)head2, (unsigned)vq.num_free);
    snprintf(key, sizeof key, "%s.idesc", tag); hex(key, ring + 16 * head2, 16);
    snprintf(key, sizeof key, "%s.itable0", tag); hex(key, (uint8 *)&table[0], 16);
    snprintf(key, sizeof key, "%s.itable2", tag); hex(key, (uint8 *)&table[2], 16);

    /* Coalescing: with 5 requests in flight, interrupt after the 5th completion: used_event = last + 4. */
    got = vscsi_virtqueue_arm_interrupt(&vq, 5);
    snprintf(key, sizeof key, "%s.arm", tag); printf("%s %d\n", key, (int)got);
    snprintf(key, sizeof key, "%s.usedevent5", tag); hex(key, ring + 16 * 8 + 4 + 2 * 8, 2);
}

int main(void)
{
    uint8 cdb[16];
    uint8 sense[18];
    uint8 cap[32];
    struct vscsi_sense_info si;
    uint64 total = 0;
    uint32 bs = 0;
    int n;
    uint16 probe = 1;

    printf("endian %s\n", *(uint8 *)&probe == 1 ? "little" : "big");
    printf("layout %u %u %u\n", (unsigned)vscsi_virtqueue_used_offset(256), (unsigned)vscsi_virtqueue_total_bytes(256),
        (unsigned)vscsi_virtqueue_used_offset(8));

    n = vscsi_cdb_read_write(cdb, FALSE, 0x12345678u, 8); printf("rw.read10 %d ", n); hex("", cdb, n);
    n = vscsi_cdb_read_write(cdb, TRUE, 0x100000000ULL, 8); printf("rw.write16 %d ", n); hex("", cdb, n);
    n = vscsi_cdb_read_write(cdb, FALSE, 0, 65536); printf("rw.count16 %d ", n); hex("", cdb, n);
    n = vscsi_cdb_read_write(cdb, FALSE, 0, 65535); printf("rw.count10 %d ", n); hex("", cdb, n);
    n = vscsi_cdb_read_write(cdb, FALSE, 0xFFFFFFFFu, 1); printf("rw.lastlba10 %d\n", n);
    n = vscsi_cdb_read_write(cdb, FALSE, 0xFFFFFFFFu, 2); printf("rw.straddle %d\n", n);
    n = vscsi_cdb_read_capacity16(cdb, 32); printf("rc16 %d ", n); hex("", cdb, n);
    n = vscsi_cdb_read_capacity10(cdb); printf("rc10 %d ", n); hex("", cdb, n);
    n = vscsi_cdb_inquiry(cdb, 36); printf("inquiry %d ", n); hex("", cdb, n);
    n = vscsi_cdb_test_unit_ready(cdb); printf("tur %d ", n); hex("", cdb, n);

    memset(sense, 0, sizeof sense);
    sense[0] = 0x70; sense[2] = 0x05; sense[7] = 10; sense[12] = 0x24; sense[13] = 0x01;
    si = vscsi_sense_decode(sense, 18); printf("sense.fixed %u %x %x %u\n", si.key, si.asc, si.ascq, si.valid);
    memset(sense, 0, sizeof sense);
    sense[0] = 0x72; sense[1] = 0x06; sense[2] = 0x29; sense[3] = 0x00;
    si = vscsi_sense_decode(sense, 8); printf("sense.desc %u %x %x %u\n", si.key, si.asc, si.ascq, si.valid);
    sense[0] = 0x7F;
    si = vscsi_sense_decode(sense, 18); printf("sense.bad %u %u\n", si.key, si.valid);
    si = vscsi_sense_decode(sense, 1); printf("sense.short %u\n", si.valid);

    printf("err.good %d\n", vscsi_error_map_from_scsi(0, 0, 0));
    printf("err.illegal %d\n", vscsi_error_map_from_scsi(0, 2, 5));
    printf("err.ua %d\n", vscsi_error_map_from_scsi(0, 2, 6));
    printf("err.notready %d\n", vscsi_error_map_from_scsi(0, 2, 2));
    printf("err.medium %d\n", vscsi_error_map_from_scsi(0, 2, 3));
    printf("err.protect %d\n", vscsi_error_map_from_scsi(0, 2, 7));
    printf("err.recovered %d\n", vscsi_error_map_from_scsi(0, 2, 1));
    printf("err.aborted %d\n", vscsi_error_map_from_scsi(0, 2, 0xB));
    printf("err.blank %d\n", vscsi_error_map_from_scsi(0, 2, 8));
    printf("err.busy %d\n", vscsi_error_map_from_scsi(0, 8, 0));
    printf("err.badtarget %d\n", vscsi_error_map_from_scsi(3, 0, 0));

    printf("geo.8tib %u %u\n", vscsi_logical_geometry_cyl_sectors(1ULL << 34), vscsi_logical_geometry_cylinders(1ULL << 34));
    printf("geo.3tib %u %u %u\n", vscsi_logical_geometry_cyl_sectors(6442450944ULL), vscsi_logical_geometry_cylinders(6442450944ULL), vscsi_logical_geometry_clamp32(6442450944ULL));
    printf("geo.1000 %u %u\n", vscsi_logical_geometry_cyl_sectors(1000), vscsi_logical_geometry_cylinders(1000));
    printf("geo.odd %u %u\n", vscsi_logical_geometry_cyl_sectors(1001), vscsi_logical_geometry_cylinders(1001));
    printf("geo.zero %u %u\n", vscsi_logical_geometry_cyl_sectors(0), vscsi_logical_geometry_cylinders(0));
    printf("geo.huge %u %u\n", vscsi_logical_geometry_cyl_sectors(1ULL << 50), vscsi_logical_geometry_cylinders(1ULL << 50));

    /* READ CAPACITY(10): last LBA 0x0009FFFF, 512-byte blocks. */
    memset(cap, 0, sizeof cap);
    cap[1] = 0x09; cap[2] = 0xFF; cap[3] = 0xFF; cap[6] = 0x02;
    n = vscsi_geometry_parse_capacity10(cap, &total, &bs);
    printf("cap10 %d %llu %u\n", n, (unsigned long long)total, bs);
    memset(cap, 0xFF, 4);
    n = vscsi_geometry_parse_capacity10(cap, &total, &bs);
    printf("cap10.full %d\n", n);
    /* READ CAPACITY(16): last LBA 0x17FFFFFFF (3 TiB of 512-byte blocks less one), 4096-byte blocks. */
    memset(cap, 0, sizeof cap);
    cap[3] = 0x01; cap[4] = 0x7F; cap[5] = 0xFF; cap[6] = 0xFF; cap[7] = 0xFF; cap[10] = 0x10;
    vscsi_geometry_parse_capacity16(cap, &total, &bs);
    printf("cap16 %llu %u\n", (unsigned long long)total, bs);

    ring_test("modern", TRUE);
    ring_test("legacy", FALSE);
    return 0;
}
