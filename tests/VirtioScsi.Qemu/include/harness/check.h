/*
 * Guest test reporting. Each check prints one line the xunit side parses:
 *   "ok <name>"  or  "FAIL <name>: <detail>"
 * and the run ends with "<N> passed, <M> failed".
 */
#ifndef HARNESS_CHECK_H
#define HARNESS_CHECK_H

extern unsigned check_passed, check_failed;

/* Records one check; detail (printf format) is printed only on failure. Returns cond. */
int check(int cond, const char *name, const char *detail_fmt, ...) __attribute__((format(printf, 3, 4)));
void check_summary(void);

#endif
