/*
 * virtioscsi.device under faults (issue 14), driven by the host through the QEMU monitor ("host: <request>"
 * lines, answered "ok"/"fail"): QEMU's blkdebug fails chosen sectors of unit 1 with EIO (once or always, on
 * read and on write) or ENODATA, and every flush of unit 2; the drives report errors to the guest
 * (rerror=report, werror=report). What the driver must do (drivers/VirtioScsi/README.md, "Faults"): the
 * documented io_Error, the retry policy (UNIT ATTENTION and ABORTED COMMAND sent again at most 3 times, nothing
 * else), the real sense for HD_SCSICMD, and nothing lost on other units or other requests. The host counts
 * what reached QEMU ("stat <drive> <blockstats field> <n>": the field grew by exactly n since "statmark
 * <drive>"): flushes for CMD_UPDATE, failed reads and writes for the retries; "flushhold f3" / "flushresume f3"
 * hold unit 3's next flush in QEMU and let it go (the driver's flush timeout). Every write is logged as "wrote
 * unit <u> offset <bytes> length <bytes> seed <s>", every range a failed write must have left alone as "kept
 * unit ...", for the host's image check. Layout: include/guest/fault_config.h.
 */
#include <string.h>
#include <devices/trackdisk.h>
#include <devices/scsidisk.h>
#include "harness/exec.h"
#include "harness/check.h"
#include "harness/console.h"
#include "harness/mem.h"
#include "harness/board.h"
#include "harness/cpu.h"
#include "guest/config.h"
#include "guest/fault_config.h"
#include "guest/tests.h"
#include "guest/unit_io.h"

/* SCSI status CHECK CONDITION (SAM-5 5.3.1) and the sense QEMU builds for an errno (scsi/utils.c,
 * scsi_sense_from_errno: EIO -> SENSE_CODE(IO_ERROR), ENODATA -> SENSE_CODE(READ_ERROR)). */
#define STATUS_CHECK_CONDITION 0x02
#define KEY_ABORTED_COMMAND 0x0B
#define KEY_MEDIUM_ERROR 0x03

static int stat_mark(const char *drive)
{
    char r[32];
    ksnprintf(r, sizeof r, "statmark %s", drive);
    return host_request(r);
}

static int stat_grew(const char *drive, const char *field, unsigned n)
{
    char r[80];
    ksnprintf(r, sizeof r, "stat %s %s %u", drive, field, n);
    return host_request(r);
}

/* Sense key, ASC and ASCQ of fixed (70h/71h) or descriptor (72h/73h) sense data (SPC-4 4.5). */
struct sense { uint8_t key, asc, ascq; };
static struct sense decode_sense(const uint8_t *s, unsigned n)
{
    struct sense d = { 0xFF, 0xFF, 0xFF };
    uint8_t code = s[0] & 0x7F;
    if ((code == 0x70 || code == 0x71) && n >= 14) { d.key = s[2] & 0x0F; d.asc = s[12]; d.ascq = s[13]; }
    else if ((code == 0x72 || code == 0x73) && n >= 4) { d.key = s[1] & 0x0F; d.asc = s[2]; d.ascq = s[3]; }
    return d;
}

static void cdb10(uint8_t *cdb, uint8_t op, uint32_t lba, uint16 blocks)
{
    memset(cdb, 0, 10);
    cdb[0] = op;
    cdb[2] = (uint8_t)(lba >> 24); cdb[3] = (uint8_t)(lba >> 16); cdb[4] = (uint8_t)(lba >> 8); cdb[5] = (uint8_t)lba;
    cdb[7] = (uint8_t)(blocks >> 8); cdb[8] = (uint8_t)blocks;
}

/* Writes len bytes of seed's pattern at offset; logs it when it succeeded. */
static int8 write_pattern(struct IOStdReq *io, unsigned unit, uint32_t offset, uint32_t len, uint32_t seed)
{
    uint8_t *w = mem_alloc(len, 64);
    pattern_fill(w, len, seed);
    int8 e = unit_transfer(io, CMD_WRITE, offset, w, len, 0);
    if (e == 0) kprintf("wrote unit %u offset %u length %u seed %u\n", unit, offset, len, seed);
    mem_free(w);
    return e;
}

