/* Offsets shared by start.S and C (struct exc_frame, struct cpu_context in cpu.h). */
#ifndef HARNESS_ASM_H
#define HARNESS_ASM_H

#define EXC_BACKCHAIN 0
#define EXC_R0   8
#define EXC_R1   12
#define EXC_R2   16
#define EXC_R3   20
#define EXC_R4   24
#define EXC_R5   28
#define EXC_R6   32
#define EXC_R7   36
#define EXC_R8   40
#define EXC_R9   44
#define EXC_R10  48
#define EXC_R11  52
#define EXC_R12  56
#define EXC_CR   60
#define EXC_LR   64
#define EXC_CTR  68
#define EXC_XER  72
#define EXC_SRR0 76
#define EXC_SRR1 80
#define EXC_FRAME_SIZE 96

#define CTX_R1    0
#define CTX_LR    4
#define CTX_CR    8
#define CTX_GPR13 12
#define CTX_SIZE  (12 + 19 * 4)

#endif
