/*
 * virtioscsi.device beyond the original (issue 14): many LUNs, LUNs on several targets and above 255
 * (flat space), hot-plug and hot-unplug through the event queue, and media change on a CD-ROM, driven
 * by the host through the QEMU monitor ("host: <request>" lines, answered "ok"/"fail" on the console).
 * The layout is include/guest/event_config.h's (EventTests.cs builds the same QEMU command line). Every
 * write is logged as "wrote unit <u> offset <bytes> length <bytes> seed <s>" for the host's image check.
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
#include "harness/board.h"
#include "harness/cpu.h"
#include "harness/sched.h"
#include "guest/config.h"
#include "guest/event_config.h"
#include "guest/tests.h"
#include "guest/unit_io.h"

#define DEVICE_NAME VSCSI_DEVICE_NAME

/* Writes a seeded pattern at offset, logs it, reads it back: 0 when both succeed and agree. */
static int write_read(struct IOStdReq *io, unsigned unit, uint32_t offset, uint32_t len, uint32_t seed, char *why, unsigned why_len)
{
    uint8_t *w = mem_alloc(len, 64), *r = mem_alloc(len, 64);
    int bad = 1;
    if (w && r) {
        pattern_fill(w, len, seed);
        memset(r, 0xee, len);
        uint32_t wa = 0, ra = 0;
        int8 we = unit_transfer(io, CMD_WRITE, offset, w, len, &wa);
        if (we == 0) kprintf("wrote unit %u offset %u length %u seed %u\n", unit, offset, len, seed);
        int8 re = we ? -128 : unit_transfer(io, CMD_READ, offset, r, len, &ra);
        bad = we || re || wa != len || ra != len || memcmp(w, r, len) != 0;
        ksnprintf(why, why_len, "write %d (%u) read %d (%u) same %d", we, wa, re, ra, !bad);
    }
    mem_free(w); mem_free(r);
    return bad;
}

static int8 scsi_inquiry(struct IOStdReq *io, uint8_t *data)
{
    static uint8_t cdb[6] = { 0x12, 0, 0, 0, 36, 0 };
    struct SCSICmd cmd;
    uint8_t sense[32];
    memset(&cmd, 0, sizeof cmd);
    cmd.scsi_Data = (UWORD *)data;
    cmd.scsi_Length = 36;
    cmd.scsi_Command = cdb;
    cmd.scsi_CmdLength = 6;
    cmd.scsi_Flags = SCSIF_READ | SCSIF_AUTOSENSE;
    cmd.scsi_SenseData = sense;
    cmd.scsi_SenseLength = sizeof sense;
    memset(data, 0, 36);
    io->io_Command = HD_SCSICMD;
    io->io_Data = &cmd;
    io->io_Length = sizeof cmd;
    int8 err = DoIO((struct IORequest *)io);
    return err ? err : (int8)cmd.scsi_Status;
}

/* INQUIRY's product identification (bytes 16..31, space-padded) equals product. */
static int product_is(const uint8_t *inq, const char *product)
{
    unsigned n = (unsigned)strlen(product);
    if (memcmp(inq + 16, product, n) != 0) return 0;
    for (unsigned i = 16 + n; i < 32; i++) if (inq[i] != ' ') return 0;
    return 1;
}

static uint64_t blocks64(struct IOStdReq *io, uint32_t *block_size)
{
    struct DriveGeometry64 g;
    memset(&g, 0, sizeof g);
    io->io_Command = NSCMD_TD_GETGEOMETRY64;
    io->io_Data = &g;
    io->io_Length = sizeof g;
    if (DoIO((struct IORequest *)io) != 0) return 0;
    if (block_size) *block_size = g.dg_SectorSize;
    return g.dg_TotalSectors;
}

static uint32_t query(struct IOStdReq *io, uint16 cmd)
{
    io->io_Command = cmd;
    io->io_Data = 0;
    io->io_Length = 0;
    io->io_Actual = 0xdeadbeef;
    return DoIO((struct IORequest *)io) == 0 ? io->io_Actual : 0xdeadbeef;
}


