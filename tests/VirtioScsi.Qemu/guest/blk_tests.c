/*
 * virtioblk.device exercised only through its device interface (OpenDevice, DoIO, SendIO, WaitIO,
 * AbortIO, CloseDevice), as an AmigaOS program or file system would. Every write is announced as
 *   "wrote unit <u> offset <bytes> length <bytes> seed <s>"
 * and every range the device was told to zero as
 *   "zeroed unit <u> offset <bytes> length <bytes>"
 * so that the xunit side can check the image files after QEMU exits.
 */
#include <string.h>
#include <devices/trackdisk.h>
#include <devices/newstyle.h>
#include <devices/scsidisk.h>
#include <libraries/mounter.h>
#include "harness/exec.h"
#include "harness/check.h"
#include "harness/console.h"
#include "harness/mem.h"
#include "harness/pci.h"
#include "harness/board.h"
#include "harness/cpu.h"
#include "guest/config.h"
#include "guest/blk_config.h"
#include "guest/tests.h"

#define DEVICE_NAME "virtioblk.device"
#define KiB 1024u
#define MiB (1024u * 1024u)

unsigned exec_pci_devices_in_use(void);

struct unit_io {
    struct MsgPort *port;
    struct IOStdReq *io;
    int open;
};
static struct unit_io units[BLK_UNITS];

static void fill_pattern(uint8_t *p, uint32_t len, uint32_t seed)
{
    uint32_t s = seed ? seed : 1;
    uint32_t i = 0;
    for (; i + 4 <= len; i += 4) {
        uint32_t w = pattern_next(&s);
        p[i] = (uint8_t)(w >> 24); p[i + 1] = (uint8_t)(w >> 16); p[i + 2] = (uint8_t)(w >> 8); p[i + 3] = (uint8_t)w;
    }
    if (i < len) {
        uint32_t w = pattern_next(&s);
        for (unsigned k = 0; i < len; i++, k++) p[i] = (uint8_t)(w >> (24 - 8 * k));
    }
}

static int64_t first_difference(const uint8_t *a, const uint8_t *b, uint32_t len)
{
    for (uint32_t i = 0; i < len; i++) if (a[i] != b[i]) return i;
    return -1;
}

static int all_zero(const uint8_t *p, uint32_t len)
{
    for (uint32_t i = 0; i < len; i++) if (p[i]) return 0;
    return 1;
}

static struct IOStdReq *new_request(struct MsgPort *port)
{
    return (struct IOStdReq *)exec_CreateIORequest(port, sizeof(struct IOStdReq));
}

/* A copy of unit u's opened request with its own reply port, for requests in flight together. */
static struct IOStdReq *clone_request(unsigned u, struct MsgPort *port)
{
    struct IOStdReq *io = new_request(port);
    *io = *units[u].io;
    io->io_Message.mn_ReplyPort = port;
    return io;
}

/* One synchronous command; 64-bit commands carry the offset's high half in io_Actual. */
static int8 transfer(struct IOStdReq *io, uint16 cmd, uint64_t offset, void *buf, uint32_t len, uint32_t *actual)
{
    io->io_Command = cmd;
    io->io_Data = buf;
    io->io_Length = len;
    io->io_Offset = (uint32)offset;
    io->io_Actual = (uint32)(offset >> 32);
    int8 err = DoIO((struct IORequest *)io);
    if (actual) *actual = io->io_Actual;
    return err;
}

/* Writes a seeded pattern, reads it back into a poisoned buffer, compares; logs the write. */
static void write_read_check(const char *name, unsigned unit, uint16 wcmd, uint16 rcmd, uint64_t offset, uint32_t len,
                             uint32_t seed, unsigned misalign)
{
    struct IOStdReq *io = units[unit].io;
    uint8_t *wraw = mem_alloc(len + 64, 64), *rraw = mem_alloc(len + 64, 64);
    if (!wraw || !rraw) { check(0, name, "no memory for %u bytes", len); mem_free(wraw); mem_free(rraw); return; }
    uint8_t *wbuf = wraw + misalign, *rbuf = rraw + misalign;
    fill_pattern(wbuf, len, seed);
    memset(rbuf, 0xee, len);
    uint32_t wact = 0, ract = 0;
    int8 werr = transfer(io, wcmd, offset, wbuf, len, &wact);
    if (werr == 0) kprintf("wrote unit %u offset %llu length %u seed %u\n", unit, (unsigned long long)offset, len, seed);
    int8 rerr = werr ? -128 : transfer(io, rcmd, offset, rbuf, len, &ract);
    int64_t diff = werr || rerr ? -2 : first_difference(wbuf, rbuf, len);
    check(werr == 0 && rerr == 0 && wact == len && ract == len && diff < 0, name,
          "unit %u offset %llu length %u: write err %d actual %u, read err %d actual %u, first difference at %lld",
          unit, (unsigned long long)offset, len, werr, wact, rerr, ract, (long long)diff);
    mem_free(wraw); mem_free(rraw);
}

/* One HD_SCSICMD with an autosense buffer; the SCSICmd is poisoned first so every field the driver sets is checked. */
static int8 scsi_command(unsigned unit, struct SCSICmd *cmd, const uint8_t *cdb, uint16 cdb_len, void *data, uint32_t len,
                         uint8 flags, uint8_t *sense, uint16 sense_len)
{
    struct IOStdReq *io = units[unit].io;
    memset(cmd, 0xa5, sizeof *cmd);
    cmd->scsi_Data = (UWORD *)data;
    cmd->scsi_Length = len;
    cmd->scsi_Command = (UBYTE *)cdb;
    cmd->scsi_CmdLength = cdb_len;
    cmd->scsi_Flags = flags;
    cmd->scsi_SenseData = sense;
    cmd->scsi_SenseLength = sense_len;
    if (sense) memset(sense, 0xee, sense_len);
    io->io_Command = HD_SCSICMD;
    io->io_Data = cmd;
    io->io_Length = sizeof *cmd;
    io->io_Offset = 0;
    io->io_Actual = 0;
    return DoIO((struct IORequest *)io);
}

static void put_be32(uint8_t *p, uint32_t v) { p[0] = (uint8_t)(v >> 24); p[1] = (uint8_t)(v >> 16); p[2] = (uint8_t)(v >> 8); p[3] = (uint8_t)v; }
static void put_be64(uint8_t *p, uint64_t v) { put_be32(p, (uint32_t)(v >> 32)); put_be32(p + 4, (uint32_t)v); }

/* Asks the host to act ("host: <request>") and waits up to 20 s for its "ok"/"fail" on the console. */
static int host_request(const char *request)
{
    kprintf("host: %s\n", request);
    char line[16];
    unsigned n = 0;
    for (;;) {
        int c = console_getc_timeout(20000);
        if (c < 0) return 0;
        if (c == '\r') continue;
        if (c == '\n') break;
        if (n + 1 < sizeof line) line[n++] = (char)c;
    }
    line[n] = 0;
    return strcmp(line, "ok") == 0;
}

/* A 4 KiB read of unit u still works (the driver survived what came before). */
static int still_works(unsigned u)
{
    static uint8_t buf[4096] __attribute__((aligned(64)));
    uint32_t act = 0;
    return transfer(units[u].io, CMD_READ, 0, buf, sizeof buf, &act) == 0 && act == sizeof buf;
}

static uint64_t unit_blocks(unsigned u) { return blk_config[u].bytes / blk_config[u].block_size; }

/* ---- the tests ---- */

