/*
 * virtioblk.device's benchmark: the request streams of guest/benchmark.c (sequential 64 KiB reads over
 * 32 MiB, 4 KiB random reads at queue depth 1 and 16) on unit 0's 64 MiB image, read through
 *   - virtioblk.device ("blk"), initialised afresh, measured, expunged;
 *   - the direct polled client on the same virtio-blk function ("blkdirect": guest/vdirect.c, no exec, no
 *     copies), the practical limit of the emulated device in this QEMU run;
 *   - virtioscsi.device ("scsi") when the image links it too (make DRIVER2=, HARNESS_WITH_SCSI_DRIVER), on
 *     SCSI target 0, which the xunit side attaches read-only to the same image file.
 * The three cannot share their devices, so they alternate, BLK_BENCH_ROUNDS times; the fastest time of each is
 * kept (the host's other load only ever slows a round down). Lines, as benchmark.c's:
 *   "bench <who> <test> <MB/s x100> MB/s*100 <IOPS> IOPS"
 *   "bench ratio blk/blkdirect <test> <percent>%"   and   "bench ratio blk/scsi <test> <percent>%"
 * where a percentage above 100 means virtioblk.device was faster.
 */
#include <string.h>
#include <exec/io.h>
#include "harness/exec.h"
#include "harness/console.h"
#include "harness/mem.h"
#include "harness/board.h"
#include "harness/check.h"
#include "guest/config.h"
#include "guest/vdirect.h"
#include "guest/tests.h"

#define SEQ_COUNT 512u              /* 32 MiB in 64 KiB reads */
#define RND_COUNT 2000u
#define QD16_COUNT 4000u
#define DISK_4K_BLOCKS 16384u       /* unit 0: 64 MiB */
#define BLK_BENCH_ROUNDS 3

enum { SEQ, RND1, RND16, NTESTS };
enum { BLK, DIRECT, SCSI, NCLIENTS };
static const char *const test_names[NTESTS] = { "seq64k", "rand4k_qd1", "rand4k_qd16" };
static const char *const client_names[NCLIENTS] = { "blk", "blkdirect", "scsi" };
static const uint32_t test_count[NTESTS] = { SEQ_COUNT, RND_COUNT, QD16_COUNT };
static const uint32_t test_size[NTESTS] = { 65536, 4096, 4096 };
static uint64_t best[NCLIENTS][NTESTS];

static uint32_t next_block(uint32_t *s) { return pattern_next(s) % DISK_4K_BLOCKS; }

static void report(const char *who, unsigned t, uint64_t ticks)
{
    if (!ticks) ticks = 1;
    uint64_t bytes = (uint64_t)test_count[t] * test_size[t];
    uint64_t mbps100 = bytes * 100 / 1048576 * board.timebase_hz / ticks;
    uint64_t iops = (uint64_t)test_count[t] * board.timebase_hz / ticks;
    kprintf("bench %s %s %llu MB/s*100 %llu IOPS\n", who, test_names[t], (unsigned long long)mbps100, (unsigned long long)iops);
}

/* One round through an exec device (unit 0), initialised from its ROMTag and expunged after; 0 on any error. */
static int bench_device(const char *name, uint64_t *ticks)
{
    struct Resident *r = exec_FindResident(name);
    if (!r || !exec_InitResident(r)) { kprintf("bench %s: the device did not initialise\n", name); return 0; }
    struct MsgPort *port = exec_CreateMsgPort();
    struct IOStdReq *io[16];
    for (unsigned i = 0; i < 16; i++) io[i] = (struct IOStdReq *)exec_CreateIORequest(port, sizeof(struct IOStdReq));
    if (OpenDevice(name, 0, (struct IORequest *)io[0], 0) != 0) {
        kprintf("bench %s: unit 0 did not open\n", name);
        for (unsigned i = 0; i < 16; i++) exec_DeleteIORequest((struct IORequest *)io[i]);
        exec_DeleteMsgPort(port);
        exec_ExpungeDevice(name);
        return 0;
    }
    for (unsigned i = 1; i < 16; i++) *io[i] = *io[0];
    uint8_t *buf = mem_alloc(16 * 65536, 4096);
    unsigned errors = 0;
    uint64_t t0 = cpu_timebase();
    for (uint32_t i = 0; i < SEQ_COUNT; i++) {
        io[0]->io_Command = CMD_READ; io[0]->io_Data = buf; io[0]->io_Length = 65536; io[0]->io_Offset = i * 65536;
        errors += DoIO((struct IORequest *)io[0]) != 0;
    }
    ticks[SEQ] = cpu_timebase() - t0;
    uint32_t s = 12345;
    t0 = cpu_timebase();
    for (uint32_t i = 0; i < RND_COUNT; i++) {
        io[0]->io_Command = CMD_READ; io[0]->io_Data = buf; io[0]->io_Length = 4096; io[0]->io_Offset = next_block(&s) * 4096;
        errors += DoIO((struct IORequest *)io[0]) != 0;
    }
    ticks[RND1] = cpu_timebase() - t0;
    s = 54321;
    t0 = cpu_timebase();
    uint32_t issued = 0, done = 0;
    for (unsigned i = 0; i < 16; i++, issued++) {
        io[i]->io_Command = CMD_READ; io[i]->io_Data = buf + i * 4096; io[i]->io_Length = 4096; io[i]->io_Offset = next_block(&s) * 4096;
        SendIO((struct IORequest *)io[i]);
    }
    for (unsigned i = 0; done < QD16_COUNT; i = (i + 1) % 16) {
        errors += WaitIO((struct IORequest *)io[i]) != 0;
        done++;
        if (issued < QD16_COUNT) {
            io[i]->io_Offset = next_block(&s) * 4096;
            SendIO((struct IORequest *)io[i]);
            issued++;
        }
    }
    ticks[RND16] = cpu_timebase() - t0;
    CloseDevice((struct IORequest *)io[0]);
    for (unsigned i = 0; i < 16; i++) exec_DeleteIORequest((struct IORequest *)io[i]);
    exec_DeleteMsgPort(port);
    mem_free(buf);
    exec_ExpungeDevice(name);
    if (errors) kprintf("bench %s errors %u\n", name, errors);
    return errors == 0;
}

