/*
 * In-guest benchmark on unit 0 (a 64 MiB image): sequential 64 KiB reads, 4 KiB random reads
 * at queue depth 1 and 16. Times come from the timebase. The same request streams then run on
 * the direct client (guest/vdirect.c: polled, no exec, no copies) after the driver has been
 * expunged, giving the practical limit of the emulated device in this very QEMU run; each
 * driver figure is printed as a ratio to it. Lines:
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

#define SEQ_COUNT 512u              /* 32 MiB in 64 KiB reads */
#define RND_COUNT 2000u
#define QD16_COUNT 4000u
#define DISK_4K_BLOCKS 16384u       /* unit 0: 64 MiB */

enum { SEQ, RND1, RND16, NTESTS };
static const char *const test_names[NTESTS] = { "seq64k", "rand4k_qd1", "rand4k_qd16" };
static uint64_t driver_ticks[NTESTS], direct_ticks[NTESTS];
static const uint32_t test_count[NTESTS] = { SEQ_COUNT, RND_COUNT, QD16_COUNT };
static const uint32_t test_size[NTESTS] = { 65536, 4096, 4096 };

struct IOStdReq *device_unit0_request(void);

static void report(const char *who, unsigned t, uint64_t ticks)
{
    if (!ticks) ticks = 1;
    uint64_t bytes = (uint64_t)test_count[t] * test_size[t];
    uint64_t mbps100 = bytes * 100 / 1048576 * board.timebase_hz / ticks;
    uint64_t iops = (uint64_t)test_count[t] * board.timebase_hz / ticks;
    kprintf("bench %s %s %llu MB/s*100 %llu IOPS\n", who, test_names[t], (unsigned long long)mbps100, (unsigned long long)iops);
}

static uint32_t next_block(uint32_t *s) { return pattern_next(s) % DISK_4K_BLOCKS; }

void benchmark(void)
{
    struct IOStdReq *base = device_unit0_request();
    if (!base) return;
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
    kprintf("bench driver errors %u\n", errors);
    for (unsigned t = 0; t < NTESTS; t++) report("driver", t, driver_ticks[t]);
}

static int direct_wait(unsigned *status)
{
    int slot;
    while ((slot = vdirect_poll(status)) < 0) ;
    return slot;
}

void benchmark_direct(void)
{
    if (!vdirect_open()) { kprintf("bench direct: the direct client did not initialise\n"); return; }
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
    kprintf("bench direct errors %u\n", errors);
    for (unsigned t = 0; t < NTESTS; t++) report("direct", t, direct_ticks[t]);
    for (unsigned t = 0; t < NTESTS; t++)
        if (driver_ticks[t] && direct_ticks[t])
            kprintf("bench ratio %s %llu%%\n", test_names[t], (unsigned long long)(direct_ticks[t] * 100 / driver_ticks[t]));
}
