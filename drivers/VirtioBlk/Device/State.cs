// The device's state: the library base and one unit per virtio-blk PCI function.
using System.Runtime.CompilerServices;
using AmigaDevice;
using AmigaOS;
using DriverCompiler.Dsl;
using Virtio;

namespace VirtioBlkDevice;

/// <summary>Sizes and limits of the device.</summary>
public static class Limits
{
    /// <summary>virtio-blk functions served (unit numbers 0..7, in discovery order).</summary>
    public const int MaxUnits = 8;
    /// <summary>Requests of one unit in flight at once (each takes one ring descriptor with INDIRECT_DESC).</summary>
    public const int PipelineSlots = 16;
    public const int SlotCount = 16;
    /// <summary>Transfers up to this size go through a cacheable bounce buffer; larger ones are mapped with StartDMA.</summary>
    public const uint BounceSize = 65536;
    /// <summary>Scatter-gather entries of one mapped window, and so the most data segments of one request.</summary>
    public const int MaxSg = 64;
    /// <summary>The smallest page StartDMA can split a buffer at: a window of (MaxSg - 1) pages maps to at most MaxSg runs.</summary>
    public const uint PageSize = 4096;
    /// <summary>Per slot in the DMA control block: outhdr, status byte, DISCARD/WRITE_ZEROES range, indirect table.</summary>
    public const uint HdrOffset = 0, StatusOffset = 32, RangeOffset = 64, TableOffset = 96, SlotBytes = 96 + 16 * (MaxSg + 2);
    /// <summary>Cache line size the control block's parts are aligned to.</summary>
    public const uint CacheLine = 32;
    /// <summary>Polled completions (no interrupt): iterations before IOERR_SELFTEST.</summary>
    public const int PollLimit = 20000000;
}

/// <summary>
/// Debug output to the serial console (DebugPrintF), by level as viostor's trace levels: 0 none (every
/// trace is a constant-false test the C compiler removes), 1 bring-up, CMD_RESET and capacity changes,
/// 2 also every request that completes with an error, 3 also every request part submitted. A build option:
/// the C build may choose another level with <c>-DVBLK_DEBUG_TRACE_LEVEL=3</c>, since every test of it stays
/// a comparison of that name in the C.
/// </summary>
public static class DebugTrace
{
    [BuildOption] public const int Level = 1;
}

/// <summary>Slot states.</summary>
public static class SlotState
{
    public const byte Free = 0;
    /// <summary>Prepared, waiting for room on the ring (the unit task submits it on its next round).</summary>
    public const byte Waiting = 1;
    public const byte Busy = 2;
}

/// <summary>What a slot's request is for, and so how its completion is finished.</summary>
public static class SlotKind
{
    /// <summary>CMD_READ/WRITE and the 64-bit forms: IN/OUT parts until the transfer is done.</summary>
    public const byte Block = 0;
    /// <summary>CMD_UPDATE, SYNCHRONIZE CACHE: one FLUSH.</summary>
    public const byte Flush = 1;
    /// <summary>DISCARD or WRITE_ZEROES ranges (UNMAP, WRITE SAME): one request per range part.</summary>
    public const byte Range = 2;
    /// <summary>INQUIRY's unit serial number or device identification page: GET_ID, then the page is built.</summary>
    public const byte GetId = 3;
}

