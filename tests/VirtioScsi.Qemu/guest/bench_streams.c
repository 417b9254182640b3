/* The benchmark's request streams and report lines (include/guest/bench.h). */
#include <string.h>
#include "harness/exec.h"
#include "harness/console.h"
#include "harness/mem.h"
#include "harness/board.h"
#include "harness/cpu.h"
#include "guest/config.h"
#include "guest/vdirect.h"
#include "guest/bench.h"

#define SEQ_COUNT 512u              /* 32 MiB in 64 KiB reads */
#define RND_COUNT 2000u
#define QD16_COUNT 4000u
#define DISK_4K_BLOCKS 16384u       /* the first 64 MiB */
#define DEPTH 16u

static const char *const test_names[BENCH_NTESTS] = { "seq64k", "rand4k_qd1", "rand4k_qd16" };
static const uint32_t test_count[BENCH_NTESTS] = { SEQ_COUNT, RND_COUNT, QD16_COUNT };
static const uint32_t test_size[BENCH_NTESTS] = { 65536, 4096, 4096 };

static uint32_t next_block(uint32_t *s) { return pattern_next(s) % DISK_4K_BLOCKS; }

void bench_report(const char *who, unsigned t, uint64_t ticks)
{
    if (!ticks) ticks = 1;
    uint64_t bytes = (uint64_t)test_count[t] * test_size[t];
    uint64_t mbps100 = bytes * 100 / 1048576 * board.timebase_hz / ticks;
    uint64_t iops = (uint64_t)test_count[t] * board.timebase_hz / ticks;
    kprintf("bench %s %s %llu MB/s*100 %llu IOPS\n", who, test_names[t], (unsigned long long)mbps100, (unsigned long long)iops);
}

void bench_ratio(const char *label, unsigned t, uint64_t measured, uint64_t reference)
{
    if (measured && reference)
        kprintf("bench ratio %s%s%s %llu%%\n", label, *label ? " " : "", test_names[t], (unsigned long long)(reference * 100 / measured));
}

void bench_keep_best(uint64_t *best, const uint64_t *now)
{
    for (unsigned t = 0; t < BENCH_NTESTS; t++) if (now[t] && (!best[t] || now[t] < best[t])) best[t] = now[t];
}

unsigned bench_exec_streams(struct IOStdReq *base, uint64_t *ticks)
{
    uint8_t *buf = mem_alloc(DEPTH * 65536, 4096);
    struct IOStdReq *io[DEPTH];
    for (unsigned i = 0; i < DEPTH; i++) {
        io[i] = (struct IOStdReq *)exec_CreateIORequest(base->io_Message.mn_ReplyPort, sizeof(struct IOStdReq));
        *io[i] = *base;
    }
    unsigned errors = 0;
    uint64_t t0 = cpu_timebase();
    for (uint32_t i = 0; i < SEQ_COUNT; i++) {
        io[0]->io_Command = CMD_READ; io[0]->io_Data = buf; io[0]->io_Length = 65536; io[0]->io_Offset = i * 65536;
        errors += DoIO((struct IORequest *)io[0]) != 0;
    }
    ticks[BENCH_SEQ] = cpu_timebase() - t0;
    uint32_t s = 12345;
    t0 = cpu_timebase();
    for (uint32_t i = 0; i < RND_COUNT; i++) {
        io[0]->io_Command = CMD_READ; io[0]->io_Data = buf; io[0]->io_Length = 4096; io[0]->io_Offset = next_block(&s) * 4096;
        errors += DoIO((struct IORequest *)io[0]) != 0;
    }
    ticks[BENCH_RND1] = cpu_timebase() - t0;
    s = 54321;
    t0 = cpu_timebase();
    uint32_t issued = 0, done = 0;
    for (unsigned i = 0; i < DEPTH; i++, issued++) {
        io[i]->io_Command = CMD_READ; io[i]->io_Data = buf + i * 4096; io[i]->io_Length = 4096; io[i]->io_Offset = next_block(&s) * 4096;
        SendIO((struct IORequest *)io[i]);
    }
    for (unsigned i = 0; done < QD16_COUNT; i = (i + 1) % DEPTH) {
        errors += WaitIO((struct IORequest *)io[i]) != 0;
        done++;
        if (issued < QD16_COUNT) {
            io[i]->io_Offset = next_block(&s) * 4096;
            SendIO((struct IORequest *)io[i]);
            issued++;
        }
    }
    ticks[BENCH_RND16] = cpu_timebase() - t0;
    for (unsigned i = 0; i < DEPTH; i++) exec_DeleteIORequest((struct IORequest *)io[i]);
    mem_free(buf);
    return errors;
}

static int direct_wait(unsigned *status)
{
    int slot;
    while ((slot = vdirect_poll(status)) < 0) ;
    return slot;
}

unsigned bench_direct_streams(bench_queue_fn queue, uint64_t *ticks)
{
    uint8_t *buf = mem_alloc(DEPTH * 65536, 4096);
    unsigned status, errors = 0;
    uint64_t t0 = cpu_timebase();
    for (uint32_t i = 0; i < SEQ_COUNT; i++) {
        queue(0, i * 128, buf, 65536);
        vdirect_kick();
        direct_wait(&status); errors += status != 0;
    }
    ticks[BENCH_SEQ] = cpu_timebase() - t0;
    uint32_t s = 12345;
    t0 = cpu_timebase();
    for (uint32_t i = 0; i < RND_COUNT; i++) {
        queue(0, next_block(&s) * 8, buf, 4096);
        vdirect_kick();
        direct_wait(&status); errors += status != 0;
    }
    ticks[BENCH_RND1] = cpu_timebase() - t0;
    s = 54321;
    t0 = cpu_timebase();
    uint32_t issued = 0, done = 0;
    for (unsigned i = 0; i < DEPTH; i++, issued++) queue(i, next_block(&s) * 8, buf + i * 4096, 4096);
    vdirect_kick();
    /* Reap every completion that is there, refill those slots, one notification per batch. */
    while (done < QD16_COUNT) {
        int slot = direct_wait(&status);
        unsigned refilled = 0;
        do {
            errors += status != 0;
            done++;
            if (issued < QD16_COUNT) {
                queue((unsigned)slot, next_block(&s) * 8, buf + (unsigned)slot * 4096, 4096);
                issued++;
                refilled++;
            }
        } while ((slot = vdirect_poll(&status)) >= 0);
        if (refilled) vdirect_kick();
    }
    ticks[BENCH_RND16] = cpu_timebase() - t0;
    mem_free(buf);
    return errors;
}
