// & | ^ ~ and their compound forms on long over every pair of edge values.
namespace Corpus.BitwiseInt64;

public static unsafe class Program
{
    static void Bits(long a, long b)
    {
        Probe.I(a & b); Probe.I(a | b); Probe.I(a ^ b); Probe.I(~a);
        Probe.I((long)(a & ~b)); Probe.I((long)~(a | b));
        long c = a; c &= b; Probe.I(c);
        c = a; c |= b; Probe.I(c);
        c = a; c ^= b; Probe.I(c);
        Probe.B((a & b) == 0); Probe.B((a | b) == a);
    }

    public static void Run()
    {
        Bits(0, 0);
        Bits(0, 1);
        Bits(0, -1);
        Bits(0, 9);
        Bits(0, -1000000000000000003L);
        Bits(0, long.MinValue);
        Bits(0, long.MaxValue);
        Bits(1, 0);
        Bits(1, 1);
        Bits(1, -1);
        Bits(1, 9);
        Bits(1, -1000000000000000003L);
        Bits(1, long.MinValue);
        Bits(1, long.MaxValue);
        Bits(-1, 0);
        Bits(-1, 1);
        Bits(-1, -1);
        Bits(-1, 9);
        Bits(-1, -1000000000000000003L);
        Bits(-1, long.MinValue);
        Bits(-1, long.MaxValue);
        Bits(9, 0);
        Bits(9, 1);
        Bits(9, -1);
        Bits(9, 9);
        Bits(9, -1000000000000000003L);
        Bits(9, long.MinValue);
        Bits(9, long.MaxValue);
        Bits(-1000000000000000003L, 0);
        Bits(-1000000000000000003L, 1);
        Bits(-1000000000000000003L, -1);
        Bits(-1000000000000000003L, 9);
        Bits(-1000000000000000003L, -1000000000000000003L);
        Bits(-1000000000000000003L, long.MinValue);
        Bits(-1000000000000000003L, long.MaxValue);
        Bits(long.MinValue, 0);
        Bits(long.MinValue, 1);
        Bits(long.MinValue, -1);
        Bits(long.MinValue, 9);
        Bits(long.MinValue, -1000000000000000003L);
        Bits(long.MinValue, long.MinValue);
        Bits(long.MinValue, long.MaxValue);
        Bits(long.MaxValue, 0);
        Bits(long.MaxValue, 1);
        Bits(long.MaxValue, -1);
        Bits(long.MaxValue, 9);
        Bits(long.MaxValue, -1000000000000000003L);
        Bits(long.MaxValue, long.MinValue);
        Bits(long.MaxValue, long.MaxValue);
    }
}
