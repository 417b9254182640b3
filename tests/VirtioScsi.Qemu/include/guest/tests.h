/* The guest program's test groups (sources under guest/). */
#ifndef GUEST_TESTS_H
#define GUEST_TESTS_H

void exec_selftest(void);
void irq_selftest(void);
void device_tests(void);
/* Benchmark through the driver (while it is open), then the direct client after the driver is gone. */
void benchmark(void);
void benchmark_direct(void);

#endif