/* Reads region k of unit 1: io_Error, io_Actual, and whether the data is the host's pattern. */
static int8 read_region(struct IOStdReq *io, unsigned k, uint32_t *actual, int *same)
{
    uint8_t *want = mem_alloc(FT_REGION_BYTES, 64), *got = mem_alloc(FT_REGION_BYTES, 64);
    pattern_fill(want, FT_REGION_BYTES, FT_SEED + k);
    memset(got, 0xEE, FT_REGION_BYTES);
    int8 e = unit_transfer(io, CMD_READ, FT_REGION_OFFSET(k), got, FT_REGION_BYTES, actual);
    *same = memcmp(want, got, FT_REGION_BYTES) == 0;
    mem_free(want); mem_free(got);
    return e;
}

static void test_flush(struct IOStdReq *plain, struct IOStdReq *flushf)
{
    /* CMD_UPDATE: one SYNCHRONIZE CACHE(10), one flush of the drive in QEMU's block layer. */
    int8 we = write_pattern(plain, FT_UNIT_PLAIN, 8u << 20, 4096, 960);
    int marked = stat_mark("d0");
    int8 e = unit_transfer(plain, CMD_UPDATE, 0, 0, 0, 0);
    int flushed = marked && stat_grew("d0", "flush_operations", 1);
    check(we == 0 && e == 0 && flushed, "faults.flush.cmd_update_reaches_qemu", "write %d; CMD_UPDATE %d; one flush reached QEMU %d", we, e, flushed);

    /* HD_SCSICMD SYNCHRONIZE CACHE(10), the caller's CDB as it is. */
    uint8_t cdb[10], sense[32];
    struct SCSICmd cmd;
    cdb10(cdb, 0x35, 0, 0);
    marked = stat_mark("d0");
    e = unit_scsi(plain, &cmd, cdb, 10, 0, 0, 0, sense, sizeof sense);
    flushed = marked && stat_grew("d0", "flush_operations", 1);
    check(e == 0 && cmd.scsi_Status == 0 && flushed, "faults.flush.scsicmd_reaches_qemu", "HD_SCSICMD %d status %u; one flush reached QEMU %d",
          e, cmd.scsi_Status, flushed);

    /* Unit 2's flushes fail with EIO: ABORTED COMMAND, sent 1 + 3 times, then TDERR_NotSpecified. */
    we = write_pattern(flushf, FT_UNIT_FLUSH_FAILS, 0, 4096, 961);
    marked = stat_mark("f2");
    e = unit_transfer(flushf, CMD_UPDATE, 0, 0, 0, 0);
    int four = marked && stat_grew("f2", "failed_flush_operations", 4);
    check(we == 0 && e == TDERR_NotSpecified && four, "faults.flush.error_after_retries",
          "write %d; CMD_UPDATE %d (TDERR_NotSpecified %d); 4 failed flushes in QEMU %d", we, e, TDERR_NotSpecified, four);
}

/* A flush the device does not answer: CMD_UPDATE gives up after the driver's flush timeout with IOERR_UNITBUSY,
 * and so does the next one, which must wait for the slot the device still holds instead of sending over it; once
 * the host lets the held flush go, the next CMD_UPDATE flushes again (2 flushes in all reach QEMU). */
static void test_flush_timeout(struct IOStdReq *io)
{
    int8 we = write_pattern(io, FT_UNIT_FLUSH_HELD, 0, 4096, 963);
    int marked = stat_mark("f3");
    int held = host_request("flushhold f3");
    uint64_t t0 = cpu_timebase();
    int8 e = unit_transfer(io, CMD_UPDATE, 0, 0, 0, 0);
    uint32_t ms = (uint32_t)((cpu_timebase() - t0) * 1000u / board.timebase_hz);
    /* The harness's timer.device replies due requests on its 1 s decrementer tick: up to 1 s late. */
    check(we == 0 && held && e == IOERR_UNITBUSY && ms >= FT_FLUSH_TIMEOUT_S * 1000u && ms <= FT_FLUSH_TIMEOUT_S * 1000u + 2000u,
          "faults.flush.timeout", "write %d; host held the flush %d; CMD_UPDATE %d (IOERR_UNITBUSY %d) after %u ms (timeout %u s)",
          we, held, e, IOERR_UNITBUSY, ms, FT_FLUSH_TIMEOUT_S);
    /* The device still holds the slot: a second CMD_UPDATE must wait for it (as long again), not send over it. */
    int marked2 = stat_mark("f3");
    t0 = cpu_timebase();
    int8 e1 = unit_transfer(io, CMD_UPDATE, 0, 0, 0, 0);
    ms = (uint32_t)((cpu_timebase() - t0) * 1000u / board.timebase_hz);
    int none = marked2 && stat_grew("f3", "flush_operations", 0);
    check(e1 == IOERR_UNITBUSY && ms >= FT_FLUSH_TIMEOUT_S * 1000u && ms <= FT_FLUSH_TIMEOUT_S * 1000u + 2000u && none,
          "faults.flush.held_slot_waited_for", "CMD_UPDATE %d (IOERR_UNITBUSY %d) after %u ms; no flush reached QEMU meanwhile %d",
          e1, IOERR_UNITBUSY, ms, none);
    int resumed = host_request("flushresume f3");
    int8 e2 = unit_transfer(io, CMD_UPDATE, 0, 0, 0, 0);
    int two = marked && stat_grew("f3", "flush_operations", 2);
    check(resumed && e2 == 0 && two, "faults.flush.after_timeout", "host let it go %d; CMD_UPDATE %d; two flushes in QEMU %d", resumed, e2, two);
}

