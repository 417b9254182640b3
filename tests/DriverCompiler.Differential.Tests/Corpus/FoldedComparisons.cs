// Comparisons C#'s operand types decide (a widened operand against a constant outside its range,
// ~ of a small unsigned, unsigned against zero); side effects of the compared operand still happen.
namespace Corpus.FoldedComparisons;

public static unsafe class Program
{
    static int calls;
    static byte NextByte() { calls++; return (byte)(calls * 100); }
    static uint NextUint() { calls++; return (uint)calls; }

    public static void Run()
    {
        byte b = 255;
        sbyte sb = -128;
        ushort us = 65535;
        short s = -1;
        int i = int.MinValue;
        uint u = 0;
        Probe.B(b < 256);
        Probe.B(b > 255);
        Probe.B(b != -1);
        Probe.B(sb == 200);
        Probe.B(sb >= -128);
        Probe.B(us <= ushort.MaxValue);
        Probe.B(s == 65535);
        Probe.B(i == uint.MaxValue);
        Probe.B(i != 4294967296L);
        Probe.B(u >= 0);
        Probe.B(u < 0);
        Probe.B(0 <= u);
        Probe.B(-1 < u);
        Probe.B(~b < 0);
        Probe.B(~us == 0);
        Probe.B(255 >= b);
        calls = 0;
        Probe.B(NextByte() < 300);
        Probe.B(NextUint() >= 0);
        Probe.B(-1 == NextByte());
        Probe.I(calls);
        // not decided: still compared at run time
        Probe.B(b == 255);
        Probe.B(u == 0u);
        Probe.B(i < 0);
        Probe.B(~b == -256);
    }
}
