// Unchecked + - * unary minus ++ -- on ushort at its edge values, with and without narrowing back to ushort.
namespace Corpus.ArithUInt16;

public static unsafe class Program
{
    static void Ops(ushort a, ushort b)
    {
        Probe.I(a + b); Probe.I(a - b); Probe.I(a * b);
        Probe.I((ushort)(a + b)); Probe.I((ushort)(a - b)); Probe.I((ushort)(a * b));
        ushort c = a; c += b; Probe.I(c);
        c = a; c -= b; Probe.I(c);
        c = a; c *= b; Probe.I(c);
    }

    static void Unary(ushort a)
    {
        Probe.I(-a); Probe.I((ushort)(-a));
        ushort d = a;
        Probe.I(d++); Probe.I(d); Probe.I(++d); Probe.I(d--); Probe.I(d); Probe.I(--d); Probe.I(--d); Probe.I(d);
    }

    public static void Run()
    {
        Unary(0);
        Unary(1);
        Unary(2);
        Unary(0x8000);
        Unary(0xFFFE);
        Unary(ushort.MaxValue);
        Ops(0, 0);
        Ops(0, 1);
        Ops(0, 2);
        Ops(0, 0x8000);
        Ops(0, 0xFFFE);
        Ops(0, ushort.MaxValue);
        Ops(1, 0);
        Ops(1, 1);
        Ops(1, 2);
        Ops(1, 0x8000);
        Ops(1, 0xFFFE);
        Ops(1, ushort.MaxValue);
        Ops(2, 0);
        Ops(2, 1);
        Ops(2, 2);
        Ops(2, 0x8000);
        Ops(2, 0xFFFE);
        Ops(2, ushort.MaxValue);
        Ops(0x8000, 0);
        Ops(0x8000, 1);
        Ops(0x8000, 2);
        Ops(0x8000, 0x8000);
        Ops(0x8000, 0xFFFE);
        Ops(0x8000, ushort.MaxValue);
        Ops(0xFFFE, 0);
        Ops(0xFFFE, 1);
        Ops(0xFFFE, 2);
        Ops(0xFFFE, 0x8000);
        Ops(0xFFFE, 0xFFFE);
        Ops(0xFFFE, ushort.MaxValue);
        Ops(ushort.MaxValue, 0);
        Ops(ushort.MaxValue, 1);
        Ops(ushort.MaxValue, 2);
        Ops(ushort.MaxValue, 0x8000);
        Ops(ushort.MaxValue, 0xFFFE);
        Ops(ushort.MaxValue, ushort.MaxValue);
    }
}
