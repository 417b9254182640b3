// An operand evaluated early into a temporary (C# order: a later operand changes what it reads) keeps its
// own C type (found by the fuzzer, campaign seed 100142). The ushort operand of a comparison was stored in
// an int temporary, because C# widens it to int for the comparison; GCC then saw a conversion of a value it
// had folded through the embedded assignment and rejected it (-Woverflow: "changes value from 52709 to
// 52709"). The temporary is now a ushort and the widening happens where C# does it, in the comparison.
namespace Corpus.SpillKeepsOperandType;

public struct S0
{
    public bool F0;
    public short F1;
    public ushort F4;
}

public static unsafe class Program
{
    static byte g3;
    static short g4 = -7, g12 = 3;
    static S0 g10;

    public static void Run()
    {
        g10 = new S0 { F4 = 9, F0 = ((ushort)(((ushort)52907) - (g3 = (byte)198))) <= ((short)(((short)~g4) ^ --g12)) };
        Probe.B(g10.F0);
        Probe.I(g3);
        Probe.I(g12);
        // the same with a ushort on the right, and a byte that wraps
        Probe.B((ushort)(1000 - (g3 = 255)) > (ushort)(g12 -= 10));
        Probe.B((byte)(7 - (g3 = 9)) == (byte)(g3 += 1));
        Probe.I(g3);
        Probe.I(g12);
    }
}
