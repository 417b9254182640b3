// & | ^ ~ and their compound forms on ulong over every pair of edge values.
namespace Corpus.BitwiseUInt64;

public static unsafe class Program
{
    static void Bits(ulong a, ulong b)
    {
        Probe.U(a & b); Probe.U(a | b); Probe.U(a ^ b); Probe.U(~a);
        Probe.U((ulong)(a & ~b)); Probe.U((ulong)~(a | b));
        ulong c = a; c &= b; Probe.U(c);
        c = a; c |= b; Probe.U(c);
        c = a; c ^= b; Probe.U(c);
        Probe.B((a & b) == 0); Probe.B((a | b) == a);
    }

    public static void Run()
    {
        Bits(0, 0);
        Bits(0, 1);
        Bits(0, 2);
        Bits(0, 0x8000000000000000ul);
        Bits(0, 0xFFFFFFFFFFFFFFFEul);
        Bits(0, ulong.MaxValue);
        Bits(1, 0);
        Bits(1, 1);
        Bits(1, 2);
        Bits(1, 0x8000000000000000ul);
        Bits(1, 0xFFFFFFFFFFFFFFFEul);
        Bits(1, ulong.MaxValue);
        Bits(2, 0);
        Bits(2, 1);
        Bits(2, 2);
        Bits(2, 0x8000000000000000ul);
        Bits(2, 0xFFFFFFFFFFFFFFFEul);
        Bits(2, ulong.MaxValue);
        Bits(0x8000000000000000ul, 0);
        Bits(0x8000000000000000ul, 1);
        Bits(0x8000000000000000ul, 2);
        Bits(0x8000000000000000ul, 0x8000000000000000ul);
        Bits(0x8000000000000000ul, 0xFFFFFFFFFFFFFFFEul);
        Bits(0x8000000000000000ul, ulong.MaxValue);
        Bits(0xFFFFFFFFFFFFFFFEul, 0);
        Bits(0xFFFFFFFFFFFFFFFEul, 1);
        Bits(0xFFFFFFFFFFFFFFFEul, 2);
        Bits(0xFFFFFFFFFFFFFFFEul, 0x8000000000000000ul);
        Bits(0xFFFFFFFFFFFFFFFEul, 0xFFFFFFFFFFFFFFFEul);
        Bits(0xFFFFFFFFFFFFFFFEul, ulong.MaxValue);
        Bits(ulong.MaxValue, 0);
        Bits(ulong.MaxValue, 1);
        Bits(ulong.MaxValue, 2);
        Bits(ulong.MaxValue, 0x8000000000000000ul);
        Bits(ulong.MaxValue, 0xFFFFFFFFFFFFFFFEul);
        Bits(ulong.MaxValue, ulong.MaxValue);
    }
}
