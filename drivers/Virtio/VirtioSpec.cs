// Names and structures of the VirtIO 1.2 specification (OASIS, virtio-v1.2-cs01), shared by
// every VirtIO driver: device status, feature bits, the split virtqueue's memory layout.
using System.Runtime.InteropServices;
using DriverCompiler.Dsl;

namespace Virtio;

/// <summary>Device status bits (spec 2.1).</summary>
public static class VirtioStatus
{
    public const byte Acknowledge = 1;
    public const byte Driver = 2;
    public const byte DriverOk = 4;
    public const byte FeaturesOk = 8;
    public const byte DeviceNeedsReset = 64;
    public const byte Failed = 128;
}

/// <summary>Reserved feature bits (spec 6) as bit numbers.</summary>
public static class VirtioF
{
    public const int IndirectDesc = 28;
    public const int EventIdx = 29;
    public const int Version1 = 32;
}

/// <summary>Descriptor flags (spec 2.7.5: VIRTQ_DESC_F_*).</summary>
public static class VirtqDescF
{
    public const ushort Next = 1;
    public const ushort Write = 2;
    public const ushort Indirect = 4;
}

/// <summary>
/// struct virtq_desc (spec 2.7.5), 16 bytes. Little-endian on a modern (VirtIO 1.x) device,
/// guest-native on a legacy one, so the fields are raw and <see cref="Virtqueue"/> orders them.
/// </summary>
[Dma, StructLayout(LayoutKind.Sequential)]
public struct VirtqDesc
{
    public ulong Addr;
    public uint Len;
    public ushort Flags;
    public ushort Next;
}

/// <summary>struct virtq_avail's header (spec 2.7.6); ring[queue size] and used_event follow.</summary>
[Dma, StructLayout(LayoutKind.Sequential)]
public struct VirtqAvail
{
    public ushort Flags;
    public ushort Idx;
}

/// <summary>struct virtq_used_elem (spec 2.7.8), 8 bytes.</summary>
[Dma, StructLayout(LayoutKind.Sequential)]
public struct VirtqUsedElem
{
    public uint Id;
    public uint Len;
}

/// <summary>struct virtq_used's header (spec 2.7.8); ring[queue size] and avail_event follow.</summary>
[Dma, StructLayout(LayoutKind.Sequential)]
public struct VirtqUsed
{
    public ushort Flags;
    public ushort Idx;
}

/// <summary>One buffer of a request as the driver describes it: bus address and length.</summary>
public struct VirtqBuf
{
    public ulong Addr;
    public uint Len;
}

/// <summary>The byte order of VirtIO structures: little-endian (modern) or the CPU's (legacy).</summary>
public static class VirtioEndian
{
    [CBinding("DRV_CPU_TO_LE16")] public static ushort CpuToLe16(ushort v) => System.BitConverter.IsLittleEndian ? v : Endian.Swap16(v);
    [CBinding("DRV_CPU_TO_LE32")] public static uint CpuToLe32(uint v) => System.BitConverter.IsLittleEndian ? v : Endian.Swap32(v);
    [CBinding("DRV_CPU_TO_LE64")] public static ulong CpuToLe64(ulong v) => System.BitConverter.IsLittleEndian ? v : Endian.Swap64(v);
}
