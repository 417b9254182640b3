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
#include "guest/vdirect.h"
#include "guest/bench.h"
#include "guest/tests.h"
#include "harness/check.h"

static uint64_t best_driver[BENCH_NTESTS], best_direct[BENCH_NTESTS];     /* fastest of the rounds, timebase ticks */

#define BENCH_ROUNDS 5

struct IOStdReq *device_bench_open(void);
void device_bench_close(struct IOStdReq *io);

static int bench_driver(uint64_t *ticks)
{
    struct IOStdReq *base = device_bench_open();
    if (!base) { kprintf("bench driver: the device did not initialise again\n"); return 0; }
    unsigned errors = bench_exec_streams(base, ticks);
    device_bench_close(base);
    if (errors) kprintf("bench driver errors %u\n", errors);
    return errors == 0;
}

/* READ(10) of bytes at a 512-byte sector of target 0 (SBC-3 5.11). */
static void queue_read10(unsigned slot, uint32_t sector, void *buffer, uint32_t bytes)
{
    uint8_t cdb[10];
    uint32_t count = bytes / 512;
    memset(cdb, 0, sizeof cdb);
    cdb[0] = 0x28;
    cdb[2] = (uint8_t)(sector >> 24); cdb[3] = (uint8_t)(sector >> 16); cdb[4] = (uint8_t)(sector >> 8); cdb[5] = (uint8_t)sector;
    cdb[7] = (uint8_t)(count >> 8); cdb[8] = (uint8_t)count;
    vdirect_queue(slot, 0, cdb, 10, buffer, bytes, 0);
}

static int bench_direct(uint64_t *direct_ticks)
{
    if (!vdirect_open()) { kprintf("bench direct: the direct client did not initialise\n"); return 0; }
    uint8_t cdb[6];
    unsigned status;
    /* The direct client sees the power-on unit attention the driver consumed long ago: TEST UNIT READY first. */
    memset(cdb, 0, sizeof cdb);
    for (int i = 0; i < 3; i++) {
        vdirect_submit(0, 0, cdb, 6, 0, 0, 0);
        while (vdirect_poll(&status) < 0) ;
    }
    unsigned errors = bench_direct_streams(queue_read10, direct_ticks);
    vdirect_close();
    if (errors) kprintf("bench direct errors %u\n", errors);
    return errors == 0;
}

void benchmark(void)
{
    uint64_t now[BENCH_NTESTS];
    int driver_ok = 1, direct_ok = 1;
    for (unsigned r = 0; r < BENCH_ROUNDS; r++) {
        for (unsigned t = 0; t < BENCH_NTESTS; t++) now[t] = 0;
        driver_ok &= bench_driver(now);
        bench_keep_best(best_driver, now);
        for (unsigned t = 0; t < BENCH_NTESTS; t++) now[t] = 0;
        direct_ok &= bench_direct(now);
        bench_keep_best(best_direct, now);
    }
    kprintf("bench rounds %u, best of each\n", BENCH_ROUNDS);
    for (unsigned t = 0; t < BENCH_NTESTS; t++) bench_report("driver", t, best_driver[t]);
    for (unsigned t = 0; t < BENCH_NTESTS; t++) bench_report("direct", t, best_direct[t]);
    for (unsigned t = 0; t < BENCH_NTESTS; t++) bench_ratio("", t, best_driver[t], best_direct[t]);
    check(driver_ok && direct_ok, "bench.all_requests_succeeded", "driver %s, direct client %s",
          driver_ok ? "ok" : "errors or no re-initialisation", direct_ok ? "ok" : "errors");
}
