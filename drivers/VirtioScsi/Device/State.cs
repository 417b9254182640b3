// The device's state: the library base (the controller) and one unit per SCSI logical unit found.
using System.Runtime.CompilerServices;
using AmigaDevice;
using AmigaOS;
using Scsi;
using Virtio;

namespace VirtioScsiDevice;

/// <summary>Sizes and limits of the device.</summary>
public static class Limits
{
    /// <summary>The cookie owner of the probe unit (discovery and events): above any unit's index + 1.</summary>
    public const uint ProbeOwner = 0xFFFFFF;
    /// <summary>Units the table holds at first; it doubles when full (there is no limit but memory).</summary>
    public const uint FirstUnitTable = 16;
    /// <summary>The probe unit's bounce buffer: REPORT LUNS data of up to 2047 LUNs (8-byte header, 8 bytes each).</summary>
    public const uint ProbeBounce = 16384;
    /// <summary>Buffers kept on the event queue (VIRTIO_SCSI_F_HOTPLUG / F_CHANGE events), 16 bytes each.</summary>
    public const int EventBuffers = 8;
    public const uint EventBytes = 16;
    /// <summary>The event task: priority above the unit tasks (an event may stop or start units), its stack.</summary>
    public const int EventTaskPriority = 10;
    public const uint EventTaskStack = 16384;
    /// <summary>Pipeline slots per unit (requests in flight at once).</summary>
    public const int PipelineSlots = 16;
    /// <summary>Index of the slot kept for synchronous commands (INQUIRY, READ CAPACITY, SYNCHRONIZE CACHE).</summary>
    public const int SyncSlot = 16;
    public const int SlotCount = 17;
    /// <summary>Transfers up to this size go through a cacheable bounce buffer; larger ones are mapped with StartDMA.</summary>
    public const uint BounceSize = 65536;
    /// <summary>Scatter-gather entries of one transfer mapped with StartDMA.</summary>
    public const int MaxSg = 64;
    /// <summary>The smallest page StartDMA can split a buffer at: a part of (MaxSg - 1) pages maps to at most MaxSg runs.</summary>
    public const uint PageSize = 4096;
    /// <summary>Per slot in the DMA control block: request header, response, indirect table (request + response + data).</summary>
    public const uint ReqOffset = 0, RespOffset = 64, TableOffset = 192, SlotBytes = 192 + 16 * (MaxSg + 2);
    /// <summary>Cache line size the control block's parts are aligned to.</summary>
    public const uint CacheLine = 32;
    public const int Retries = 3;
    public const uint DefaultBlockSize = 512;
    /// <summary>Polled completions (device bring-up, or no interrupt): iterations before IOERR_SELFTEST.</summary>
    public const int PollLimit = 20000000;
}

/// <summary>Slot states.</summary>
public static class SlotState
{
    public const byte Free = 0;
    public const byte Busy = 1;
    public const byte Done = 2;
}

/// <summary>One request the device is working on, with the DMA memory it uses.</summary>
public unsafe struct Slot
{
    public IOStdReq* Io;
    public VirtioScsiReqCmd* Req;
    public VirtioScsiRespCmd* Resp;
    public VirtqDesc* Table;
    public ulong ReqPhys;
    public ulong RespPhys;
    public ulong TablePhys;
    public byte* Bounce;
    public ulong BouncePhys;
    public DMAEntry* DmaList;
    /// <summary>The whole transfer: the caller's buffer, its length, its first block and the block size.</summary>
    public byte* Start;
    public uint Total;
    public ulong Lba;
    public uint BlockSize;
    /// <summary>Bytes finished by earlier commands when a transfer runs as several (<see cref="Chunked"/>).</summary>
    public uint Done;
    /// <summary>What the command in flight moves: its part of the buffer and how it is mapped.</summary>
    public byte* Data;
    public uint Length;
    public uint DmaFlags;
    public uint DmaEntries;
    public uint Written;
    public byte State;
    public byte Index;
    public byte Tries;
    public bool IsWrite;
    public bool UsesBounce;
    public bool Mapped;
    /// <summary>The buffer maps to more runs than one command takes: it goes as several commands.</summary>
    public bool Chunked;
    /// <summary>An HD_SCSICMD passthrough: the caller's CDB, completed by <see cref="ScsiDirect.Complete"/>.</summary>
    public bool Direct;
    /// <summary>The CDB, kept for a retry after UNIT ATTENTION.</summary>
    public byte CdbLength;
}

[InlineArray(Limits.SlotCount)]
public struct SlotTable
{
    private Slot element;
}

/// <summary>One SCSI logical unit: what io_Unit points at (the library's exec unit first).</summary>
public unsafe struct DevUnit
{
    /// <summary>exec's unit, the unit task, its port, the open count and the held change requests.</summary>
    public ExecUnit Core;
    public VirtioScsiBase* Base;
    /// <summary>The unit number (its place in the unit table; cookies carry it + 1).</summary>
    public uint Index;
    public byte Target;
    public ushort Lun;
    public byte DeviceType;
    public bool Removable;
    public bool CapacityValid;
    /// <summary>Hot-unplugged (a TRANSPORT_RESET REMOVED event, or a rescan that no longer finds it): every request
    /// fails with TDERR_BadUnitNum until the same target and LUN come back.</summary>
    public bool Gone;
    /// <summary>Found again by the rescan in progress (a unit a full rescan does not see is gone).</summary>
    public bool Seen;
    public ulong TotalBlocks;
    public uint BlockSize;
    /// <summary>DMA control block of the slots and where the device sees it.</summary>
    public byte* Control;
    public ulong ControlPhys;
    public DMAEntry* DmaLists;
    public bool BuffersReady;
    public SlotTable Slots;
    public fixed byte InquiryData[36];
}

[InlineArray(3)]
public struct QueueTable
{
    private Virtqueue element;
}

/// <summary>The device base: struct Device first (the kernel allocates CLT_DataSize bytes of it).</summary>
public unsafe struct VirtioScsiBase
{
    public Device Dev;
    public VirtioPci Pci;
    public QueueTable Queues;
    public byte* RingMemory;
    public uint RingBytes;
    public ulong RingPhys;
    public uint* Cookies;
    public void* IoLock;
    /// <summary>The unit table: unit number → unit, <see cref="UnitCount"/> used of <see cref="UnitCapacity"/>.</summary>
    public DevUnit** Units;
    public uint UnitCount;
    public uint UnitCapacity;
    /// <summary>The largest target and LUN the device addresses (virtio_scsi_config max_target, max_lun).</summary>
    public uint MaxTarget;
    public uint MaxLun;
    /// <summary>VIRTIO_SCSI_F_HOTPLUG / F_CHANGE were negotiated: the event queue is stocked and the event task runs.</summary>
    public bool Events;
    /// <summary>The event queue's buffers (<see cref="Limits.EventBuffers"/> × 16 bytes, one DMA block) and the event task.</summary>
    public byte* EventMemory;
    public ulong EventPhys;
    public DeviceTask EventTask;
    /// <summary>The event task's signal: an event buffer came back, or a probe command completed.</summary>
    public uint EventMask;
    /// <summary>Events handled, by kind (for the debug line and the tests' log).</summary>
    public uint EventsSeen;
    public uint IrqNumber;
    public bool IrqInstalled;
    public bool UseIndirect;
    public bool EventIdx;
    public ushort InFlight;
    public uint Interrupts;
    /// <summary>A one-slot control block for the polled commands of unit discovery.</summary>
    public DevUnit Probe;
}
