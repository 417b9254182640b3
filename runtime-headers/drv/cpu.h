/*
 * drv/cpu.h: byte order, memory-mapped I/O and barriers, per CPU.
 *
 * DRV_SWAPn(x)            reverse the bytes of an n-bit value
 * DRV_LEn_TO_CPU(x)       value stored little-endian -> CPU order (and DRV_BEn_TO_CPU)
 * DRV_CPU_TO_LEn(x)       CPU order -> little-endian storage (and DRV_CPU_TO_BEn)
 * DRV_MMIO_READn(p)       one volatile n-bit register read at p, CPU byte order
 * DRV_MMIO_WRITEn(p, v)   one volatile n-bit register write
 * DRV_MMIO_READ_LEn(p)    ... of a little-endian register (PowerPC: lwbrx/lhbrx)
 * DRV_MMIO_WRITE_LEn(p,v) ... (PowerPC: stwbrx/sthbrx); and the _BEn forms
 * DRV_BARRIER_FULL/READ/WRITE/IO()
 *
 * PowerPC register accesses follow Linux's in_le32/out_le32: "sync" before each access so it
 * is ordered after all earlier memory accesses (DMA descriptors before a doorbell), and after
 * a read "twi 0,r,0; isync" so nothing runs ahead of the data. A 64-bit register is two 32-bit
 * accesses, low word first (VirtIO 1.0 section 4.1.3.1 allows this for 64-bit fields).
 * The 68030 is in order and the Amiga maps I/O non-cacheable: plain volatile accesses.
 * Other CPUs (the test suite's host) get volatile accesses and full compiler/CPU fences.
 */
#ifndef DRV_CPU_H
#define DRV_CPU_H

/*
 * DRV_PACKED after a struct's closing brace: a C# struct whose StructLayout Pack cuts the
 * trailing padding C would add (Pack = 1 over { uint; ushort; byte } is 7 bytes, C pads to 8).
 * Emitted structs spell every gap out, so alignment 1 reproduces the CLR layout exactly. GCC packs;
 * Amix 2.1c's cc has no way to, so there the struct keeps C's padding and its layout check stops
 * the build (DRV0201 warns when 68k padding cannot give the size).
 */
#if defined(__GNUC__)
#define DRV_PACKED __attribute__((__packed__))
#else
#define DRV_PACKED
#endif

#if defined(__GNUC__)
#define DRV_SWAP16(x) __builtin_bswap16(x)
#define DRV_SWAP32(x) __builtin_bswap32(x)
#define DRV_SWAP64(x) __builtin_bswap64(x)
#else
#define DRV_SWAP16(x) ((ushort)((((x) >> 8) & 0xff) | (((x) & 0xff) << 8)))
#define DRV_SWAP32(x) ((((x) >> 24) & 0xff) | (((x) >> 8) & 0xff00) | (((x) & 0xff00) << 8) | (((x) & 0xff) << 24))
#endif

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define DRV_LITTLE_ENDIAN 1
#else
#define DRV_LITTLE_ENDIAN 0 /* PowerPC, 68k, and the Amix cc (which defines no __BYTE_ORDER__) */
#endif

#if DRV_LITTLE_ENDIAN
#define DRV_LE16_TO_CPU(x) (x)
#define DRV_LE32_TO_CPU(x) (x)
#define DRV_LE64_TO_CPU(x) (x)
#define DRV_BE16_TO_CPU(x) DRV_SWAP16(x)
#define DRV_BE32_TO_CPU(x) DRV_SWAP32(x)
#define DRV_BE64_TO_CPU(x) DRV_SWAP64(x)
#else
#define DRV_LE16_TO_CPU(x) DRV_SWAP16(x)
#define DRV_LE32_TO_CPU(x) DRV_SWAP32(x)
#define DRV_LE64_TO_CPU(x) DRV_SWAP64(x)
#define DRV_BE16_TO_CPU(x) (x)
#define DRV_BE32_TO_CPU(x) (x)
#define DRV_BE64_TO_CPU(x) (x)
#endif
#define DRV_CPU_TO_LE16(x) DRV_LE16_TO_CPU(x)
#define DRV_CPU_TO_LE32(x) DRV_LE32_TO_CPU(x)
#define DRV_CPU_TO_LE64(x) DRV_LE64_TO_CPU(x)
#define DRV_CPU_TO_BE16(x) DRV_BE16_TO_CPU(x)
#define DRV_CPU_TO_BE32(x) DRV_BE32_TO_CPU(x)
#define DRV_CPU_TO_BE64(x) DRV_BE64_TO_CPU(x)

/* Register access types: may alias whatever type the C# struct gave the field. */
#ifdef __GNUC__
typedef unsigned char __attribute__((__may_alias__)) drv_io8;
typedef unsigned short __attribute__((__may_alias__)) drv_io16;
typedef unsigned int __attribute__((__may_alias__)) drv_io32;
#else
typedef unsigned char drv_io8;
typedef unsigned short drv_io16;
typedef unsigned int drv_io32;
#endif

