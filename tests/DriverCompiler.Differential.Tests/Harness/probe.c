/* C side of the Probe binding: one line per call, the same text .NET prints. */
#include <stdio.h>
#include "probe.h"

void probe_i(probe_s64 v) { printf("%lld\n", v); }
void probe_u(probe_u64 v) { printf("%llu\n", v); }
void probe_b(int v) { fputs(v ? "true\n" : "false\n", stdout); }
void probe_str(const char *s) { printf("%s\n", s); }
