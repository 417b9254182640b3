// virtio-blk's part of the VirtIO 1.2 specification (OASIS virtio-v1.2-cs01, section 5.2): PCI ids,
// feature bits, the device configuration layout, request types, status values and the structures
// the driver places in DMA memory. The transport and the split virtqueue come from drivers/Virtio.
using System.Runtime.InteropServices;
using DriverCompiler.Dsl;

namespace VirtioBlkDevice;

/// <summary>virtio-blk's PCI device ids (spec 4.1.2.1: transitional 0x1001, modern 0x1040 + device id 2).</summary>
public static class VirtioBlkPci
{
    public const uint DeviceTransitional = 0x1001;
    public const uint DeviceModern = 0x1042;
}

/// <summary>virtio-blk feature bits as bit numbers (spec 5.2.3), beside the transport's <c>VirtioF</c>.</summary>
public static class VirtioBlkF
{
    /// <summary>size_max: the largest single segment, in bytes.</summary>
    public const int SizeMax = 1;
    /// <summary>seg_max: the most segments in one request.</summary>
    public const int SegMax = 2;
    public const int Geometry = 4;
    /// <summary>The device is read-only.</summary>
    public const int Ro = 5;
    /// <summary>blk_size: the logical block size.</summary>
    public const int BlkSize = 6;
    /// <summary>VIRTIO_BLK_T_FLUSH is supported (legacy name: WCE).</summary>
    public const int Flush = 9;
    public const int Topology = 10;
    /// <summary>The writeback field (the cache mode) is in the configuration.</summary>
    public const int ConfigWce = 11;
    /// <summary>num_queues: several request queues (not negotiated: one queue per device suffices, see README).</summary>
    public const int Mq = 12;
    public const int Discard = 13;
    public const int WriteZeroes = 14;
}

/// <summary>Offsets of struct virtio_blk_config's fields (spec 5.2.4).</summary>
public static class VirtioBlkConfig
{
    /// <summary>le64: the capacity in 512-byte sectors, whatever blk_size says.</summary>
    public const uint Capacity = 0;
    public const uint SizeMax = 8;
    public const uint SegMax = 12;
    public const uint Cylinders = 16;
    public const uint Heads = 18;
    public const uint Sectors = 19;
    public const uint BlkSize = 20;
    public const uint PhysicalBlockExp = 24;
    public const uint AlignmentOffset = 25;
    public const uint MinIoSize = 26;
    public const uint OptIoSize = 28;
    public const uint Writeback = 32;
    public const uint NumQueues = 34;
    public const uint MaxDiscardSectors = 36;
    public const uint MaxDiscardSeg = 40;
    public const uint DiscardSectorAlignment = 44;
    public const uint MaxWriteZeroesSectors = 48;
    public const uint MaxWriteZeroesSeg = 52;
    public const uint WriteZeroesMayUnmap = 56;
}

/// <summary>Request types (spec 5.2.6: VIRTIO_BLK_T_*).</summary>
public static class VirtioBlkT
{
    public const uint In = 0;
    public const uint Out = 1;
    public const uint Flush = 4;
    public const uint GetId = 8;
    public const uint Discard = 11;
    public const uint WriteZeroes = 13;
}

/// <summary>The status byte the device writes last (spec 5.2.6: VIRTIO_BLK_S_*).</summary>
public static class VirtioBlkS
{
    public const byte Ok = 0;
    public const byte IoErr = 1;
    public const byte Unsupp = 2;
}

/// <summary>Sizes fixed by the specification.</summary>
public static class VirtioBlkSizes
{
    /// <summary>The unit of the outhdr's sector and of capacity (spec 5.2.6: always 512 bytes).</summary>
    public const uint SectorSize = 512;
    /// <summary>GET_ID's answer: 20 bytes, zero-padded when the serial is shorter (spec 5.2.6).</summary>
    public const uint IdBytes = 20;
    public const uint OutHdrBytes = 16;
    public const uint DiscardSegmentBytes = 16;
    /// <summary>The unmap flag of a WRITE_ZEROES segment (spec 5.2.6: bit 0 of flags).</summary>
    public const uint FlagUnmap = 1;
}

/// <summary>
/// struct virtio_blk_req's device-readable header (spec 5.2.6), 16 bytes: type, the reserved field
/// (legacy: ioprio) and the sector in 512-byte units. Little-endian on a modern device,
/// guest-native on a legacy one: the driver orders the fields with the queue's To32/To64.
/// </summary>
[Dma, StructLayout(LayoutKind.Sequential)]
public struct VirtioBlkOutHdr
{
    public uint Type;
    public uint Ioprio;
    public ulong Sector;
}

/// <summary>struct virtio_blk_discard_write_zeroes (spec 5.2.6), 16 bytes: one range of a DISCARD or WRITE_ZEROES.</summary>
[Dma, StructLayout(LayoutKind.Sequential)]
public struct VirtioBlkDiscardWriteZeroes
{
    public ulong Sector;
    public uint NumSectors;
    public uint Flags;
}
