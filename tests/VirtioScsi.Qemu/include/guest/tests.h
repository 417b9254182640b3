/* The guest program's test groups (sources under guest/). */
#ifndef GUEST_TESTS_H
#define GUEST_TESTS_H

void exec_selftest(void);
void irq_selftest(void);
void device_tests(void);
/* Benchmark: rounds of the driver (initialised afresh) and the direct client, best of each. */
void benchmark(void);
/* virtioblk.device's tests (guest/blk_tests.c; the disks of include/guest/blk_config.h). */
void blk_tests(void);
/* virtioblk.device against the direct client and virtioscsi.device on the same image (guest/blk_bench.c). */
void blk_benchmark(void);

#endif