static void test_open_units(void)
{
    for (unsigned u = 0; u < BLK_UNITS; u++) {
        units[u].port = exec_CreateMsgPort();
        units[u].io = new_request(units[u].port);
        int8 err = OpenDevice(DEVICE_NAME, u, (struct IORequest *)units[u].io, 0);
        units[u].open = err == 0;
        char name[48];
        ksnprintf(name, sizeof name, "blk.open_unit%u", u);
        check(err == 0 && units[u].io->io_Unit != 0, name, "OpenDevice unit %u: error %d", u, err);
    }
    struct MsgPort *p = exec_CreateMsgPort();
    struct IOStdReq *io = new_request(p);
    int8 err = OpenDevice(DEVICE_NAME, BLK_UNITS, (struct IORequest *)io, 0);
    check(err == IOERR_OPENFAIL, "blk.open_missing_unit_fails", "OpenDevice unit %u: error %d, expected IOERR_OPENFAIL", BLK_UNITS, err);
    if (err == 0) CloseDevice((struct IORequest *)io);
    exec_DeleteIORequest((struct IORequest *)io);
    exec_DeleteMsgPort(p);
}

/* TD_GETGEOMETRY / NSCMD_TD_GETGEOMETRY64 from capacity and blk_size; TD_PROTSTATUS from VIRTIO_BLK_F_RO;
 * GET_ID through INQUIRY's unit serial number page. */
