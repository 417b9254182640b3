/* 16550 console (LSR.THRE polling) and the formatter behind kprintf/ksnprintf. */
#include "harness/board.h"
#include "harness/console.h"

#define UART_THR 0
#define UART_LSR 5
#define LSR_THRE 0x20

uint32_t console_chars;

void console_putc(char c)
{
    console_chars++;
    if (c == '\n') console_putc('\r');
    while (!(mmio_read8(board.uart + UART_LSR) & LSR_THRE)) ;
    mmio_write8(board.uart + UART_THR, (uint8_t)c);
}

void console_puts(const char *s) { while (*s) console_putc(*s++); }

#define UART_RBR 0
#define LSR_DR 0x01

int console_getc_timeout(uint32_t timeout_ms)
{
    uint64_t t0 = cpu_timebase(), limit = (uint64_t)board.timebase_hz / 1000 * timeout_ms;
    while (cpu_timebase() - t0 < limit)
        if (mmio_read8(board.uart + UART_LSR) & LSR_DR) return mmio_read8(board.uart + UART_RBR);
    return -1;
}

unsigned console_bad_string_pointers;

struct sink { char *buf; unsigned size, len; };

static void emit(struct sink *s, char c)
{
    if (!s->buf) { console_putc(c); return; }
    if (s->len + 1 < s->size) s->buf[s->len] = c;
    s->len++;
}

static void format(struct sink *s, const char *fmt, va_list ap)
{
    for (; *fmt; fmt++) {
        if (*fmt != '%') { emit(s, *fmt); continue; }
        fmt++;
        int left = 0, zero = 0, width = 0, lng = 0, precision = -1;
        if (*fmt == '-') { left = 1; fmt++; }
        if (*fmt == '0') { zero = 1; fmt++; }
        while (*fmt >= '0' && *fmt <= '9') width = width * 10 + (*fmt++ - '0');
        if (*fmt == '.') { precision = 0; fmt++; while (*fmt >= '0' && *fmt <= '9') precision = precision * 10 + (*fmt++ - '0'); }
        while (*fmt == 'l') { lng++; fmt++; }
        char tmp[24]; const char *str = tmp; int n = 0, neg = 0;
        unsigned long long v = 0;
        switch (*fmt) {
        case 'c': tmp[0] = (char)va_arg(ap, int); n = 1; break;
        case 's':
            str = va_arg(ap, const char *);
            if (!str) str = "(null)";
            else if ((uintptr_t)str < 0x1000) { console_bad_string_pointers++; ksnprintf(tmp, sizeof tmp, "<bad %%s %p>", (void *)str); str = tmp; }
            while (str[n] && (precision < 0 || n < precision)) n++;
            break;
        case 'd': {
            long long sv = lng >= 2 ? va_arg(ap, long long) : lng ? va_arg(ap, long) : va_arg(ap, int);
            if (sv < 0) { neg = 1; v = (unsigned long long)-sv; } else v = (unsigned long long)sv;
            goto dec;
        }
        case 'u':
            v = lng >= 2 ? va_arg(ap, unsigned long long) : lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
        dec: {
            char r[24]; int k = 0;
            do { r[k++] = (char)('0' + v % 10); v /= 10; } while (v);
            if (neg) r[k++] = '-';
            while (k) tmp[n++] = r[--k];
            break;
        }
        case 'p': v = (uintptr_t)va_arg(ap, void *); zero = 1; width = 8; goto hex;
        case 'x': case 'X':
            v = lng >= 2 ? va_arg(ap, unsigned long long) : lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
        hex: {
            const char *digits = *fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
            char r[24]; int k = 0;
            do { r[k++] = digits[v & 15]; v >>= 4; } while (v);
            while (k) tmp[n++] = r[--k];
            break;
        }
        case '%': tmp[0] = '%'; n = 1; break;
        default: tmp[0] = '%'; tmp[1] = *fmt; n = 2; if (!*fmt) fmt--; break;
        }
        int pad = width > n ? width - n : 0;
        if (!left) while (pad-- > 0) emit(s, zero ? '0' : ' ');
        for (int i = 0; i < n; i++) emit(s, str[i]);
        if (left) while (pad-- > 0) emit(s, ' ');
    }
}

void kvprintf(const char *fmt, va_list ap) { struct sink s = { 0, 0, 0 }; format(&s, fmt, ap); }

void kprintf(const char *fmt, ...)
{
    va_list ap; va_start(ap, fmt); kvprintf(fmt, ap); va_end(ap);
}

int ksnprintf(char *buf, unsigned size, const char *fmt, ...)
{
    struct sink s = { buf, size, 0 };
    va_list ap; va_start(ap, fmt); format(&s, fmt, ap); va_end(ap);
    if (size) buf[s.len < size ? s.len : size - 1] = 0;
    return (int)s.len;
}

void panic(const char *fmt, ...)
{
    cpu_irq_save();
    console_puts("\nHARNESS-FATAL: ");
    va_list ap; va_start(ap, fmt); kvprintf(fmt, ap); va_end(ap);
    console_puts("\n");
    board.poweroff();
}

int host_request(const char *request)
{
    kprintf("host: %s\n", request);
    char line[16];
    unsigned n = 0;
    for (;;) {
        int c = console_getc_timeout(20000);
        if (c < 0) return 0;
        if (c == '\r') continue;
        if (c == '\n') break;
        if (n + 1 < sizeof line) line[n++] = (char)c;
    }
    line[n] = 0;
    return n == 2 && line[0] == 'o' && line[1] == 'k';
}
