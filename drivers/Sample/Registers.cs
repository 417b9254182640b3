using System.Runtime.InteropServices;
using DriverCompiler.Dsl;

namespace Sample;

/// <summary>The device's register block (little-endian, as on a PCI device).</summary>
[Mmio]
[StructLayout(LayoutKind.Explicit)]
public struct SampleRegs
{
    [FieldOffset(0x00)] public Le32 Status;
    [FieldOffset(0x04)] public Le32 Control;
    [FieldOffset(0x08)] public Le64 RingBase;
    [FieldOffset(0x10)] public Le16 RingSize;
    [FieldOffset(0x12)] public byte Isr;
    [FieldOffset(0x14)] public Le32 Doorbell;
}

/// <summary>One descriptor of the request ring, shared with the device by DMA.</summary>
[Dma]
public struct Descriptor
{
    public Le64 Address;
    public Le32 Length;
    public Le16 Flags;
    public Le16 Next;
}

public enum SampleStatus : uint
{
    Ready = 1,
    Busy = 2,
    Error = 0x80,
}