/* Lets the driver's tasks run (the event task has a higher priority) for up to ms milliseconds, or until done(arg). */
static int settle(uint32_t ms, int (*done)(void *), void *arg)
{
    uint64_t until = cpu_timebase() + (uint64_t)board.timebase_hz * ms / 1000;
    do {
        if (done(arg)) return 1;
        sched_yield();
    } while (cpu_timebase() < until);
    return done(arg);
}

static struct IOStdReq *hot_io;
static int hot_unit_opens(void *arg)
{
    (void)arg;
    int8 err;
    hot_io = unit_open(EV_UNIT_HOT, &err);
    return hot_io != 0;
}

/* mounter.library's view of the hot unit (exec_mounter_announced: 1 announced, 0 denounced, -1 never) is want. */
static int hot_announced_is(void *arg)
{
    return exec_mounter_announced(DEVICE_NAME, EV_UNIT_HOT, 0, 0) == *(int *)arg;
}

struct changestate { struct IOStdReq *io; uint32_t want; };
static int changestate_is(void *arg)
{
    struct changestate *c = arg;
    return query(c->io, TD_CHANGESTATE) == c->want;
}

static volatile uint32 change_calls;
static uint32 change_code(struct ExceptionContext *ctx, struct ExecBase *sys, APTR data)
{
    (void)ctx; (void)sys; (void)data;
    change_calls++;
    return 0;
}

/* A TD_ADDCHANGEINT held on io's unit, with its own request and port. */
static struct IOStdReq *add_change_int(struct IOStdReq *io, struct Interrupt *is)
{
    memset(is, 0, sizeof *is);
    is->is_Node.ln_Type = NT_INTERRUPT;
    is->is_Code = (VOID (*)())(void (*)(void))change_code;
    struct MsgPort *port = exec_CreateMsgPort();
    struct IOStdReq *ci = (struct IOStdReq *)exec_CreateIORequest(port, sizeof(struct IOStdReq));
    *ci = *io;
    ci->io_Message.mn_ReplyPort = port;
    ci->io_Command = TD_ADDCHANGEINT;
    ci->io_Data = is;
    ci->io_Length = sizeof *is;
    SendIO((struct IORequest *)ci);
    return ci;
}

static int rem_change_int(struct IOStdReq *ci)
{
    ci->io_Command = TD_REMCHANGEINT;
    BeginIO((struct IORequest *)ci);
    int8 e = WaitIO((struct IORequest *)ci);
    struct MsgPort *port = ci->io_Message.mn_ReplyPort;
    exec_DeleteIORequest((struct IORequest *)ci);
    exec_DeleteMsgPort(port);
    return e;
}

/* Units 1..3: LUN 3 of target 1 (no LUN 0 there), LUNs 5 and 300 (flat space) of target 2. */
static void test_luns_on_several_targets(void)
{
    static const unsigned unit[3] = { EV_UNIT_T1L3, EV_UNIT_T2L5, EV_UNIT_T2L300 };
    static const char *const product[3] = { EV_PRODUCT_T1L3, EV_PRODUCT_T2L5, EV_PRODUCT_T2L300 };
    static const char *const name[3][2] = { { "events.lun3_target1.inquiry", "events.lun3_target1.io" },
                                            { "events.lun5_target2.inquiry", "events.lun5_target2.io" },
                                            { "events.lun300_target2_flat.inquiry", "events.lun300_target2_flat.io" } };
    uint8_t inq[36];
    char why[96];
    for (unsigned i = 0; i < 3; i++) {
        int8 err;
        struct IOStdReq *io = unit_open(unit[i], &err);
        int8 ie = io ? scsi_inquiry(io, inq) : err;
        check(io && ie == 0 && product_is(inq, product[i]), name[i][0], "unit %u: open %d inquiry %d product %.16s", unit[i], err, ie, (const char *)inq + 16);
        int bad = io ? write_read(io, unit[i], 64 * 1024 * (i + 1), 16 * 1024, 300 + i, why, sizeof why) : 1;
        check(!bad, name[i][1], "unit %u: %s", unit[i], io ? why : "not open");
        unit_close(io);
    }
}

