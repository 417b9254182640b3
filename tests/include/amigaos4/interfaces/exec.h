/*
 * interfaces/exec.h (test declaration): exec's "main" interface, the methods the emitted
 * drivers call, with the SDK's names, parameter types and order of parameters.
 *
 * How calls differ from the SDK: the SDK declares every method with the interface as its
 * first parameter (Self) and marks it APICALL; ppc-amigaos-gcc's "libcall" attribute then
 * passes the interface implicitly, so driver code writes IExec->FreeVec(p). The compilers the
 * tests use have no such attribute, so here the methods are declared WITHOUT Self: the same
 * call sites compile unchanged, and an implementation (the QEMU harness) takes no Self.
 * Only the methods drivers use are declared, in the SDK's relative order, so the positions
 * of the slots are not the SDK's; nothing but the harness fills this table.
 */
#ifndef EXEC_EXEC_INTERFACE_DEF_H
#define EXEC_EXEC_INTERFACE_DEF_H

#include <exec/exec.h>

struct ExecIFace
{
    struct InterfaceData Data;

    uint32 (*Obtain)(void);
    uint32 (*Release)(void);
    void (*Expunge)(void);
    struct Interface *(*Clone)(void);

    /* libraries and interfaces */
    struct Library *(*OpenLibrary)(CONST_STRPTR name, uint32 version);
    APTR (*CloseLibrary)(struct Library *library);
    struct Interface *(*GetInterface)(struct Library *library, CONST_STRPTR name, uint32 version, const struct TagItem *taglist);
    void (*DropInterface)(struct Interface *iface);
    void (*DeleteLibrary)(struct Library *library);

    /* multitasking */
    void (*Forbid)(void);
    void (*Permit)(void);
    void (*Disable)(void);
    void (*Enable)(void);

    /* lists */
    void (*Insert)(struct List *list, struct Node *node, struct Node *pred);
    void (*AddHead)(struct List *list, struct Node *node);
    void (*AddTail)(struct List *list, struct Node *node);
    void (*Remove)(struct Node *node);
    struct Node *(*RemHead)(struct List *list);
    struct Node *(*RemTail)(struct List *list);
    void (*Enqueue)(struct List *list, struct Node *node);
    struct Node *(*FindName)(struct List *start, CONST_STRPTR name);
    void (*NewList)(struct List *list);

    /* memory */
    APTR (*AllocVecTags)(uint32 size, ...);
    void (*FreeVec)(APTR memoryBlock);
    void (*CopyMem)(CONST_APTR source, APTR dest, uint32 size);

    /* DMA and caches */
    void (*CacheClearU)(void);
    void (*CacheClearE)(APTR address, uint32 length, uint32 caches);
    uint32 (*StartDMA)(CONST_APTR startAddr, uint32 blockSize, uint32 flags);
    void (*GetDMAList)(CONST_APTR startAddr, uint32 blockSize, uint32 flags, struct DMAEntry *dmaList);
    void (*EndDMA)(CONST_APTR startAddr, uint32 blockSize, uint32 flags);

    /* system objects */
    APTR (*AllocSysObjectTags)(uint32 type, ...);
    void (*FreeSysObject)(uint32 type, APTR object);
    void (*MutexObtain)(APTR mutex);
    void (*MutexRelease)(APTR mutex);
    BOOL (*MutexAttempt)(APTR mutex);

    /* semaphores */
    void (*InitSemaphore)(struct SignalSemaphore *sigSem);
    void (*ObtainSemaphore)(struct SignalSemaphore *sigSem);
    void (*ObtainSemaphoreShared)(struct SignalSemaphore *sigSem);
    uint32 (*AttemptSemaphore)(struct SignalSemaphore *sigSem);
    void (*ReleaseSemaphore)(struct SignalSemaphore *sigSem);

    /* tasks and signals */
    struct Task *(*CreateTaskTags)(CONST_STRPTR name, int32 pri, CONST_APTR initPC, uint32 stacksize, ...);
    void (*DeleteTask)(struct Task *task);
    struct Task *(*FindTask)(CONST_STRPTR name);
    int8 (*AllocSignal)(int32 signalNum);
    void (*FreeSignal)(int32 signalNum);
    void (*Signal)(struct Task *task, uint32 signalSet);
    uint32 (*Wait)(uint32 signalSet);
    uint32 (*SetSignal)(uint32 newSignals, uint32 signalSet);

    /* messages */
    void (*PutMsg)(struct MsgPort *port, struct Message *message);
    struct Message *(*GetMsg)(struct MsgPort *port);
    void (*ReplyMsg)(struct Message *message);
    struct Message *(*WaitPort)(struct MsgPort *port);

    /* devices */
    int8 (*OpenDevice)(CONST_STRPTR devName, uint32 unitNumber, struct IORequest *iORequest, uint32 flags);
    void (*CloseDevice)(struct IORequest *ioRequest);
    int8 (*DoIO)(struct IORequest *ioRequest);
    void (*SendIO)(struct IORequest *ioRequest);
    struct IORequest *(*CheckIO)(struct IORequest *ioRequest);
    int8 (*WaitIO)(struct IORequest *ioRequest);
    void (*AbortIO)(struct IORequest *ioRequest);

    /* interrupts */
    BOOL (*AddIntServer)(uint32 intNumber, struct Interrupt *interrupt);
    void (*RemIntServer)(uint32 intNumber, struct Interrupt *interrupt);
    void (*Cause)(struct Interrupt *interrupt);

    /* debugging: formatted output on the serial port */
    void (*DebugPrintF)(CONST_STRPTR format, ...);
};

#endif /* EXEC_EXEC_INTERFACE_DEF_H */
