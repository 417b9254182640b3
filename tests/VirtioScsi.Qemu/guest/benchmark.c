/*
 * In-guest benchmark on unit 0 (a 64 MiB image): sequential 64 KiB reads, 4 KiB random reads
 * at queue depth 1 and 16. Times come from the timebase. The same request streams run on the
 * direct client (guest/vdirect.c: polled, no exec, no copies), the practical limit of the
 * emulated device in this very QEMU run. The two cannot share the device, so the benchmark
 * alternates: driver initialised afresh, measured, expunged; direct client; BENCH_ROUNDS times.
 * The fastest time of each is kept (the host's other load only ever slows a round down), and
 * each driver figure is printed with its ratio to the direct client's. Lines:
 *   "bench <who> <test> <MB/s x100> MB/s*100 <IOPS> IOPS"  and  "bench ratio <test> <percent>%"
 */
#include <string.h>
#include <exec/io.h>
#include "harness/exec.h"
#include "harness/console.h"
#include "harness/mem.h"
#include "harness/board.h"
#include "guest/config.h"
#include "guest/vdirect.h"
#include "guest/tests.h"
#include "harness/check.h"

#define SEQ_COUNT 512u              /* 32 MiB in 64 KiB reads */
#define RND_COUNT 2000u
#define QD16_COUNT 4000u
#define DISK_4K_BLOCKS 16384u       /* unit 0: 64 MiB */

enum { SEQ, RND1, RND16, NTESTS };
static const char *const test_names[NTESTS] = { "seq64k", "rand4k_qd1", "rand4k_qd16" };
static uint64_t best_driver[NTESTS], best_direct[NTESTS];     /* fastest of the rounds, timebase ticks */
static const uint32_t test_count[NTESTS] = { SEQ_COUNT, RND_COUNT, QD16_COUNT };
static const uint32_t test_size[NTESTS] = { 65536, 4096, 4096 };

#define BENCH_ROUNDS 5

struct IOStdReq *device_bench_open(void);
void device_bench_close(struct IOStdReq *io);
static void keep_best(uint64_t *best, const uint64_t *now)
{
    for (unsigned t = 0; t < NTESTS; t++) if (now[t] && (!best[t] || now[t] < best[t])) best[t] = now[t];
}

static void report(const char *who, unsigned t, uint64_t ticks)
{
    if (!ticks) ticks = 1;
    uint64_t bytes = (uint64_t)test_count[t] * test_size[t];
    uint64_t mbps100 = bytes * 100 / 1048576 * board.timebase_hz / ticks;
    uint64_t iops = (uint64_t)test_count[t] * board.timebase_hz / ticks;
    kprintf("bench %s %s %llu MB/s*100 %llu IOPS\n", who, test_names[t], (unsigned long long)mbps100, (unsigned long long)iops);
}

static uint32_t next_block(uint32_t *s) { return pattern_next(s) % DISK_4K_BLOCKS; }

static int bench_driver(uint64_t *ticks)
{
    struct IOStdReq *base = device_bench_open();
    if (!base) { kprintf("bench driver: the device did not initialise again\n"); return 0; }
    uint64_t *driver_ticks = ticks;     /* this round's */
    uint8_t *buf = mem_alloc(16 * 65536, 4096);
    struct IOStdReq *io[16];
    for (unsigned i = 0; i < 16; i++) {
        io[i] = (struct IOStdReq *)exec_CreateIORequest(base->io_Message.mn_ReplyPort, sizeof(struct IOStdReq));
        *io[i] = *base;
    }
    unsigned errors = 0;
    uint64_t t0 = cpu_timebase();
    for (uint32_t i = 0; i < SEQ_COUNT; i++) {
        io[0]->io_Command = CMD_READ; io[0]->io_Data = buf; io[0]->io_Length = 65536; io[0]->io_Offset = i * 65536;
        errors += DoIO((struct IORequest *)io[0]) != 0;
    }
    driver_ticks[SEQ] = cpu_timebase() - t0;
    uint32_t s = 12345;
    t0 = cpu_timebase();
    for (uint32_t i = 0; i < RND_COUNT; i++) {
        io[0]->io_Command = CMD_READ; io[0]->io_Data = buf; io[0]->io_Length = 4096; io[0]->io_Offset = next_block(&s) * 4096;
        errors += DoIO((struct IORequest *)io[0]) != 0;
    }
    driver_ticks[RND1] = cpu_timebase() - t0;
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
    driver_ticks[RND16] = cpu_timebase() - t0;
    for (unsigned i = 0; i < 16; i++) exec_DeleteIORequest((struct IORequest *)io[i]);
    mem_free(buf);
    device_bench_close(base);
    if (errors) kprintf("bench driver errors %u\n", errors);
    return errors == 0;
}

