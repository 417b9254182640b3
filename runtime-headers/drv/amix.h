/*
 * drv/amix.h: DriverCompiler runtime for Amix 2.1c (C89, 68030, SVR4 kernel).
 * Every file DriverCompiler emits for the amix target includes this first. No inline
 * functions, no // comments, no long long outside GCC's __extension__.
 */
#ifndef DRV_AMIX_H
#define DRV_AMIX_H

#include "sys/types.h"

#define DRV_UINTPTR ulong
#define drv_u64_t drv_u64

/* 64-bit integers: Amix 2.1c's cc has none (DRV0200 warns); GCC's long long serves. */
#ifdef __GNUC__
__extension__ typedef long long drv_s64;
__extension__ typedef unsigned long long drv_u64;
#define DRV_S64(x) (__extension__ x##LL)
#define DRV_U64(x) (__extension__ x##ULL)
#else
#define DRV_S64(x) x##_64_bit_integers_need_gcc
#define DRV_U64(x) x##_64_bit_integers_need_gcc
#endif

/* Layout checks: a negative array size fails the build (C89 has no static assertions). */
#ifdef __GNUC__
#define DRV_OFFSETOF(type, field) __builtin_offsetof(type, field)
#else
#define DRV_OFFSETOF(type, field) ((ulong)&((type *)0)->field)
#endif
#define DRV_LAYOUT_CHECK(name, cond) typedef char drv_check_##name[(sizeof(void *) != 4 || (cond)) ? 1 : -1]

/* Zeroing a struct (C89 has no compound literals): the kernel's bzero. */
extern void bzero();
#define DRV_ZERO(p, n) bzero((caddr_t)(p), (n))

#include "cpu.h"

#endif /* DRV_AMIX_H */
