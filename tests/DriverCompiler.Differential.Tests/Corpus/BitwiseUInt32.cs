// & | ^ ~ and their compound forms on uint over every pair of edge values.
namespace Corpus.BitwiseUInt32;

public static unsafe class Program
{
    static void Bits(uint a, uint b)
    {
        Probe.I(a & b); Probe.I(a | b); Probe.I(a ^ b); Probe.I(~a);
        Probe.I((uint)(a & ~b)); Probe.I((uint)~(a | b));
        uint c = a; c &= b; Probe.I(c);
        c = a; c |= b; Probe.I(c);
        c = a; c ^= b; Probe.I(c);
        Probe.B((a & b) == 0); Probe.B((a | b) == a);
    }

    public static void Run()
    {
        Bits(0, 0);
        Bits(0, 1);
        Bits(0, 2);
        Bits(0, 0x80000000u);
        Bits(0, 0xFFFFFFFEu);
        Bits(0, uint.MaxValue);
        Bits(1, 0);
        Bits(1, 1);
        Bits(1, 2);
        Bits(1, 0x80000000u);
        Bits(1, 0xFFFFFFFEu);
        Bits(1, uint.MaxValue);
        Bits(2, 0);
        Bits(2, 1);
        Bits(2, 2);
        Bits(2, 0x80000000u);
        Bits(2, 0xFFFFFFFEu);
        Bits(2, uint.MaxValue);
        Bits(0x80000000u, 0);
        Bits(0x80000000u, 1);
        Bits(0x80000000u, 2);
        Bits(0x80000000u, 0x80000000u);
        Bits(0x80000000u, 0xFFFFFFFEu);
        Bits(0x80000000u, uint.MaxValue);
        Bits(0xFFFFFFFEu, 0);
        Bits(0xFFFFFFFEu, 1);
        Bits(0xFFFFFFFEu, 2);
        Bits(0xFFFFFFFEu, 0x80000000u);
        Bits(0xFFFFFFFEu, 0xFFFFFFFEu);
        Bits(0xFFFFFFFEu, uint.MaxValue);
        Bits(uint.MaxValue, 0);
        Bits(uint.MaxValue, 1);
        Bits(uint.MaxValue, 2);
        Bits(uint.MaxValue, 0x80000000u);
        Bits(uint.MaxValue, 0xFFFFFFFEu);
        Bits(uint.MaxValue, uint.MaxValue);
    }
}
