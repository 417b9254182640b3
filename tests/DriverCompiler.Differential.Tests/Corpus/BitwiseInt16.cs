// & | ^ ~ and their compound forms on short over every pair of edge values.
namespace Corpus.BitwiseInt16;

public static unsafe class Program
{
    static void Bits(short a, short b)
    {
        Probe.I(a & b); Probe.I(a | b); Probe.I(a ^ b); Probe.I(~a);
        Probe.I((short)(a & ~b)); Probe.I((short)~(a | b));
        short c = a; c &= b; Probe.I(c);
        c = a; c |= b; Probe.I(c);
        c = a; c ^= b; Probe.I(c);
        Probe.B((a & b) == 0); Probe.B((a | b) == a);
    }

    public static void Run()
    {
        Bits(0, 0);
        Bits(0, 1);
        Bits(0, -1);
        Bits(0, 3);
        Bits(0, -12345);
        Bits(0, short.MinValue);
        Bits(0, short.MaxValue);
        Bits(1, 0);
        Bits(1, 1);
        Bits(1, -1);
        Bits(1, 3);
        Bits(1, -12345);
        Bits(1, short.MinValue);
        Bits(1, short.MaxValue);
        Bits(-1, 0);
        Bits(-1, 1);
        Bits(-1, -1);
        Bits(-1, 3);
        Bits(-1, -12345);
        Bits(-1, short.MinValue);
        Bits(-1, short.MaxValue);
        Bits(3, 0);
        Bits(3, 1);
        Bits(3, -1);
        Bits(3, 3);
        Bits(3, -12345);
        Bits(3, short.MinValue);
        Bits(3, short.MaxValue);
        Bits(-12345, 0);
        Bits(-12345, 1);
        Bits(-12345, -1);
        Bits(-12345, 3);
        Bits(-12345, -12345);
        Bits(-12345, short.MinValue);
        Bits(-12345, short.MaxValue);
        Bits(short.MinValue, 0);
        Bits(short.MinValue, 1);
        Bits(short.MinValue, -1);
        Bits(short.MinValue, 3);
        Bits(short.MinValue, -12345);
        Bits(short.MinValue, short.MinValue);
        Bits(short.MinValue, short.MaxValue);
        Bits(short.MaxValue, 0);
        Bits(short.MaxValue, 1);
        Bits(short.MaxValue, -1);
        Bits(short.MaxValue, 3);
        Bits(short.MaxValue, -12345);
        Bits(short.MaxValue, short.MinValue);
        Bits(short.MaxValue, short.MaxValue);
    }
}