#ifdef DRV_MMIO_HOOKS
/*
 * Simulation hooks (tests only). With DRV_MMIO_HOOKS defined every register access macro,
 * 8/16/32 bits and the _LE/_BE forms built on them, calls a function the test harness links
 * in instead of touching memory; the harness decides whether the address is a simulated
 * device (tests/Ncr53c710.Sim maps the A4091's register block this way) or plain memory.
 * Values are in CPU byte order, exactly what the plain volatile access would have loaded or
 * stored. The PowerPC byte-reversing accessors below are bypassed so every access arrives here.
 */
extern unsigned char drv_mmio_read8(volatile void *addr);
extern unsigned short drv_mmio_read16(volatile void *addr);
extern unsigned int drv_mmio_read32(volatile void *addr);
extern void drv_mmio_write8(volatile void *addr, unsigned char value);
extern void drv_mmio_write16(volatile void *addr, unsigned short value);
extern void drv_mmio_write32(volatile void *addr, unsigned int value);
#define DRV_MMIO_READ8(p) ((drv_io8)drv_mmio_read8((volatile void *)(p)))
#define DRV_MMIO_READ16(p) ((drv_io16)drv_mmio_read16((volatile void *)(p)))
#define DRV_MMIO_READ32(p) ((drv_io32)drv_mmio_read32((volatile void *)(p)))
#define DRV_MMIO_WRITE8(p, v) drv_mmio_write8((volatile void *)(p), (unsigned char)(v))
#define DRV_MMIO_WRITE16(p, v) drv_mmio_write16((volatile void *)(p), (unsigned short)(v))
#define DRV_MMIO_WRITE32(p, v) drv_mmio_write32((volatile void *)(p), (unsigned int)(v))
#else
/* Native-order volatile accesses: the same on every CPU. */
#define DRV_MMIO_READ8(p) (*(volatile drv_io8 *)(p))
#define DRV_MMIO_READ16(p) (*(volatile drv_io16 *)(p))
#define DRV_MMIO_READ32(p) (*(volatile drv_io32 *)(p))
#define DRV_MMIO_WRITE8(p, v) (*(volatile drv_io8 *)(p) = (v))
#define DRV_MMIO_WRITE16(p, v) (*(volatile drv_io16 *)(p) = (v))
#define DRV_MMIO_WRITE32(p, v) (*(volatile drv_io32 *)(p) = (v))
#endif /* DRV_MMIO_HOOKS */

#if defined(__GNUC__) && (defined(__powerpc__) || defined(__PPC__)) && defined(DRV_AMIGAOS4_H) && !defined(DRV_MMIO_HOOKS)

static inline uint16 drv_in_le16(const volatile void *p)
{
    uint16 v;
    __asm__ __volatile__("sync; lhbrx %0,0,%1; twi 0,%0,0; isync" : "=r"(v) : "r"(p) : "memory");
    return v;
}
static inline uint32 drv_in_le32(const volatile void *p)
{
    uint32 v;
    __asm__ __volatile__("sync; lwbrx %0,0,%1; twi 0,%0,0; isync" : "=r"(v) : "r"(p) : "memory");
    return v;
}
static inline void drv_out_le16(volatile void *p, uint16 v)
{
    __asm__ __volatile__("sync; sthbrx %0,0,%1" : : "r"(v), "r"(p) : "memory");
}
static inline void drv_out_le32(volatile void *p, uint32 v)
{
    __asm__ __volatile__("sync; stwbrx %0,0,%1" : : "r"(v), "r"(p) : "memory");
}
static inline uint32 drv_in_be32(const volatile void *p)
{
    uint32 v;
    __asm__ __volatile__("sync; lwz%U1%X1 %0,%1; twi 0,%0,0; isync" : "=r"(v) : "m"(*(const volatile uint32 *)p) : "memory");
    return v;
}
static inline uint16 drv_in_be16(const volatile void *p)
{
    uint16 v;
    __asm__ __volatile__("sync; lhz%U1%X1 %0,%1; twi 0,%0,0; isync" : "=r"(v) : "m"(*(const volatile uint16 *)p) : "memory");
    return v;
}
static inline void drv_out_be32(volatile void *p, uint32 v)
{
    __asm__ __volatile__("sync; stw%U0%X0 %1,%0" : "=m"(*(volatile uint32 *)p) : "r"(v) : "memory");
}
static inline void drv_out_be16(volatile void *p, uint16 v)
{
    __asm__ __volatile__("sync; sth%U0%X0 %1,%0" : "=m"(*(volatile uint16 *)p) : "r"(v) : "memory");
}
#define DRV_MMIO_READ_LE16(p) drv_in_le16(p)
#define DRV_MMIO_READ_LE32(p) drv_in_le32(p)
#define DRV_MMIO_READ_LE64(p) ((uint64)drv_in_le32(p) | ((uint64)drv_in_le32((const volatile uint32 *)(p) + 1) << 32))
#define DRV_MMIO_WRITE_LE16(p, v) drv_out_le16((p), (v))
#define DRV_MMIO_WRITE_LE32(p, v) drv_out_le32((p), (v))
#define DRV_MMIO_WRITE_LE64(p, v) (drv_out_le32((p), (uint32)(v)), drv_out_le32((volatile uint32 *)(p) + 1, (uint32)((uint64)(v) >> 32)))
#define DRV_MMIO_READ_BE16(p) drv_in_be16(p)
#define DRV_MMIO_READ_BE32(p) drv_in_be32(p)
#define DRV_MMIO_READ_BE64(p) (((uint64)drv_in_be32(p) << 32) | drv_in_be32((const volatile uint32 *)(p) + 1))
#define DRV_MMIO_WRITE_BE16(p, v) drv_out_be16((p), (v))
#define DRV_MMIO_WRITE_BE32(p, v) drv_out_be32((p), (v))
#define DRV_MMIO_WRITE_BE64(p, v) (drv_out_be32((p), (uint32)((uint64)(v) >> 32)), drv_out_be32((volatile uint32 *)(p) + 1, (uint32)(v)))
#define DRV_BARRIER_FULL() __asm__ __volatile__("sync" : : : "memory")
#define DRV_BARRIER_READ() __asm__ __volatile__("sync" : : : "memory")
#define DRV_BARRIER_WRITE() __asm__ __volatile__("sync" : : : "memory")
#define DRV_BARRIER_IO() __asm__ __volatile__("eieio" : : : "memory")

