// & | ^ ~ and their compound forms on sbyte over every pair of edge values.
namespace Corpus.BitwiseSByte;

public static unsafe class Program
{
    static void Bits(sbyte a, sbyte b)
    {
        Probe.I(a & b); Probe.I(a | b); Probe.I(a ^ b); Probe.I(~a);
        Probe.I((sbyte)(a & ~b)); Probe.I((sbyte)~(a | b));
        sbyte c = a; c &= b; Probe.I(c);
        c = a; c |= b; Probe.I(c);
        c = a; c ^= b; Probe.I(c);
        Probe.B((a & b) == 0); Probe.B((a | b) == a);
    }

    public static void Run()
    {
        Bits(0, 0);
        Bits(0, 1);
        Bits(0, -1);
        Bits(0, 2);
        Bits(0, -100);
        Bits(0, sbyte.MinValue);
        Bits(0, sbyte.MaxValue);
        Bits(1, 0);
        Bits(1, 1);
        Bits(1, -1);
        Bits(1, 2);
        Bits(1, -100);
        Bits(1, sbyte.MinValue);
        Bits(1, sbyte.MaxValue);
        Bits(-1, 0);
        Bits(-1, 1);
        Bits(-1, -1);
        Bits(-1, 2);
        Bits(-1, -100);
        Bits(-1, sbyte.MinValue);
        Bits(-1, sbyte.MaxValue);
        Bits(2, 0);
        Bits(2, 1);
        Bits(2, -1);
        Bits(2, 2);
        Bits(2, -100);
        Bits(2, sbyte.MinValue);
        Bits(2, sbyte.MaxValue);
        Bits(-100, 0);
        Bits(-100, 1);
        Bits(-100, -1);
        Bits(-100, 2);
        Bits(-100, -100);
        Bits(-100, sbyte.MinValue);
        Bits(-100, sbyte.MaxValue);
        Bits(sbyte.MinValue, 0);
        Bits(sbyte.MinValue, 1);
        Bits(sbyte.MinValue, -1);
        Bits(sbyte.MinValue, 2);
        Bits(sbyte.MinValue, -100);
        Bits(sbyte.MinValue, sbyte.MinValue);
        Bits(sbyte.MinValue, sbyte.MaxValue);
        Bits(sbyte.MaxValue, 0);
        Bits(sbyte.MaxValue, 1);
        Bits(sbyte.MaxValue, -1);
        Bits(sbyte.MaxValue, 2);
        Bits(sbyte.MaxValue, -100);
        Bits(sbyte.MaxValue, sbyte.MinValue);
        Bits(sbyte.MaxValue, sbyte.MaxValue);
    }
}
