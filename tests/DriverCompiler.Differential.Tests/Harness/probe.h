/* Probe binding for the differential corpus: what Probe.I/U/B/Str lower to.
 * Included by emitted C of both dialects (GNU C99 and C89 -pedantic), so plain C types only;
 * 64-bit types through __extension__ so C89 -pedantic accepts them. */
#ifndef DRV_DIFF_PROBE_H
#define DRV_DIFF_PROBE_H

__extension__ typedef long long probe_s64;
__extension__ typedef unsigned long long probe_u64;

void probe_i(probe_s64 v);
void probe_u(probe_u64 v);
void probe_b(int v);
void probe_str(const char *s);
/* header constants the corpus binds with [CConstant] (ConstantNames): the values C# declares */
#define PROBE_PZERO 25
#define PROBE_PCATCH 0x100
#define PROBE_BIG_MASK 0xFFFF0000u

/* Probe.Collect: a compacting collection in .NET; C has no collector, nothing to do */
void probe_collect(void);

/* calls handler once, asynchronously (SIGALRM), ms milliseconds from now */
void probe_after(int ms, void (*handler)(void));

#endif