static int direct_wait(unsigned *status)
{
    int slot;
    while ((slot = vdirect_poll(status)) < 0) ;
    return slot;
}

static int bench_direct(uint64_t *direct_ticks)
{
    if (!vdirect_open()) { kprintf("bench direct: the direct client did not initialise\n"); return 0; }
    uint8_t *buf = mem_alloc(16 * 65536, 4096);
    uint8_t cdb[10];
    unsigned status, errors = 0;
    /* The direct client sees the power-on unit attention the driver consumed long ago: TEST UNIT READY first. */
    memset(cdb, 0, sizeof cdb);
    for (int i = 0; i < 3; i++) { vdirect_submit(0, 0, cdb, 6, 0, 0, 0); direct_wait(&status); }
#define READ10(block, count) do { memset(cdb, 0, 10); cdb[0] = 0x28; \
        cdb[2] = (uint8_t)((block) >> 24); cdb[3] = (uint8_t)((block) >> 16); cdb[4] = (uint8_t)((block) >> 8); cdb[5] = (uint8_t)(block); \
        cdb[7] = (uint8_t)((count) >> 8); cdb[8] = (uint8_t)(count); } while (0)
    uint64_t t0 = cpu_timebase();
    for (uint32_t i = 0; i < SEQ_COUNT; i++) {
        READ10(i * 128, 128);
        vdirect_submit(0, 0, cdb, 10, buf, 65536, 0);
        direct_wait(&status); errors += status != 0;
    }
    direct_ticks[SEQ] = cpu_timebase() - t0;
    uint32_t s = 12345;
    t0 = cpu_timebase();
    for (uint32_t i = 0; i < RND_COUNT; i++) {
        uint32_t b = next_block(&s) * 8;
        READ10(b, 8);
        vdirect_submit(0, 0, cdb, 10, buf, 4096, 0);
        direct_wait(&status); errors += status != 0;
    }
    direct_ticks[RND1] = cpu_timebase() - t0;
    s = 54321;
    t0 = cpu_timebase();
    uint32_t issued = 0, done = 0;
    for (unsigned i = 0; i < 16; i++, issued++) {
        uint32_t b = next_block(&s) * 8;
        READ10(b, 8);
        vdirect_queue(i, 0, cdb, 10, buf + i * 4096, 4096, 0);
    }
    vdirect_kick();
    /* Reap every completion that is there, refill those slots, one notification per batch. */
    while (done < QD16_COUNT) {
        int slot = direct_wait(&status);
        unsigned refilled = 0;
        do {
            errors += status != 0;
            done++;
            if (issued < QD16_COUNT) {
                uint32_t b = next_block(&s) * 8;
                READ10(b, 8);
                vdirect_queue((unsigned)slot, 0, cdb, 10, buf + (unsigned)slot * 4096, 4096, 0);
                issued++;
                refilled++;
            }
        } while ((slot = vdirect_poll(&status)) >= 0);
        if (refilled) vdirect_kick();
    }
    direct_ticks[RND16] = cpu_timebase() - t0;
    vdirect_close();
    mem_free(buf);
    if (errors) kprintf("bench direct errors %u\n", errors);
    return errors == 0;
}

void benchmark(void)
{
    uint64_t now[NTESTS];
    int driver_ok = 1, direct_ok = 1;
    for (unsigned r = 0; r < BENCH_ROUNDS; r++) {
        for (unsigned t = 0; t < NTESTS; t++) now[t] = 0;
        driver_ok &= bench_driver(now);
        keep_best(best_driver, now);
        for (unsigned t = 0; t < NTESTS; t++) now[t] = 0;
        direct_ok &= bench_direct(now);
        keep_best(best_direct, now);
    }
    kprintf("bench rounds %u, best of each\n", BENCH_ROUNDS);
    for (unsigned t = 0; t < NTESTS; t++) report("driver", t, best_driver[t]);
    for (unsigned t = 0; t < NTESTS; t++) report("direct", t, best_direct[t]);
    for (unsigned t = 0; t < NTESTS; t++)
        if (best_driver[t] && best_direct[t])
            kprintf("bench ratio %s %llu%%\n", test_names[t], (unsigned long long)(best_direct[t] * 100 / best_driver[t]));
    check(driver_ok && direct_ok, "bench.all_requests_succeeded", "driver %s, direct client %s",
          driver_ok ? "ok" : "errors or no re-initialisation", direct_ok ? "ok" : "errors");
}