static void test_identity(void)
{
    for (unsigned u = 0; u < BLK_UNITS; u++) {
        const struct blk_config *c = &blk_config[u];
        struct IOStdReq *io = units[u].io;
        char name[64];
        struct DriveGeometry g;
        memset(&g, 0xa5, sizeof g);
        io->io_Command = TD_GETGEOMETRY; io->io_Data = &g; io->io_Length = sizeof g; io->io_Offset = 0; io->io_Actual = 0;
        int8 err = DoIO((struct IORequest *)io);
        ksnprintf(name, sizeof name, "blk.unit%u.geometry", u);
        uint32_t clamped = unit_blocks(u) > 0xffffffffull ? 0xffffffffu : (uint32_t)unit_blocks(u);
        check(err == 0 && g.dg_SectorSize == c->block_size && g.dg_TotalSectors == clamped
              && (uint64_t)g.dg_Cylinders * g.dg_CylSectors == unit_blocks(u) && g.dg_CylSectors == g.dg_Heads * g.dg_TrackSectors
              && g.dg_DeviceType == DG_DIRECT_ACCESS, name,
              "error %d: sector %u total %u cylinders %u cylsectors %u heads %u track %u type %u (expected %u-byte blocks, %llu)",
              err, g.dg_SectorSize, g.dg_TotalSectors, g.dg_Cylinders, g.dg_CylSectors, g.dg_Heads, g.dg_TrackSectors,
              g.dg_DeviceType, c->block_size, (unsigned long long)unit_blocks(u));

        struct DriveGeometry64 g64;
        memset(&g64, 0xa5, sizeof g64);
        io->io_Command = NSCMD_TD_GETGEOMETRY64; io->io_Data = &g64; io->io_Length = sizeof g64;
        err = DoIO((struct IORequest *)io);
        ksnprintf(name, sizeof name, "blk.unit%u.geometry64", u);
        check(err == 0 && g64.dg_SectorSize == c->block_size && g64.dg_TotalSectors == unit_blocks(u), name,
              "error %d sector %u total %llu", err, g64.dg_SectorSize, (unsigned long long)g64.dg_TotalSectors);

        io->io_Command = TD_PROTSTATUS; io->io_Data = 0; io->io_Length = 0; io->io_Actual = 0xdead;
        err = DoIO((struct IORequest *)io);
        ksnprintf(name, sizeof name, "blk.unit%u.protstatus", u);
        check(err == 0 && io->io_Actual == (c->readonly ? 1u : 0u), name, "error %d actual %u, expected %u", err, io->io_Actual, c->readonly);

        static uint8_t page[64];
        static const uint8_t cdb[6] = { 0x12, 0x01, 0x80, 0, 64, 0 };
        uint8_t sense[32];
        struct SCSICmd cmd;
        memset(page, 0xee, sizeof page);
        err = scsi_command(u, &cmd, cdb, 6, page, sizeof page, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
        size_t n = strlen(c->serial);
        ksnprintf(name, sizeof name, "blk.unit%u.get_id_serial", u);
        check(err == 0 && cmd.scsi_Status == 0 && page[1] == 0x80 && page[3] == n && memcmp(page + 4, c->serial, n) == 0
              && cmd.scsi_Actual == 4 + n, name, "error %d status %u page %02x length %u actual %u serial '%.20s' (expected '%s')",
              err, cmd.scsi_Status, page[1], page[3], cmd.scsi_Actual, (const char *)page + 4, c->serial);

        /* Device identification (SPC-4 7.8.6): one T10-vendor-ID designator of the logical unit, ASCII, the standard
         * INQUIRY vendor and product then the serial QEMU was given; the page length covers exactly that descriptor. */
        static const uint8_t cdb83[6] = { 0x12, 0x01, 0x83, 0, 64, 0 };
        memset(page, 0xee, sizeof page);
        err = scsi_command(u, &cmd, cdb83, 6, page, sizeof page, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
        ksnprintf(name, sizeof name, "blk.unit%u.vpd83_designator", u);
        check(err == 0 && cmd.scsi_Status == 0 && page[1] == 0x83 && page[3] == 4 + 24 + n && page[4] == 0x02 && page[5] == 0x01
              && page[7] == 24 + n && memcmp(page + 8, "VirtIO  virtio-blk      ", 24) == 0 && memcmp(page + 32, c->serial, n) == 0
              && cmd.scsi_Actual == 8 + 24 + n, name,
              "error %d status %u page %02x length %u code set %02x type %02x designator length %u actual %u id '%.44s'",
              err, cmd.scsi_Status, page[1], page[3], page[4], page[5], page[7], cmd.scsi_Actual, (const char *)page + 8);
    }
}

static void test_device_query(void)
{
    struct NSDeviceQueryResult q;
    memset(&q, 0, sizeof q);
    struct IOStdReq *io = units[0].io;
    io->io_Command = NSCMD_DEVICEQUERY; io->io_Data = &q; io->io_Length = sizeof q; io->io_Actual = 0;
    int8 err = DoIO((struct IORequest *)io);
    int has_read64 = 0, has_geometry64 = 0, has_scsi = 0, count = 0;
    for (const UWORD *c = q.SupportedCommands; c && *c && count < 100; c++, count++) {
        if (*c == NSCMD_TD_READ64) has_read64 = 1;
        if (*c == NSCMD_TD_GETGEOMETRY64) has_geometry64 = 1;
        if (*c == HD_SCSICMD) has_scsi = 1;
    }
    check(err == 0 && q.DeviceType == NSDEVTYPE_TRACKDISK && q.SizeAvailable == sizeof q && has_read64 && has_geometry64 && has_scsi,
          "blk.nscmd_devicequery", "error %d type %u size %u: NSCMD_TD_READ64 %d, GETGEOMETRY64 %d, HD_SCSICMD %d among %d",
          err, q.DeviceType, q.SizeAvailable, has_read64, has_geometry64, has_scsi, count);
}

/* Sizes and positions through the bounce buffer (up to 64 KiB) and StartDMA (beyond), every command form. */
static void test_integrity(void)
{
    const uint64_t end0 = blk_config[0].bytes;
    write_read_check("blk.io.512B_at_0", 0, CMD_WRITE, CMD_READ, 0, 512, 11, 0);
    write_read_check("blk.io.4KiB", 0, CMD_WRITE, CMD_READ, 1 * MiB, 4 * KiB, 12, 0);
    write_read_check("blk.io.64KiB", 0, CMD_WRITE, CMD_READ, 2 * MiB, 64 * KiB, 13, 0);
    write_read_check("blk.io.64KiB_plus_512B", 0, CMD_WRITE, CMD_READ, 3 * MiB + 512, 64 * KiB + 512, 14, 0);
    write_read_check("blk.io.1MiB", 0, CMD_WRITE, CMD_READ, 5 * MiB, 1 * MiB, 15, 0);
    write_read_check("blk.io.3MiB_windows", 0, CMD_WRITE, CMD_READ, 8 * MiB, 3 * MiB, 16, 0);
    write_read_check("blk.io.unaligned_buffer_4KiB", 0, CMD_WRITE, CMD_READ, 12 * MiB, 4 * KiB, 17, 3);
    write_read_check("blk.io.unaligned_buffer_200KiB", 0, CMD_WRITE, CMD_READ, 13 * MiB, 200 * KiB, 18, 5);
    write_read_check("blk.io.last_blocks", 0, CMD_WRITE, CMD_READ, end0 - 8 * KiB, 8 * KiB, 19, 0);
    write_read_check("blk.io.td64_commands", 0, TD_WRITE64, TD_READ64, 20 * MiB, 16 * KiB, 20, 0);
    write_read_check("blk.io.nscmd_td64_commands", 0, NSCMD_TD_WRITE64, NSCMD_TD_READ64, 21 * MiB, 16 * KiB, 21, 0);
    write_read_check("blk.io.td_format", 0, TD_FORMAT, CMD_READ, 22 * MiB, 8 * KiB, 22, 0);
    write_read_check("blk.4kn.4KiB_at_0", 2, CMD_WRITE, CMD_READ, 0, 4 * KiB, 31, 0);
    write_read_check("blk.4kn.68KiB", 2, CMD_WRITE, CMD_READ, 1 * MiB, 68 * KiB, 32, 0);
    write_read_check("blk.4kn.1MiB", 2, NSCMD_TD_WRITE64, NSCMD_TD_READ64, 2 * MiB, 1 * MiB, 33, 0);
    write_read_check("blk.4kn.last_blocks", 2, CMD_WRITE, CMD_READ, blk_config[2].bytes - 8 * KiB, 8 * KiB, 34, 0);
    uint32_t act = 0;
    static uint8_t small[4096] __attribute__((aligned(64)));
    int8 err = transfer(units[2].io, CMD_READ, 512, small, 4096, &act);
    check(err == IOERR_BADLENGTH && still_works(2), "blk.4kn.512B_offset_refused", "offset 512 on 4 KiB blocks: error %d, expected IOERR_BADLENGTH", err);
}

/*
 * seg_max: unit 1 has an 8-entry ring, so seg_max is 6 (QEMU: queue size - 2). With StartDMA runs
 * of 4 KiB (as under AmigaOS's MMU) a 1 MiB request is 256 runs: it must go as parts of at most 6
 * segments each (size_max is not offered by QEMU, so a segment is a run), never be refused.
 */
static void test_segment_limit(void)
{
    exec_dma_run = 4096;
    write_read_check("blk.split.1MiB_over_seg_max", 1, CMD_WRITE, CMD_READ, 4 * MiB, 1 * MiB, 41, 0);
    write_read_check("blk.split.unaligned_260KiB", 1, CMD_WRITE, CMD_READ, 6 * MiB + 512, 260 * KiB, 42, 7);
    write_read_check("blk.split.4kn_1MiB", 2, CMD_WRITE, CMD_READ, 4 * MiB, 1 * MiB, 43, 1);
    exec_dma_run = EXEC_DMA_RUN;
}

/* FLUSH reaches QEMU: its blockstats flush_operations of the drive grows across CMD_UPDATE (asked of the host). */
static void test_flush(void)
{
    int marked = host_request("flushmark b0");
    uint32_t act = 0;
    int8 err = transfer(units[0].io, CMD_UPDATE, 0, 0, 0, &act);
    int seen = marked && host_request("flushed b0");
    check(marked && err == 0 && seen, "blk.flush_reaches_qemu", "host mark %d; CMD_UPDATE error %d; flush_operations grew: %d", marked, err, seen);
    err = transfer(units[0].io, ETD_UPDATE, 0, 0, 0, &act);
    check(err == 0, "blk.etd_update", "ETD_UPDATE error %d", err);
    static const uint8_t sync10[10] = { 0x35 };
    struct SCSICmd cmd;
    uint8_t sense[32];
    marked = host_request("flushmark b0");
    err = scsi_command(0, &cmd, sync10, 10, 0, 0, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
    seen = marked && host_request("flushed b0");
    check(err == 0 && cmd.scsi_Status == 0 && seen, "blk.scsi.synchronize_cache_flushes", "error %d status %u flushed %d", err, cmd.scsi_Status, seen);
}

/*
 * DISCARD (UNMAP) and WRITE_ZEROES (WRITE SAME(16), with and without UNMAP) over written patterns:
 * the ranges read back as zeros and the blocks around them keep their data. The host checks the
 * image: zeros in every "zeroed" range, the pattern elsewhere.
 */
static void test_discard_write_zeroes(void)
{
    const uint32_t base = 30 * MiB, len = 256 * KiB;
    uint8_t *buf = mem_alloc(len, 64), *back = mem_alloc(len, 64);
    uint32_t act = 0;
    fill_pattern(buf, len, 51);
    int8 err = transfer(units[0].io, CMD_WRITE, base, buf, len, &act);
    if (err == 0) kprintf("wrote unit 0 offset %u length %u seed 51\n", base, len);
    /* UNMAP of [base + 16 KiB, +32 KiB) and [base + 128 KiB, +8 KiB): two block descriptors. */
    static uint8_t list[8 + 32];
    memset(list, 0, sizeof list);
    list[1] = 6 + 32; list[3] = 32;
    put_be64(list + 8, (base + 16 * KiB) / 512); put_be32(list + 16, 32 * KiB / 512);
    put_be64(list + 24, (base + 128 * KiB) / 512); put_be32(list + 32, 8 * KiB / 512);
    static const uint8_t unmap[10] = { 0x42, 0, 0, 0, 0, 0, 0, 0, sizeof list, 0 };
    struct SCSICmd cmd;
    uint8_t sense[32];
    int8 e_unmap = scsi_command(0, &cmd, unmap, 10, list, sizeof list, SCSIF_WRITE | SCSIF_AUTOSENSE, sense, sizeof sense);
    uint8_t st_unmap = cmd.scsi_Status;
    if (e_unmap == 0) {
        kprintf("zeroed unit 0 offset %u length %u\n", base + 16 * KiB, 32 * KiB);
        kprintf("zeroed unit 0 offset %u length %u\n", base + 128 * KiB, 8 * KiB);
    }
    /* WRITE SAME(16) of a zero block with UNMAP over [base + 64 KiB, +20 KiB), without over [base + 200 KiB, +4 KiB). */
    static uint8_t zero[512] __attribute__((aligned(64)));
    uint8_t ws[16];
    memset(ws, 0, sizeof ws);
    ws[0] = 0x93; ws[1] = 0x08; put_be64(ws + 2, (base + 64 * KiB) / 512); put_be32(ws + 10, 20 * KiB / 512);
    int8 e_ws = scsi_command(0, &cmd, ws, 16, zero, sizeof zero, SCSIF_WRITE | SCSIF_AUTOSENSE, sense, sizeof sense);
    if (e_ws == 0) kprintf("zeroed unit 0 offset %u length %u\n", base + 64 * KiB, 20 * KiB);
    ws[1] = 0; put_be64(ws + 2, (base + 200 * KiB) / 512); put_be32(ws + 10, 4 * KiB / 512);
    int8 e_ws2 = scsi_command(0, &cmd, ws, 16, zero, sizeof zero, SCSIF_WRITE | SCSIF_AUTOSENSE, sense, sizeof sense);
    if (e_ws2 == 0) kprintf("zeroed unit 0 offset %u length %u\n", base + 200 * KiB, 4 * KiB);
    memset(back, 0xee, len);
    int8 rerr = transfer(units[0].io, CMD_READ, base, back, len, &act);
    /* What the range must hold now: the pattern with the four ranges zeroed. */
    memset(buf + 16 * KiB, 0, 32 * KiB); memset(buf + 128 * KiB, 0, 8 * KiB);
    memset(buf + 64 * KiB, 0, 20 * KiB); memset(buf + 200 * KiB, 0, 4 * KiB);
    int64_t d = rerr ? -2 : first_difference(buf, back, len);
    check(err == 0 && e_unmap == 0 && st_unmap == 0 && rerr == 0 && d < 0 && all_zero(back + 16 * KiB, 32 * KiB),
          "blk.discard_unmap", "write %d, UNMAP %d status %u, read %d, first difference %lld", err, e_unmap, st_unmap, rerr, (long long)d);
    check(e_ws == 0 && e_ws2 == 0 && d < 0 && all_zero(back + 64 * KiB, 20 * KiB) && all_zero(back + 200 * KiB, 4 * KiB),
          "blk.write_zeroes", "WRITE SAME(16) UNMAP %d, without %d, first difference %lld", e_ws, e_ws2, (long long)d);
    /* A block that is not zero cannot be written as WRITE_ZEROES: CHECK CONDITION, ILLEGAL REQUEST, nothing changed. */
    static uint8_t ones[512] __attribute__((aligned(64)));
    memset(ones, 1, sizeof ones);
    ws[1] = 0; put_be64(ws + 2, base / 512); put_be32(ws + 10, 1);
    int8 e_bad = scsi_command(0, &cmd, ws, 16, ones, sizeof ones, SCSIF_WRITE | SCSIF_AUTOSENSE, sense, sizeof sense);
    check(e_bad == HFERR_BadStatus && cmd.scsi_Status == 2 && (sense[2] & 15) == 5 && still_works(0), "blk.write_same_nonzero_refused",
          "error %d status %u key %u", e_bad, cmd.scsi_Status, sense[2] & 15);
    mem_free(buf); mem_free(back);
}

/* HD_SCSICMD translation: READ CAPACITY(10/16), READ(10) equals CMD_READ, unknown opcode → CHECK CONDITION. */
static void test_scsi(void)
{
    struct SCSICmd cmd;
    uint8_t sense[32];
    static uint8_t data[4096] __attribute__((aligned(64))), direct[4096] __attribute__((aligned(64)));
    static const uint8_t rc10[10] = { 0x25 };
    int8 err = scsi_command(2, &cmd, rc10, 10, data, 8, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
    uint32_t last = (uint32_t)data[0] << 24 | (uint32_t)data[1] << 16 | (uint32_t)data[2] << 8 | data[3];
    uint32_t bl = (uint32_t)data[4] << 24 | (uint32_t)data[5] << 16 | (uint32_t)data[6] << 8 | data[7];
    check(err == 0 && cmd.scsi_Actual == 8 && last == unit_blocks(2) - 1 && bl == 4096, "blk.scsi.read_capacity10",
          "error %d actual %u last LBA %u block %u", err, cmd.scsi_Actual, last, bl);
    uint8_t rc16[16] = { 0x9e, 0x10 };
    rc16[13] = 32;
    err = scsi_command(0, &cmd, rc16, 16, data, 32, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
    uint64_t last64 = (uint64_t)((uint32_t)data[0] << 24 | (uint32_t)data[1] << 16 | (uint32_t)data[2] << 8 | data[3]) << 32
                    | ((uint32_t)data[4] << 24 | (uint32_t)data[5] << 16 | (uint32_t)data[6] << 8 | data[7]);
    check(err == 0 && cmd.scsi_Actual == 32 && last64 == unit_blocks(0) - 1 && data[10] == 2 && data[11] == 0 && (data[14] & 0x80),
          "blk.scsi.read_capacity16", "error %d actual %u last %llu block %02x%02x lbpme %02x", err, cmd.scsi_Actual,
          (unsigned long long)last64, data[10], data[11], data[14]);
    uint8_t r10[10] = { 0x28 };
    put_be32(r10 + 2, 1 * MiB / 512); r10[8] = 8;
    memset(data, 0xee, sizeof data);
    err = scsi_command(0, &cmd, r10, 10, data, 4096, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
    uint32_t act = 0;
    int8 e2 = transfer(units[0].io, CMD_READ, 1 * MiB, direct, 4096, &act);
    check(err == 0 && e2 == 0 && cmd.scsi_Actual == 4096 && memcmp(data, direct, 4096) == 0, "blk.scsi.read10_matches_cmd_read",
          "READ(10) error %d actual %u, CMD_READ %d, data %s", err, cmd.scsi_Actual, e2, memcmp(data, direct, 4096) ? "differ" : "same");
    static const uint8_t bogus[6] = { 0xc7 };
    err = scsi_command(0, &cmd, bogus, 6, 0, 0, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
    check(err == HFERR_BadStatus && cmd.scsi_Status == 2 && sense[0] == 0x70 && (sense[2] & 15) == 5 && sense[12] == 0x20
          && cmd.scsi_SenseActual == 18 && still_works(0), "blk.scsi.unknown_opcode_check_condition",
          "error %d status %u sense %02x key %u asc %02x actual %u", err, cmd.scsi_Status, sense[0], sense[2] & 15, sense[12], cmd.scsi_SenseActual);
    /* Without SCSIF_AUTOSENSE the sense stays with the unit: REQUEST SENSE returns it once (SPC-4 6.39), and any other
     * command clears it; with autosense nothing is left pending. */
    static const uint8_t request_sense[6] = { 0x03, 0, 0, 0, 18, 0 };
    static uint8_t got[32];
    err = scsi_command(0, &cmd, bogus, 6, 0, 0, SCSIF_READ, 0, 0);
    memset(got, 0xee, sizeof got);
    int8 e_rs = scsi_command(0, &cmd, request_sense, 6, got, 18, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
    check(err == HFERR_BadStatus && e_rs == 0 && cmd.scsi_Status == 0 && cmd.scsi_Actual == 18 && got[0] == 0x70 && (got[2] & 15) == 5
          && got[12] == 0x20, "blk.scsi.request_sense_returns_pending_sense",
          "bogus opcode %d; REQUEST SENSE %d status %u actual %u response %02x key %u asc %02x", err, e_rs, cmd.scsi_Status,
          cmd.scsi_Actual, got[0], got[2] & 15, got[12]);
    memset(got, 0xee, sizeof got);
    e_rs = scsi_command(0, &cmd, request_sense, 6, got, 18, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
    check(e_rs == 0 && cmd.scsi_Actual == 18 && got[0] == 0x70 && (got[2] & 15) == 0 && got[12] == 0, "blk.scsi.request_sense_clears_it",
          "second REQUEST SENSE %d actual %u response %02x key %u asc %02x", e_rs, cmd.scsi_Actual, got[0], got[2] & 15, got[12]);
    static const uint8_t tur[6] = { 0x00 };
    err = scsi_command(0, &cmd, bogus, 6, 0, 0, SCSIF_READ, 0, 0);
    int8 e_tur = scsi_command(0, &cmd, tur, 6, 0, 0, SCSIF_READ, 0, 0);
    memset(got, 0xee, sizeof got);
    e_rs = scsi_command(0, &cmd, request_sense, 6, got, 18, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
    int8 e_auto = scsi_command(0, &cmd, bogus, 6, 0, 0, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
    static uint8_t got2[32];
    memset(got2, 0xee, sizeof got2);
    int8 e_rs2 = scsi_command(0, &cmd, request_sense, 6, got2, 18, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
    check(err == HFERR_BadStatus && e_tur == 0 && e_rs == 0 && (got[2] & 15) == 0 && e_auto == HFERR_BadStatus && e_rs2 == 0
          && (got2[2] & 15) == 0 && got2[12] == 0, "blk.scsi.pending_sense_cleared_by_next_command_and_by_autosense",
          "after TEST UNIT READY: key %u asc %02x; after an autosensed CHECK CONDITION: key %u asc %02x", got[2] & 15, got[12],
          got2[2] & 15, got2[12]);

    /* VPD: the supported pages list names 0x83 and 0xB1; block device characteristics is 64 bytes, rotation rate and
     * form factor "not reported" (virtio-blk does not know them). */
    static const uint8_t vpd0[6] = { 0x12, 0x01, 0x00, 0, 64, 0 };
    static uint8_t pages[64];
    memset(pages, 0xee, sizeof pages);
    err = scsi_command(0, &cmd, vpd0, 6, pages, sizeof pages, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
    int listed83 = 0, listedb1 = 0;
    for (unsigned i = 4; i < 4u + pages[3] && i < sizeof pages; i++) {
        if (pages[i] == 0x83) listed83 = 1;
        if (pages[i] == 0xb1) listedb1 = 1;
    }
    static const uint8_t vpdb1[6] = { 0x12, 0x01, 0xb1, 0, 64, 0 };
    static uint8_t b1[64];
    memset(b1, 0xee, sizeof b1);
    int8 e_b1 = scsi_command(0, &cmd, vpdb1, 6, b1, sizeof b1, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
    check(err == 0 && listed83 && listedb1 && e_b1 == 0 && cmd.scsi_Actual == 64 && b1[1] == 0xb1 && b1[3] == 0x3c && b1[4] == 0 && b1[5] == 0
          && (b1[7] & 15) == 0, "blk.scsi.vpd_b1_block_device_characteristics",
          "supported pages %d (0x83 %d, 0xB1 %d); B1 %d actual %u page %02x length %02x rotation %02x%02x form %u",
          err, listed83, listedb1, e_b1, cmd.scsi_Actual, b1[1], b1[3], b1[4], b1[5], b1[7] & 15);

    uint8_t r16[16] = { 0x88 };
    put_be64(r16 + 2, unit_blocks(0)); r16[13] = 1;
    err = scsi_command(0, &cmd, r16, 16, data, 512, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
    check(err == HFERR_BadStatus && (sense[2] & 15) == 5 && sense[12] == 0x21, "blk.scsi.read16_past_end_lba_out_of_range",
          "error %d key %u asc %02x", err, sense[2] & 15, sense[12]);
}

/* readonly=on: every write form fails with TDERR_WriteProt and the image keeps the host's pattern. */
static void test_readonly(void)
{
    const unsigned u = 3;
    static uint8_t buf[8192] __attribute__((aligned(64)));
    fill_pattern(buf, sizeof buf, 9);
    uint32_t act = 0;
    int8 e1 = transfer(units[u].io, CMD_WRITE, 0, buf, sizeof buf, &act);
    int8 e2 = transfer(units[u].io, NSCMD_TD_WRITE64, 64 * KiB, buf, sizeof buf, &act);
    int8 e3 = transfer(units[u].io, TD_FORMAT, 128 * KiB, buf, sizeof buf, &act);
    uint8_t w10[10] = { 0x2a };
    put_be32(w10 + 2, 0); w10[8] = 1;
    struct SCSICmd cmd;
    uint8_t sense[32];
    int8 e4 = scsi_command(u, &cmd, w10, 10, buf, 512, SCSIF_WRITE | SCSIF_AUTOSENSE, sense, sizeof sense);
    uint8_t key = sense[2] & 15;
    uint8_t *expect = mem_alloc(blk_config[u].bytes, 64), *back = mem_alloc(blk_config[u].bytes, 64);
    fill_pattern(expect, (uint32_t)blk_config[u].bytes, BLK_RO_SEED);
    int8 er = transfer(units[u].io, CMD_READ, 0, back, (uint32_t)blk_config[u].bytes, &act);
    int64_t d = er ? -2 : first_difference(expect, back, (uint32_t)blk_config[u].bytes);
    check(e1 == TDERR_WriteProt && e2 == TDERR_WriteProt && e3 == TDERR_WriteProt && e4 == HFERR_BadStatus && key == 7 && er == 0 && d < 0,
          "blk.readonly_write_protected", "CMD_WRITE %d, NSCMD_TD_WRITE64 %d, TD_FORMAT %d (expected TDERR_WriteProt %d); WRITE(10) %d key %u; "
          "read back %d, first difference from the host's pattern %lld", e1, e2, e3, TDERR_WriteProt, e4, key, er, (long long)d);
    mem_free(expect); mem_free(back);
}

/* Bad requests give the errors drivers/VirtioBlk/README.md documents, and the unit keeps working. */
static void test_bad_requests(void)
{
    struct IOStdReq *io = units[0].io;
    const uint64_t end = blk_config[0].bytes;
    static uint8_t small[8192] __attribute__((aligned(64)));
    uint32_t act = 0;
    int8 err = transfer(io, CMD_READ, 0, 0, 4096, &act);
    check(err == IOERR_BADADDRESS && still_works(0), "blk.bad.null_buffer", "NULL buffer: error %d, expected IOERR_BADADDRESS", err);
    err = transfer(io, CMD_READ, 4096, small, 0, &act);
    check(err == 0 && act == 0 && still_works(0), "blk.bad.zero_length", "zero length: error %d actual %u", err, act);
    err = transfer(io, CMD_READ, 100, small, 512, &act);
    check(err == IOERR_BADLENGTH && still_works(0), "blk.bad.unaligned_offset", "offset 100: error %d, expected IOERR_BADLENGTH", err);
    err = transfer(io, CMD_READ, 0, small, 700, &act);
    check(err == IOERR_BADLENGTH && still_works(0), "blk.bad.partial_block_length", "length 700: error %d, expected IOERR_BADLENGTH", err);
    err = transfer(io, CMD_READ, end, small, 4096, &act);
    check(err == IOERR_BADADDRESS && still_works(0), "blk.bad.read_past_end", "read at the end: error %d, expected IOERR_BADADDRESS", err);
    err = transfer(io, CMD_WRITE, end - 512, small, 4096, &act);
    check(err == IOERR_BADADDRESS && still_works(0), "blk.bad.write_across_end", "write across the end: error %d, expected IOERR_BADADDRESS", err);
    err = transfer(io, TD_READ64, 1ull << 40, small, 512, &act);
    check(err == IOERR_BADADDRESS && still_works(0), "blk.bad.read64_far_past_end", "TD_READ64 at 1 TiB: error %d", err);
    err = transfer(io, 0x7777, 0, small, 512, &act);
    check(err == IOERR_NOCMD && still_works(0), "blk.bad.unknown_command", "command 0x7777: error %d, expected IOERR_NOCMD", err);
    err = transfer(io, CMD_READ, 0, small + 1, 1024, &act);
    check(err == 0 && act == 1024 && still_works(0), "blk.bad.unaligned_buffer_is_fine", "odd buffer: error %d actual %u", err, act);
}

/* ---- concurrency: tasks with several requests in flight each, on units 0 and 1 (its 8-entry ring fills) ---- */

#define CONC_TASKS 4
#define CONC_DEPTH 8
#define CONC_LEN (64 * KiB)

struct conc_job {
    unsigned unit;
    uint32_t base;
    struct Task *parent;
    int8 done_sig;
    volatile int errors;
    volatile int finished;
};
static struct conc_job jobs[CONC_TASKS];

static void conc_task(uint32 job_index, uint32 unused)
{
    (void)unused;
    struct conc_job *j = &jobs[job_index];
    struct MsgPort *port = exec_CreateMsgPort();
    struct IOStdReq *io[CONC_DEPTH];
    uint8_t *buf[CONC_DEPTH];
    for (unsigned i = 0; i < CONC_DEPTH; i++) { io[i] = clone_request(j->unit, port); buf[i] = mem_alloc(CONC_LEN, 64); }
    for (unsigned pass = 0; pass < 2; pass++) {
        for (unsigned i = 0; i < CONC_DEPTH; i++) {
            uint32_t seed = 5000 + job_index * 100 + i;
            if (pass == 0) fill_pattern(buf[i], CONC_LEN, seed); else memset(buf[i], 0xee, CONC_LEN);
            io[i]->io_Command = pass == 0 ? CMD_WRITE : CMD_READ;
            io[i]->io_Data = buf[i]; io[i]->io_Length = CONC_LEN; io[i]->io_Offset = j->base + i * CONC_LEN;
            SendIO((struct IORequest *)io[i]);
        }
        for (unsigned i = 0; i < CONC_DEPTH; i++) {
            int8 err = WaitIO((struct IORequest *)io[i]);
            if (err || io[i]->io_Actual != CONC_LEN) { j->errors++; kprintf("concurrency: job %u req %u error %d\n", job_index, i, err); continue; }
            uint32_t seed = 5000 + job_index * 100 + i;
            if (pass == 0) { kprintf("wrote unit %u offset %u length %u seed %u\n", j->unit, j->base + i * CONC_LEN, CONC_LEN, seed); continue; }
            uint8_t *expect = mem_alloc(CONC_LEN, 16);
            fill_pattern(expect, CONC_LEN, seed);
            if (memcmp(expect, buf[i], CONC_LEN)) { j->errors++; kprintf("concurrency: job %u req %u data differ\n", job_index, i); }
            mem_free(expect);
        }
    }
    for (unsigned i = 0; i < CONC_DEPTH; i++) { exec_DeleteIORequest((struct IORequest *)io[i]); mem_free(buf[i]); }
    exec_DeleteMsgPort(port);
    j->finished = 1;
    exec_Signal(j->parent, 1u << j->done_sig);
}

static void test_concurrency(void)
{
    uint32_t claims = exec_stats.int_server_claims;
    int8 sig = exec_AllocSignal(-1);
    for (unsigned t = 0; t < CONC_TASKS; t++) {
        jobs[t] = (struct conc_job){ .unit = t & 1, .base = (uint32_t)(40 * MiB + (t >> 1) * CONC_DEPTH * CONC_LEN),
                                     .parent = exec_FindTask(0), .done_sig = sig };
        exec_CreateTask("conc", 0, (APTR)conc_task, 16384, t, 0);
    }
    for (;;) {
        int all = 1;
        for (unsigned t = 0; t < CONC_TASKS; t++) if (!jobs[t].finished) all = 0;
        if (all) break;
        exec_Wait(1u << sig);
    }
    exec_FreeSignal(sig);
    int errors = 0;
    for (unsigned t = 0; t < CONC_TASKS; t++) errors += jobs[t].errors;
    check(errors == 0, "blk.concurrency.all_completed_intact", "%d errors", errors);
    check(exec_stats.int_server_claims > claims, "blk.concurrency.completions_by_interrupt", "%u interrupts claimed",
          exec_stats.int_server_claims - claims);

    /* More requests than the unit's 16 slots from one task, on the 8-entry ring. */
    enum { DEEP = 24 };
    struct IOStdReq *io[DEEP];
    uint8_t *buf = mem_alloc(DEEP * 4096, 64);
    int deep_errors = 0;
    for (unsigned i = 0; i < DEEP; i++) {
        io[i] = clone_request(1, units[1].port);
        io[i]->io_Command = CMD_READ; io[i]->io_Data = buf + i * 4096; io[i]->io_Length = 4096; io[i]->io_Offset = 40 * MiB + i * 4096;
        SendIO((struct IORequest *)io[i]);
    }
    for (unsigned i = 0; i < DEEP; i++) if (WaitIO((struct IORequest *)io[i]) || io[i]->io_Actual != 4096) deep_errors++;
    uint8_t *expect = mem_alloc(64 * KiB, 16);
    fill_pattern(expect, 64 * KiB, 5000 + 1 * 100 + 0);
    int same = memcmp(expect, buf, 64 * KiB) == 0;
    check(deep_errors == 0 && same, "blk.concurrency.more_than_16_in_flight", "%d errors, data %s", deep_errors, same ? "ok" : "differ");
    mem_free(expect);
    for (unsigned i = 0; i < DEEP; i++) exec_DeleteIORequest((struct IORequest *)io[i]);
    mem_free(buf);
}

/* AbortIO of a request still queued behind others: IOERR_ABORTED; the others complete; nothing hangs. */
static void test_abortio(void)
{
    enum { N = 20 };
    struct IOStdReq *a[N];
    uint8_t *abuf = mem_alloc(N * 64 * KiB, 64);
    for (unsigned i = 0; i < N; i++) {
        a[i] = clone_request(1, units[1].port);
        a[i]->io_Command = CMD_READ; a[i]->io_Data = abuf + i * 64 * KiB; a[i]->io_Length = 64 * KiB; a[i]->io_Offset = i * 64 * KiB;
        SendIO((struct IORequest *)a[i]);
    }
    AbortIO((struct IORequest *)a[N - 1]);
    int ok = 1;
    for (unsigned i = 0; i < N; i++) {
        int8 e = WaitIO((struct IORequest *)a[i]);
        if (i < N - 1 ? e != 0 : e != IOERR_ABORTED) ok = 0;
    }
    check(ok && still_works(1), "blk.abortio_queued_request", "last request: error %d (expected IOERR_ABORTED), first %d",
          a[N - 1]->io_Error, a[0]->io_Error);
    for (unsigned i = 0; i < N; i++) exec_DeleteIORequest((struct IORequest *)a[i]);
    mem_free(abuf);
}

/* CMD_RESET: the device is reset and initialised again; I/O works after it with the data intact. */
static void test_reset(void)
{
    uint32_t act = 0;
    int8 err = transfer(units[0].io, CMD_RESET, 0, 0, 0, &act);
    check(err == 0, "blk.cmd_reset", "CMD_RESET error %d", err);
    write_read_check("blk.io_after_reset", 0, CMD_WRITE, CMD_READ, 24 * MiB, 64 * KiB, 61, 0);
    err = transfer(units[0].io, CMD_CLEAR, 0, 0, 0, &act);
    check(err == 0, "blk.cmd_clear", "CMD_CLEAR error %d", err);
}

/* The capacity change (QMP block_resize) is this device's media change: TD_CHANGENUM counts it, the
 * TD_ADDCHANGEINT interrupt is caused, and the geometry is the new one. */
static volatile uint32 change_calls;
static uint32 change_code(struct ExceptionContext *ctx, struct ExecBase *sys, APTR data)
{
    (void)ctx; (void)sys;
    change_calls++;
    (void)data;
    return 0;
}

static void test_capacity_change(void)
{
    const unsigned u = 4;
    struct IOStdReq *io = units[u].io;
    static struct Interrupt is;
    memset(&is, 0, sizeof is);
    is.is_Node.ln_Type = NT_INTERRUPT;
    is.is_Code = (VOID (*)())(void (*)(void))change_code;
    struct MsgPort *port = exec_CreateMsgPort();
    struct IOStdReq *ci = clone_request(u, port);
    ci->io_Command = TD_ADDCHANGEINT; ci->io_Data = &is; ci->io_Length = sizeof is;
    SendIO((struct IORequest *)ci);
    uint32_t act = 0;
    transfer(io, TD_CHANGENUM, 0, 0, 0, &act);
    uint32_t before = act;
    char req[64];
    ksnprintf(req, sizeof req, "resize b%u %llu", u, (unsigned long long)BLK_GROWN_BYTES);
    int acted = host_request(req);
    /* The configuration-change interrupt wakes the unit task; give it up to 2 s. TD_CHANGENUM is answered
     * at once, so a read each round lets the (cooperatively scheduled) unit task run. */
    uint64_t until = cpu_timebase() + (uint64_t)board.timebase_hz * 2;
    do { still_works(u); transfer(io, TD_CHANGENUM, 0, 0, 0, &act); } while (act == before && cpu_timebase() < until);
    uint32_t after = act;
    struct DriveGeometry64 g64;
    memset(&g64, 0, sizeof g64);
    io->io_Command = NSCMD_TD_GETGEOMETRY64; io->io_Data = &g64; io->io_Length = sizeof g64;
    int8 err = DoIO((struct IORequest *)io);
    check(acted && after == before + 1 && change_calls == 1 && err == 0 && g64.dg_TotalSectors == BLK_GROWN_BYTES / 512,
          "blk.capacity_change_is_media_change", "host %d; TD_CHANGENUM %u -> %u, change interrupt %u calls; geometry %d: %llu blocks (expected %llu)",
          acted, before, after, (unsigned)change_calls, err, (unsigned long long)g64.dg_TotalSectors, (unsigned long long)(BLK_GROWN_BYTES / 512));
    write_read_check("blk.io_in_grown_space", u, CMD_WRITE, CMD_READ, blk_config[u].bytes + 1 * MiB, 16 * KiB, 71, 0);
    ci->io_Command = TD_REMCHANGEINT;
    BeginIO((struct IORequest *)ci);
    int8 e = WaitIO((struct IORequest *)ci);
    check(e == 0 && still_works(u), "blk.remchangeint", "TD_REMCHANGEINT error %d", e);
    exec_DeleteIORequest((struct IORequest *)ci);
    exec_DeleteMsgPort(port);
}

/* A 3 TiB sparse device: TD64/NSD commands reach blocks above 2^32 (byte offsets above 2 TiB); READ CAPACITY(10)
 * says 0xFFFFFFFF so that a SCSI client asks READ CAPACITY(16); READ(16) above 2^32 equals TD_READ64. */
static void test_big_disk(void)
{
    const unsigned u = 5;
    const uint64_t end = blk_config[u].bytes, high = (1ull << 32) * 512 + 64 * MiB;
    write_read_check("blk.3tib.above_lba_2pow32_td64", u, TD_WRITE64, TD_READ64, high, 64 * KiB, 81, 0);
    write_read_check("blk.3tib.above_lba_2pow32_nscmd64", u, NSCMD_TD_WRITE64, NSCMD_TD_READ64, high + 1 * MiB, 1 * MiB, 82, 0);
    write_read_check("blk.3tib.last_blocks", u, NSCMD_TD_WRITE64, NSCMD_TD_READ64, end - 8 * KiB, 8 * KiB, 83, 0);
    struct SCSICmd cmd;
    uint8_t sense[32];
    static uint8_t data[4096] __attribute__((aligned(64))), direct[4096] __attribute__((aligned(64)));
    static const uint8_t rc10[10] = { 0x25 };
    int8 err = scsi_command(u, &cmd, rc10, 10, data, 8, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
    check(err == 0 && data[0] == 0xff && data[1] == 0xff && data[2] == 0xff && data[3] == 0xff, "blk.3tib.read_capacity10_saturates",
          "error %d last LBA %02x%02x%02x%02x", err, data[0], data[1], data[2], data[3]);
    uint8_t r16[16] = { 0x88 };
    put_be64(r16 + 2, high / 512); r16[13] = 8;
    memset(data, 0xee, sizeof data);
    err = scsi_command(u, &cmd, r16, 16, data, 4096, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
    uint32_t act = 0;
    int8 e2 = transfer(units[u].io, TD_READ64, high, direct, 4096, &act);
    check(err == 0 && e2 == 0 && cmd.scsi_Actual == 4096 && memcmp(data, direct, 4096) == 0, "blk.3tib.read16_above_lba_2pow32",
          "READ(16) error %d actual %u, TD_READ64 %d, data %s", err, cmd.scsi_Actual, e2, memcmp(data, direct, 4096) ? "differ" : "same");
    err = transfer(units[u].io, CMD_READ, 0, direct, 4096, &act);
    check(err == 0 && act == 4096, "blk.3tib.cmd_read_low", "CMD_READ at 0: error %d actual %u", err, act);
}

/*
 * Device I/O errors (blkdebug on unit 1: EIO for reads touching BLK_EIO_READ_SECTOR, writes touching
 * BLK_EIO_WRITE_SECTOR): the block commands fail with TDERR_NotSpecified and io_Actual 0; HD_SCSICMD gives
 * CHECK CONDITION with MEDIUM ERROR sense (UNRECOVERED READ ERROR 0x11 / WRITE ERROR 0x0C); requests in
 * flight beside the failing one complete with their data, and the unit keeps working.
 */
static void test_device_errors(void)
{
    const unsigned u = 1;
    static uint8_t buf[8192] __attribute__((aligned(64)));
    uint32_t act = 0xdead;
    int8 er = transfer(units[u].io, CMD_READ, (uint64_t)BLK_EIO_READ_SECTOR * 512 - 2048, buf, 8192, &act);
    uint32_t ract = act;
    fill_pattern(buf, sizeof buf, 95);
    act = 0xdead;
    int8 ew = transfer(units[u].io, CMD_WRITE, (uint64_t)BLK_EIO_WRITE_SECTOR * 512, buf, 4096, &act);
    check(er == TDERR_NotSpecified && ract == 0 && ew == TDERR_NotSpecified && act == 0 && still_works(u), "blk.eio.block_commands",
          "read: error %d actual %u, write: error %d actual %u (expected TDERR_NotSpecified %d, 0)", er, ract, ew, act, TDERR_NotSpecified);
    struct SCSICmd cmd;
    uint8_t sense[32];
    uint8_t r10[10] = { 0x28 };
    put_be32(r10 + 2, BLK_EIO_READ_SECTOR); r10[8] = 1;
    int8 es = scsi_command(u, &cmd, r10, 10, buf, 512, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
    uint8_t rkey = sense[2] & 15, rasc = sense[12], rst = cmd.scsi_Status;
    uint8_t w10[10] = { 0x2a };
    put_be32(w10 + 2, BLK_EIO_WRITE_SECTOR); w10[8] = 1;
    int8 esw = scsi_command(u, &cmd, w10, 10, buf, 512, SCSIF_WRITE | SCSIF_AUTOSENSE, sense, sizeof sense);
    check(es == HFERR_BadStatus && rst == 2 && rkey == 3 && rasc == 0x11 && esw == HFERR_BadStatus && cmd.scsi_Status == 2
          && (sense[2] & 15) == 3 && sense[12] == 0x0c, "blk.eio.scsicmd_medium_error",
          "READ(10): error %d status %u key %u asc %02x; WRITE(10): error %d status %u key %u asc %02x", es, rst, rkey, rasc,
          esw, cmd.scsi_Status, sense[2] & 15, sense[12]);
    /* Nothing else lost: eight reads in flight, the fifth on the bad sector. */
    enum { N = 8 };
    struct IOStdReq *io[N];
    uint8_t *many = mem_alloc(N * 4096, 64);
    int wrong = 0;
    for (unsigned i = 0; i < N; i++) {
        io[i] = clone_request(u, units[u].port);
        io[i]->io_Command = CMD_READ; io[i]->io_Data = many + i * 4096; io[i]->io_Length = 4096;
        io[i]->io_Offset = i == 4 ? BLK_EIO_READ_SECTOR * 512u : 4 * MiB + i * 4096;  /* blk.split.1MiB_over_seg_max's pattern */
        SendIO((struct IORequest *)io[i]);
    }
    for (unsigned i = 0; i < N; i++) {
        int8 e = WaitIO((struct IORequest *)io[i]);
        if (i == 4 ? e != TDERR_NotSpecified : (e != 0 || io[i]->io_Actual != 4096)) wrong++;
    }
    uint8_t *expect = mem_alloc(N * 4096, 16);
    fill_pattern(expect, N * 4096, 41);
    int same = 1;
    for (unsigned i = 0; i < N; i++) if (i != 4 && memcmp(expect + i * 4096, many + i * 4096, 4096)) same = 0;
    check(wrong == 0 && same && still_works(u), "blk.eio.others_in_flight_intact", "%d requests with the wrong outcome, data %s",
          wrong, same ? "same" : "differ");
    for (unsigned i = 0; i < N; i++) exec_DeleteIORequest((struct IORequest *)io[i]);
    mem_free(many); mem_free(expect);
}

static uint32_t live_before;

static void test_close_and_expunge(void)
{
    for (unsigned u = 0; u < BLK_UNITS; u++) if (units[u].open) CloseDevice((struct IORequest *)units[u].io);
    exec_ExpungeDevice(DEVICE_NAME);
    check(exec_stats.int_servers == 0 && exec_stats.dma_live == 0 && exec_pci_devices_in_use() == 0 && exec_stats.live_blocks == live_before,
          "blk.expunge_releases_everything", "interrupt servers %u, DMA mappings %u, PCI devices %u, blocks %u (before init %u)",
          exec_stats.int_servers, exec_stats.dma_live, exec_pci_devices_in_use(), exec_stats.live_blocks, live_before);
    check(exec_stats.errors == 0, "blk.no_exec_misuse", "%u misuse reports (see log)", exec_stats.errors);
}

/* Which transport each function runs (virtio 1.2, 2.1 and 4.1.4): FEATURES_OK (0x0f) modern, 0x07 legacy. */
static void test_transport(void)
{
    unsigned modern = 0, legacy = 0, other = 0;
    for (unsigned i = 0; i < pci_function_count; i++) {
        struct pci_function *f = &pci_functions[i];
        if (f->vendor != 0x1af4 || (f->device != 0x1001 && f->device != 0x1042)) continue;
        uptr common = 0;
        if (pci_read16(f, 0x06) & 0x10)
            for (unsigned p = pci_read8(f, 0x34) & 0xfc; p; p = pci_read8(f, p + 1) & 0xfc)
                if (pci_read8(f, p) == 0x09 && pci_read8(f, p + 3) == 1)
                    common = f->bar[pci_read8(f, p + 4)].cpu + pci_read32(f, p + 8);
        uint8_t status = 0;
        if (common && pci_read32(f, 0x24) == 0) status = mmio_read8(common + 0x14);
        else for (unsigned b = 0; b < PCI_MAX_BARS; b++) if (f->bar[b].io) status = mmio_read8(f->bar[b].cpu + 0x12);
        if (common && status == 0x0f) modern++;
        else if (!common && status == 0x07) legacy++;
        else { other++; kprintf("blk: function %04x status %02x (modern capability %d)\n", f->device, status, common != 0); }
    }
    if (modern) check(modern == BLK_UNITS && other == 0, "blk.transport_modern", "%u modern, %u legacy, %u other", modern, legacy, other);
    else check(legacy == BLK_UNITS && other == 0, "blk.transport_legacy", "%u modern, %u legacy, %u other", modern, legacy, other);
}

/* AmigaOne: the firmware leaves BAR5 (the 64-bit BAR4's high half) at all ones; the driver must clear it. */
static int imitate_amigaone_firmware(void)
{
    int spoiled = 0;
    for (unsigned i = 0; i < pci_function_count; i++) {
        struct pci_function *f = &pci_functions[i];
        if (f->vendor != 0x1af4 || (f->device != 0x1001 && f->device != 0x1042)) continue;
        for (unsigned b = 0; b + 1 < PCI_MAX_BARS; b++)
            if (f->bar[b].size && f->bar[b].is64) { pci_write32(f, 0x10 + 4 * (b + 1), 0xffffffffu); spoiled = 1; }
    }
    return spoiled;
}

static void check_bar5_cleared(void)
{
    unsigned bad = 0;
    for (unsigned i = 0; i < pci_function_count; i++) {
        struct pci_function *f = &pci_functions[i];
        if (f->vendor == 0x1af4 && (f->device == 0x1001 || f->device == 0x1042) && pci_read32(f, 0x24) != 0) bad++;
    }
    check(bad == 0, "blk.amigaone_bar5_high_dword_cleared", "%u functions with BAR5 not cleared", bad);
}

/*
 * The polled mode: the device initialised again with AddIntServer refused (as exec refuses a line it cannot
 * serve), so every unit polls its used ring. I/O, several requests in flight and a capacity-independent
 * FLUSH complete; no interrupt server is installed; the expunge releases everything again.
 */
static void test_polled_mode(void)
{
    struct Resident *r = exec_FindResident(DEVICE_NAME);
    exec_refuse_int_servers = 1;
    uint32_t refused = exec_stats.int_servers_refused, claims = exec_stats.int_server_claims;
    struct Library *lib = r ? exec_InitResident(r) : 0;
    exec_refuse_int_servers = 0;
    if (!check(lib != 0, "blk.polled.init", "InitResident with AddIntServer refused failed")) return;
    units[0].open = OpenDevice(DEVICE_NAME, 0, (struct IORequest *)units[0].io, 0) == 0;
    if (!check(units[0].open && exec_stats.int_servers == 0 && exec_stats.int_servers_refused > refused, "blk.polled.open_without_interrupt",
               "open %d, servers %u, refused %u", units[0].open, exec_stats.int_servers, exec_stats.int_servers_refused - refused)) return;
    write_read_check("blk.polled.64KiB", 0, CMD_WRITE, CMD_READ, 50 * MiB, 64 * KiB, 91, 0);
    write_read_check("blk.polled.1MiB", 0, NSCMD_TD_WRITE64, NSCMD_TD_READ64, 51 * MiB, 1 * MiB, 92, 0);
    enum { N = 20 };
    struct IOStdReq *io[N];
    uint8_t *buf = mem_alloc(N * 4096, 64);
    int errors = 0;
    for (unsigned i = 0; i < N; i++) {
        io[i] = clone_request(0, units[0].port);
        io[i]->io_Command = CMD_READ; io[i]->io_Data = buf + i * 4096; io[i]->io_Length = 4096; io[i]->io_Offset = 51 * MiB + i * 4096;
        SendIO((struct IORequest *)io[i]);
    }
    for (unsigned i = 0; i < N; i++) if (WaitIO((struct IORequest *)io[i]) || io[i]->io_Actual != 4096) errors++;
    uint8_t *expect = mem_alloc(1 * MiB, 16);
    fill_pattern(expect, 1 * MiB, 92);
    int same = memcmp(expect, buf, N * 4096) == 0;
    check(errors == 0 && same && exec_stats.int_server_claims == claims, "blk.polled.requests_in_flight_complete",
          "%d errors, data %s, %u interrupts claimed", errors, same ? "same" : "differ", exec_stats.int_server_claims - claims);
    for (unsigned i = 0; i < N; i++) exec_DeleteIORequest((struct IORequest *)io[i]);
    mem_free(buf); mem_free(expect);
    uint32_t act = 0;
    check(transfer(units[0].io, CMD_UPDATE, 0, 0, 0, &act) == 0, "blk.polled.cmd_update", "CMD_UPDATE failed");
    CloseDevice((struct IORequest *)units[0].io);
    units[0].open = 0;
    exec_ExpungeDevice(DEVICE_NAME);
    check(exec_stats.dma_live == 0 && exec_pci_devices_in_use() == 0 && exec_stats.live_blocks == live_before && exec_stats.errors == 0,
          "blk.polled.expunge_releases_everything", "DMA mappings %u, PCI devices %u, blocks %u (before init %u), misuse %u",
          exec_stats.dma_live, exec_pci_devices_in_use(), exec_stats.live_blocks, live_before, exec_stats.errors);
}

void blk_tests(void)
{
    struct Resident *r = exec_FindResident(DEVICE_NAME);
    if (!check(r != 0, "blk.resident_found", "no ROMTag named " DEVICE_NAME " in the image")) return;
    check((r->rt_Flags & (RTF_NATIVE | RTF_AUTOINIT | RTF_COLDSTART)) == (RTF_NATIVE | RTF_AUTOINIT | RTF_COLDSTART)
          && r->rt_Type == NT_DEVICE && r->rt_Pri == 0, "blk.resident_flags", "rt_Flags %02x rt_Type %u rt_Pri %d", r->rt_Flags, r->rt_Type, r->rt_Pri);
    int bar5_spoiled = strcmp(board.name, "amigaone") == 0 && imitate_amigaone_firmware();
    live_before = exec_stats.live_blocks;
    struct Library *lib = exec_InitResident(r);
    if (!check(lib != 0, "blk.init", "InitResident failed")) return;
    kprintf("blk: %s version %u.%u\n", (const char *)lib->lib_IdString, lib->lib_Version, lib->lib_Revision);
    test_transport();
    if (bar5_spoiled) check_bar5_cleared();
    test_open_units();
    for (unsigned u = 0; u < BLK_UNITS; u++) if (!units[u].open) return;
    test_identity();
    test_device_query();
    test_integrity();
    test_segment_limit();
    test_flush();
    test_discard_write_zeroes();
    test_scsi();
    test_readonly();
    test_bad_requests();
    test_concurrency();
    test_abortio();
    test_reset();
    test_capacity_change();
    test_big_disk();
    test_device_errors();
    test_close_and_expunge();
    test_polled_mode();
}