/* Target 3's 256 LUNs (null-co drives of (LUN + 1) x 64 KiB): each unit's capacity names its LUN. */
static void test_many_luns(void)
{
    unsigned wrong = 0, first_wrong = 0;
    uint64_t got = 0;
    for (unsigned lun = 0; lun < EV_MANY_LUNS; lun++) {
        unsigned u = EV_UNIT_T3_FIRST + lun;
        struct IOStdReq *io = unit_open(u, 0);
        uint32_t bs = 0;
        uint64_t blocks = io ? blocks64(io, &bs) : 0;
        if (blocks != (uint64_t)(lun + 1) * EV_MANY_STEP / 512 || bs != 512) {
            if (!wrong) { first_wrong = u; got = blocks; }
            wrong++;
        }
        if (lun == EV_MANY_LUNS - 1 && io) {
            uint8_t inq[36];
            int8 ie = scsi_inquiry(io, inq);
            check(ie == 0 && product_is(inq, EV_PRODUCT_T3_LAST), "events.many_luns.inquiry_last",
                  "unit %u: inquiry %d product %.16s", u, ie, (const char *)inq + 16);
        }
        unit_close(io);
    }
    check(wrong == 0, "events.many_luns.capacity_names_the_lun", "%u of %u units wrong, first unit %u with %llu blocks",
          wrong, EV_MANY_LUNS, first_wrong, (unsigned long long)got);
}

