/*
 * The guest program proper: virtioscsi.device exercised only through its device interface
 * (OpenDevice, DoIO, SendIO, WaitIO, CheckIO, AbortIO, CloseDevice), as an AmigaOS program or
 * filesystem would. Every write is announced on the serial log as
 *   "wrote unit <u> offset <bytes> length <bytes> seed <s>"
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
#include "harness/sched.h"
#include "harness/irq.h"
#include "guest/config.h"
#include "guest/tests.h"

#define DEVICE_NAME "virtioscsi.device"
#define KiB 1024u
#define MiB (1024u * 1024u)

unsigned exec_pci_devices_in_use(void);

struct unit_io {
    struct MsgPort *port;
    struct IOStdReq *io;
    int open;
};
static struct unit_io units[TARGETS];
static int device_ready;

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

/* First differing byte, or -1. */
static int64_t first_difference(const uint8_t *a, const uint8_t *b, uint32_t len)
{
    for (uint32_t i = 0; i < len; i++) if (a[i] != b[i]) return i;
    return -1;
}

static struct IOStdReq *new_request(struct MsgPort *port)
{
    return (struct IOStdReq *)exec_CreateIORequest(port, sizeof(struct IOStdReq));
}

/* One synchronous transfer; 64-bit commands carry the offset's high half in io_Actual. */
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

static int is64(uint16 cmd) { return cmd == TD_READ64 || cmd == TD_WRITE64 || cmd == NSCMD_TD_READ64 || cmd == NSCMD_TD_WRITE64; }

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
    if (!is64(wcmd) && (offset >> 32)) { check(0, name, "offset beyond 4 GiB needs a 64-bit command"); goto out; }
    uint32_t wact = 0, ract = 0;
    int8 werr = transfer(io, wcmd, offset, wbuf, len, &wact);
    if (werr == 0) kprintf("wrote unit %u offset %llu length %u seed %u\n", unit, (unsigned long long)offset, len, seed);
    int8 rerr = werr ? -128 : transfer(io, rcmd, offset, rbuf, len, &ract);
    int64_t diff = werr || rerr ? -2 : first_difference(wbuf, rbuf, len);
    check(werr == 0 && rerr == 0 && wact == len && ract == len && diff < 0, name,
          "unit %u offset %llu length %u: write err %d actual %u, read err %d actual %u, first difference at %lld",
          unit, (unsigned long long)offset, len, werr, wact, rerr, ract, (long long)diff);
out:
    mem_free(wraw); mem_free(rraw);
}

/* One HD_SCSICMD: the caller's CDB, data buffer and scsi_Flags, and a sense buffer (may be NULL).
 * The SCSICmd is poisoned first so that every field the driver must set is checked. */
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

