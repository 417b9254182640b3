#include <stdarg.h>
#include "harness/check.h"
#include "harness/console.h"

unsigned check_passed, check_failed;

int check(int cond, const char *name, const char *detail_fmt, ...)
{
    if (cond) {
        check_passed++;
        kprintf("ok %s\n", name);
    } else {
        check_failed++;
        kprintf("FAIL %s: ", name);
        va_list ap; va_start(ap, detail_fmt); kvprintf(detail_fmt, ap); va_end(ap);
        kprintf("\n");
    }
    return cond;
}

void check_summary(void)
{
    kprintf("%u passed, %u failed\n", check_passed, check_failed);
}
