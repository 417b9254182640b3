// Fuzz seed 600181, reduced: (short)((sbyte)x >>> 1) of a struct field. GCC -O1/-O2 for PowerPC emits
// extsb / srwi / extsb, and QEMU 10.0.2's qemu-ppc dropped the second extsb (its TCG optimizer folded across the
// shift), printing 1073741813 where .NET and every other target print -11. The emitted C was right: the harness now
// runs qemu-ppc with -one-insn-per-tb (Toolchain.PpcAmigaOS4), and this program fails on qemu-ppc without it.
using System.Runtime.InteropServices;
using DriverCompiler.Dsl;

namespace Corpus.QemuPpcSignExtendAfterShift;

public unsafe struct S0
{
    public short F0;
    public fixed ushort F1[4];
    public ushort F2;
}

[StructLayout(LayoutKind.Explicit)]
public unsafe struct S1
{
    [FieldOffset(0)] public long F0;
    [FieldOffset(28)] public uint F3;
    [FieldOffset(32)] public bool F4;
    [FieldOffset(34)] public Be16 F5;
}

public static unsafe class Program
{
    static sbyte g2 = 0;
    static byte g3 = 0;
    static short g4 = 0;
    static ushort g5 = 0;
    static int g6 = 0;
    static uint g7 = 0;
    static long g8 = 0;
    static ulong g9;
    static S0 g10;
    static S1 g11;
    static uint g12 = 0;

    public static int F13(int depth, S0 p14, out short p15)
    {
        p15 = -14934;
        if (depth <= 0) return (int)g7 << 0;
        uint l16 = 0;
        return depth - 1;
    }

    static short F23(S0 p24, S0 p25)
    {
        return (short)((sbyte)p25.F0 >>> 1);
    }

    public static void Run()
    {
        if (g5 > g5)
        {
            if (g10.F0 != g11.F3)
            {
            }
            {
                switch (g4)
                {
                    case 0:
                        break;
                    {
                        F13(0, g10, out g10.F0);
                    }
                }
            }
        }
        F23(g10, new S0 { F0 = 0, F2 = 0 });
        switch (g11.F0)
        {
            case 0:
            {
                int i30 = 0;
                {
                    F13(0, g10, out g10.F0);
                } while (--i30 > 0);
            }
                goto default;
            default:
                break;
        }
        for (int i53 = 0; i53 < 3; i53++)
        {
            switch (g4)
            {
                case 0:
                {
                    g10 = new S0 { F0 = F23(new S0 { F0 = F23(new S0 {  }, g10), F2 = (ushort)g6 }, g10), F2 = g5 };
                    Probe.I(F23(new S0 { F0 = (short)g10.F0 }, g10));
                }
                    goto case 7;
                case 7:
                    break;
            }
        }
    }
}
