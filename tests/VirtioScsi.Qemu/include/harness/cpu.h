/*
 * PowerPC 32-bit helpers for the harness: byte-reversed MMIO (lwbrx/stwbrx, PowerPC
 * Architecture Book I "Load/Store with Byte Reversal"), barriers, MSR, timebase, SPRs.
 */
#ifndef HARNESS_CPU_H
#define HARNESS_CPU_H

#include <stdint.h>
#include <stddef.h>
#include "harness/asm.h"

typedef uintptr_t uptr;

static inline void cpu_sync(void) { __asm__ volatile("sync" ::: "memory"); }
static inline void cpu_eieio(void) { __asm__ volatile("eieio" ::: "memory"); }
static inline void cpu_isync(void) { __asm__ volatile("isync" ::: "memory"); }

static inline uint8_t mmio_read8(uptr a) { uint8_t v = *(volatile uint8_t *)a; cpu_sync(); return v; }
static inline void mmio_write8(uptr a, uint8_t v) { *(volatile uint8_t *)a = v; cpu_sync(); }
static inline uint16_t mmio_read_le16(uptr a)
{ uint16_t v; __asm__ volatile("lhbrx %0,0,%1; sync" : "=r"(v) : "r"(a) : "memory"); return v; }
static inline void mmio_write_le16(uptr a, uint16_t v)
{ __asm__ volatile("sthbrx %0,0,%1; sync" :: "r"(v), "r"(a) : "memory"); }
static inline uint32_t mmio_read_le32(uptr a)
{ uint32_t v; __asm__ volatile("lwbrx %0,0,%1; sync" : "=r"(v) : "r"(a) : "memory"); return v; }
static inline void mmio_write_le32(uptr a, uint32_t v)
{ __asm__ volatile("stwbrx %0,0,%1; sync" :: "r"(v), "r"(a) : "memory"); }
static inline uint32_t mmio_read_be32(uptr a) { uint32_t v = *(volatile uint32_t *)a; cpu_sync(); return v; }

/* Little-endian fields in ordinary RAM (virtqueue rings, virtio-scsi headers). */
static inline void ram_st_le16(void *p, uint16_t v) { __asm__ volatile("sthbrx %0,0,%1" :: "r"(v), "r"(p) : "memory"); }
static inline void ram_st_le32(void *p, uint32_t v) { __asm__ volatile("stwbrx %0,0,%1" :: "r"(v), "r"(p) : "memory"); }
static inline uint16_t ram_ld_le16(const volatile void *p)
{ uint16_t v; __asm__ volatile("lhbrx %0,0,%1" : "=r"(v) : "r"(p) : "memory"); return v; }
static inline uint32_t ram_ld_le32(const volatile void *p)
{ uint32_t v; __asm__ volatile("lwbrx %0,0,%1" : "=r"(v) : "r"(p) : "memory"); return v; }

#define MSR_EE 0x8000u
#define MSR_ME 0x1000u
#define MSR_IP 0x0040u

static inline uint32_t cpu_mfmsr(void) { uint32_t v; __asm__ volatile("mfmsr %0" : "=r"(v)); return v; }
static inline void cpu_mtmsr(uint32_t v) { __asm__ volatile("mtmsr %0; isync" :: "r"(v) : "memory"); }
static inline uint32_t cpu_pvr(void) { uint32_t v; __asm__ volatile("mfspr %0,287" : "=r"(v)); return v; }

/* Disables external interrupts, returns the previous MSR[EE] state. */
static inline uint32_t cpu_irq_save(void)
{
    uint32_t msr = cpu_mfmsr();
    cpu_mtmsr(msr & ~MSR_EE);
    return msr & MSR_EE;
}
static inline void cpu_irq_restore(uint32_t ee)
{
    if (ee) cpu_mtmsr(cpu_mfmsr() | MSR_EE);
}

/* 64-bit timebase (TBU/TBL, SPR 269/268), read consistently across a TBL carry. */
static inline uint64_t cpu_timebase(void)
{
    uint32_t hi, lo, hi2;
    do {
        __asm__ volatile("mfspr %0,269" : "=r"(hi));
        __asm__ volatile("mfspr %0,268" : "=r"(lo));
        __asm__ volatile("mfspr %0,269" : "=r"(hi2));
    } while (hi != hi2);
    return ((uint64_t)hi << 32) | lo;
}

#define mtspr(n, v) __asm__ volatile("mtspr %0,%1" :: "i"(n), "r"((uint32_t)(v)) : "memory")
#define mfspr(n) ({ uint32_t _v; __asm__ volatile("mfspr %0,%1" : "=r"(_v) : "i"(n)); _v; })
#define mtdcr(n, v) __asm__ volatile("mtdcr %0,%1" :: "i"(n), "r"((uint32_t)(v)) : "memory")
#define mfdcr(n) ({ uint32_t _v; __asm__ volatile("mfdcr %0,%1" : "=r"(_v) : "i"(n)); _v; })

/* Makes freshly written instructions visible to instruction fetch. */
static inline void cpu_flush_icache_range(uptr start, uptr end)
{
    for (uptr a = start & ~31u; a < end; a += 32) __asm__ volatile("dcbst 0,%0" :: "r"(a) : "memory");
    cpu_sync();
    for (uptr a = start & ~31u; a < end; a += 32) __asm__ volatile("icbi 0,%0" :: "r"(a) : "memory");
    cpu_sync();
    cpu_isync();
}

/* The registers start.S saves on an exception (offsets in asm.h). */
struct exc_frame {
    uint32_t backchain, lr_save;
    uint32_t r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12;
    uint32_t cr, lr, ctr, xer, srr0, srr1;
    uint32_t pad[3];
};
_Static_assert(sizeof(struct exc_frame) == EXC_FRAME_SIZE, "exc_frame size");
_Static_assert(__builtin_offsetof(struct exc_frame, srr1) == EXC_SRR1, "exc_frame layout");

/* Callee-saved state of a task (ctx_switch in start.S). */
struct cpu_context {
    uint32_t r1, lr, cr;
    uint32_t gpr[19]; /* r13..r31 */
};
_Static_assert(sizeof(struct cpu_context) == CTX_SIZE, "cpu_context size");

void ctx_switch(struct cpu_context *save, const struct cpu_context *load);
void ctx_task_start(void);

extern uint32_t boot_regs[5]; /* r1, r3, r4, r5, MSR at entry */

#endif