#else /* 68k, and hosts: volatile accesses with the byte order applied in a register */

#define DRV_MMIO_READ_LE16(p) DRV_LE16_TO_CPU(DRV_MMIO_READ16(p))
#define DRV_MMIO_READ_LE32(p) DRV_LE32_TO_CPU(DRV_MMIO_READ32(p))
#define DRV_MMIO_READ_BE16(p) DRV_BE16_TO_CPU(DRV_MMIO_READ16(p))
#define DRV_MMIO_READ_BE32(p) DRV_BE32_TO_CPU(DRV_MMIO_READ32(p))
#define DRV_MMIO_WRITE_LE16(p, v) DRV_MMIO_WRITE16((p), DRV_CPU_TO_LE16(v))
#define DRV_MMIO_WRITE_LE32(p, v) DRV_MMIO_WRITE32((p), DRV_CPU_TO_LE32(v))
#define DRV_MMIO_WRITE_BE16(p, v) DRV_MMIO_WRITE16((p), DRV_CPU_TO_BE16(v))
#define DRV_MMIO_WRITE_BE32(p, v) DRV_MMIO_WRITE32((p), DRV_CPU_TO_BE32(v))
/* 64-bit registers: two 32-bit accesses, the low word first. */
#define DRV_MMIO_READ_LE64(p) ((drv_u64_t)DRV_MMIO_READ_LE32(p) | ((drv_u64_t)DRV_MMIO_READ_LE32((volatile drv_io32 *)(p) + 1) << 32))
#define DRV_MMIO_READ_BE64(p) (((drv_u64_t)DRV_MMIO_READ_BE32(p) << 32) | (drv_u64_t)DRV_MMIO_READ_BE32((volatile drv_io32 *)(p) + 1))
#define DRV_MMIO_WRITE_LE64(p, v) (DRV_MMIO_WRITE_LE32((p), (unsigned int)(v)), DRV_MMIO_WRITE_LE32((volatile drv_io32 *)(p) + 1, (unsigned int)((drv_u64_t)(v) >> 32)))
#define DRV_MMIO_WRITE_BE64(p, v) (DRV_MMIO_WRITE_BE32((p), (unsigned int)((drv_u64_t)(v) >> 32)), DRV_MMIO_WRITE_BE32((volatile drv_io32 *)(p) + 1, (unsigned int)(v)))
#if defined(__GNUC__) && defined(__mc68000__)
#define DRV_BARRIER_FULL() __asm__ __volatile__("" : : : "memory")
#define DRV_BARRIER_READ() __asm__ __volatile__("" : : : "memory")
#define DRV_BARRIER_WRITE() __asm__ __volatile__("" : : : "memory")
#define DRV_BARRIER_IO() __asm__ __volatile__("" : : : "memory")
#elif defined(__GNUC__)
#define DRV_BARRIER_FULL() __sync_synchronize()
#define DRV_BARRIER_READ() __sync_synchronize()
#define DRV_BARRIER_WRITE() __sync_synchronize()
#define DRV_BARRIER_IO() __sync_synchronize()
#else
#define DRV_BARRIER_FULL()
#define DRV_BARRIER_READ()
#define DRV_BARRIER_WRITE()
#define DRV_BARRIER_IO()
#endif

#endif

#endif /* DRV_CPU_H */
