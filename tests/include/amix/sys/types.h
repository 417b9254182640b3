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
typedef short o_dev_t;
typedef ulong major_t;
typedef ulong minor_t;
typedef long off_t;
typedef long daddr_t;
typedef long clock_t;
typedef long time_t;
typedef long uid_t;
typedef long gid_t;

#endif /* _SYS_TYPES_H */
