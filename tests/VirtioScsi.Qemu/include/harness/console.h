/* Serial console on the board's 16550 (polled transmit) and a small printf. */
#ifndef HARNESS_CONSOLE_H
#define HARNESS_CONSOLE_H

#include <stdarg.h>
#include <stdint.h>

void console_putc(char c);
void console_puts(const char *s);
/* printf subset: %c %s %d %u %x %X %p %%, flags '0' '-', width, .precision (for %s), 'l' and 'll' sizes. */
void kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void kvprintf(const char *fmt, va_list ap);
int ksnprintf(char *buf, unsigned size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* The next character received on the console, or -1 when none came within timeout_ms
 * (the xunit side answers on QEMU's stdin when a scenario needs the host to act). */
int console_getc_timeout(uint32_t timeout_ms);

/* Asks the host to act ("host: <request>" on the serial log) and waits up to 20 s for its answer, a line on
 * the console's input (QEMU's stdin); 1 when "ok" came. The xunit side carries the requests out through
 * QEMU's QMP socket (Qemu.cs). */
int host_request(const char *request);

/* Characters written so far (progress for the watchdog). */
extern uint32_t console_chars;

/* %s arguments below 0x1000 (an integer passed for a string) seen by the formatter. */
extern unsigned console_bad_string_pointers;

/* Prints "HARNESS-FATAL: ..." and powers the machine off. */
void panic(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif
