// Signed division by a power of two rounds toward zero; arithmetic shift rounds toward minus infinity.
namespace Corpus.DivShiftDifference;

public static unsafe class Program
{
    public static void Run()
    {
        for (int v = -9; v <= 9; v += 2)
        {
            Probe.I(v / 4);
            Probe.I(v >> 2);
            Probe.I(v % 4);
            Probe.I(v & 3);
            Probe.I(((v % 4) + 4) % 4);
        }
        long big = -1000000000001;
        Probe.I(big / 1024);
        Probe.I(big >> 10);
        sbyte sb = -7;
        Probe.I(sb / 2);
        Probe.I(sb >> 1);
        int min = int.MinValue;
        Probe.I(min / 2);
        Probe.I(min >> 1);
        Probe.I(Abs(min));
        Probe.I(Abs(-5));
        Probe.I(Max(-3, 2));
        Probe.I(Min(uint.MaxValue, 7));
    }

    static int Abs(int v) => v < 0 ? -v : v;
    static int Max(int a, int b) => a > b ? a : b;
    static uint Min(uint a, uint b) => a < b ? a : b;
}
