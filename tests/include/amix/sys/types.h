/*
 * sys/types.h: the subset of the Amix 2.1c kernel's <sys/types.h> that DriverCompiler's
 * output uses, written for the tests. Amix is SVR4 on the 68030: int and long are 32 bits.
 */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

typedef unsigned char uchar;
typedef unsigned short ushort;
typedef unsigned int uint;
typedef unsigned long ulong;
typedef char *caddr_t;
typedef long paddr_t;

#endif /* _SYS_TYPES_H */