/* A write still in flight when CMD_UPDATE comes (the host holds it: a blkdebug breakpoint): the flush must wait for
 * it, not overtake it (the device may complete SIMPLE-tagged commands in any order), so nothing is flushed and
 * CMD_UPDATE gives IOERR_UNITBUSY after the flush timeout; once the write is let go, CMD_UPDATE flushes. */
static void test_flush_after_writes(struct IOStdReq *io)
{
    int marked = stat_mark("f3");
    int held = host_request("writehold f3");
    uint8_t *buf = mem_alloc(4096, 64);
    pattern_fill(buf, 4096, 964);
    struct IOStdReq *w = unit_request_copy(io);
    w->io_Command = CMD_WRITE;
    w->io_Data = buf;
    w->io_Length = 4096;
    w->io_Offset = 64u * 1024u;
    SendIO((struct IORequest *)w);
    uint64_t t0 = cpu_timebase();
    int8 e = unit_transfer(io, CMD_UPDATE, 0, 0, 0, 0);
    uint32_t ms = (uint32_t)((cpu_timebase() - t0) * 1000u / board.timebase_hz);
    int none = marked && stat_grew("f3", "flush_operations", 0);
    check(held && e == IOERR_UNITBUSY && ms >= FT_FLUSH_TIMEOUT_S * 1000u && ms <= FT_FLUSH_TIMEOUT_S * 1000u + 2000u && none,
          "faults.flush.waits_for_earlier_writes", "host held the write %d; CMD_UPDATE %d (IOERR_UNITBUSY %d) after %u ms; no flush meanwhile %d",
          held, e, IOERR_UNITBUSY, ms, none);
    int resumed = host_request("writeresume f3");
    int8 we = WaitIO((struct IORequest *)w);
    if (we == 0) kprintf("wrote unit %u offset %u length %u seed %u\n", FT_UNIT_FLUSH_HELD, 64u * 1024u, 4096u, 964u);
    unit_request_free(w);
    mem_free(buf);
    marked = stat_mark("f3");
    int8 e2 = unit_transfer(io, CMD_UPDATE, 0, 0, 0, 0);
    int one = marked && stat_grew("f3", "flush_operations", 1);
    check(resumed && we == 0 && e2 == 0 && one, "faults.flush.after_earlier_writes", "host let it go %d; write %d; CMD_UPDATE %d; one flush %d",
          resumed, we, e2, one);
}

