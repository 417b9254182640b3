// A signed quotient that is negated or subtracted, with int.MinValue divided by 1 (found by the fuzzer,
// seed 300301: SIGFPE on host gcc and qemu-m68k). C# never divides by -1 here, but GCC, which takes
// signed overflow to wrap under -fwrapv, negates the divisor to negate the quotient: x - y / (z + 1)
// became x + y / ~z, int.MinValue / -1, which traps on x86 and the 68030 and is undefined on PowerPC.
namespace Corpus.DivisionNegated;

public static unsafe class Program
{
    static int min = int.MinValue;
    static long lmin = long.MinValue;
    static int zero;
    static int minusOne = -1;
    static int calls;

    static int Next(int v) { calls++; return v; }

    static void Int32(int x, int y, int z, int m)
    {
        Probe.I(x - y / (z + 1));
        Probe.I(-(y / (z + 1)));
        Probe.I(x - y / (z - m));
        Probe.I(x - y / -m);
        Probe.I(x - y / ~(m - 1));
        Probe.I(x - (y / (z + 1)) * 3);
        Probe.I(x - (y / (z * 2 + 1) + x));
        Probe.I(x + -(y / (z | 1)));
        Probe.I(x - y / (z == 0 ? 1 : z));
        Probe.I(x - y / ((z & 0x7F) + 1) / ((z & 3) + 1));
        int acc = x;
        acc -= y / (z + 1);
        Probe.I(acc);
        // the divisor's side effects stay in C# order: after the dividend's
        Probe.I(x - Next(y) / (Next(z) + 1));
        Probe.I(calls);
        // remainders are not negated: their results must agree too
        Probe.I(x - y % (z + 2));
    }

    static void Int64(long x, long y, long z)
    {
        Probe.I(x - y / (z + 1));
        Probe.I(-(y / (z + 1)));
        Probe.I(x - (y / (z + 1)) * 5);
    }

    static void Narrow(short s, sbyte b)
    {
        Probe.I(1 - s / (b + 1));
        Probe.I(-(s / (b - 1)));
    }

    public static void Run()
    {
        Int32(5, min, zero, minusOne);
        Int32(-7, 1000, 3, 2);
        Int32(int.MaxValue, min + 1, zero, minusOne);
        Int64(5, lmin, zero);
        Int64(-3, 123456789012345, 6);
        Narrow(short.MinValue, 0);
        Narrow(300, -3);
    }
}
