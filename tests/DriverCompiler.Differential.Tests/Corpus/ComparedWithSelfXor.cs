// A value compared with x ^ x (found by the fuzzer, seed 420028: F(3, 64789, g2 >= (byte)(g2 ^ g2)) printed
// as g2 >= (uint8)(g2 ^ g2), which GCC folds to an unsigned >= 0 and rejects, -Werror=type-limits). C# decides
// these comparisons the same way; the lowering must know x ^ x is 0 as GCC does, for every integer type.
namespace Corpus.ComparedWithSelfXor;

public static unsafe class Program
{
    static byte b = byte.MaxValue;
    static ushort us = 40000;
    static uint u = 7u;
    static ulong ul = 13287754577355593200UL;
    static sbyte sb = -8;
    static int calls;

    static int Take(int k, in ushort p, bool v) { calls++; return k + p + (v ? 100 : 0); }

    public static void Run()
    {
        Probe.I(Take(3, (ushort)64789, b >= (byte)(b ^ b)));
        Probe.B(b >= (byte)(b ^ b));
        Probe.B(us < (ushort)(us ^ us));
        Probe.B(u >= (u ^ u));
        Probe.B((u ^ u) > u);
        Probe.B(ul >= (ul ^ ul));
        Probe.B((byte)(b ^ b) <= b);
        Probe.B(sb >= (sbyte)(sb ^ sb));
        if (u < (u ^ u)) Probe.I(1); else Probe.I(2);
        Probe.I(calls);
    }
}
