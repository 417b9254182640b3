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
#include <exec/io.h>
#include "harness/exec.h"
#include "harness/console.h"
#include "harness/check.h"
#include "guest/vdirect.h"
#include "guest/bench.h"
#include "guest/tests.h"

#define BLK_BENCH_ROUNDS 3

enum { BLK, DIRECT, SCSI, NCLIENTS };
static const char *const client_names[NCLIENTS] = { "blk", "blkdirect", "scsi" };
static const char *const ratio_labels[NCLIENTS] = { "", "blk/blkdirect", "blk/scsi" };
static uint64_t best[NCLIENTS][BENCH_NTESTS];

/* One round through an exec device (unit 0), initialised from its ROMTag and expunged after; 0 on any error. */
static int bench_device(const char *name, uint64_t *ticks)
{
    struct Resident *r = exec_FindResident(name);
    if (!r || !exec_InitResident(r)) { kprintf("bench %s: the device did not initialise\n", name); return 0; }
    struct MsgPort *port = exec_CreateMsgPort();
    struct IOStdReq *base = (struct IOStdReq *)exec_CreateIORequest(port, sizeof(struct IOStdReq));
    unsigned errors = 1;
    if (OpenDevice(name, 0, (struct IORequest *)base, 0) == 0) {
        errors = bench_exec_streams(base, ticks);
        CloseDevice((struct IORequest *)base);
    } else kprintf("bench %s: unit 0 did not open\n", name);
    exec_DeleteIORequest((struct IORequest *)base);
    exec_DeleteMsgPort(port);
    exec_ExpungeDevice(name);
    if (errors) kprintf("bench %s errors %u\n", name, errors);
    return errors == 0;
}

static void queue_blk_read(unsigned slot, uint32_t sector, void *buffer, uint32_t bytes)
{
    vdirect_blk_queue(slot, sector, buffer, bytes, 0);
}

/* One round through the direct client on the first virtio-blk function (unit 0's); 0 on any error. */
static int bench_direct(uint64_t *ticks)
{
    if (!vdirect_open_blk()) { kprintf("bench blkdirect: the direct client did not initialise\n"); return 0; }
    unsigned errors = bench_direct_streams(queue_blk_read, ticks);
    vdirect_close();
    if (errors) kprintf("bench blkdirect errors %u\n", errors);
    return errors == 0;
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
            uint64_t now[BENCH_NTESTS] = { 0, 0, 0 };
            ok[c] &= c == BLK ? bench_device("virtioblk.device", now) : c == DIRECT ? bench_direct(now) : bench_device("virtioscsi.device", now);
            bench_keep_best(best[c], now);
        }
    }
    kprintf("bench rounds %u, best of each\n", BLK_BENCH_ROUNDS);
    for (unsigned c = 0; c < clients; c++)
        for (unsigned t = 0; t < BENCH_NTESTS; t++) bench_report(client_names[c], t, best[c][t]);
    for (unsigned c = DIRECT; c < clients; c++)
        for (unsigned t = 0; t < BENCH_NTESTS; t++) bench_ratio(ratio_labels[c], t, best[BLK][t], best[c][t]);
    check(ok[BLK] && ok[DIRECT] && ok[SCSI], "blkbench.all_requests_succeeded", "blk %s, direct client %s, scsi %s",
          ok[BLK] ? "ok" : "errors", ok[DIRECT] ? "ok" : "errors", clients > SCSI ? ok[SCSI] ? "ok" : "errors" : "not linked");
    check(exec_stats.int_servers == 0 && exec_stats.dma_live == 0 && exec_stats.live_blocks == live_before,
          "blkbench.expunges_release_everything", "interrupt servers %u, DMA mappings %u, blocks %u (before %u)",
          exec_stats.int_servers, exec_stats.dma_live, exec_stats.live_blocks, live_before);
}
