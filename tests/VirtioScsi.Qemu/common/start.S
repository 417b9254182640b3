/*
 * Entry, exception entry/exit and the cooperative context switch.
 * PowerPC 32-bit big-endian, supervisor mode, MMU as the board left it (real mode on the
 * 74xx boards, TLB entry 0 identity-mapping RAM on the 440).
 *
 * Exception frame (struct exc_frame in include/harness/cpu.h): 16-byte aligned, laid out
 * below the interrupted r1 (the 32-bit SysV ABI has no red zone, so this is safe).
 */
#include "harness/asm.h"

    .section .text.start,"ax"
    .globl _start
_start:
    /* Keep the registers the loader handed over (board info / device tree / client interface). */
    lis     r11, boot_regs@ha
    addi    r11, r11, boot_regs@l
    stw     r1, 0(r11)
    stw     r3, 4(r11)
    stw     r4, 8(r11)
    stw     r5, 12(r11)
    mfmsr   r0
    stw     r0, 16(r11)
    /* Clear .bss (16-byte aligned bounds from link.ld). */
    lis     r8, __bss_start@ha
    addi    r8, r8, __bss_start@l
    lis     r9, __bss_end@ha
    addi    r9, r9, __bss_end@l
    li      r0, 0
1:  cmplw   r8, r9
    bge     2f
    stw     r0, 0(r8)
    addi    r8, r8, 4
    b       1b
2:  lis     r1, _boot_stack_top@ha
    addi    r1, r1, _boot_stack_top@l
    li      r0, 0
    stwu    r0, -16(r1)
    bl      harness_main
3:  b       3b

/*
 * One stub per exception: park r3 in SPRG1, load the vector identifier, join the common path.
 * 74xx: the board copies "ba vec_XXXX" to the architected vector address (MSR[IP] = 0).
 * 440:  IVPR = image base, IVORn = offset of the stub (16-byte aligned, first 64 KiB).
 */
    .section .text.vectors,"ax"
    .macro VEC id
    .balign 16
    .globl vec_\id
vec_\id:
    mtsprg1 r3
    li      r3, \id
    b       exc_common
    .endm

    .irp id, 0x100,0x200,0x300,0x400,0x500,0x600,0x700,0x800,0x900,0xa00,0xb00,0xc00,0xd00,0xe00,0xf00,0xf20,0x1000,0x1100,0x1200,0x1300,0x1400,0x1500,0x1600,0x1700
    VEC \id
    .endr
    /* BookE IVOR0..15 (identifiers 0x4000 + n keep them apart from the classic offsets). */
    .irp id, 0x4000,0x4001,0x4002,0x4003,0x4004,0x4005,0x4006,0x4007,0x4008,0x4009,0x400a,0x400b,0x400c,0x400d,0x400e,0x400f
    VEC \id
    .endr

exc_common:
    stwu    r1, -EXC_FRAME_SIZE(r1)
    stw     r0, EXC_R0(r1)
    mfsprg1 r0
    stw     r0, EXC_R3(r1)
    stw     r2, EXC_R2(r1)
    stw     r4, EXC_R4(r1)
    stw     r5, EXC_R5(r1)
    stw     r6, EXC_R6(r1)
    stw     r7, EXC_R7(r1)
    stw     r8, EXC_R8(r1)
    stw     r9, EXC_R9(r1)
    stw     r10, EXC_R10(r1)
    stw     r11, EXC_R11(r1)
    stw     r12, EXC_R12(r1)
    mfcr    r0
    stw     r0, EXC_CR(r1)
    mflr    r0
    stw     r0, EXC_LR(r1)
    mfctr   r0
    stw     r0, EXC_CTR(r1)
    mfxer   r0
    stw     r0, EXC_XER(r1)
    mfsrr0  r0
    stw     r0, EXC_SRR0(r1)
    mfsrr1  r0
    stw     r0, EXC_SRR1(r1)
    addi    r0, r1, EXC_FRAME_SIZE
    stw     r0, EXC_R1(r1)
    mr      r4, r1
    bl      exc_dispatch
    lwz     r0, EXC_SRR1(r1)
    mtsrr1  r0
    lwz     r0, EXC_SRR0(r1)
    mtsrr0  r0
    lwz     r0, EXC_XER(r1)
    mtxer   r0
    lwz     r0, EXC_CTR(r1)
    mtctr   r0
    lwz     r0, EXC_LR(r1)
    mtlr    r0
    lwz     r0, EXC_CR(r1)
    mtcr    r0
    lwz     r2, EXC_R2(r1)
    lwz     r3, EXC_R3(r1)
    lwz     r4, EXC_R4(r1)
    lwz     r5, EXC_R5(r1)
    lwz     r6, EXC_R6(r1)
    lwz     r7, EXC_R7(r1)
    lwz     r8, EXC_R8(r1)
    lwz     r9, EXC_R9(r1)
    lwz     r10, EXC_R10(r1)
    lwz     r11, EXC_R11(r1)
    lwz     r12, EXC_R12(r1)
    lwz     r0, EXC_R0(r1)
    addi    r1, r1, EXC_FRAME_SIZE
    rfi

    .text
/*
 * void ctx_switch(struct cpu_context *save, const struct cpu_context *load)
 * Saves the callee-saved state of the running task and resumes another. Called with
 * external interrupts disabled; MSR[EE] is part of neither context (the scheduler
 * restores each task's Disable() nesting itself).
 */
    .globl ctx_switch
ctx_switch:
    stw     r1, CTX_R1(r3)
    mflr    r0
    stw     r0, CTX_LR(r3)
    mfcr    r0
    stw     r0, CTX_CR(r3)
    stmw    r13, CTX_GPR13(r3)
    lwz     r1, CTX_R1(r4)
    lwz     r0, CTX_LR(r4)
    mtlr    r0
    lwz     r0, CTX_CR(r4)
    mtcr    r0
    lmw     r13, CTX_GPR13(r4)
    blr

/* First code of a new task: r14 = entry point, r15 = its argument (set by sched.c). */
    .globl ctx_task_start
ctx_task_start:
    mr      r3, r15
    mtctr   r14
    bctrl
    bl      sched_task_return
4:  b       4b

    .section .note.GNU-stack,"",@progbits