static void test_read_faults(struct IOStdReq *io)
{
    uint32_t actual;
    int same, marked, counted;
    int8 e;

    marked = stat_mark("f1");
    e = read_region(io, FT_READ_EIO_ONCE, &actual, &same);
    counted = marked && stat_grew("f1", "failed_rd_operations", 1);
    check(e == 0 && actual == FT_REGION_BYTES && same && counted, "faults.read_eio_once.retried",
          "CMD_READ %d actual %u data right %d; one failed read in QEMU %d", e, actual, same, counted);

    marked = stat_mark("f1");
    e = read_region(io, FT_READ_EIO_ALWAYS, &actual, &same);
    counted = marked && stat_grew("f1", "failed_rd_operations", 4);
    check(e == TDERR_NotSpecified && actual == 0 && counted, "faults.read_eio_always.error_after_retries",
          "CMD_READ %d (TDERR_NotSpecified %d) actual %u; 4 failed reads in QEMU %d", e, TDERR_NotSpecified, actual, counted);

    marked = stat_mark("f1");
    e = read_region(io, FT_READ_ENODATA, &actual, &same);
    counted = marked && stat_grew("f1", "failed_rd_operations", 1);
    check(e == TDERR_BadSecHdr && actual == 0 && counted, "faults.read_medium_error.not_retried",
          "CMD_READ %d (TDERR_BadSecHdr %d) actual %u; one failed read in QEMU %d", e, TDERR_BadSecHdr, actual, counted);

    /* HD_SCSICMD READ(10) of the same sectors: the target's status and sense, no retry. */
    static const struct { unsigned region; uint8_t key, asc, ascq; const char *name; } direct[2] = {
        { FT_READ_EIO_ALWAYS, KEY_ABORTED_COMMAND, 0x00, 0x06, "faults.scsicmd.aborted_command_sense" },
        { FT_READ_ENODATA, KEY_MEDIUM_ERROR, 0x11, 0x00, "faults.scsicmd.medium_error_sense" },
    };
    uint8_t *buf = mem_alloc(4096, 64);
    for (unsigned i = 0; i < 2; i++) {
        uint8_t cdb[10], sense[32];
        struct SCSICmd cmd;
        cdb10(cdb, 0x28, FT_REGION_OFFSET(direct[i].region) / 512, 8);
        marked = stat_mark("f1");
        e = unit_scsi(io, &cmd, cdb, 10, buf, 4096, 1, sense, sizeof sense);
        counted = marked && stat_grew("f1", "failed_rd_operations", 1);
        struct sense d = decode_sense(sense, cmd.scsi_SenseActual);
        check(e == HFERR_BadStatus && cmd.scsi_Status == STATUS_CHECK_CONDITION && cmd.scsi_Actual == 0 && cmd.scsi_SenseActual >= 14
              && d.key == direct[i].key && d.asc == direct[i].asc && d.ascq == direct[i].ascq && counted, direct[i].name,
              "HD_SCSICMD %d status %u actual %u sense %u bytes key %02x ASC %02x ASCQ %02x (want %02x/%02x/%02x); one failed read in QEMU %d",
              e, cmd.scsi_Status, cmd.scsi_Actual, cmd.scsi_SenseActual, d.key, d.asc, d.ascq, direct[i].key, direct[i].asc, direct[i].ascq, counted);
    }
    mem_free(buf);
}

static void test_write_faults(struct IOStdReq *io)
{
    int marked = stat_mark("f1");
    int8 e = write_pattern(io, FT_UNIT_FAULTY, FT_REGION_OFFSET(FT_WRITE_EIO_ONCE), FT_REGION_BYTES, 950);
    int counted = marked && stat_grew("f1", "failed_wr_operations", 1);
    check(e == 0 && counted, "faults.write_eio_once.retried", "CMD_WRITE %d; one failed write in QEMU %d", e, counted);

    marked = stat_mark("f1");
    e = write_pattern(io, FT_UNIT_FAULTY, FT_REGION_OFFSET(FT_WRITE_EIO_ALWAYS), FT_REGION_BYTES, 951);
    counted = marked && stat_grew("f1", "failed_wr_operations", 4);
    if (e != 0) kprintf("kept unit %u offset %u length %u seed %u\n", FT_UNIT_FAULTY, FT_REGION_OFFSET(FT_WRITE_EIO_ALWAYS), FT_REGION_BYTES,
                        FT_SEED + FT_WRITE_EIO_ALWAYS);
    check(e == TDERR_NotSpecified && counted, "faults.write_eio_always.error_after_retries",
          "CMD_WRITE %d (TDERR_NotSpecified %d); 4 failed writes in QEMU %d", e, TDERR_NotSpecified, counted);
}

