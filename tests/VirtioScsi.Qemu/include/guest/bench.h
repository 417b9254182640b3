/*
 * The benchmark's request streams, shared by guest/benchmark.c (virtioscsi.device against its direct client) and
 * guest/blk_bench.c (virtioblk.device against its direct client and virtioscsi.device): sequential 64 KiB reads
 * over 32 MiB, 4 KiB random reads at queue depth 1 and at queue depth 16, over the first 64 MiB of a disk. Times
 * are timebase ticks.
 */
#ifndef GUEST_BENCH_H
#define GUEST_BENCH_H

#include <stdint.h>
#include <exec/io.h>

enum { BENCH_SEQ, BENCH_RND1, BENCH_RND16, BENCH_NTESTS };

/* Prints "bench <who> <test> <MB/s x100> MB/s*100 <IOPS> IOPS" for test t measured in ticks. */
void bench_report(const char *who, unsigned t, uint64_t ticks);
/* "bench ratio <label> <test> <percent>%": how fast `measured` is as a percentage of `reference`. */
void bench_ratio(const char *label, unsigned t, uint64_t measured, uint64_t reference);
/* Keeps, per test, the fastest non-zero time of best and now in best. */
void bench_keep_best(uint64_t *best, const uint64_t *now);
/* The three streams through an exec device: base is an opened request whose reply port, device and unit 16 new
 * requests copy (DoIO for the first two streams, SendIO/WaitIO for depth 16). Fills ticks; returns the failures. */
unsigned bench_exec_streams(struct IOStdReq *base, uint64_t *ticks);
/* The three streams through a direct client: queue(slot, sector, buffer, bytes) queues one read of bytes at a
 * 512-byte sector in one of 16 slots; completions come from vdirect_poll, status 0 meaning success. */
typedef void (*bench_queue_fn)(unsigned slot, uint32_t sector, void *buffer, uint32_t bytes);
unsigned bench_direct_streams(bench_queue_fn queue, uint64_t *ticks);

#endif
