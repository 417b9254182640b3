/*
 * drv/amigaos4.h: DriverCompiler runtime for AmigaOS 4.1 FE (GNU C99, PowerPC).
 * Every file DriverCompiler emits for the amigaos4 target includes this first.
 * Types come from the SDK's <exec/types.h>; byte order, MMIO and barriers from drv/cpu.h.
 */
#ifndef DRV_AMIGAOS4_H
#define DRV_AMIGAOS4_H

#include <exec/types.h>

/* An integer as wide as a pointer, for C# casts between pointers and integers. */
#define DRV_UINTPTR unsigned long
#define drv_u64_t uint64

/* Layout checks of emitted structs. They assume the targets' 4-byte pointers, so a 64-bit
 * host (the test suite also compiles this dialect natively) skips them. */
#define DRV_OFFSETOF(type, field) __builtin_offsetof(type, field)
#define DRV_LAYOUT_CHECK(name, cond) _Static_assert(sizeof(void *) != 4 || (cond), "layout of " #name)

#include "cpu.h"

#endif /* DRV_AMIGAOS4_H */
