// Comparisons between two non-constant operands that the operands' known bits decide (found by the
// fuzzer, fixed seed 11): (ushort)(x | 0xFFFF) is 65535 whatever x is, so it is >= every ushort, and
// GCC, which knows the same bits, rejects the comparison (-Wtype-limits, always true). Likewise a value
// shifted left past a narrowing cast is 0, and a byte shifted right by 8 is 0. Both operands still run,
// left first: Side records the order of the calls.
namespace Corpus.WarnKnownBitsComparisons;

public static unsafe class Program
{
    static int order;
    static ushort g5;
    static short g4;

    static ushort Side(ushort v) { order = order * 10 + 1; return v; }
    static short Other(short v) { order = order * 10 + 2; return v; }

    static void Check(ushort u, short s, byte b, uint w)
    {
        Probe.B((ushort)(u | ushort.MaxValue) >= (ushort)(s - (short)(-3)));
        Probe.B((ushort)(g5 | ushort.MaxValue) < (ushort)(g4 + s));
        Probe.B((ushort)(Side(u) | 0xFFFF) >= (ushort)Other(s));
        Probe.B((byte)(u | 0xFF) == (byte)(b | 0xFF));
        Probe.B((byte)(w << 8) <= b);
        Probe.B((ushort)(w << 16) > (ushort)s);
        Probe.B((b >> 8) != (int)(w & 0));
        Probe.B((uint)(b & 0x0F) < (uint)(u | 0x10));
        Probe.B((ushort)(s | 0x8000) >= 0x8000);
        Probe.B((sbyte)(b | 0x80) < 0);
        Probe.B((u % 10) <= (b | 9));
        Probe.B((w >>> 28) < (uint)(u | 16));
        // not decided: these must still compare at run time
        Probe.B((ushort)(u | 0xFF00) >= (ushort)(s - 3));
        Probe.B((byte)(w << 7) <= b);
        Probe.I(order);
    }

    public static void Run()
    {
        g5 = 12345; g4 = -2;
        Check(0, 0, 0, 0);
        Check(65535, -1, 255, 0xFFFFFFFFu);
        Check(300, short.MinValue, 17, 0x12345678u);
    }
}
