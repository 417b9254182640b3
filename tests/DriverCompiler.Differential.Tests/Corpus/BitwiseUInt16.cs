// & | ^ ~ and their compound forms on ushort over every pair of edge values.
namespace Corpus.BitwiseUInt16;

public static unsafe class Program
{
    static void Bits(ushort a, ushort b)
    {
        Probe.I(a & b); Probe.I(a | b); Probe.I(a ^ b); Probe.I(~a);
        Probe.I((ushort)(a & ~b)); Probe.I((ushort)~(a | b));
        ushort c = a; c &= b; Probe.I(c);
        c = a; c |= b; Probe.I(c);
        c = a; c ^= b; Probe.I(c);
        Probe.B((a & b) == 0); Probe.B((a | b) == a);
    }

    public static void Run()
    {
        Bits(0, 0);
        Bits(0, 1);
        Bits(0, 2);
        Bits(0, 0x8000);
        Bits(0, 0xFFFE);
        Bits(0, ushort.MaxValue);
        Bits(1, 0);
        Bits(1, 1);
        Bits(1, 2);
        Bits(1, 0x8000);
        Bits(1, 0xFFFE);
        Bits(1, ushort.MaxValue);
        Bits(2, 0);
        Bits(2, 1);
        Bits(2, 2);
        Bits(2, 0x8000);
        Bits(2, 0xFFFE);
        Bits(2, ushort.MaxValue);
        Bits(0x8000, 0);
        Bits(0x8000, 1);
        Bits(0x8000, 2);
        Bits(0x8000, 0x8000);
        Bits(0x8000, 0xFFFE);
        Bits(0x8000, ushort.MaxValue);
        Bits(0xFFFE, 0);
        Bits(0xFFFE, 1);
        Bits(0xFFFE, 2);
        Bits(0xFFFE, 0x8000);
        Bits(0xFFFE, 0xFFFE);
        Bits(0xFFFE, ushort.MaxValue);
        Bits(ushort.MaxValue, 0);
        Bits(ushort.MaxValue, 1);
        Bits(ushort.MaxValue, 2);
        Bits(ushort.MaxValue, 0x8000);
        Bits(ushort.MaxValue, 0xFFFE);
        Bits(ushort.MaxValue, ushort.MaxValue);
    }
}