/* Writes in flight on unit 0 and on unit 1's good region while a read of unit 1 fails for good. */
static void test_others_lose_nothing(struct IOStdReq *plain, struct IOStdReq *faulty)
{
    enum { N = 6 };
    struct IOStdReq *w[N];
    uint8_t *buf[N];
    unsigned unit[N];
    uint32_t offset[N], length[N], seed[N];
    for (unsigned i = 0; i < N; i++) {
        int on_plain = i < 4;
        unit[i] = on_plain ? FT_UNIT_PLAIN : FT_UNIT_FAULTY;
        length[i] = on_plain ? 64u * 1024u : 16u * 1024u;
        offset[i] = on_plain ? (10u << 20) + i * length[i] : FT_REGION_OFFSET(FT_GOOD) + (i - 4) * length[i];
        seed[i] = 970 + i;
        buf[i] = mem_alloc(length[i], 64);
        pattern_fill(buf[i], length[i], seed[i]);
        w[i] = unit_request_copy(on_plain ? plain : faulty);
        w[i]->io_Command = CMD_WRITE;
        w[i]->io_Data = buf[i];
        w[i]->io_Length = length[i];
        w[i]->io_Offset = offset[i];
        SendIO((struct IORequest *)w[i]);
    }
    uint32_t actual;
    int same;
    int8 re = read_region(faulty, FT_READ_EIO_ALWAYS, &actual, &same);
    unsigned failed = 0;
    for (unsigned i = 0; i < N; i++) {
        int8 e = WaitIO((struct IORequest *)w[i]);
        if (e == 0 && w[i]->io_Actual == length[i])
            kprintf("wrote unit %u offset %u length %u seed %u\n", unit[i], offset[i], length[i], seed[i]);
        else failed++;
        unit_request_free(w[i]);
    }
    /* The region read back through the driver too, and the region the once-rule spent now reads without a failure. */
    uint8_t *back = mem_alloc(32u * 1024u, 64), *want = mem_alloc(32u * 1024u, 64);
    int8 be = unit_transfer(faulty, CMD_READ, FT_REGION_OFFSET(FT_GOOD), back, 32u * 1024u, 0);
    pattern_fill(want, 16u * 1024u, seed[4]);
    pattern_fill(want + 16u * 1024u, 16u * 1024u, seed[5]);
    int back_same = be == 0 && memcmp(back, want, 32u * 1024u) == 0;
    int marked = stat_mark("f1");
    int8 oe = read_region(faulty, FT_READ_EIO_ONCE, &actual, &same);
    int none = marked && stat_grew("f1", "failed_rd_operations", 0);
    check(re == TDERR_NotSpecified && failed == 0 && back_same && oe == 0 && same && none, "faults.other_requests_lose_nothing",
          "failing read %d; %u of %d writes in flight failed; read back %d same %d; spent region %d same %d without failures %d",
          re, failed, N, be, back_same, oe, same, none);
    for (unsigned i = 0; i < N; i++) mem_free(buf[i]);
    mem_free(back); mem_free(want);
}

void fault_tests(void)
{
    struct Resident *r = exec_FindResident(VSCSI_DEVICE_NAME);
    if (!check(r != 0, "faults.resident_found", "no ROMTag named " VSCSI_DEVICE_NAME)) return;
    uint32_t live_before = exec_stats.live_blocks;
    struct Library *lib = exec_InitResident(r);
    if (!check(lib != 0, "faults.init", "InitResident failed")) return;
    int8 e0, e1, e2, e3;
    struct IOStdReq *plain = unit_open(FT_UNIT_PLAIN, &e0), *faulty = unit_open(FT_UNIT_FAULTY, &e1), *flushf = unit_open(FT_UNIT_FLUSH_FAILS, &e2);
    struct IOStdReq *held = unit_open(FT_UNIT_FLUSH_HELD, &e3);
    if (check(plain && faulty && flushf && held, "faults.units_open", "units 0, 1, 2, 3: %d %d %d %d", e0, e1, e2, e3)) {
        test_flush(plain, flushf);
        test_flush_timeout(held);
        test_flush_after_writes(held);
        test_read_faults(faulty);
        test_write_faults(faulty);
        test_others_lose_nothing(plain, faulty);
    }
    unit_close(plain);
    unit_close(faulty);
    unit_close(flushf);
    unit_close(held);
    (void)exec_ExpungeDevice(VSCSI_DEVICE_NAME);
    check(exec_stats.int_servers == 0 && exec_stats.dma_live == 0 && exec_stats.live_blocks == live_before,
          "faults.expunge_releases_everything", "interrupt servers %u, DMA mappings %u, blocks %u (before init %u)",
          exec_stats.int_servers, exec_stats.dma_live, exec_stats.live_blocks, live_before);
    check(exec_stats.errors == 0, "faults.no_exec_misuse", "%u misuse reports (see log)", exec_stats.errors);
}
