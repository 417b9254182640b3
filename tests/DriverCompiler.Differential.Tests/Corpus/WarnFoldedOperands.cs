// Values GCC folds to a constant or a small range that the C# types alone do not show (found by the
// fuzzer, campaign seeds 100050, 100066, 100172, 100193, 200012, 200037, 200049, 200079, 200105, 200108):
// x ^ x and x - x are 0, 2 / (n + 1) is at most 2, and (ulong)i for an int i is never a value between
// 2^31 and 2^64 - 2^31; a comparison they decide is rejected (-Wtype-limits). A narrowing cast of an
// assignment's known value, (sbyte)(f = 245), is folded by GCC into a constant it marks as overflowed,
// and a later conversion of it is rejected (-Woverflow "changes value from '-11' to '-11'").
// Every assignment and call still runs, in order.
namespace Corpus.WarnFoldedOperands;

public struct Rec
{
    public ulong F5;
    public int F1;
    public sbyte F0;
}

public static unsafe class Program
{
    static int g6 = 5;
    static byte g5 = 0x5A, g13;
    static short g12;
    static Rec rec;
    static int calls;
    static byte Next(byte v) { calls++; return (byte)(v + calls); }

    static void Check(int i, byte b, uint w)
    {
        Probe.B(18363844523780797073UL == (ulong)(2 / ((g6 & 0x7F) + 1)));
        Probe.B((ulong)i != 12571674680091873208UL);
        Probe.B((ulong)i == 18446744073709551615UL);
        Probe.B((long)w == -1L);
        Probe.B((byte)(g5 ^ g5) > (byte)Next(b));
        Probe.B((short)(g6 - g6) > (byte)(w >> (i & 7)));
        Probe.B((w / 16u) <= 268435455u);
        Probe.B(((i & 0xFF) + (b & 0xF)) < 271);
        Probe.B(((i & 0xF) * (b & 0xF)) <= 225);
        Probe.I((sbyte)(rec.F5 = 245UL));
        Probe.I((sbyte)(ulong)(rec.F0 = -128));
        Probe.I((short)(int)((uint)(g6 = false ? g6 : 1772841878) >> 1));
        Probe.I((short)(byte)((g13 = 255) ^ 133));
        Probe.I((short)-(sbyte)(int)((uint)(g12 = -128) >> 30));
        Probe.I(rec.F0);
        Probe.U(rec.F5);
        Probe.I(g6);
        g6 = 5;
    }

    public static void Run()
    {
        Check(-1, 0, 0xFFFFFFFFu);
        Check(int.MaxValue, 255, 7);
        Check(int.MinValue, 3, 0x80000000u);
        Probe.I(calls);
    }
}