/* Hot-plug at target 5, I/O, unplug with I/O in flight on another unit, the same unit number again after a replug. */
static void test_hotplug(void)
{
    char why[96];
    int8 err;
    /* mounter.library is opened on the first announcement, never in Init (not ready at boot: facts file 1.15). */
    check(exec_mounter_open_count() == 0 && exec_mounter.announces == 0, "events.mounter_not_opened_at_init",
          "mounter.library open count %u, %u announcements before any hot-plug", exec_mounter_open_count(), exec_mounter.announces);
    struct IOStdReq *none = unit_open(EV_UNIT_HOT, &err);
    check(none == 0 && err == IOERR_OPENFAIL, "events.hotplug.no_unit_before", "OpenDevice unit %u before the hot-plug: %d", EV_UNIT_HOT, err);
    unit_close(none);
    int acted = host_request("hotplug");
    int opened = acted && settle(5000, hot_unit_opens, 0);
    check(opened, "events.hotplug.unit_appears", "host %d; unit %u opens %d", acted, EV_UNIT_HOT, opened);
    if (!opened) return;
    uint8_t inq[36];
    int8 ie = scsi_inquiry(hot_io, inq);
    check(ie == 0 && product_is(inq, EV_PRODUCT_HOT), "events.hotplug.inquiry", "inquiry %d product %.16s", ie, (const char *)inq + 16);
    check(!write_read(hot_io, EV_UNIT_HOT, 0, 32 * 1024, 501, why, sizeof why), "events.hotplug.io", "%s", why);
    /* A unit that appears after boot is announced to mounter.library with the prefix hint "VSCSI"; the boot units
     * (diskboot.kmod's) never are. */
    int one = 1, zero = 0;
    char prefix[16] = "";
    int announced = settle(5000, hot_announced_is, &one);
    exec_mounter_announced(DEVICE_NAME, EV_UNIT_HOT, prefix, sizeof prefix);
    int boot0 = exec_mounter_announced(DEVICE_NAME, 0, 0, 0), boot_cd = exec_mounter_announced(DEVICE_NAME, EV_UNIT_CD, 0, 0);
    check(announced && strcmp(prefix, "VSCSI") == 0 && boot0 == -1 && boot_cd == -1 && exec_mounter.announces == 1,
          "events.hotplug.announced_to_mounter", "hot unit announced %d prefix '%s'; boot units 0 %d, CD %d (-1: never); %u announcements",
          announced, prefix, boot0, boot_cd, exec_mounter.announces);

    /* Requests in flight on another unit while the hot disk goes away. */
    struct IOStdReq *other = unit_open(EV_UNIT_T1L3, 0);
    struct IOStdReq *busy[4];
    uint8_t *buf[4];
    for (unsigned i = 0; i < 4; i++) {
        busy[i] = 0;
        buf[i] = mem_alloc(64 * 1024, 64);
        if (!other || !buf[i]) continue;
        struct MsgPort *port = exec_CreateMsgPort();
        busy[i] = (struct IOStdReq *)exec_CreateIORequest(port, sizeof(struct IOStdReq));
        *busy[i] = *other;
        busy[i]->io_Message.mn_ReplyPort = port;
        pattern_fill(buf[i], 64 * 1024, 700 + i);
        busy[i]->io_Command = CMD_WRITE;
        busy[i]->io_Data = buf[i];
        busy[i]->io_Length = 64 * 1024;
        busy[i]->io_Offset = 1024 * 1024 + i * 64 * 1024;
        SendIO((struct IORequest *)busy[i]);
    }
    struct Interrupt is;
    struct IOStdReq *ci = add_change_int(hot_io, &is);
    uint32_t before = query(hot_io, TD_CHANGENUM);
    change_calls = 0;
    acted = host_request("unplug");
    struct changestate gone = { hot_io, 1 };
    int noticed = acted && settle(5000, changestate_is, &gone);
    uint32_t after = query(hot_io, TD_CHANGENUM);
    check(noticed && after == before + 1 && change_calls == 1, "events.unplug.media_change",
          "host %d; TD_CHANGESTATE no medium %d; TD_CHANGENUM %u -> %u; change interrupt %u calls", acted, noticed, before, after, (unsigned)change_calls);
    int denounced = settle(5000, hot_announced_is, &zero);
    check(denounced && exec_mounter.denounces == 1, "events.unplug.denounced", "hot unit denounced %d; %u denouncements",
          denounced, exec_mounter.denounces);
    uint8_t *b = mem_alloc(4096, 64);
    uint32_t act = 1;
    int8 re = unit_transfer(hot_io, CMD_READ, 0, b, 4096, &act);
    check(re == TDERR_BadUnitNum && act == 0, "events.unplug.requests_fail", "CMD_READ on the removed unit: error %d actual %u (TDERR_BadUnitNum %d)",
          re, act, TDERR_BadUnitNum);
    unsigned failed = 0;
    for (unsigned i = 0; i < 4; i++) {
        if (!busy[i]) { failed++; continue; }
        int8 we = WaitIO((struct IORequest *)busy[i]);
        if (we == 0) kprintf("wrote unit %u offset %u length %u seed %u\n", EV_UNIT_T1L3, busy[i]->io_Offset, 64 * 1024, 700 + i);
        else failed++;
        struct MsgPort *port = busy[i]->io_Message.mn_ReplyPort;
        exec_DeleteIORequest((struct IORequest *)busy[i]);
        exec_DeleteMsgPort(port);
    }
    int back = other && !write_read(other, EV_UNIT_T1L3, 2 * 1024 * 1024, 8 * 1024, 720, why, sizeof why);
    check(failed == 0 && back, "events.unplug.other_units_lose_nothing", "%u of 4 writes in flight failed; I/O after %d", failed, back);
    for (unsigned i = 0; i < 4; i++) mem_free(buf[i]);
    unit_close(other);
    check(rem_change_int(ci) == 0, "events.unplug.remchangeint", "TD_REMCHANGEINT");
    unit_close(hot_io);
    hot_io = 0;
    struct IOStdReq *again = unit_open(EV_UNIT_HOT, &err);
    check(again == 0 && err == IOERR_OPENFAIL, "events.unplug.reopen_fails", "OpenDevice of the removed unit: %d", err);
    unit_close(again);

    acted = host_request("hotplug");
    opened = acted && settle(5000, hot_unit_opens, 0);
    int same = 0;
    if (opened) {
        /* The data written before the unplug is on the image: the same LUN under the same unit number. */
        uint8_t *w = mem_alloc(32 * 1024, 64);
        pattern_fill(w, 32 * 1024, 501);
        uint8_t *r = mem_alloc(32 * 1024, 64);
        same = unit_transfer(hot_io, CMD_READ, 0, r, 32 * 1024, 0) == 0 && memcmp(w, r, 32 * 1024) == 0;
        mem_free(w); mem_free(r);
    }
    check(opened && same, "events.replug.same_unit_number", "host %d; unit %u opens %d; earlier data read back %d", acted, EV_UNIT_HOT, opened, same);
    int again_announced = settle(5000, hot_announced_is, &one);
    check(again_announced && exec_mounter.announces == 2, "events.replug.announced_again", "announced %d; %u announcements",
          again_announced, exec_mounter.announces);
    unit_close(hot_io);
    hot_io = 0;
    mem_free(b);
}