static int direct_wait(unsigned *status)
{
    int slot;
    while ((slot = vdirect_poll(status)) < 0) ;
    return slot;
}

/* One round through the direct client on the first virtio-blk function (unit 0's); 0 on any error. */
static int bench_direct(uint64_t *ticks)
{
    if (!vdirect_open_blk()) { kprintf("bench blkdirect: the direct client did not initialise\n"); return 0; }
    uint8_t *buf = mem_alloc(16 * 65536, 4096);
    unsigned status, errors = 0;
    uint64_t t0 = cpu_timebase();
    for (uint32_t i = 0; i < SEQ_COUNT; i++) {
        vdirect_blk_queue(0, (uint64_t)i * 128, buf, 65536, 0);
        vdirect_kick();
        direct_wait(&status); errors += status != 0;
    }
    ticks[SEQ] = cpu_timebase() - t0;
    uint32_t s = 12345;
    t0 = cpu_timebase();
    for (uint32_t i = 0; i < RND_COUNT; i++) {
        vdirect_blk_queue(0, (uint64_t)next_block(&s) * 8, buf, 4096, 0);
        vdirect_kick();
        direct_wait(&status); errors += status != 0;
    }
    ticks[RND1] = cpu_timebase() - t0;
    s = 54321;
    t0 = cpu_timebase();
    uint32_t issued = 0, done = 0;
    for (unsigned i = 0; i < 16; i++, issued++) vdirect_blk_queue(i, (uint64_t)next_block(&s) * 8, buf + i * 4096, 4096, 0);
    vdirect_kick();
    /* Reap every completion that is there, refill those slots, one notification per batch. */
    while (done < QD16_COUNT) {
        int slot = direct_wait(&status);
        unsigned refilled = 0;
        do {
            errors += status != 0;
            done++;
            if (issued < QD16_COUNT) {
                vdirect_blk_queue((unsigned)slot, (uint64_t)next_block(&s) * 8, buf + (unsigned)slot * 4096, 4096, 0);
                issued++;
                refilled++;
            }
        } while ((slot = vdirect_poll(&status)) >= 0);
        if (refilled) vdirect_kick();
    }
    ticks[RND16] = cpu_timebase() - t0;
    vdirect_close();
    mem_free(buf);
    if (errors) kprintf("bench blkdirect errors %u\n", errors);
    return errors == 0;
}

static void keep_best(uint64_t *b, const uint64_t *now)
{
    for (unsigned t = 0; t < NTESTS; t++) if (now[t] && (!b[t] || now[t] < b[t])) b[t] = now[t];
}

void blk_benchmark(void)
{
#ifdef HARNESS_WITH_SCSI_DRIVER
    const unsigned clients = NCLIENTS;
#else
    const unsigned clients = SCSI;
#endif
    int ok[NCLIENTS] = { 1, 1, 1 };
    uint32_t live_before = exec_stats.live_blocks;
    for (unsigned r = 0; r < BLK_BENCH_ROUNDS; r++) {
        for (unsigned c = 0; c < clients; c++) {
            uint64_t now[NTESTS] = { 0, 0, 0 };
            ok[c] &= c == BLK ? bench_device("virtioblk.device", now) : c == DIRECT ? bench_direct(now) : bench_device("virtioscsi.device", now);
            keep_best(best[c], now);
        }
    }
    kprintf("bench rounds %u, best of each\n", BLK_BENCH_ROUNDS);
    for (unsigned c = 0; c < clients; c++)
        for (unsigned t = 0; t < NTESTS; t++) report(client_names[c], t, best[c][t]);
    for (unsigned c = DIRECT; c < clients; c++)
        for (unsigned t = 0; t < NTESTS; t++)
            if (best[BLK][t] && best[c][t])
                kprintf("bench ratio blk/%s %s %llu%%\n", client_names[c], test_names[t], (unsigned long long)(best[c][t] * 100 / best[BLK][t]));
    check(ok[BLK] && ok[DIRECT] && ok[SCSI], "blkbench.all_requests_succeeded", "blk %s, direct client %s, scsi %s",
          ok[BLK] ? "ok" : "errors", ok[DIRECT] ? "ok" : "errors", clients > SCSI ? ok[SCSI] ? "ok" : "errors" : "not linked");
    check(exec_stats.int_servers == 0 && exec_stats.dma_live == 0 && exec_stats.live_blocks == live_before,
          "blkbench.expunges_release_everything", "interrupt servers %u, DMA mappings %u, blocks %u (before %u)",
          exec_stats.int_servers, exec_stats.dma_live, exec_stats.live_blocks, live_before);
}