/// <summary>One request the device is working on, with the DMA memory it uses.</summary>
public unsafe struct Slot
{
    public IOStdReq* Io;
    public VirtioBlkOutHdr* Hdr;
    public byte* Status;
    public VirtioBlkDiscardWriteZeroes* Range;
    public VirtqDesc* Table;
    public ulong HdrPhys;
    public ulong StatusPhys;
    public ulong RangePhys;
    public ulong TablePhys;
    public byte* Bounce;
    public ulong BouncePhys;
    public DMAEntry* DmaList;
    public byte Kind;
    /// <summary>The request type of the parts (VIRTIO_BLK_T_*).</summary>
    public uint Type;
    /// <summary>The whole transfer: the caller's buffer, its length, its first 512-byte sector.</summary>
    public byte* Start;
    public uint Total;
    public ulong Sector;
    /// <summary>Bytes (Block) or sectors of the current range (Range) finished by earlier parts.</summary>
    public uint Done;
    /// <summary>What the part in flight moves: bytes (Block) or sectors (Range).</summary>
    public uint Length;
    /// <summary>The StartDMA window of a transfer larger than the bounce buffer: offset in the transfer, length, flags, runs.</summary>
    public uint MapStart;
    public uint MapLength;
    public uint DmaFlags;
    public uint DmaEntries;
    public bool Mapped;
    public bool UsesBounce;
    public bool IsWrite;
    /// <summary>Range: the UNMAP descriptors left after the current one (in the caller's parameter list) and where the next is.</summary>
    public uint RangesLeft;
    public byte* NextRange;
    /// <summary>Range: sectors of the current range (Done counts the finished ones).</summary>
    public uint RangeSectors;
    public uint RangeFlags;
    /// <summary>HD_SCSICMD answered on completion (a VPD page built from GET_ID): bytes the caller allows.</summary>
    public uint AnswerLimit;
    /// <summary>The VPD page code to build from GET_ID: 0x80 (unit serial number) or 0x83 (device identification).</summary>
    public byte AnswerPage;
    public uint Written;
    public byte State;
    public byte Index;
}

[InlineArray(Limits.SlotCount)]
public struct SlotTable
{
    private Slot element;
}

/// <summary>One virtio-blk PCI function: what io_Unit points at (struct Unit first).</summary>
public unsafe struct DevUnit
{
    /// <summary>exec's unit, the unit task, its port, the open count, TD_CHANGENUM, TD_PROTSTATUS (VIRTIO_BLK_F_RO)
    /// and the held TD_ADDCHANGEINT.</summary>
    public ExecUnit Core;
    public VirtioBlkBase* Base;
    public VirtioPci Pci;
    public Virtqueue Vq;
    public byte* RingMemory;
    public uint RingBytes;
    public ulong RingPhys;
    public uint* Cookies;
    public byte Index;
    /// <summary>The features both sides accepted (bit numbers of VirtioF and VirtioBlkF).</summary>
    public ulong Features;
    public bool UseIndirect;
    public bool EventIdx;
    /// <summary>The configuration (spec 5.2.4), read under the configuration generation.</summary>
    public ulong Capacity;
    public uint BlockSize;
    public uint SizeMax;
    public uint SegMax;
    public ushort Cylinders;
    public byte Heads;
    public byte Sectors;
    public byte Writeback;
    public uint MaxDiscardSectors;
    public uint MaxWriteZeroesSectors;
    public bool WriteZeroesMayUnmap;
    /// <summary>Data segments one request may carry: seg_max, MaxSg and (without indirect tables) the ring less header and status.</summary>
    public uint SegLimit;
    public uint IrqNumber;
    public bool IrqInstalled;
    /// <summary>Set by the interrupt server on a configuration-change interrupt; the unit task re-reads the configuration.</summary>
    public bool ConfigChanged;
    /// <summary>Sense of the last CHECK CONDITION not delivered by autosense (key, ASC; key NO SENSE when none):
    /// REQUEST SENSE returns it, and any other command clears it (SPC-4 5.12, as SCSI-2's contingent allegiance).</summary>
    public byte PendingSenseKey;
    public byte PendingSenseAsc;
    public byte* Control;
    public ulong ControlPhys;
    public DMAEntry* DmaLists;
    public bool BuffersReady;
    public SlotTable Slots;
}

/// <summary>The device base: struct Device first (the kernel allocates CLT_DataSize bytes of it).</summary>
public unsafe struct VirtioBlkBase
{
    public Device Dev;
    public DevUnit** Units;
    public uint UnitCount;
    public uint Interrupts;
}