/* One HD_SCSICMD to the CD-ROM (data in, autosense): io_Error; the status and sense key/ASC through the pointers. */
static int8 cd_command(struct IOStdReq *io, const uint8_t *cdb, uint16 cdb_len, uint8_t *data, uint32_t len,
                       uint8 *status, unsigned *key, unsigned *asc)
{
    struct SCSICmd cmd;
    uint8_t sense[32];
    memset(&cmd, 0, sizeof cmd);
    memset(sense, 0, sizeof sense);
    memset(data, 0xee, len);
    cmd.scsi_Data = (UWORD *)data;
    cmd.scsi_Length = len;
    cmd.scsi_Command = (UBYTE *)cdb;
    cmd.scsi_CmdLength = cdb_len;
    cmd.scsi_Flags = SCSIF_READ | SCSIF_AUTOSENSE;
    cmd.scsi_SenseData = sense;
    cmd.scsi_SenseLength = sizeof sense;
    io->io_Command = HD_SCSICMD;
    io->io_Data = &cmd;
    io->io_Length = sizeof cmd;
    int8 err = DoIO((struct IORequest *)io);
    *status = cmd.scsi_Status;
    *key = (sense[0] & 0x7f) >= 0x72 ? sense[1] & 15u : sense[2] & 15u;
    *asc = (sense[0] & 0x7f) >= 0x72 ? sense[2] : sense[12];
    return err;
}

/* READ TOC/PMA/ATIP format 0000b, LBA addressing, from track 1 (MMC-6 6.40), 20 bytes: one track and the lead-out. */
static const uint8_t cd_read_toc[10] = { 0x43, 0, 0, 0, 0, 0, 1, 0, 20, 0 };

/*
 * MMC passthrough on the CD-ROM with medium B (EV_CD_BYTES_B of 2048-byte blocks): READ TOC gives track 1, a
 * data track (CONTROL 4) at LBA 0, and the lead-out (AAh) at the medium's block count; GET CONFIGURATION's
 * current profile is CD-ROM (0008h, MMC-6 table 91); MODE SENSE(10) returns the CD capabilities page (2Ah).
 * The driver sends each CDB as it is: these are QEMU's scsi-cd answers reaching the caller.
 */
static void test_cd_passthrough(struct IOStdReq *io)
{
    static uint8_t data[256] __attribute__((aligned(16)));
    uint8 status;
    unsigned key, asc;
    int8 err = cd_command(io, cd_read_toc, 10, data, 20, &status, &key, &asc);
    uint32_t track1 = (uint32_t)data[8] << 24 | (uint32_t)data[9] << 16 | (uint32_t)data[10] << 8 | data[11];
    uint32_t leadout = (uint32_t)data[16] << 24 | (uint32_t)data[17] << 16 | (uint32_t)data[18] << 8 | data[19];
    check(err == 0 && status == 0 && data[2] == 1 && data[3] == 1 && data[6] == 1 && (data[5] & 0x0f) == 4 && track1 == 0
          && data[14] == 0xaa && leadout == EV_CD_BYTES_B / 2048, "events.cd.passthrough_read_toc",
          "error %d status %u: tracks %u..%u, track %u control %x at LBA %u, lead-out %02x at LBA %u (expected %u)",
          err, status, data[2], data[3], data[6], data[5] & 0x0f, track1, data[14], leadout, EV_CD_BYTES_B / 2048);

    static const uint8_t get_configuration[10] = { 0x46, 0, 0, 0, 0, 0, 0, 0, 8, 0 };
    err = cd_command(io, get_configuration, 10, data, 8, &status, &key, &asc);
    unsigned profile = (unsigned)data[6] << 8 | data[7];
    check(err == 0 && status == 0 && profile == 0x0008, "events.cd.passthrough_get_configuration",
          "error %d status %u current profile %04x (expected 0008, CD-ROM)", err, status, profile);

    static const uint8_t mode_sense10[10] = { 0x5a, 0x08, 0x2a, 0, 0, 0, 0, 0, 64, 0 };
    err = cd_command(io, mode_sense10, 10, data, 64, &status, &key, &asc);
    unsigned descriptors = (unsigned)data[6] << 8 | data[7];
    unsigned page = descriptors + 8 < 64 ? data[8 + descriptors] & 0x3fu : 0xffu;
    check(err == 0 && status == 0 && page == 0x2a, "events.cd.passthrough_mode_sense_capabilities",
          "error %d status %u block descriptors %u first page %02x (expected 2a)", err, status, descriptors, page);
}

