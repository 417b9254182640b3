/*
 * sys/immu.h: the memory-management names an Amix 2.1c driver uses to map a device
 * (written for the tests). The 68030 kernel uses 2 KB pages (NBPP 2048); phystopfn()
 * turns a physical address into a page frame number for sptalloc().
 */
#ifndef _SYS_IMMU_H
#define _SYS_IMMU_H

#define NBPP 2048
#define BPPSHIFT 11
#define PG_V 0x00000001 /* page valid */
#define phystopfn(pa) ((ulong)(pa) >> BPPSHIFT)

#endif /* _SYS_IMMU_H */
