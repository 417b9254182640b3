// Bindings of the AmigaOS 4.1 SDK's exec.library: structures (exec/*.h), constants and the methods of
// exec's main interface (interfaces/exec.h) drivers call. Names, values and layouts are the SDK's;
// structures are packed to 2 bytes as the SDK builds them ([CType(Pack = 2)] and [StructLayout] agree).
// [CType] structs are not emitted: the C uses the SDK's, and every one a driver uses is layout-checked
// against it. Source: AmigaOS 4.1 SDK 53.x, include_h/exec/*.h and the exec.library autodoc.
using System.Runtime.InteropServices;
using DriverCompiler.Dsl;

namespace AmigaOS;

/// <summary>struct Node (exec/nodes.h), 14 bytes.</summary>
[CHeader("exec/nodes.h")]
[CType("struct Node", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct Node
{
    public Node* ln_Succ;
    public Node* ln_Pred;
    public byte ln_Type;
    public sbyte ln_Pri;
    public byte* ln_Name;
}

/// <summary>struct MinNode (exec/nodes.h), 8 bytes.</summary>
[CHeader("exec/nodes.h")]
[CType("struct MinNode", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct MinNode
{
    public MinNode* mln_Succ;
    public MinNode* mln_Pred;
}

/// <summary>struct List (exec/lists.h), 14 bytes.</summary>
[CHeader("exec/lists.h")]
[CType("struct List", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct List
{
    public Node* lh_Head;
    public Node* lh_Tail;
    public Node* lh_TailPred;
    public byte lh_Type;
    public byte l_pad;
}

/// <summary>struct MsgPort (exec/ports.h), 34 bytes.</summary>
[CHeader("exec/ports.h")]
[CType("struct MsgPort", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct MsgPort
{
    public Node mp_Node;
    public byte mp_Flags;
    public byte mp_SigBit;
    public void* mp_SigTask;
    public List mp_MsgList;
}

/// <summary>struct Message (exec/ports.h), 20 bytes.</summary>
[CHeader("exec/ports.h")]
[CType("struct Message", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct Message
{
    public Node mn_Node;
    public MsgPort* mn_ReplyPort;
    public ushort mn_Length;
}

/// <summary>struct Library (exec/libraries.h), 34 bytes.</summary>
[CHeader("exec/libraries.h")]
[CType("struct Library", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct Library
{
    public Node lib_Node;
    public byte lib_Flags;
    public byte lib_ABIVersion;
    public ushort lib_NegSize;
    public ushort lib_PosSize;
    public ushort lib_Version;
    public ushort lib_Revision;
    public void* lib_IdString;
    public uint lib_Sum;
    public ushort lib_OpenCnt;
}

/// <summary>struct Device (exec/devices.h), 34 bytes.</summary>
[CHeader("exec/devices.h")]
[CType("struct Device", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public struct Device
{
    public Library dd_Library;
}

/// <summary>struct Unit (exec/devices.h), 38 bytes: the head of every unit a device hands out in io_Unit.</summary>
[CHeader("exec/devices.h")]
[CType("struct Unit", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public struct Unit
{
    public MsgPort unit_MsgPort;
    public byte unit_flags;
    public byte unit_pad;
    public ushort unit_OpenCnt;
}

/// <summary>struct IORequest (exec/io.h), 32 bytes.</summary>
[CHeader("exec/io.h")]
[CType("struct IORequest", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct IORequest
{
    public Message io_Message;
    public Device* io_Device;
    public Unit* io_Unit;
    public ushort io_Command;
    public byte io_Flags;
    public sbyte io_Error;
}

/// <summary>struct IOStdReq (exec/io.h), 48 bytes. TD64/NSD commands carry the high 32 bits of the offset in io_Actual.</summary>
[CHeader("exec/io.h")]
[CType("struct IOStdReq", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct IOStdReq
{
    public Message io_Message;
    public Device* io_Device;
    public Unit* io_Unit;
    public ushort io_Command;
    public byte io_Flags;
    public sbyte io_Error;
    public uint io_Actual;
    public uint io_Length;
    public void* io_Data;
    public uint io_Offset;
}

/// <summary>struct DMAEntry (exec/memory.h): one physically contiguous run of a buffer mapped by StartDMA.</summary>
[CHeader("exec/memory.h")]
[CType("struct DMAEntry", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct DMAEntry
{
    public void* PhysicalAddress;
    public uint BlockLength;
}

/// <summary>struct Task (exec/tasks.h): only ever handled by pointer.</summary>
[CHeader("exec/tasks.h")]
[CType("struct Task", ExactFieldNames = true)]
public struct Task { }

/// <summary>struct MinList (exec/lists.h), 12 bytes: a list of <see cref="MinNode"/>s.</summary>
[CHeader("exec/lists.h")]
[CType("struct MinList", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct MinList
{
    public MinNode* mlh_Head;
    public MinNode* mlh_Tail;
    public MinNode* mlh_TailPred;
}

/// <summary>struct Interrupt (exec/interrupts.h), 22 bytes: a server for AddIntServer or a software interrupt for Cause.
/// is_Code is called as <c>uint32 code(struct ExceptionContext *, struct ExecBase *, APTR is_Data)</c> (exec.library autodoc, AddIntServer).</summary>
[CHeader("exec/interrupts.h")]
[CType("struct Interrupt", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct Interrupt
{
    public Node is_Node;
    public void* is_Data;
    public void* is_Code;
}

/// <summary>struct SemaphoreRequest (exec/semaphores.h), 12 bytes: one waiter of a <see cref="SignalSemaphore"/>.</summary>
[CHeader("exec/semaphores.h")]
[CType("struct SemaphoreRequest", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct SemaphoreRequest
{
    public MinNode sr_Link;
    public Task* sr_Waiter;
}

/// <summary>struct SignalSemaphore (exec/semaphores.h), 46 bytes: a nestable lock (InitSemaphore, ObtainSemaphore,
/// ReleaseSemaphore); AmigaOS 4 also offers the lighter mutex objects (AllocSysObjectTags(ASOT_MUTEX)).</summary>
[CHeader("exec/semaphores.h")]
[CType("struct SignalSemaphore", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct SignalSemaphore
{
    public Node ss_Link;
    public short ss_NestCount;
    public MinList ss_WaitQueue;
    public SemaphoreRequest ss_MultipleLink;
    public Task* ss_Owner;
    public short ss_QueueCount;
}

/// <summary>
/// Exec's interface (interfaces/exec.h) and the exec constants the driver uses (exec/*.h,
/// dos/dos.h). Source: AmigaOS 4.1 SDK autodocs of exec.library.
/// </summary>
[CHeader("exec/exec.h"), CHeader("interfaces/exec.h"), CHeader("dos/dos.h")]
public static unsafe class Exec
{
    // exec/nodes.h
    [CConstant("NT_INTERRUPT")] public const byte NT_INTERRUPT = 2;
    [CConstant("NT_DEVICE")] public const byte NT_DEVICE = 3;
    [CConstant("NT_MSGPORT")] public const byte NT_MSGPORT = 4;
    [CConstant("NT_MESSAGE")] public const byte NT_MESSAGE = 5;
    [CConstant("NT_REPLYMSG")] public const byte NT_REPLYMSG = 7;
    // exec/ports.h
    [CConstant("PA_SIGNAL")] public const byte PA_SIGNAL = 0;
    [CConstant("PA_IGNORE")] public const byte PA_IGNORE = 2;
    // exec/devices.h
    [CConstant("UNITF_ACTIVE")] public const byte UNITF_ACTIVE = 1 << 0;
    // exec/io.h
    [CConstant("IOF_QUICK")] public const byte IOF_QUICK = 1 << 0;
    [CConstant("CMD_INVALID")] public const ushort CMD_INVALID = 0;
    [CConstant("CMD_RESET")] public const ushort CMD_RESET = 1;
    [CConstant("CMD_READ")] public const ushort CMD_READ = 2;
    [CConstant("CMD_WRITE")] public const ushort CMD_WRITE = 3;
    [CConstant("CMD_UPDATE")] public const ushort CMD_UPDATE = 4;
    [CConstant("CMD_CLEAR")] public const ushort CMD_CLEAR = 5;
    [CConstant("CMD_STOP")] public const ushort CMD_STOP = 6;
    [CConstant("CMD_START")] public const ushort CMD_START = 7;
    [CConstant("CMD_FLUSH")] public const ushort CMD_FLUSH = 8;
    // exec/errors.h
    [CConstant("IOERR_OPENFAIL")] public const sbyte IOERR_OPENFAIL = -1;
    [CConstant("IOERR_ABORTED")] public const sbyte IOERR_ABORTED = -2;
    [CConstant("IOERR_NOCMD")] public const sbyte IOERR_NOCMD = -3;
    [CConstant("IOERR_BADLENGTH")] public const sbyte IOERR_BADLENGTH = -4;
    [CConstant("IOERR_BADADDRESS")] public const sbyte IOERR_BADADDRESS = -5;
    [CConstant("IOERR_UNITBUSY")] public const sbyte IOERR_UNITBUSY = -6;
    [CConstant("IOERR_SELFTEST")] public const sbyte IOERR_SELFTEST = -7;
    // exec/memory.h
    [CConstant("MEMF_PUBLIC")] public const uint MEMF_PUBLIC = 1u << 0;
    [CConstant("MEMF_LOCAL")] public const uint MEMF_LOCAL = 1u << 8;
    [CConstant("MEMF_PRIVATE")] public const uint MEMF_PRIVATE = 1u << 11;
    [CConstant("MEMF_SHARED")] public const uint MEMF_SHARED = 1u << 12;
    [CConstant("DMA_ReadFromRAM")] public const uint DMA_ReadFromRAM = 1u << 3;
    [CConstant("DMAF_NoModify")] public const uint DMAF_NoModify = 1u << 2;
    [CConstant("CACRF_ClearD")] public const uint CACRF_ClearD = 1u << 11;
    [CConstant("CACRF_InvalidateD")] public const uint CACRF_InvalidateD = 1u << 15;
    // utility/tagitem.h and exec/exectags.h
    [CConstant("TAG_DONE")] public const uint TAG_DONE = 0;
    [CConstant("AVT_Type")] public const uint AVT_Type = 0x80000001;
    [CConstant("AVT_Contiguous")] public const uint AVT_Contiguous = 0x80000002;
    [CConstant("AVT_Alignment")] public const uint AVT_Alignment = 0x80000004;
    [CConstant("AVT_ClearWithValue")] public const uint AVT_ClearWithValue = 0x80000006;
    [CConstant("ASOT_DMAENTRY")] public const uint ASOT_DMAENTRY = 4;
    [CConstant("ASOT_PORT")] public const uint ASOT_PORT = 6;
    [CConstant("ASOT_MUTEX")] public const uint ASOT_MUTEX = 13;
    [CConstant("ASODMAE_NumEntries")] public const uint ASODMAE_NumEntries = 0x8000000B;
    [CConstant("AT_Param1")] public const uint AT_Param1 = 0x80000001;
    // dos/dos.h
    [CConstant("SIGBREAKF_CTRL_C")] public const uint SIGBREAKF_CTRL_C = 1u << 12;

    [CBinding("AllocVecTags", Interface = "IExec")] public static extern void* AllocVecTags(uint size, params uint[] tags);
    [CBinding("FreeVec", Interface = "IExec")] public static extern void FreeVec(void* memory);
    [CBinding("CopyMem", Interface = "IExec")] public static extern void CopyMem(void* source, void* dest, uint size);
    [CBinding("CacheClearE", Interface = "IExec")] public static extern void CacheClearE(void* address, uint length, uint caches);
    [CBinding("StartDMA", Interface = "IExec")] public static extern uint StartDMA(void* address, uint size, uint flags);
    [CBinding("GetDMAList", Interface = "IExec")] public static extern void GetDMAList(void* address, uint size, uint flags, DMAEntry* list);
    [CBinding("EndDMA", Interface = "IExec")] public static extern void EndDMA(void* address, uint size, uint flags);
    [CBinding("AllocSysObjectTags", Interface = "IExec")] public static extern void* AllocSysObjectTags(uint type, params uint[] tags);
    [CBinding("FreeSysObject", Interface = "IExec")] public static extern void FreeSysObject(uint type, void* obj);
    [CBinding("MutexObtain", Interface = "IExec")] public static extern void MutexObtain(void* mutex);
    [CBinding("MutexRelease", Interface = "IExec")] public static extern void MutexRelease(void* mutex);
    [CBinding("CreateTaskTags", Interface = "IExec")] public static extern Task* CreateTaskTags(string name, int pri, void* initPC, uint stackSize, params uint[] tags);
    [CBinding("FindTask", Interface = "IExec")] public static extern Task* FindTask(byte* name);
    [CBinding("AllocSignal", Interface = "IExec")] public static extern sbyte AllocSignal(int signalNum);
    [CBinding("FreeSignal", Interface = "IExec")] public static extern void FreeSignal(int signalNum);
    [CBinding("Signal", Interface = "IExec")] public static extern void Signal(Task* task, uint signals);
    [CBinding("Wait", Interface = "IExec")] public static extern uint Wait(uint signals);
    [CBinding("SetSignal", Interface = "IExec")] public static extern uint SetSignal(uint newSignals, uint mask);
    [CBinding("PutMsg", Interface = "IExec")] public static extern void PutMsg(MsgPort* port, Message* message);
    [CBinding("GetMsg", Interface = "IExec")] public static extern Message* GetMsg(MsgPort* port);
    [CBinding("ReplyMsg", Interface = "IExec")] public static extern void ReplyMsg(Message* message);
    [CBinding("Remove", Interface = "IExec")] public static extern void Remove(Node* node);
    [CBinding("NewList", Interface = "IExec")] public static extern void NewList(List* list);
    [CBinding("DebugPrintF", Interface = "IExec")] public static extern void DebugPrintF(string format, params uint[] args);

    // exec/memory.h, exec/nodes.h, exec/exectags.h: more of what drivers name
    [CConstant("MEMF_ANY")] public const uint MEMF_ANY = 0;
    [CConstant("MEMF_CLEAR")] public const uint MEMF_CLEAR = 1u << 16;
    [CConstant("CACRF_ClearI")] public const uint CACRF_ClearI = 1u << 3;
    [CConstant("NT_TASK")] public const byte NT_TASK = 1;
    [CConstant("NT_SEMAPHORE")] public const byte NT_SEMAPHORE = 14;
    [CConstant("NT_SIGNALSEM")] public const byte NT_SIGNALSEM = 15;
    [CConstant("SIGF_SINGLE")] public const uint SIGF_SINGLE = 1u << 4;
    [CConstant("ASOT_IOREQUEST")] public const uint ASOT_IOREQUEST = 0;
    [CConstant("ASOT_SEMAPHORE")] public const uint ASOT_SEMAPHORE = 8;
    [CConstant("ASOIOR_Size")] public const uint ASOIOR_Size = 0x8000000A;
    [CConstant("ASOIOR_ReplyPort")] public const uint ASOIOR_ReplyPort = 0x8000000B;

    // lists (exec.library autodoc: Insert, AddHead, AddTail, RemHead, RemTail, Enqueue, FindName)
    [CBinding("Insert", Interface = "IExec")] public static extern void Insert(List* list, Node* node, Node* pred);
    [CBinding("AddHead", Interface = "IExec")] public static extern void AddHead(List* list, Node* node);
    [CBinding("AddTail", Interface = "IExec")] public static extern void AddTail(List* list, Node* node);
    [CBinding("RemHead", Interface = "IExec")] public static extern Node* RemHead(List* list);
    [CBinding("RemTail", Interface = "IExec")] public static extern Node* RemTail(List* list);
    [CBinding("Enqueue", Interface = "IExec")] public static extern void Enqueue(List* list, Node* node);
    [CBinding("FindName", Interface = "IExec")] public static extern Node* FindName(List* start, byte* name);

    // interrupts (exec.library autodoc: AddIntServer, RemIntServer, Cause, Disable, Enable)
    [CBinding("AddIntServer", Interface = "IExec")] public static extern bool AddIntServer(uint intNumber, Interrupt* interrupt);
    [CBinding("RemIntServer", Interface = "IExec")] public static extern void RemIntServer(uint intNumber, Interrupt* interrupt);
    [CBinding("Cause", Interface = "IExec")] public static extern void Cause(Interrupt* interrupt);
    [CBinding("Disable", Interface = "IExec")] public static extern void Disable();
    [CBinding("Enable", Interface = "IExec")] public static extern void Enable();

    // semaphores and mutexes (exec.library autodoc: InitSemaphore, ObtainSemaphore, ..., MutexAttempt)
    [CBinding("InitSemaphore", Interface = "IExec")] public static extern void InitSemaphore(SignalSemaphore* sem);
    [CBinding("ObtainSemaphore", Interface = "IExec")] public static extern void ObtainSemaphore(SignalSemaphore* sem);
    [CBinding("ObtainSemaphoreShared", Interface = "IExec")] public static extern void ObtainSemaphoreShared(SignalSemaphore* sem);
    [CBinding("AttemptSemaphore", Interface = "IExec")] public static extern uint AttemptSemaphore(SignalSemaphore* sem);
    [CBinding("ReleaseSemaphore", Interface = "IExec")] public static extern void ReleaseSemaphore(SignalSemaphore* sem);
    [CBinding("MutexAttempt", Interface = "IExec")] public static extern bool MutexAttempt(void* mutex);

    // ports and device I/O (exec.library autodoc: WaitPort, OpenDevice, CloseDevice, DoIO, SendIO, CheckIO, WaitIO, AbortIO)
    [CBinding("WaitPort", Interface = "IExec")] public static extern Message* WaitPort(MsgPort* port);
    [CBinding("OpenDevice", Interface = "IExec")] public static extern sbyte OpenDevice(string devName, uint unitNumber, IORequest* ioRequest, uint flags);
    [CBinding("CloseDevice", Interface = "IExec")] public static extern void CloseDevice(IORequest* ioRequest);
    [CBinding("DoIO", Interface = "IExec")] public static extern sbyte DoIO(IORequest* ioRequest);
    [CBinding("SendIO", Interface = "IExec")] public static extern void SendIO(IORequest* ioRequest);
    [CBinding("CheckIO", Interface = "IExec")] public static extern IORequest* CheckIO(IORequest* ioRequest);
    [CBinding("WaitIO", Interface = "IExec")] public static extern sbyte WaitIO(IORequest* ioRequest);
    [CBinding("AbortIO", Interface = "IExec")] public static extern void AbortIO(IORequest* ioRequest);

    // tasks and caches
    [CBinding("DeleteTask", Interface = "IExec")] public static extern void DeleteTask(Task* task);
    [CBinding("CacheClearU", Interface = "IExec")] public static extern void CacheClearU();
}

/// <summary>Exec's multitasking switch (interfaces/exec.h).</summary>
[CHeader("interfaces/exec.h")]
public static class ExecTasking
{
    [CBinding("Forbid", Interface = "IExec")] public static extern void Forbid();
    [CBinding("Permit", Interface = "IExec")] public static extern void Permit();
}