/* The CD-ROM at target 4: medium A, eject, medium B. */
static void test_media_change(void)
{
    int8 err;
    struct IOStdReq *io = unit_open(EV_UNIT_CD, &err);
    if (!check(io != 0, "events.cd.open", "OpenDevice unit %u: %d", EV_UNIT_CD, err)) return;
    uint8_t *want = mem_alloc(2048, 64), *got = mem_alloc(2048, 64);
    uint32_t state = query(io, TD_CHANGESTATE), prot = query(io, TD_PROTSTATUS);
    pattern_fill(want, 2048, EV_CD_SEED_A);
    int8 re = unit_transfer(io, CMD_READ, 0, got, 2048, 0);
    check(state == 0 && prot == 1 && re == 0 && memcmp(want, got, 2048) == 0, "events.cd.medium_a",
          "TD_CHANGESTATE %u TD_PROTSTATUS %u read %d same %d", state, prot, re, re == 0 && memcmp(want, got, 2048) == 0);
    struct Interrupt is;
    struct IOStdReq *ci = add_change_int(io, &is);
    uint32_t n0 = query(io, TD_CHANGENUM);
    change_calls = 0;
    int acted = host_request("eject");
    struct changestate empty = { io, 1 };
    int noticed = acted && settle(5000, changestate_is, &empty);
    uint32_t n1 = query(io, TD_CHANGENUM);
    check(noticed && n1 == n0 + 1 && change_calls == 1, "events.cd.eject", "host %d; no medium %d; TD_CHANGENUM %u -> %u; change interrupt %u calls",
          acted, noticed, n0, n1, (unsigned)change_calls);
    re = unit_transfer(io, CMD_READ, 0, got, 2048, 0);
    check(re == TDERR_BadDriveType, "events.cd.read_without_medium", "CMD_READ with no medium: %d (TDERR_BadDriveType %d)", re, TDERR_BadDriveType);
    uint8 status;
    unsigned key, asc;
    int8 te = cd_command(io, cd_read_toc, 10, got, 20, &status, &key, &asc);
    check(te == HFERR_BadStatus && status == 2 && key == 2 && asc == 0x3a, "events.cd.passthrough_no_medium_sense",
          "READ TOC with no medium: error %d status %u key %u ASC %02x (expected NOT READY, MEDIUM NOT PRESENT 3a)", te, status, key, asc);
    acted = host_request("insert");
    struct changestate full = { io, 0 };
    noticed = acted && settle(5000, changestate_is, &full);
    uint32_t n2 = query(io, TD_CHANGENUM);
    pattern_fill(want, 2048, EV_CD_SEED_B);
    re = unit_transfer(io, CMD_READ, 0, got, 2048, 0);
    uint32_t bs = 0;
    uint64_t blocks = blocks64(io, &bs);
    check(noticed && n2 == n1 + 1 && change_calls == 2 && re == 0 && memcmp(want, got, 2048) == 0 && bs == 2048 && blocks == EV_CD_BYTES_B / 2048,
          "events.cd.medium_b", "host %d; medium %d; TD_CHANGENUM %u -> %u; change interrupt %u calls; read %d; %llu blocks of %u",
          acted, noticed, n1, n2, (unsigned)change_calls, re, (unsigned long long)blocks, bs);
    test_cd_passthrough(io);
    check(rem_change_int(ci) == 0, "events.cd.remchangeint", "TD_REMCHANGEINT");
    mem_free(want); mem_free(got);
    unit_close(io);
}

