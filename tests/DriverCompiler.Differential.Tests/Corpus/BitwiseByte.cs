// & | ^ ~ and their compound forms on byte over every pair of edge values.
namespace Corpus.BitwiseByte;

public static unsafe class Program
{
    static void Bits(byte a, byte b)
    {
        Probe.I(a & b); Probe.I(a | b); Probe.I(a ^ b); Probe.I(~a);
        Probe.I((byte)(a & ~b)); Probe.I((byte)~(a | b));
        byte c = a; c &= b; Probe.I(c);
        c = a; c |= b; Probe.I(c);
        c = a; c ^= b; Probe.I(c);
        Probe.B((a & b) == 0); Probe.B((a | b) == a);
    }

    public static void Run()
    {
        Bits(0, 0);
        Bits(0, 1);
        Bits(0, 2);
        Bits(0, 0x80);
        Bits(0, 0xFE);
        Bits(0, byte.MaxValue);
        Bits(1, 0);
        Bits(1, 1);
        Bits(1, 2);
        Bits(1, 0x80);
        Bits(1, 0xFE);
        Bits(1, byte.MaxValue);
        Bits(2, 0);
        Bits(2, 1);
        Bits(2, 2);
        Bits(2, 0x80);
        Bits(2, 0xFE);
        Bits(2, byte.MaxValue);
        Bits(0x80, 0);
        Bits(0x80, 1);
        Bits(0x80, 2);
        Bits(0x80, 0x80);
        Bits(0x80, 0xFE);
        Bits(0x80, byte.MaxValue);
        Bits(0xFE, 0);
        Bits(0xFE, 1);
        Bits(0xFE, 2);
        Bits(0xFE, 0x80);
        Bits(0xFE, 0xFE);
        Bits(0xFE, byte.MaxValue);
        Bits(byte.MaxValue, 0);
        Bits(byte.MaxValue, 1);
        Bits(byte.MaxValue, 2);
        Bits(byte.MaxValue, 0x80);
        Bits(byte.MaxValue, 0xFE);
        Bits(byte.MaxValue, byte.MaxValue);
    }
}
