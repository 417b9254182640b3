// Compound assignment on Le/Be values and on [Mmio] endian registers: converted to native, computed,
// converted back (and one register read then one write, in that order).
using DriverCompiler.Dsl;

namespace Corpus.EndianCompound;

[Mmio]
public struct Regs
{
    public Le32 Control;
    public Be32 Counter;
    public Le16 Mask;
    public Be16 Window;
}

public struct Wire
{
    public Be16 Length;
    public Le32 Flags;
    public Be64 Lba;
}

public static unsafe class Program
{
    static Regs device;

    static void Dump(byte* p, int n)
    {
        for (int i = 0; i < n; i++) Probe.I(p[i]);
    }

    public static void Run()
    {
        Wire w = default;
        w.Length = (ushort)0xFFF0;
        w.Length += (ushort)0x20;
        w.Flags = 1u;
        w.Flags <<= 31;
        w.Flags |= 0x1234u;
        w.Lba = 0xFFFFFFFFul;
        w.Lba += 2ul;
        w.Lba >>= 1;
        Probe.I((ushort)w.Length);
        Probe.I((uint)w.Flags);
        Probe.U(w.Lba);
        Dump((byte*)&w, sizeof(Wire));
        fixed (Regs* r = &device)
        {
            r->Control = 0x10u;
            r->Control |= 0x80000001u;
            r->Counter = 0xFFFFFFFEu;
            r->Counter += 3u;
            r->Mask = (ushort)0x00FF;
            r->Mask ^= (ushort)0xFFFF;
            r->Window = (ushort)7;
            r->Window *= (ushort)3;
            Probe.I((uint)r->Control);
            Probe.I((uint)r->Counter);
            Probe.I((ushort)r->Mask);
            Probe.I((ushort)r->Window);
            Dump((byte*)r, sizeof(Regs));
        }
    }
}
