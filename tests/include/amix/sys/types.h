/*
 * sys/types.h: the subset of the Amix 2.1c kernel's <sys/types.h> that DriverCompiler's
 * output uses, written for the tests. Amix is SVR4 on the 68030 (ILP32, big-endian):
 * char/short/int/long/pointer are 1/2/4/4/4 bytes.
 */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

typedef unsigned char uchar;
typedef unsigned short ushort;
typedef unsigned int uint;
typedef unsigned long ulong;
typedef char *caddr_t;
typedef long paddr_t;
typedef ulong dev_t;

#endif /* _SYS_TYPES_H */
