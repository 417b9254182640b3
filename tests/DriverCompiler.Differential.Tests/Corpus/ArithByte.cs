// Unchecked + - * unary minus ++ -- on byte at its edge values, with and without narrowing back to byte.
namespace Corpus.ArithByte;

public static unsafe class Program
{
    static void Ops(byte a, byte b)
    {
        Probe.I(a + b); Probe.I(a - b); Probe.I(a * b);
        Probe.I((byte)(a + b)); Probe.I((byte)(a - b)); Probe.I((byte)(a * b));
        byte c = a; c += b; Probe.I(c);
        c = a; c -= b; Probe.I(c);
        c = a; c *= b; Probe.I(c);
    }

    static void Unary(byte a)
    {
        Probe.I(-a); Probe.I((byte)(-a));
        byte d = a;
        Probe.I(d++); Probe.I(d); Probe.I(++d); Probe.I(d--); Probe.I(d); Probe.I(--d); Probe.I(--d); Probe.I(d);
    }

    public static void Run()
    {
        Unary(0);
        Unary(1);
        Unary(2);
        Unary(0x80);
        Unary(0xFE);
        Unary(byte.MaxValue);
        Ops(0, 0);
        Ops(0, 1);
        Ops(0, 2);
        Ops(0, 0x80);
        Ops(0, 0xFE);
        Ops(0, byte.MaxValue);
        Ops(1, 0);
        Ops(1, 1);
        Ops(1, 2);
        Ops(1, 0x80);
        Ops(1, 0xFE);
        Ops(1, byte.MaxValue);
        Ops(2, 0);
        Ops(2, 1);
        Ops(2, 2);
        Ops(2, 0x80);
        Ops(2, 0xFE);
        Ops(2, byte.MaxValue);
        Ops(0x80, 0);
        Ops(0x80, 1);
        Ops(0x80, 2);
        Ops(0x80, 0x80);
        Ops(0x80, 0xFE);
        Ops(0x80, byte.MaxValue);
        Ops(0xFE, 0);
        Ops(0xFE, 1);
        Ops(0xFE, 2);
        Ops(0xFE, 0x80);
        Ops(0xFE, 0xFE);
        Ops(0xFE, byte.MaxValue);
        Ops(byte.MaxValue, 0);
        Ops(byte.MaxValue, 1);
        Ops(byte.MaxValue, 2);
        Ops(byte.MaxValue, 0x80);
        Ops(byte.MaxValue, 0xFE);
        Ops(byte.MaxValue, byte.MaxValue);
    }
}
