/*
 * The harness's AmigaOS 4 exec: the IExec, IPCI and PCIDevice interfaces declared by
 * tests/include/amigaos4 (methods without Self), implemented over the harness scheduler,
 * allocator, PCI layer and interrupt controller; plus the exec calls a program uses to talk
 * to a device (OpenDevice, DoIO, SendIO, WaitIO, CheckIO, AbortIO, CloseDevice), which
 * drivers never call and the test declarations therefore leave out. Semantics follow the
 * exec autodocs (exec.doc: DoIO, WaitIO, PutMsg, Signal, AllocSignal, AllocVecTags, StartDMA).
 */
#ifndef HARNESS_EXEC_H
#define HARNESS_EXEC_H

#include <exec/exec.h>
#include <interfaces/exec.h>
#include <interfaces/expansion.h>
#include "harness/sched.h"
#include "harness/layout.h"

#pragma pack(push, 2)
/* The SDK's struct Task members up to tc_UserData, then the harness's own. */
struct Task
{
    struct Node tc_Node;
    UBYTE tc_Flags;
    UBYTE tc_State;
    BYTE tc_IDNestCnt;
    BYTE tc_TDNestCnt;
    ULONG tc_SigAlloc;
    ULONG tc_SigWait;
    ULONG tc_SigRecvd;
    ULONG tc_SigExcept;
    UWORD tc_TrapAlloc;
    UWORD tc_TrapAble;
    APTR tc_ExceptData;
    APTR tc_ExceptCode;
    APTR tc_TrapData;
    APTR tc_TrapCode;
    APTR tc_SPReg;
    APTR tc_SPLower;
    APTR tc_SPUpper;
    VOID (*tc_Switch)();
    VOID (*tc_Launch)();
    struct List tc_MemEntry;
    APTR tc_UserData;
    /* harness */
    struct htask *htask;
    APTR entry;
    uint32 params[2];
};
#pragma pack(pop)

#define TS_RUN 2
#define TS_READY 3
#define TS_WAIT 4
#define TS_REMOVED 6

extern struct ExecIFace *IExec;
extern struct ExecBase *SysBase;

/* Sets up exec (SysBase, IExec, the main task). Call after sched_init and pci_enumerate. */
void exec_init(void);

/* List helpers (exec's AddHead/AddTail/RemHead semantics). */
void exec_AddTail(struct List *list, struct Node *node);
struct Node *exec_RemHead(struct List *list);
int exec_IsListEmpty(const struct List *list);

/* Tasks as exec sees them. */
struct Task *exec_CreateTask(CONST_STRPTR name, int32 pri, APTR entry, uint32 stack, uint32 p1, uint32 p2);
uint32 exec_Wait(uint32 signalSet);
void exec_Signal(struct Task *task, uint32 signalSet);
struct Task *exec_FindTask(CONST_STRPTR name);
int8 exec_AllocSignal(int32 n);
void exec_FreeSignal(int32 n);

/* Message ports owned by harness code (CreateMsgPort/DeleteMsgPort). */
struct MsgPort *exec_CreateMsgPort(void);
void exec_DeleteMsgPort(struct MsgPort *port);
struct IORequest *exec_CreateIORequest(struct MsgPort *port, uint32 size);
void exec_DeleteIORequest(struct IORequest *io);

/* Devices: ROMTag scan + CreateLibrary (RTF_AUTOINIT), and exec's device I/O calls. */
struct Resident *exec_FindResident(CONST_STRPTR name);
struct Library *exec_InitResident(struct Resident *resident);
int8 OpenDevice(CONST_STRPTR devName, uint32 unitNumber, struct IORequest *ioRequest, uint32 flags);
void CloseDevice(struct IORequest *ioRequest);
int8 DoIO(struct IORequest *ioRequest);
void SendIO(struct IORequest *ioRequest);
int8 WaitIO(struct IORequest *ioRequest);
struct IORequest *CheckIO(struct IORequest *ioRequest);
void AbortIO(struct IORequest *ioRequest);
void BeginIO(struct IORequest *ioRequest);
/* Calls the device's LibExpunge (after the last close); returns its seglist result. */
APTR exec_ExpungeDevice(CONST_STRPTR devName);

/* Bookkeeping the tests read. */
struct exec_stats {
    uint32 allocs, frees;               /* AllocVecTags / FreeVec calls */
    uint32 live_blocks;                 /* allocated and not yet freed */
    uint32 dma_started, dma_ended;      /* StartDMA / EndDMA calls */
    uint32 dma_live;                    /* StartDMA mappings not yet ended */
    uint32 cache_clears;                /* CacheClearE calls */
    uint32 int_servers;                 /* servers currently added */
    uint32 int_server_calls;            /* server invocations */
    uint32 int_server_claims;           /* invocations that returned nonzero */
    uint32 causes;                      /* Cause calls (software interrupts run) */
    uint32 int_servers_refused;         /* AddIntServer calls refused on purpose (exec_refuse_int_servers) */
    uint32 tasks_created, signals_sent, msgs_put, msgs_replied;
    uint32 errors;                      /* API misuse the harness detected (printed) */
};
extern struct exec_stats exec_stats;

/* StartDMA models physical memory as contiguous runs of exec_dma_run bytes (an MMU page set):
 * EXEC_DMA_RUN by default; a test may lower it to the 4 KiB page, as physical memory behind a
 * fragmented virtual buffer looks under AmigaOS, and must put it back. */
#define EXEC_DMA_RUN 0x100000u
extern uint32 exec_dma_run;

/* Nonzero: AddIntServer refuses (returns FALSE), as exec does for a line it cannot serve; a test of a
 * driver's polled mode sets it before the driver initialises. */
extern int exec_refuse_int_servers;

HARNESS_LAYOUT(exec_stats, struct exec_stats);
HARNESS_LAYOUT(exec_task, struct Task);

#endif
