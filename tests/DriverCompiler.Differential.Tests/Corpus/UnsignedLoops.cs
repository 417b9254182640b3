// Unsigned loop idioms: counting down to zero with i-- > 0, wrap-around termination, ushort counters.
namespace Corpus.UnsignedLoops;

public static unsafe class Program
{
    public static void Run()
    {
        uint n = 5;
        for (uint i = n; i-- > 0;) Probe.I(i);
        int iterations = 0;
        for (byte b = 1; b != 0; b <<= 1) iterations++;
        Probe.I(iterations);
        iterations = 0;
        for (ushort u = 65000; u != 100; u += 250) iterations++;
        Probe.I(iterations);
        ulong big = 3;
        while (big != 0) { Probe.U(big); big -= 1; }
        uint k = 0;
        do { k += 0x40000000u; } while (k != 0);
        Probe.I(k);
        sbyte s = 120;
        int steps = 0;
        while (s > 0) { s += 3; steps++; }
        Probe.I(s);
        Probe.I(steps);
    }
}