/* INQUIRY through HD_SCSICMD: io_Error, else the status, else -100 when scsi_Actual is not len. */
static int8 scsi_inquiry(unsigned unit, uint8_t *data, uint32_t len)
{
    static uint8_t cdb[6];
    uint8_t sense[32];
    cdb[0] = 0x12; cdb[1] = 0; cdb[2] = 0; cdb[3] = 0; cdb[4] = (uint8_t)len; cdb[5] = 0;
    struct SCSICmd cmd;
    int8 err = scsi_command(unit, &cmd, cdb, 6, data, len, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
    if (err) return err;
    if (cmd.scsi_Status) return (int8)cmd.scsi_Status;
    return cmd.scsi_Actual == len && cmd.scsi_CmdActual == 6 && cmd.scsi_SenseActual == 0 ? 0 : -100;
}

static void cdb_rw10(uint8_t *cdb, uint8_t op, uint32_t lba, uint16 blocks)
{
    memset(cdb, 0, 10);
    cdb[0] = op;
    cdb[2] = (uint8_t)(lba >> 24); cdb[3] = (uint8_t)(lba >> 16); cdb[4] = (uint8_t)(lba >> 8); cdb[5] = (uint8_t)lba;
    cdb[7] = (uint8_t)(blocks >> 8); cdb[8] = (uint8_t)blocks;
}

static void cdb_read16(uint8_t *cdb, uint64_t lba, uint32_t blocks)
{
    memset(cdb, 0, 16);
    cdb[0] = 0x88;
    for (int i = 0; i < 8; i++) cdb[2 + i] = (uint8_t)(lba >> (56 - 8 * i));
    cdb[10] = (uint8_t)(blocks >> 24); cdb[11] = (uint8_t)(blocks >> 16); cdb[12] = (uint8_t)(blocks >> 8); cdb[13] = (uint8_t)blocks;
}

static void test_open_units(void)
{
    for (unsigned u = 0; u < TARGETS; u++) {
        units[u].port = exec_CreateMsgPort();
        units[u].io = new_request(units[u].port);
        int8 err = OpenDevice(DEVICE_NAME, u, (struct IORequest *)units[u].io, 0);
        units[u].open = err == 0;
        char name[48];
        ksnprintf(name, sizeof name, "device.open_unit%u", u);
        check(err == 0 && units[u].io->io_Unit != 0, name, "OpenDevice unit %u: error %d", u, err);
    }
    struct MsgPort *p = exec_CreateMsgPort();
    struct IOStdReq *io = new_request(p);
    int8 err = OpenDevice(DEVICE_NAME, TARGETS, (struct IORequest *)io, 0);
    check(err == IOERR_OPENFAIL, "device.open_unit8_fails", "OpenDevice unit 8: error %d, expected IOERR_OPENFAIL", err);
    if (err == 0) CloseDevice((struct IORequest *)io);
    err = OpenDevice(DEVICE_NAME, 1000, (struct IORequest *)io, 0);
    check(err == IOERR_OPENFAIL, "device.open_unit1000_fails", "OpenDevice unit 1000: error %d", err);
    exec_DeleteIORequest((struct IORequest *)io);
    exec_DeleteMsgPort(p);
}

static void test_inquiry_and_geometry(void)
{
    for (unsigned u = 0; u < TARGETS; u++) {
        if (!units[u].open) continue;
        const struct target_config *t = &target_config[u];
        char name[64];
        uint8_t inq[36];
        memset(inq, 0, sizeof inq);
        int8 st = scsi_inquiry(u, inq, sizeof inq);
        char product[17];
        memcpy(product, inq + 16, 16); product[16] = 0;
        for (int i = 15; i >= 0 && product[i] == ' '; i--) product[i] = 0;
        ksnprintf(name, sizeof name, "device.unit%u.inquiry", u);
        check(st == 0 && (inq[0] & 0x1f) == 0 && memcmp(inq + 8, "DRVC    ", 8) == 0 && strcmp(product, t->product) == 0,
              name, "HD_SCSICMD INQUIRY: result %d, peripheral %02x, vendor '%.8s', product '%s' (expected DRVC / %s)",
              st, inq[0], (const char *)inq + 8, product, t->product);

        struct DriveGeometry g;
        memset(&g, 0xa5, sizeof g);
        struct IOStdReq *io = units[u].io;
        io->io_Command = TD_GETGEOMETRY; io->io_Data = &g; io->io_Length = sizeof g; io->io_Offset = 0; io->io_Actual = 0;
        int8 err = DoIO((struct IORequest *)io);
        uint32_t clamped = t->blocks > 0xffffffffull ? 0xffffffffu : (uint32_t)t->blocks;
        uint64_t chs = (uint64_t)g.dg_Cylinders * g.dg_CylSectors;
        ksnprintf(name, sizeof name, "device.unit%u.geometry", u);
        check(err == 0 && g.dg_SectorSize == t->block_size && g.dg_TotalSectors == clamped && chs == t->blocks
              && g.dg_CylSectors == g.dg_Heads * g.dg_TrackSectors && g.dg_DeviceType == DG_DIRECT_ACCESS,
              name, "error %d: SectorSize %u TotalSectors %u Cylinders %u CylSectors %u Heads %u TrackSectors %u DeviceType %u;"
              " expected %u-byte blocks, TotalSectors %u, Cylinders x CylSectors = %llu",
              err, g.dg_SectorSize, g.dg_TotalSectors, g.dg_Cylinders, g.dg_CylSectors, g.dg_Heads, g.dg_TrackSectors,
              g.dg_DeviceType, t->block_size, clamped, (unsigned long long)t->blocks);

        struct DriveGeometry64 g64;
        memset(&g64, 0xa5, sizeof g64);
        io->io_Command = NSCMD_TD_GETGEOMETRY64; io->io_Data = &g64; io->io_Length = sizeof g64;
        err = DoIO((struct IORequest *)io);
        ksnprintf(name, sizeof name, "device.unit%u.geometry64", u);
        check(err == 0 && g64.dg_SectorSize == t->block_size && g64.dg_TotalSectors == t->blocks, name,
              "error %d: SectorSize %u TotalSectors %llu, expected %u / %llu", err, g64.dg_SectorSize,
              (unsigned long long)g64.dg_TotalSectors, t->block_size, (unsigned long long)t->blocks);
    }
}

static void test_device_query(void)
{
    struct NSDeviceQueryResult q;
    memset(&q, 0, sizeof q);
    struct IOStdReq *io = units[0].io;
    io->io_Command = NSCMD_DEVICEQUERY; io->io_Data = &q; io->io_Length = sizeof q;
    int8 err = DoIO((struct IORequest *)io);
    /* The commands issue 3 asks for, and HD_SCSICMD. */
    static const uint16 needed[] = { CMD_READ, CMD_WRITE, CMD_UPDATE, CMD_FLUSH, ETD_READ, ETD_WRITE, TD_GETGEOMETRY,
                                     TD_GETNUMTRACKS, TD_READ64, TD_WRITE64, TD_FORMAT64, NSCMD_DEVICEQUERY,
                                     NSCMD_TD_READ64, NSCMD_TD_WRITE64, NSCMD_TD_SEEK64, NSCMD_TD_FORMAT64,
                                     NSCMD_TD_GETGEOMETRY64, HD_SCSICMD };
    unsigned missing = 0;
    for (unsigned i = 0; i < sizeof needed / sizeof needed[0]; i++) {
        int found = 0;
        for (UWORD *c = q.SupportedCommands; c && *c; c++) if (*c == needed[i]) found = 1;
        if (!found) { missing++; kprintf("NSCMD_DEVICEQUERY: command %04x not listed\n", needed[i]); }
    }
    check(err == 0 && q.DeviceType == NSDEVTYPE_TRACKDISK && q.SizeAvailable >= 16 && missing == 0,
          "device.nscmd_devicequery", "error %d type %u size %u, %u commands missing", err, q.DeviceType, q.SizeAvailable, missing);
}

static void test_integrity(void)
{
    const uint64_t disk0 = target_config[0].blocks * 512;
    write_read_check("device.io.512B_at_0", 0, CMD_WRITE, CMD_READ, 0, 512, 101, 0);
    write_read_check("device.io.4KiB", 0, CMD_WRITE, CMD_READ, 1 * MiB, 4 * KiB, 102, 0);
    write_read_check("device.io.64KiB", 0, CMD_WRITE, CMD_READ, 2 * MiB, 64 * KiB, 103, 0);
    write_read_check("device.io.64KiB_plus_512B", 0, CMD_WRITE, CMD_READ, 3 * MiB, 64 * KiB + 512, 104, 0);
    write_read_check("device.io.1MiB", 0, CMD_WRITE, CMD_READ, 4 * MiB, 1 * MiB, 105, 0);
    write_read_check("device.io.33MiB_read16_by_count", 0, CMD_WRITE, CMD_READ, 8 * MiB, 33 * MiB, 106, 0);
    write_read_check("device.io.unaligned_buffer_4KiB", 0, CMD_WRITE, CMD_READ, 44 * MiB, 4 * KiB, 107, 1);
    write_read_check("device.io.unaligned_buffer_64KiB_plus_512B", 0, CMD_WRITE, CMD_READ, 45 * MiB, 64 * KiB + 512, 108, 3);
    write_read_check("device.io.last_blocks", 0, CMD_WRITE, CMD_READ, disk0 - 8 * 512, 8 * 512, 109, 0);
    write_read_check("device.io.td64_commands", 0, TD_WRITE64, TD_READ64, 46 * MiB, 16 * KiB, 110, 0);
    write_read_check("device.io.nscmd_td64_commands", 0, NSCMD_TD_WRITE64, NSCMD_TD_READ64, 47 * MiB, 16 * KiB, 111, 0);

    /* 3 TiB sparse disk: LBAs above 2^32 with both 64-bit command sets, and its last blocks. */
    const unsigned big = 6;
    const uint64_t big_bytes = target_config[big].blocks * 512;
    if (units[big].open) {
        write_read_check("device.3tib.512B_at_0", big, CMD_WRITE, CMD_READ, 0, 512, 201, 0);
        write_read_check("device.3tib.above_lba_2pow32_td64", big, TD_WRITE64, TD_READ64, (1ull << 32) * 512 + 4096, 64 * KiB, 202, 0);
        write_read_check("device.3tib.above_lba_2pow32_nscmd64", big, NSCMD_TD_WRITE64, NSCMD_TD_READ64, (1ull << 32) * 512 + 8 * MiB, 64 * KiB + 512, 203, 0);
        write_read_check("device.3tib.last_blocks", big, NSCMD_TD_WRITE64, NSCMD_TD_READ64, big_bytes - 16 * 512, 16 * 512, 204, 0);
    }
    /* 4 KiB-sector disk. */
    const unsigned k4 = 7;
    const uint64_t k4_bytes = target_config[k4].blocks * 4096;
    if (units[k4].open) {
        write_read_check("device.4kn.4KiB_at_0", k4, CMD_WRITE, CMD_READ, 0, 4 * KiB, 301, 0);
        write_read_check("device.4kn.68KiB", k4, CMD_WRITE, CMD_READ, 1 * MiB, 68 * KiB, 302, 0);
        write_read_check("device.4kn.1MiB", k4, CMD_WRITE, CMD_READ, 2 * MiB, 1 * MiB, 303, 0);
        write_read_check("device.4kn.last_blocks", k4, CMD_WRITE, CMD_READ, k4_bytes - 4 * 4096, 4 * 4096, 304, 0);
    }
    struct IOStdReq *io = units[0].io;
    io->io_Command = CMD_UPDATE; io->io_Length = 0; io->io_Data = 0;
    int8 e1 = DoIO((struct IORequest *)io);
    io->io_Command = CMD_FLUSH;
    int8 e2 = DoIO((struct IORequest *)io);
    check(e1 == 0 && e2 == 0, "device.cmd_update_and_flush", "CMD_UPDATE %d, CMD_FLUSH %d", e1, e2);
}

/* A small read that must work: the driver carries on after a bad request. */
static int still_works(unsigned unit)
{
    static uint8_t buf[512] __attribute__((aligned(16)));
    return transfer(units[unit].io, CMD_READ, 0, buf, 512, 0) == 0;
}

/*
 * HD_SCSICMD beyond INQUIRY: TEST UNIT READY, READ(10)/READ(16)/WRITE(10) passthrough compared
 * with what the block commands read and wrote (through the bounce buffer and, above 64 KiB,
 * scatter-gather), CHECK CONDITION with autosense for an LBA past the end, and bad SCSICmds.
 * Runs after test_integrity: it reads the patterns that wrote.
 */
static void test_scsi_direct(void)
{
    struct SCSICmd cmd;
    uint8_t cdb[40], sense[32];
    const unsigned u = 0;
    int8 err;

    memset(cdb, 0, sizeof cdb);
    err = scsi_command(u, &cmd, cdb, 6, 0, 0, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
    check(err == 0 && cmd.scsi_Status == 0 && cmd.scsi_Actual == 0 && cmd.scsi_CmdActual == 6 && cmd.scsi_SenseActual == 0,
          "device.scsi.test_unit_ready", "error %d status %u actual %u cmd actual %u sense actual %u",
          err, cmd.scsi_Status, cmd.scsi_Actual, cmd.scsi_CmdActual, cmd.scsi_SenseActual);

    /* READ(10) of device.io.4KiB's blocks (1 MiB, seed 102), odd buffer, bounce path. */
    uint8_t *raw = mem_alloc(128 * KiB + 64, 64), *viacmd = mem_alloc(128 * KiB, 64), *expect = mem_alloc(128 * KiB, 64);
    if (!raw || !viacmd || !expect) { check(0, "device.scsi.read10_matches_cmd_read", "no memory"); goto out; }
    uint8_t *buf = raw + 1;
    memset(buf, 0xee, 4 * KiB);
    cdb_rw10(cdb, 0x28, (1 * MiB) / 512, 8);
    err = scsi_command(u, &cmd, cdb, 10, buf, 4 * KiB, SCSIF_READ, 0, 0);
    uint32_t act = 0;
    int8 cerr = transfer(units[u].io, CMD_READ, 1 * MiB, viacmd, 4 * KiB, &act);
    fill_pattern(expect, 4 * KiB, 102);
    check(err == 0 && cmd.scsi_Status == 0 && cmd.scsi_Actual == 4 * KiB && cerr == 0 && memcmp(buf, viacmd, 4 * KiB) == 0
          && memcmp(buf, expect, 4 * KiB) == 0, "device.scsi.read10_matches_cmd_read",
          "READ(10) error %d status %u actual %u; CMD_READ error %d; same as CMD_READ %d, as the pattern %d",
          err, cmd.scsi_Status, cmd.scsi_Actual, cerr, memcmp(buf, viacmd, 4 * KiB) == 0, memcmp(buf, expect, 4 * KiB) == 0);

    /* READ(10) of 128 KiB (scatter-gather) from device.io.1MiB's pattern (4 MiB, seed 105). */
    memset(raw, 0xee, 128 * KiB);
    cdb_rw10(cdb, 0x28, (4 * MiB) / 512, 256);
    err = scsi_command(u, &cmd, cdb, 10, raw, 128 * KiB, SCSIF_READ, 0, 0);
    cerr = transfer(units[u].io, CMD_READ, 4 * MiB, viacmd, 128 * KiB, &act);
    fill_pattern(expect, 128 * KiB, 105);
    check(err == 0 && cmd.scsi_Actual == 128 * KiB && cerr == 0 && memcmp(raw, viacmd, 128 * KiB) == 0 && memcmp(raw, expect, 128 * KiB) == 0,
          "device.scsi.read10_128KiB_scatter_gather", "error %d actual %u; CMD_READ error %d; same as CMD_READ %d",
          err, cmd.scsi_Actual, cerr, memcmp(raw, viacmd, 128 * KiB) == 0);

    /* WRITE(10) of 64 KiB + 512 (no SCSIF_READ), read back with CMD_READ; logged for the host check. */
    const uint32_t wlen = 64 * KiB + 512, woff = 50 * MiB, wseed = 501;
    fill_pattern(raw, wlen, wseed);
    cdb_rw10(cdb, 0x2a, woff / 512, (uint16)(wlen / 512));
    err = scsi_command(u, &cmd, cdb, 10, raw, wlen, SCSIF_WRITE, 0, 0);
    if (err == 0) kprintf("wrote unit %u offset %u length %u seed %u\n", u, woff, wlen, wseed);
    memset(viacmd, 0xee, wlen);
    cerr = transfer(units[u].io, CMD_READ, woff, viacmd, wlen, &act);
    check(err == 0 && cmd.scsi_Status == 0 && cmd.scsi_Actual == wlen && cerr == 0 && memcmp(raw, viacmd, wlen) == 0,
          "device.scsi.write10_then_cmd_read", "WRITE(10) error %d status %u actual %u; CMD_READ error %d; data %s",
          err, cmd.scsi_Status, cmd.scsi_Actual, cerr, memcmp(raw, viacmd, wlen) == 0 ? "same" : "differ");

    /* READ(16) above LBA 2^32 on the 3 TiB disk (device.3tib.above_lba_2pow32_td64's pattern). */
    if (units[6].open) {
        cdb_read16(cdb, (1ull << 32) + 8, 128);
        memset(raw, 0xee, 64 * KiB);
        err = scsi_command(6, &cmd, cdb, 16, raw, 64 * KiB, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
        fill_pattern(expect, 64 * KiB, 202);
        check(err == 0 && cmd.scsi_Actual == 64 * KiB && cmd.scsi_CmdActual == 16 && memcmp(raw, expect, 64 * KiB) == 0,
              "device.scsi.read16_above_lba_2pow32", "error %d status %u actual %u; data %s", err, cmd.scsi_Status, cmd.scsi_Actual,
              memcmp(raw, expect, 64 * KiB) == 0 ? "same" : "differ");
    }

    /* CHECK CONDITION: READ(10) at the first LBA past the end; ILLEGAL REQUEST, LBA OUT OF RANGE (0x21). */
    cdb_rw10(cdb, 0x28, (uint32_t)target_config[u].blocks, 1);
    err = scsi_command(u, &cmd, cdb, 10, raw, 512, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
    unsigned key = (sense[0] & 0x7f) >= 0x72 ? sense[1] & 15 : sense[2] & 15;
    unsigned asc = (sense[0] & 0x7f) >= 0x72 ? sense[2] : sense[12];
    check(err == HFERR_BadStatus && cmd.scsi_Status == 2 && cmd.scsi_SenseActual >= 14 && cmd.scsi_SenseActual <= sizeof sense
          && key == 5 && asc == 0x21 && cmd.scsi_Actual == 0, "device.scsi.check_condition_autosense",
          "error %d status %u actual %u sense actual %u: %02x .. key %u asc %02x", err, cmd.scsi_Status, cmd.scsi_Actual,
          cmd.scsi_SenseActual, sense[0], key, asc);
    err = scsi_command(u, &cmd, cdb, 10, raw, 512, SCSIF_READ, sense, sizeof sense);
    check(err == HFERR_BadStatus && cmd.scsi_Status == 2 && cmd.scsi_SenseActual == 0 && sense[0] == 0xee,
          "device.scsi.sense_only_with_autosense", "without SCSIF_AUTOSENSE: error %d status %u sense actual %u first byte %02x",
          err, cmd.scsi_Status, cmd.scsi_SenseActual, sense[0]);
    err = scsi_command(u, &cmd, cdb, 10, raw, 512, SCSIF_READ | SCSIF_AUTOSENSE, sense, 8);
    check(err == HFERR_BadStatus && cmd.scsi_SenseActual == 8 && sense[8] == 0xee && (sense[2] & 15) == 5 && still_works(u),
          "device.scsi.sense_cut_to_buffer", "error %d sense actual %u (buffer 8)", err, cmd.scsi_SenseActual);

    /* Residual: READ CAPACITY(10)'s parameter data is 8 bytes (SBC-3 5.16.2) whatever the buffer,
     * so a 64-byte buffer leaves a residual of 56 in the response (virtio-scsi 5.6.6.1: the data
     * length is that of the buffers). scsi_Actual must be exactly 8, the data the disk's last LBA
     * and block size, and the 56 bytes after it must stay as they were. */
    memset(raw, 0xee, 64);
    memset(cdb, 0, 10);
    cdb[0] = 0x25;
    err = scsi_command(u, &cmd, cdb, 10, raw, 64, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
    uint32_t last_lba = (uint32_t)raw[0] << 24 | (uint32_t)raw[1] << 16 | (uint32_t)raw[2] << 8 | raw[3];
    uint32_t block_len = (uint32_t)raw[4] << 24 | (uint32_t)raw[5] << 16 | (uint32_t)raw[6] << 8 | raw[7];
    int tail_kept = 1;
    for (unsigned i = 8; i < 64; i++) if (raw[i] != 0xee) tail_kept = 0;
    check(err == 0 && cmd.scsi_Status == 0 && cmd.scsi_Actual == 8 && last_lba == target_config[u].blocks - 1
          && block_len == target_config[u].block_size && tail_kept, "device.scsi.residual_read_capacity",
          "READ CAPACITY(10) into 64 bytes: error %d status %u actual %u (expected 8); last LBA %u block %u (expected %u / %u); tail %s",
          err, cmd.scsi_Status, cmd.scsi_Actual, last_lba, block_len, (uint32_t)(target_config[u].blocks - 1),
          target_config[u].block_size, tail_kept ? "kept" : "written");

    /* Bad SCSICmds: nothing reaches the target, the unit keeps working. */
    struct IOStdReq *io = units[u].io;
    cdb_rw10(cdb, 0x28, 0, 1);
    io->io_Command = HD_SCSICMD; io->io_Data = &cmd; io->io_Length = sizeof cmd - 2;
    int8 e_len = DoIO((struct IORequest *)io);
    io->io_Command = HD_SCSICMD; io->io_Data = 0; io->io_Length = sizeof cmd;
    int8 e_null = DoIO((struct IORequest *)io);
    int8 e_cdb = scsi_command(u, &cmd, 0, 10, raw, 512, SCSIF_READ, 0, 0);
    int8 e_zero = scsi_command(u, &cmd, cdb, 0, raw, 512, SCSIF_READ, 0, 0);
    int8 e_long = scsi_command(u, &cmd, cdb, 33, raw, 512, SCSIF_READ, 0, 0);
    check(e_len == IOERR_BADLENGTH && e_null == IOERR_BADLENGTH && e_cdb == HFERR_BadStatus && e_zero == HFERR_BadStatus
          && e_long == HFERR_BadStatus && still_works(u), "device.scsi.bad_scsicmd",
          "short io_Length %d, NULL io_Data %d (IOERR_BADLENGTH); NULL scsi_Command %d, scsi_CmdLength 0 %d, 33 %d (HFERR_BadStatus)",
          e_len, e_null, e_cdb, e_zero, e_long);
out:
    mem_free(raw); mem_free(viacmd); mem_free(expect);
}

/*
 * The driver's own answers (drivers/Scsi/LocalAnswers.cs) where QEMU's scsi-hd has no such command: LOG SENSE
 * (the original's TEST 5: page 00h lists 2Fh, page 2Fh has ASC/ASCQ 0 at bytes 8/9) and ATA PASS-THROUGH SMART
 * (its TEST 16: READ DATA is GOOD with 512 bytes; IDENTIFY fails with status 2). A command nobody answers keeps
 * the unit's own rejection: LOG SELECT gives ILLEGAL REQUEST, INVALID COMMAND OPERATION CODE (its TEST 17).
 */
static void test_scsi_local_answers(void)
{
    static const uint8_t log0[10] = { 0x4d, 0, 0x40, 0, 0, 0, 0, 0, 64, 0 };
    static const uint8_t log2f[10] = { 0x4d, 0, 0x6f, 0, 0, 0, 0, 0, 255, 0 };
    static const uint8_t smart[16] = { 0x85, 4 << 1, 0x0e, 0, 0xd0, 0, 1, 0, 0, 0, 0x4f, 0, 0xc2, 0, 0xb0, 0 };
    static const uint8_t status[16] = { 0x85, 3 << 1, 0x20, 0, 0xda, 0, 0, 0, 0, 0, 0x4f, 0, 0xc2, 0, 0xb0, 0 };
    static const uint8_t identify[16] = { 0x85, 4 << 1, 0x0e, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0xec, 0 };
    static const uint8_t log_select[10] = { 0x4c, 0, 0x40, 0, 0, 0, 0, 0, 0, 0 };
    static uint8_t data[512] __attribute__((aligned(16)));
    struct SCSICmd cmd;
    uint8_t sense[32];
    const unsigned u = 0;

    memset(data, 0xee, sizeof data);
    int8 err = scsi_command(u, &cmd, log0, 10, data, 64, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
    check(err == 0 && cmd.scsi_Status == 0 && cmd.scsi_Actual == 6 && data[0] == 0 && data[3] == 2 && data[4] == 0 && data[5] == 0x2f
          && data[6] == 0xee, "device.scsi.log_sense_supported_pages",
          "error %d status %u actual %u: %02x %02x %02x %02x %02x %02x (expected 00 00 00 02 00 2f)", err, cmd.scsi_Status,
          cmd.scsi_Actual, data[0], data[1], data[2], data[3], data[4], data[5]);

    memset(data, 0xee, sizeof data);
    err = scsi_command(u, &cmd, log2f, 10, data, 255, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
    check(err == 0 && cmd.scsi_Status == 0 && cmd.scsi_Actual == 11 && data[0] == 0x2f && data[3] == 7 && data[4] == 0 && data[5] == 0
          && data[7] == 3 && data[8] == 0 && data[9] == 0, "device.scsi.log_sense_informational_exceptions",
          "error %d status %u actual %u: page %02x length %u, parameter %02x%02x length %u, ASC %02x ASCQ %02x", err,
          cmd.scsi_Status, cmd.scsi_Actual, data[0], data[3], data[4], data[5], data[7], data[8], data[9]);

    memset(data, 0xee, sizeof data);
    err = scsi_command(u, &cmd, smart, 16, data, 512, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
    uint8_t sum = 0;
    for (unsigned i = 0; i < 512; i++) sum = (uint8_t)(sum + data[i]);
    check(err == 0 && cmd.scsi_Status == 0 && cmd.scsi_Actual == 512 && sum == 0 && data[0] == 0x10 && data[1] == 0,
          "device.scsi.ata_smart_read_data", "error %d status %u actual %u, revision %02x %02x, byte sum %u (expected 0)",
          err, cmd.scsi_Status, cmd.scsi_Actual, data[0], data[1], sum);

    err = scsi_command(u, &cmd, status, 16, 0, 0, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
    check(err == HFERR_BadStatus && cmd.scsi_Status == 2 && cmd.scsi_SenseActual == 22 && sense[0] == 0x72 && (sense[1] & 15) == 1
          && sense[3] == 0x1d && sense[8] == 0x09 && sense[17] == 0x4f && sense[19] == 0xc2 && sense[21] == 0x50,
          "device.scsi.ata_smart_return_status", "error %d status %u sense actual %u: %02x key %u ASCQ %02x, descriptor %02x, LBA %02x%02x status %02x",
          err, cmd.scsi_Status, cmd.scsi_SenseActual, sense[0], sense[1] & 15, sense[3], sense[8], sense[19], sense[17], sense[21]);

    err = scsi_command(u, &cmd, identify, 16, data, 512, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
    check(err == HFERR_BadStatus && cmd.scsi_Status == 2 && cmd.scsi_Actual == 0 && cmd.scsi_SenseActual >= 14 && (sense[2] & 15) == 0x0b,
          "device.scsi.ata_identify_aborted", "error %d status %u actual %u sense actual %u key %u (expected ABORTED COMMAND 11)",
          err, cmd.scsi_Status, cmd.scsi_Actual, cmd.scsi_SenseActual, sense[2] & 15);

    err = scsi_command(u, &cmd, log_select, 10, 0, 0, SCSIF_AUTOSENSE, sense, sizeof sense);
    unsigned key = (sense[0] & 0x7f) >= 0x72 ? sense[1] & 15 : sense[2] & 15;
    unsigned asc = (sense[0] & 0x7f) >= 0x72 ? sense[2] : sense[12];
    check(err == HFERR_BadStatus && cmd.scsi_Status == 2 && cmd.scsi_SenseActual >= 14 && key == 5 && asc == 0x20 && still_works(u),
          "device.scsi.unsupported_opcode_sense", "LOG SELECT: error %d status %u sense actual %u key %u ASC %02x (expected 5 / 20)",
          err, cmd.scsi_Status, cmd.scsi_SenseActual, key, asc);
}

static void test_bad_requests(void)
{
    struct IOStdReq *io = units[2].io;
    const uint64_t end = target_config[2].blocks * 512;
    uint32_t act = 0;
    int8 err = transfer(io, CMD_READ, 0, 0, 4096, &act);
    check(err != 0 && still_works(2), "device.bad.null_buffer", "NULL buffer: error %d", err);
    static uint8_t small[4096] __attribute__((aligned(16)));
    err = transfer(io, CMD_READ, 4096, small, 0, &act);
    check(err == 0 && act == 0 && still_works(2), "device.bad.zero_length", "zero length: error %d actual %u", err, act);
    err = transfer(io, CMD_READ, 512, small + 1, 1024, &act);
    check(err == 0 && act == 1024 && still_works(2), "device.bad.unaligned_buffer_read", "odd buffer: error %d actual %u", err, act);
    err = transfer(io, CMD_READ, end, small, 4096, &act);
    check(err == IOERR_NOCMD && still_works(2), "device.bad.read_past_end", "read at the end: error %d, expected IOERR_NOCMD", err);
    err = transfer(io, CMD_READ, end - 512, small, 4096, &act);
    check(err != 0 && still_works(2), "device.bad.read_across_end", "read across the end: error %d", err);
    err = transfer(io, 0x7777, 0, small, 512, &act);
    check(err == IOERR_NOCMD && still_works(2), "device.bad.unknown_command", "command 0x7777: error %d, expected IOERR_NOCMD", err);
}

/* ---- concurrency: tasks with several requests in flight each, on several units ---- */

#define CONC_TASKS 5
#define CONC_DEPTH 8
#define CONC_LEN (64 * KiB)

struct conc_job {
    unsigned unit;
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
    for (unsigned i = 0; i < CONC_DEPTH; i++) {
        io[i] = new_request(port);
        *io[i] = *units[j->unit].io;                    /* the opened device and unit */
        io[i]->io_Message.mn_ReplyPort = port;
        buf[i] = mem_alloc(CONC_LEN, 64);
    }
    for (unsigned pass = 0; pass < 2; pass++) {
        for (unsigned i = 0; i < CONC_DEPTH; i++) {
            uint32_t seed = 1000 + j->unit * 100 + i;
            if (pass == 0) fill_pattern(buf[i], CONC_LEN, seed); else memset(buf[i], 0xee, CONC_LEN);
            io[i]->io_Command = pass == 0 ? CMD_WRITE : CMD_READ;
            io[i]->io_Data = buf[i];
            io[i]->io_Length = CONC_LEN;
            io[i]->io_Offset = 16 * MiB + i * CONC_LEN;
            SendIO((struct IORequest *)io[i]);
        }
        for (unsigned i = 0; i < CONC_DEPTH; i++) {
            int8 err = WaitIO((struct IORequest *)io[i]);
            if (err || io[i]->io_Actual != CONC_LEN) { j->errors++; kprintf("concurrency: unit %u req %u error %d actual %u\n", j->unit, i, err, io[i]->io_Actual); continue; }
            if (pass == 0) {
                kprintf("wrote unit %u offset %u length %u seed %u\n", j->unit, io[i]->io_Offset, CONC_LEN, 1000 + j->unit * 100 + i);
            } else {
                uint8_t *expect = mem_alloc(CONC_LEN, 16);
                fill_pattern(expect, CONC_LEN, 1000 + j->unit * 100 + i);
                if (memcmp(expect, buf[i], CONC_LEN)) { j->errors++; kprintf("concurrency: unit %u req %u data differ\n", j->unit, i); }
                mem_free(expect);
            }
        }
    }
    for (unsigned i = 0; i < CONC_DEPTH; i++) { exec_DeleteIORequest((struct IORequest *)io[i]); mem_free(buf[i]); }
    exec_DeleteMsgPort(port);
    j->finished = 1;
    IExec->Signal(j->parent, 1u << j->done_sig);
}

static void test_concurrency(void)
{
    /* One request on an idle controller must complete by an interrupt (the used_event baseline
     * after discovery and after bursts: the original driver's costliest EVENT_IDX bugs). */
    uint32_t idle0 = exec_stats.int_server_claims;
    static uint8_t one[4096] __attribute__((aligned(64)));
    int8 e = transfer(units[4].io, CMD_READ, 0, one, sizeof one, 0);
    check(e == 0 && exec_stats.int_server_claims > idle0, "device.idle_request_completes_by_interrupt",
          "error %d, interrupt server claims %u -> %u", e, idle0, exec_stats.int_server_claims);

    /* The units are spread over the controller's request queues (unit number modulo their count): the host remembers
     * each queue's used index now, and after the tasks below (units 1..CONC_TASKS) says whether every queue moved. */
    int marked = host_request("queuemark");
    uint32_t calls0 = exec_stats.int_server_calls, claims0 = exec_stats.int_server_claims;
    struct Task *me = IExec->FindTask(0);
    int8 sig = IExec->AllocSignal(-1);
    for (unsigned k = 0; k < CONC_TASKS; k++) {
        jobs[k].unit = 1 + k; jobs[k].parent = me; jobs[k].done_sig = sig; jobs[k].errors = 0; jobs[k].finished = 0;
        IExec->CreateTaskTags("concurrency", 0, (APTR)conc_task, 32768, AT_Param1, k, TAG_DONE);
    }
    unsigned finished = 0;
    uint64_t t0 = cpu_timebase();
    while (finished < CONC_TASKS && cpu_timebase() - t0 < (uint64_t)board.timebase_hz * 60) {
        IExec->Wait(1u << sig);
        finished = 0;
        for (unsigned k = 0; k < CONC_TASKS; k++) finished += jobs[k].finished;
    }
    int errors = 0;
    for (unsigned k = 0; k < CONC_TASKS; k++) errors += jobs[k].errors;
    IExec->FreeSignal(sig);
    uint32_t calls = exec_stats.int_server_calls - calls0, claims = exec_stats.int_server_claims - claims0;
    kprintf("concurrency: %u tasks x %u requests in flight x 2 passes, interrupt server calls %u, claimed %u\n",
            CONC_TASKS, CONC_DEPTH, calls, claims);
    check(finished == CONC_TASKS && errors == 0, "device.concurrency.all_completed_intact",
          "%u of %u tasks finished, %d errors", finished, CONC_TASKS, errors);
    check(claims > 0, "device.concurrency.completions_by_interrupt",
          "the driver's interrupt server claimed %u of %u calls", claims, calls);
    check(marked && host_request("queuesused"), "device.multiqueue.every_queue_used",
          "host: mark %d; not every request queue of the controller completed requests for units 1..%u", marked, CONC_TASKS);

    /* More requests than the unit's 16 in-flight slots, from one task. */
    enum { DEEP = 24 };
    struct IOStdReq *io[DEEP];
    uint8_t *buf = mem_alloc(DEEP * 4096, 64);
    int deep_errors = 0;
    for (unsigned i = 0; i < DEEP; i++) {
        io[i] = new_request(units[0].port);
        *io[i] = *units[0].io;
        io[i]->io_Command = CMD_READ; io[i]->io_Data = buf + i * 4096; io[i]->io_Length = 4096;
        io[i]->io_Offset = 2 * MiB + i * 4096;            /* the first 16 cover device.io.64KiB's pattern */
        SendIO((struct IORequest *)io[i]);
    }
    for (unsigned i = 0; i < DEEP; i++) if (WaitIO((struct IORequest *)io[i]) || io[i]->io_Actual != 4096) deep_errors++;
    uint8_t *expect = mem_alloc(64 * KiB, 16);
    fill_pattern(expect, 64 * KiB, 103);
    int same = memcmp(expect, buf, 64 * KiB) == 0;
    check(deep_errors == 0 && same, "device.concurrency.more_than_16_in_flight", "%d errors, data %s", deep_errors, same ? "ok" : "differ");
    mem_free(expect);
    for (unsigned i = 0; i < DEEP; i++) exec_DeleteIORequest((struct IORequest *)io[i]);
    mem_free(buf);

    /* AbortIO on a request in the queue: it completes, aborted or done, and nothing hangs. */
    struct IOStdReq *a[4];
    uint8_t *abuf = mem_alloc(4 * 64 * KiB, 64);
    for (unsigned i = 0; i < 4; i++) {
        a[i] = new_request(units[3].port);
        *a[i] = *units[3].io;
        a[i]->io_Command = CMD_READ; a[i]->io_Data = abuf + i * 64 * KiB; a[i]->io_Length = 64 * KiB; a[i]->io_Offset = i * 64 * KiB;
        SendIO((struct IORequest *)a[i]);
    }
    AbortIO((struct IORequest *)a[3]);
    int abort_ok = 1;
    for (unsigned i = 0; i < 4; i++) {
        int8 e = WaitIO((struct IORequest *)a[i]);
        if (e != 0 && !(i == 3 && e == IOERR_ABORTED)) abort_ok = 0;
    }
    check(abort_ok && still_works(3), "device.abortio", "errors after AbortIO: %d %d %d %d",
          a[0]->io_Error, a[1]->io_Error, a[2]->io_Error, a[3]->io_Error);
    for (unsigned i = 0; i < 4; i++) exec_DeleteIORequest((struct IORequest *)a[i]);
    mem_free(abuf);
}

/*
 * More descriptors asked for than the request queue has (256), by one unit's task in one round:
 * with StartDMA splitting at 4 KiB pages (as under AmigaOS's MMU), a 128 KiB request is 32 runs,
 * so 34 descriptors on a transport without indirect tables (legacy). Seven of them leave 18 of
 * 256 free and the eighth (68 KiB: 17 runs, 19 descriptors) does not fit: the driver must make
 * the device see what it queued and wait for completions, never overcommit the free list. Then
 * eight more. Every request must complete with all its data, written and read back. The read
 * round is repeated: each one crosses the full-ring path (WaitForRoom, its wake-up, the next wait)
 * with the device's completions landing at different moments, which is where a wake-up consumed
 * without re-arming used_event once left the last reads of a round unreplied (issue 9).
 */
#define RING_REQS 16
#define RING_READ_PASSES 8
static void test_ring_exhaustion(void)
{
    const unsigned u = 5;
    const uint32_t base = 40 * MiB;
    struct IOStdReq *io[RING_REQS];
    uint8_t *buf[RING_REQS];
    uint32_t len[RING_REQS], off[RING_REQS], demand = 0;
    for (unsigned i = 0, o = base; i < RING_REQS; i++) {
        len[i] = i == 7 ? 68 * KiB : 128 * KiB;
        off[i] = o; o += len[i];
        demand += len[i] / 4096 + 2;
        io[i] = new_request(units[u].port);
        *io[i] = *units[u].io;
        buf[i] = mem_alloc(len[i], 4096);
    }
    exec_dma_run = 4096;
    int errors = 0, differ = 0;
    for (unsigned pass = 0; pass < 1 + RING_READ_PASSES; pass++) {
        for (unsigned i = 0; i < RING_REQS; i++) {
            if (pass == 0) fill_pattern(buf[i], len[i], 3000 + i); else memset(buf[i], 0xee, len[i]);
            io[i]->io_Command = pass == 0 ? CMD_WRITE : CMD_READ;
            io[i]->io_Data = buf[i]; io[i]->io_Length = len[i]; io[i]->io_Offset = off[i];
            SendIO((struct IORequest *)io[i]);
        }
        for (unsigned i = 0; i < RING_REQS; i++) {
            int8 err = WaitIO((struct IORequest *)io[i]);
            if (err || io[i]->io_Actual != len[i]) { errors++; kprintf("ring: pass %u req %u error %d actual %u\n", pass, i, err, io[i]->io_Actual); continue; }
            if (pass == 0) { kprintf("wrote unit %u offset %u length %u seed %u\n", u, off[i], len[i], 3000 + i); continue; }
            uint8_t *expect = mem_alloc(len[i], 16);
            fill_pattern(expect, len[i], 3000 + i);
            int64_t d = first_difference(expect, buf[i], len[i]);
            if (d >= 0) { differ++; kprintf("ring: req %u data differ at %lld\n", i, (long long)d); }
            mem_free(expect);
        }
    }
    exec_dma_run = EXEC_DMA_RUN;
    kprintf("ring: %u requests asking for %u descriptors without indirect tables (the queue has 256)\n", RING_REQS, demand);
    check(errors == 0 && differ == 0 && still_works(u), "device.ring.exhausted_requests_complete_intact",
          "%d requests failed, %d read back different", errors, differ);
    for (unsigned i = 0; i < RING_REQS; i++) { exec_DeleteIORequest((struct IORequest *)io[i]); mem_free(buf[i]); }
}


/*
 * UNIT ATTENTION raised by the host mid-run: QMP block_resize of target 3 makes QEMU's scsi-hd
 * report CAPACITY DATA HAS CHANGED (6/2A/09) to the next command. As drivers/VirtioScsi/README.md
 * documents: a block request is retried and succeeds with its data; HD_SCSICMD is not retried,
 * the caller sees CHECK CONDITION with the sense, and the unit attention is then gone.
 */
static void test_unit_attention(void)
{
    const unsigned u = 3;
    uint64_t grown = target_config[u].blocks * 512 + 1 * MiB;
    static uint8_t buf[4096] __attribute__((aligned(64))), expect[4096];
    char req[64];
    /* device.abortio's first request read offset 0 of unit 3, which nothing wrote: zeros. */
    memset(expect, 0, sizeof expect);
    memset(buf, 0xee, sizeof buf);
    ksnprintf(req, sizeof req, "resize d%u %llu", u, (unsigned long long)grown);
    int acted = host_request(req);
    uint32_t act = 0;
    int8 err = acted ? transfer(units[u].io, CMD_READ, 0, buf, sizeof buf, &act) : -1;
    check(acted && err == 0 && act == sizeof buf && memcmp(buf, expect, sizeof buf) == 0, "device.ua.block_read_retried",
          "host %s; CMD_READ after the unit attention: error %d actual %u data %s (expected 0, %u, zeros)",
          acted ? "resized" : "did not answer", err, act, memcmp(buf, expect, sizeof buf) == 0 ? "same" : "differ", (unsigned)sizeof buf);

    ksnprintf(req, sizeof req, "resize d%u %llu", u, (unsigned long long)(grown + 1 * MiB));
    acted = host_request(req);
    struct SCSICmd cmd;
    uint8_t cdb[6] = { 0 }, sense[32];
    err = acted ? scsi_command(u, &cmd, cdb, 6, 0, 0, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense) : -1;
    unsigned key = (sense[0] & 0x7f) >= 0x72 ? sense[1] & 15 : sense[2] & 15;
    unsigned asc = (sense[0] & 0x7f) >= 0x72 ? sense[2] : sense[12];
    int8 again = scsi_command(u, &cmd, cdb, 6, 0, 0, SCSIF_READ | SCSIF_AUTOSENSE, sense, sizeof sense);
    check(acted && err == HFERR_BadStatus && key == 6 && asc == 0x2a && again == 0, "device.ua.scsicmd_not_retried",
          "host %s; TEST UNIT READY: error %d sense key %u asc %02x (expected HFERR_BadStatus, 6, 2a); once more: error %d",
          acted ? "resized" : "did not answer", err, key, asc, again);
}

/*
 * On a deadlock or watchdog stop during the device tests: the legacy request queue as the device
 * and the driver left it (avail flags/idx, used idx, used_event, avail_event, GPP-independent),
 * read through the function's I/O BAR without touching the ISR (a read would clear it).
 */
static void (*previous_dump)(void);
static void dump_request_queue(void)
{
    if (previous_dump) previous_dump();
    struct pci_function *f = pci_find(0x1af4, 0x1004, 0);
    if (!f) return;
    uptr io = 0;
    for (unsigned b = 0; b < PCI_MAX_BARS; b++) if (f->bar[b].size && f->bar[b].io) { io = f->bar[b].cpu; break; }
    if (!io) return;
    mmio_write_le16(io + 0x0e, 2);                              /* queue select: request queue 0 */
    uint32_t pfn = mmio_read_le32(io + 0x08);
    uint16_t size = mmio_read_le16(io + 0x0c);
    if (!pfn || !size) { kprintf("  request queue: not set up (legacy pfn %x size %u)\n", pfn, size); return; }
    uint8_t *ring = (uint8_t *)(uptr)(pfn << 12);
    uint8_t *avail = ring + 16u * size, *used = ring + ((16u * size + 6 + 2u * size + 4095) & ~4095u);
    kprintf("  request queue (legacy, %u): avail flags %u idx %u used_event %u; used flags %u idx %u avail_event %u; status %02x\n",
            size, *(volatile uint16_t *)avail, *(volatile uint16_t *)(avail + 2), *(volatile uint16_t *)(avail + 4 + 2u * size),
            *(volatile uint16_t *)used, *(volatile uint16_t *)(used + 2), *(volatile uint16_t *)(used + 4 + 8u * size),
            mmio_read8(io + 0x12));
    /* EVENT_IDX (spec 2.7.10): the device interrupts when its used idx steps past used_event, and
     * only then. A used_event the used idx has already passed means no interrupt will come for
     * anything on the ring until the driver writes a new one, whatever the interrupt path does. */
    uint16_t ev = *(volatile uint16_t *)(avail + 4 + 2u * size);
    uint16_t ui = *(volatile uint16_t *)(used + 2), ai = *(volatile uint16_t *)(avail + 2);
    if (ai == ui)
        kprintf("  event idx: nothing outstanding on the ring (used_event %u)\n", ev);
    else if ((uint16_t)(ev - ui) < (uint16_t)(ai - ui))
        kprintf("  event idx: used_event ahead, the device interrupts after %u more completions (%u outstanding)\n",
                (uint16_t)(ev - ui) + 1u, (uint16_t)(ai - ui));
    else
        kprintf("  event idx: used_event %u already passed by used idx %u, %u outstanding: the device stays silent until the "
                "driver re-arms (a task slept without harvesting after its last wake-up)\n", ev, ui, (uint16_t)(ai - ui));
}

static uint32_t live_before;

static void test_close_and_expunge(void)
{
    for (unsigned u = 0; u < TARGETS; u++) if (units[u].open) CloseDevice((struct IORequest *)units[u].io);
    APTR seglist = exec_ExpungeDevice(DEVICE_NAME);
    (void)seglist;
    check(exec_stats.int_servers == 0 && exec_stats.dma_live == 0 && exec_pci_devices_in_use() == 0 && exec_stats.live_blocks == live_before,
          "device.expunge_releases_everything", "interrupt servers %u, DMA mappings %u, PCI devices %u, blocks %u (before init %u)",
          exec_stats.int_servers, exec_stats.dma_live, exec_pci_devices_in_use(), exec_stats.live_blocks, live_before);
    check(exec_stats.errors == 0, "device.no_exec_misuse", "%u misuse reports (see log)", exec_stats.errors);
}

/*
 * AmigaOne firmware quirk (facts on the original driver, its v1.9 fix): BBoot leaves the high
 * dword of the 64-bit memory BAR unprogrammed and AmigaOS's sizing probe leaves it at
 * 0xFFFFFFFF, so BAR4 decodes above 4 GiB, outside the Articia S window. The harness sets that
 * state up before the driver starts; a driver without the workaround loses the modern transport.
 */
static struct pci_function *virtio_function(void)
{
    struct pci_function *f = pci_find(0x1af4, 0x1004, 0);
    return f ? f : pci_find(0x1af4, 0x1048, 0);
}

/* Returns nonzero when there was a 64-bit BAR to spoil (not with disable-modern=on). */
static int imitate_amigaone_firmware(void)
{
    struct pci_function *f = virtio_function();
    int spoiled = 0;
    for (unsigned b = 0; f && b + 1 < PCI_MAX_BARS; b++)
        if (f->bar[b].size && f->bar[b].is64) { pci_write32(f, 0x10 + 4 * (b + 1), 0xffffffffu); spoiled = 1; }
    return spoiled;
}

/* Which transport the driver brought up, read from the device (virtio 1.0, 2.1 and 4.1.4.8):
 * modern drivers set FEATURES_OK (status 0x0f), legacy ones cannot (0x07). */
static void test_transport(int bar5_spoiled)
{
    struct pci_function *f = virtio_function();
    int has_modern = 0;
    uptr common = 0;
    if (pci_read16(f, 0x06) & 0x10)
        for (unsigned p = pci_read8(f, 0x34) & 0xfc; p; p = pci_read8(f, p + 1) & 0xfc)
            if (pci_read8(f, p) == 0x09 && pci_read8(f, p + 3) == 1) {
                unsigned bar = pci_read8(f, p + 4);
                has_modern = 1;
                common = f->bar[bar].cpu + pci_read32(f, p + 8);
            }
    uint8_t status = 0;
    if (has_modern && pci_read32(f, 0x24) == 0) status = mmio_read8(common + 0x14);
    else for (unsigned b = 0; b < PCI_MAX_BARS; b++) if (f->bar[b].io) status = mmio_read8(f->bar[b].cpu + 0x12);
    if (has_modern)
        check(status == 0x0f, "device.transport_modern", "device status %02x, expected 0x0f (FEATURES_OK: the modern transport)", status);
    else
        check(status == 0x07, "device.transport_legacy", "device status %02x, expected 0x07 (legacy: no FEATURES_OK)", status);
    if (bar5_spoiled)
        check(pci_read32(f, 0x24) == 0, "device.amigaone_bar5_high_dword_cleared", "BAR5 reads %08x", pci_read32(f, 0x24));
}

void device_tests(void)
{
    struct Resident *r = exec_FindResident(DEVICE_NAME);
    if (!check(r != 0, "device.resident_found", "no ROMTag named " DEVICE_NAME " in the image")) return;
    check((r->rt_Flags & (RTF_NATIVE | RTF_AUTOINIT | RTF_COLDSTART)) == (RTF_NATIVE | RTF_AUTOINIT | RTF_COLDSTART)
          && r->rt_Type == NT_DEVICE && r->rt_Pri == 0, "device.resident_flags",
          "rt_Flags %02x rt_Type %u rt_Pri %d", r->rt_Flags, r->rt_Type, r->rt_Pri);
    int bar5_spoiled = strcmp(board.name, "amigaone") == 0 && imitate_amigaone_firmware();
    live_before = exec_stats.live_blocks;
    previous_dump = sched_deadlock_hook;
    sched_deadlock_hook = dump_request_queue;
    watchdog_dump = dump_request_queue;
    struct Library *lib = exec_InitResident(r);
    if (!check(lib != 0, "device.init", "InitResident failed")) return;
    test_transport(bar5_spoiled);
    kprintf("device: %s version %u.%u\n", (const char *)lib->lib_IdString, lib->lib_Version, lib->lib_Revision);
    device_ready = 1;
    test_open_units();
    if (!units[0].open) return;
    test_inquiry_and_geometry();
    test_device_query();
    test_integrity();
    test_scsi_direct();
    test_scsi_local_answers();
    test_bad_requests();
    test_concurrency();
    test_ring_exhaustion();
    test_unit_attention();
    test_close_and_expunge();
}

/*
 * For the benchmark: the device initialised again (after the expunge above) with unit 0 open,
 * and its teardown. Returns the request, or NULL when the device does not come up again.
 */
struct IOStdReq *device_bench_open(void);
void device_bench_close(struct IOStdReq *io);

struct IOStdReq *device_bench_open(void)
{
    struct Resident *r = exec_FindResident(DEVICE_NAME);
    if (!device_ready || !r || !exec_InitResident(r)) return 0;
    struct MsgPort *port = exec_CreateMsgPort();
    struct IOStdReq *io = new_request(port);
    if (OpenDevice(DEVICE_NAME, 0, (struct IORequest *)io, 0) != 0) {
        exec_DeleteIORequest((struct IORequest *)io);
        exec_DeleteMsgPort(port);
        exec_ExpungeDevice(DEVICE_NAME);
        return 0;
    }
    return io;
}

void device_bench_close(struct IOStdReq *io)
{
    struct MsgPort *port = io->io_Message.mn_ReplyPort;
    CloseDevice((struct IORequest *)io);
    exec_DeleteIORequest((struct IORequest *)io);
    exec_DeleteMsgPort(port);
    exec_ExpungeDevice(DEVICE_NAME);
}
