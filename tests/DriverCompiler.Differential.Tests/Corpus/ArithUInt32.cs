// Unchecked + - * unary minus ++ -- on uint at its edge values, with and without narrowing back to uint.
namespace Corpus.ArithUInt32;

public static unsafe class Program
{
    static void Ops(uint a, uint b)
    {
        Probe.I(a + b); Probe.I(a - b); Probe.I(a * b);
        Probe.I((uint)(a + b)); Probe.I((uint)(a - b)); Probe.I((uint)(a * b));
        uint c = a; c += b; Probe.I(c);
        c = a; c -= b; Probe.I(c);
        c = a; c *= b; Probe.I(c);
    }

    static void Unary(uint a)
    {
        Probe.I(-a); Probe.I((uint)(-a));
        uint d = a;
        Probe.I(d++); Probe.I(d); Probe.I(++d); Probe.I(d--); Probe.I(d); Probe.I(--d); Probe.I(--d); Probe.I(d);
    }

    public static void Run()
    {
        Unary(0);
        Unary(1);
        Unary(2);
        Unary(0x80000000u);
        Unary(0xFFFFFFFEu);
        Unary(uint.MaxValue);
        Ops(0, 0);
        Ops(0, 1);
        Ops(0, 2);
        Ops(0, 0x80000000u);
        Ops(0, 0xFFFFFFFEu);
        Ops(0, uint.MaxValue);
        Ops(1, 0);
        Ops(1, 1);
        Ops(1, 2);
        Ops(1, 0x80000000u);
        Ops(1, 0xFFFFFFFEu);
        Ops(1, uint.MaxValue);
        Ops(2, 0);
        Ops(2, 1);
        Ops(2, 2);
        Ops(2, 0x80000000u);
        Ops(2, 0xFFFFFFFEu);
        Ops(2, uint.MaxValue);
        Ops(0x80000000u, 0);
        Ops(0x80000000u, 1);
        Ops(0x80000000u, 2);
        Ops(0x80000000u, 0x80000000u);
        Ops(0x80000000u, 0xFFFFFFFEu);
        Ops(0x80000000u, uint.MaxValue);
        Ops(0xFFFFFFFEu, 0);
        Ops(0xFFFFFFFEu, 1);
        Ops(0xFFFFFFFEu, 2);
        Ops(0xFFFFFFFEu, 0x80000000u);
        Ops(0xFFFFFFFEu, 0xFFFFFFFEu);
        Ops(0xFFFFFFFEu, uint.MaxValue);
        Ops(uint.MaxValue, 0);
        Ops(uint.MaxValue, 1);
        Ops(uint.MaxValue, 2);
        Ops(uint.MaxValue, 0x80000000u);
        Ops(uint.MaxValue, 0xFFFFFFFEu);
        Ops(uint.MaxValue, uint.MaxValue);
    }
}
