// & | ^ ~ and their compound forms on int over every pair of edge values.
namespace Corpus.BitwiseInt32;

public static unsafe class Program
{
    static void Bits(int a, int b)
    {
        Probe.I(a & b); Probe.I(a | b); Probe.I(a ^ b); Probe.I(~a);
        Probe.I((int)(a & ~b)); Probe.I((int)~(a | b));
        int c = a; c &= b; Probe.I(c);
        c = a; c |= b; Probe.I(c);
        c = a; c ^= b; Probe.I(c);
        Probe.B((a & b) == 0); Probe.B((a | b) == a);
    }

    public static void Run()
    {
        Bits(0, 0);
        Bits(0, 1);
        Bits(0, -1);
        Bits(0, 7);
        Bits(0, -1000000007);
        Bits(0, int.MinValue);
        Bits(0, int.MaxValue);
        Bits(1, 0);
        Bits(1, 1);
        Bits(1, -1);
        Bits(1, 7);
        Bits(1, -1000000007);
        Bits(1, int.MinValue);
        Bits(1, int.MaxValue);
        Bits(-1, 0);
        Bits(-1, 1);
        Bits(-1, -1);
        Bits(-1, 7);
        Bits(-1, -1000000007);
        Bits(-1, int.MinValue);
        Bits(-1, int.MaxValue);
        Bits(7, 0);
        Bits(7, 1);
        Bits(7, -1);
        Bits(7, 7);
        Bits(7, -1000000007);
        Bits(7, int.MinValue);
        Bits(7, int.MaxValue);
        Bits(-1000000007, 0);
        Bits(-1000000007, 1);
        Bits(-1000000007, -1);
        Bits(-1000000007, 7);
        Bits(-1000000007, -1000000007);
        Bits(-1000000007, int.MinValue);
        Bits(-1000000007, int.MaxValue);
        Bits(int.MinValue, 0);
        Bits(int.MinValue, 1);
        Bits(int.MinValue, -1);
        Bits(int.MinValue, 7);
        Bits(int.MinValue, -1000000007);
        Bits(int.MinValue, int.MinValue);
        Bits(int.MinValue, int.MaxValue);
        Bits(int.MaxValue, 0);
        Bits(int.MaxValue, 1);
        Bits(int.MaxValue, -1);
        Bits(int.MaxValue, 7);
        Bits(int.MaxValue, -1000000007);
        Bits(int.MaxValue, int.MinValue);
        Bits(int.MaxValue, int.MaxValue);
    }
}
