// Static pointers initialised from constant addresses (issue 10): `static Cia* ciaA = (Cia*)0xBFE001;`
// is initialized C data, `(struct cia *)0xBFE001`, also through parentheses, from a named constant,
// through a second pointer cast, as void*, negative (sign-extended as C# does) and in static readonly
// tables of pointers. Nothing is dereferenced: the addresses, their distances and pointer arithmetic
// on them must agree.
using DriverCompiler.Dsl;

namespace Corpus.AddressConstants;

[Mmio]
public struct Cia
{
    public byte Pra;        // 0x00
    public byte Pad0;
    public byte Prb;        // 0x02
    public byte Pad1;
}

public static unsafe class Hw
{
    public const uint CiaBBase = 0xBFD000;
    public const int Stride = 0x100;
}

public static unsafe class Program
{
    static Cia* ciaA = (Cia*)0xBFE001;
    static Cia* ciaB = ((Cia*)(Hw.CiaBBase));
    static Cia* ciaNext = (Cia*)(Hw.CiaBBase + Hw.Stride * 3);
    static byte* chipRam = (byte*)(Cia*)0x400u;
    static void* custom = (Cia*)0xDFF000L;
    static ushort* top = (ushort*)0xFFFFFFFEu;
    static Cia* notMapped = (Cia*)(-1);
    static Cia* none = null;
    static readonly Cia*[] Cias = new Cia*[] { (Cia*)0xBFE001, ((Cia*)Hw.CiaBBase), null, (Cia*)(-16) };
    static readonly byte*[] Windows = [(byte*)0xE80000, (byte*)(0xE80000 + 0x10000)];

    static uint At(void* p) => (uint)p;

    public static void Run()
    {
        Probe.U(At(ciaA));
        Probe.U(At(ciaB));
        Probe.U(At(ciaNext));
        Probe.U(At(chipRam));
        Probe.U(At(custom));
        Probe.U(At(top));
        Probe.U(At(notMapped));
        Probe.B(none == null);
        Probe.I((byte*)ciaA - (byte*)ciaB);
        Probe.U(At(ciaA + 1));
        Probe.U(At((byte*)ciaA + 2));
        Probe.U(At(chipRam + 0x20));
        Probe.U(At(top - 1));
        Probe.B(ciaA == (Cia*)0xBFE001);
        Probe.B(ciaB != ciaA);
        Probe.B(ciaA > ciaB);
        Probe.I(Cias.Length);
        for (int i = 0; i < Cias.Length; i++)
        {
            Probe.U(At(Cias[i]));
            Probe.B(Cias[i] == null);
        }
        foreach (byte* w in Windows)
            Probe.U(At(w));
        ciaA = ciaB;
        Probe.U(At(ciaA));
    }
}
