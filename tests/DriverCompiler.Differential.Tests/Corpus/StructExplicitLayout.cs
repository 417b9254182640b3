// [StructLayout(LayoutKind.Explicit)] with non-overlapping [FieldOffset]s, holes between fields.
using System.Runtime.InteropServices;

namespace Corpus.StructExplicitLayout;

[StructLayout(LayoutKind.Explicit, Size = 32)]
public struct Regs
{
    [FieldOffset(0)] public uint Id;
    [FieldOffset(4)] public ushort Status;
    [FieldOffset(8)] public uint Control;
    [FieldOffset(16)] public ulong Address;
    [FieldOffset(28)] public byte Irq;
}

[StructLayout(LayoutKind.Explicit)]
public struct Sparse
{
    [FieldOffset(0)] public byte A;
    [FieldOffset(12)] public int B;
}

public static unsafe class Program
{
    public static void Run()
    {
        Probe.I(sizeof(Regs));
        Probe.I(sizeof(Sparse));
        Regs r = default;
        r.Id = 0x1AF4;
        r.Status = 0xFFFF;
        r.Control = 0x80000000u;
        r.Address = 0xFEDCBA9876543210ul;
        r.Irq = 11;
        Probe.I(r.Id);
        Probe.I(r.Status);
        Probe.I(r.Control);
        Probe.U(r.Address);
        Probe.I(r.Irq);
        Probe.I((byte*)&r.Status - (byte*)&r);
        Probe.I((byte*)&r.Address - (byte*)&r);
        Probe.I((byte*)&r.Irq - (byte*)&r);
        byte* raw = (byte*)&r;
        Probe.I(raw[5] + raw[4]);
        Probe.I(raw[29]);
        Sparse s = default;
        s.B = -1;
        Probe.I(s.A);
        Probe.I(s.B);
        Probe.I((byte*)&s.B - (byte*)&s);
    }
}
