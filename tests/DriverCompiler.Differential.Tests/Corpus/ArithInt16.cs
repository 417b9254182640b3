// Unchecked + - * unary minus ++ -- on short at its edge values, with and without narrowing back to short.
namespace Corpus.ArithInt16;

public static unsafe class Program
{
    static void Ops(short a, short b)
    {
        Probe.I(a + b); Probe.I(a - b); Probe.I(a * b);
        Probe.I((short)(a + b)); Probe.I((short)(a - b)); Probe.I((short)(a * b));
        short c = a; c += b; Probe.I(c);
        c = a; c -= b; Probe.I(c);
        c = a; c *= b; Probe.I(c);
    }

    static void Unary(short a)
    {
        Probe.I(-a); Probe.I((short)(-a));
        short d = a;
        Probe.I(d++); Probe.I(d); Probe.I(++d); Probe.I(d--); Probe.I(d); Probe.I(--d); Probe.I(--d); Probe.I(d);
    }

    public static void Run()
    {
        Unary(0);
        Unary(1);
        Unary(-1);
        Unary(3);
        Unary(-12345);
        Unary(short.MinValue);
        Unary(short.MaxValue);
        Ops(0, 0);
        Ops(0, 1);
        Ops(0, -1);
        Ops(0, 3);
        Ops(0, -12345);
        Ops(0, short.MinValue);
        Ops(0, short.MaxValue);
        Ops(1, 0);
        Ops(1, 1);
        Ops(1, -1);
        Ops(1, 3);
        Ops(1, -12345);
        Ops(1, short.MinValue);
        Ops(1, short.MaxValue);
        Ops(-1, 0);
        Ops(-1, 1);
        Ops(-1, -1);
        Ops(-1, 3);
        Ops(-1, -12345);
        Ops(-1, short.MinValue);
        Ops(-1, short.MaxValue);
        Ops(3, 0);
        Ops(3, 1);
        Ops(3, -1);
        Ops(3, 3);
        Ops(3, -12345);
        Ops(3, short.MinValue);
        Ops(3, short.MaxValue);
        Ops(-12345, 0);
        Ops(-12345, 1);
        Ops(-12345, -1);
        Ops(-12345, 3);
        Ops(-12345, -12345);
        Ops(-12345, short.MinValue);
        Ops(-12345, short.MaxValue);
        Ops(short.MinValue, 0);
        Ops(short.MinValue, 1);
        Ops(short.MinValue, -1);
        Ops(short.MinValue, 3);
        Ops(short.MinValue, -12345);
        Ops(short.MinValue, short.MinValue);
        Ops(short.MinValue, short.MaxValue);
        Ops(short.MaxValue, 0);
        Ops(short.MaxValue, 1);
        Ops(short.MaxValue, -1);
        Ops(short.MaxValue, 3);
        Ops(short.MaxValue, -12345);
        Ops(short.MaxValue, short.MinValue);
        Ops(short.MaxValue, short.MaxValue);
    }
}
