/*
 * The harness's own <string.h>: the functions common/libc.c provides. The harness is built
 * with -nostdinc, so no header of the cross toolchain's C library (which a clean machine
 * does not even have) can be picked up by accident; only GCC's freestanding headers
 * (stddef.h, stdint.h, stdarg.h) come from the compiler.
 */
#ifndef HARNESS_STRING_H
#define HARNESS_STRING_H
#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);

#endif
