// Mirrors of the AmigaOS 4.1 SDK's exec structures and the exec interface methods the driver
// calls. Names, values and layouts are the SDK's (exec/*.h, interfaces/exec.h); structures are
// packed to 2 bytes as the SDK builds them. [CType] structs are not emitted: the C uses the SDK's.
using System.Runtime.InteropServices;
using DriverCompiler.Dsl;

namespace AmigaOS;

/// <summary>struct Node (exec/nodes.h), 14 bytes.</summary>
[CType("struct Node"), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct Node
{
    public Node* ln_Succ;
    public Node* ln_Pred;
    public byte ln_Type;
    public sbyte ln_Pri;
    public byte* ln_Name;
}

/// <summary>struct MinNode (exec/nodes.h), 8 bytes.</summary>
[CType("struct MinNode"), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct MinNode
{
    public MinNode* mln_Succ;
    public MinNode* mln_Pred;
}

/// <summary>struct List (exec/lists.h), 14 bytes.</summary>
[CType("struct List"), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct List
{
    public Node* lh_Head;
    public Node* lh_Tail;
    public Node* lh_TailPred;
    public byte lh_Type;
    public byte l_pad;
}

/// <summary>struct MsgPort (exec/ports.h), 34 bytes.</summary>
[CType("struct MsgPort"), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct MsgPort
{
    public Node mp_Node;
    public byte mp_Flags;
    public byte mp_SigBit;
    public void* mp_SigTask;
    public List mp_MsgList;
}

/// <summary>struct Message (exec/ports.h), 20 bytes.</summary>
[CType("struct Message"), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct Message
{
    public Node mn_Node;
    public MsgPort* mn_ReplyPort;
    public ushort mn_Length;
}

/// <summary>struct Library (exec/libraries.h), 34 bytes.</summary>
[CType("struct Library"), StructLayout(LayoutKind.Sequential, Pack = 2)]
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
[CType("struct Device"), StructLayout(LayoutKind.Sequential, Pack = 2)]
public struct Device
{
    public Library dd_Library;
}

/// <summary>struct Unit (exec/devices.h), 38 bytes: the head of every unit a device hands out in io_Unit.</summary>
[CType("struct Unit"), StructLayout(LayoutKind.Sequential, Pack = 2)]
public struct Unit
{
    public MsgPort unit_MsgPort;
    public byte unit_flags;
    public byte unit_pad;
    public ushort unit_OpenCnt;
}

/// <summary>struct IORequest (exec/io.h), 32 bytes.</summary>
[CType("struct IORequest"), StructLayout(LayoutKind.Sequential, Pack = 2)]
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
[CType("struct IOStdReq"), StructLayout(LayoutKind.Sequential, Pack = 2)]
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
[CType("struct DMAEntry"), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct DMAEntry
{
    public void* PhysicalAddress;
    public uint BlockLength;
}

/// <summary>struct Task (exec/tasks.h): only ever handled by pointer.</summary>
[CType("struct Task")]
public struct Task { }

/// <summary>
/// Exec's interface (interfaces/exec.h) and the exec constants the driver uses (exec/*.h,
/// dos/dos.h). Source: AmigaOS 4.1 SDK autodocs of exec.library.
/// </summary>
[CHeader("exec/exec.h"), CHeader("interfaces/exec.h"), CHeader("dos/dos.h")]
public static unsafe class Exec
{
    // exec/nodes.h
    public const byte NT_INTERRUPT = 2;
    public const byte NT_DEVICE = 3;
    public const byte NT_MSGPORT = 4;
    public const byte NT_MESSAGE = 5;
    public const byte NT_REPLYMSG = 7;
    // exec/ports.h
    public const byte PA_SIGNAL = 0;
    public const byte PA_IGNORE = 2;
    // exec/devices.h
    public const byte UNITF_ACTIVE = 1 << 0;
    // exec/io.h
    public const byte IOF_QUICK = 1 << 0;
    public const ushort CMD_INVALID = 0;
    public const ushort CMD_RESET = 1;
    public const ushort CMD_READ = 2;
    public const ushort CMD_WRITE = 3;
    public const ushort CMD_UPDATE = 4;
    public const ushort CMD_CLEAR = 5;
    public const ushort CMD_STOP = 6;
    public const ushort CMD_START = 7;
    public const ushort CMD_FLUSH = 8;
    // exec/errors.h
    public const sbyte IOERR_OPENFAIL = -1;
    public const sbyte IOERR_ABORTED = -2;
    public const sbyte IOERR_NOCMD = -3;
    public const sbyte IOERR_BADLENGTH = -4;
    public const sbyte IOERR_BADADDRESS = -5;
    public const sbyte IOERR_UNITBUSY = -6;
    public const sbyte IOERR_SELFTEST = -7;
    // exec/memory.h
    public const uint MEMF_PUBLIC = 1u << 0;
    public const uint MEMF_LOCAL = 1u << 8;
    public const uint MEMF_PRIVATE = 1u << 11;
    public const uint MEMF_SHARED = 1u << 12;
    public const uint DMA_ReadFromRAM = 1u << 3;
    public const uint DMAF_NoModify = 1u << 2;
    public const uint CACRF_ClearD = 1u << 11;
    public const uint CACRF_InvalidateD = 1u << 15;
    // utility/tagitem.h and exec/exectags.h
    public const uint TAG_DONE = 0;
    public const uint AVT_Type = 0x80000001;
    public const uint AVT_Contiguous = 0x80000002;
    public const uint AVT_Alignment = 0x80000004;
    public const uint AVT_ClearWithValue = 0x80000006;
    public const uint ASOT_DMAENTRY = 4;
    public const uint ASOT_PORT = 6;
    public const uint ASOT_MUTEX = 13;
    public const uint ASODMAE_NumEntries = 0x8000000B;
    public const uint AT_Param1 = 0x80000001;
    // dos/dos.h
    public const uint SIGBREAKF_CTRL_C = 1u << 12;

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
}

/// <summary>Exec's multitasking switch (interfaces/exec.h).</summary>
[CHeader("interfaces/exec.h")]
public static class ExecTasking
{
    [CBinding("Forbid", Interface = "IExec")] public static extern void Forbid();
    [CBinding("Permit", Interface = "IExec")] public static extern void Permit();
}
