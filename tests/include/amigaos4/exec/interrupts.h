/*
 * exec/interrupts.h (test declaration, SDK names and layout). An interrupt server's is_Code
 * is called as  uint32 code(struct ExceptionContext *, struct ExecBase *, APTR is_Data);
 * a non-zero result claims the interrupt.
 */
#ifndef EXEC_INTERRUPTS_H
#define EXEC_INTERRUPTS_H

#include <exec/nodes.h>

struct ExceptionContext;
struct ExecBase;

#pragma pack(push, 2)

/* 22 bytes */
struct Interrupt
{
    struct Node is_Node;
    APTR is_Data;
    VOID (*is_Code)(); /* the SDK's declaration: an old-style function pointer */
};

#pragma pack(pop)

#endif /* EXEC_INTERRUPTS_H */