struct changenum { struct IOStdReq *io; uint32_t want; };
static int changenum_is(void *arg)
{
    struct changenum *c = arg;
    return query(c->io, TD_CHANGENUM) == c->want;
}

/* Unit 0, a disk, grows (QMP block_resize): QEMU reports PARAM_CHANGE with CAPACITY DATA HAS CHANGED (2Ah/09h)
 * on the event queue. A disk's TD_CHANGENUM is answered from the driver's count without a command, so only the
 * event can make it move; the new capacity is read on the next geometry request. */
static void test_param_change(void)
{
    int8 err;
    struct IOStdReq *io = unit_open(EV_UNIT_T0, &err);
    if (!check(io != 0, "events.param_change.open", "OpenDevice unit %u: %d", EV_UNIT_T0, err)) return;
    uint32_t bs0 = 0;
    uint64_t blocks0 = blocks64(io, &bs0);
    struct Interrupt is;
    struct IOStdReq *ci = add_change_int(io, &is);
    uint32_t n0 = query(io, TD_CHANGENUM);
    change_calls = 0;
    char request[48];
    ksnprintf(request, sizeof request, "resize d0 %u", EV_T0_GROWN_BYTES);
    int acted = host_request(request);
    struct changenum next = { io, n0 + 1 };
    int noticed = acted && settle(5000, changenum_is, &next);
    uint32_t bs = 0;
    uint64_t blocks = blocks64(io, &bs);
    check(noticed && change_calls == 1 && blocks0 != blocks && blocks == EV_T0_GROWN_BYTES / 512 && bs == 512, "events.param_change.capacity",
          "host %d; TD_CHANGENUM %u -> %u; change interrupt %u calls; %llu -> %llu blocks of %u", acted, n0, query(io, TD_CHANGENUM),
          (unsigned)change_calls, (unsigned long long)blocks0, (unsigned long long)blocks, bs);
    check(rem_change_int(ci) == 0, "events.param_change.remchangeint", "TD_REMCHANGEINT");
    unit_close(io);
}

void event_tests(void)
{
    struct Resident *r = exec_FindResident(DEVICE_NAME);
    if (!check(r != 0, "events.resident_found", "no ROMTag named " DEVICE_NAME)) return;
    uint32_t live_before = exec_stats.live_blocks;
    struct Library *lib = exec_InitResident(r);
    if (!check(lib != 0, "events.init", "InitResident failed")) return;
    int8 err;
    struct IOStdReq *last = unit_open(EV_UNITS - 1, &err);
    struct IOStdReq *past = unit_open(EV_UNITS, 0);
    check(last != 0 && past == 0, "events.unit_count", "unit %u opens %d (error %d), unit %u opens %d", EV_UNITS - 1, last != 0, err, EV_UNITS, past != 0);
    unit_close(last);
    unit_close(past);
    test_luns_on_several_targets();
    test_many_luns();
    test_hotplug();
    test_media_change();
    test_param_change();
    APTR seglist = exec_ExpungeDevice(DEVICE_NAME);
    (void)seglist;
    check(exec_mounter_announced_units() == 0 && exec_mounter.denounces == 2 && exec_mounter_open_count() == 0, "events.expunge_denounces",
          "%u units still announced after Expunge; %u denouncements; mounter.library open count %u", exec_mounter_announced_units(),
          exec_mounter.denounces, exec_mounter_open_count());
    check(exec_stats.int_servers == 0 && exec_stats.dma_live == 0 && exec_stats.live_blocks == live_before,
          "events.expunge_releases_everything", "interrupt servers %u, DMA mappings %u, blocks %u (before init %u)",
          exec_stats.int_servers, exec_stats.dma_live, exec_stats.live_blocks, live_before);
    check(exec_stats.errors == 0, "events.no_exec_misuse", "%u misuse reports (see log)", exec_stats.errors);
}
