// Unchecked + - * unary minus ++ -- on sbyte at its edge values, with and without narrowing back to sbyte.
namespace Corpus.ArithSByte;

public static unsafe class Program
{
    static void Ops(sbyte a, sbyte b)
    {
        Probe.I(a + b); Probe.I(a - b); Probe.I(a * b);
        Probe.I((sbyte)(a + b)); Probe.I((sbyte)(a - b)); Probe.I((sbyte)(a * b));
        sbyte c = a; c += b; Probe.I(c);
        c = a; c -= b; Probe.I(c);
        c = a; c *= b; Probe.I(c);
    }

    static void Unary(sbyte a)
    {
        Probe.I(-a); Probe.I((sbyte)(-a));
        sbyte d = a;
        Probe.I(d++); Probe.I(d); Probe.I(++d); Probe.I(d--); Probe.I(d); Probe.I(--d); Probe.I(--d); Probe.I(d);
    }

    public static void Run()
    {
        Unary(0);
        Unary(1);
        Unary(-1);
        Unary(2);
        Unary(-100);
        Unary(sbyte.MinValue);
        Unary(sbyte.MaxValue);
        Ops(0, 0);
        Ops(0, 1);
        Ops(0, -1);
        Ops(0, 2);
        Ops(0, -100);
        Ops(0, sbyte.MinValue);
        Ops(0, sbyte.MaxValue);
        Ops(1, 0);
        Ops(1, 1);
        Ops(1, -1);
        Ops(1, 2);
        Ops(1, -100);
        Ops(1, sbyte.MinValue);
        Ops(1, sbyte.MaxValue);
        Ops(-1, 0);
        Ops(-1, 1);
        Ops(-1, -1);
        Ops(-1, 2);
        Ops(-1, -100);
        Ops(-1, sbyte.MinValue);
        Ops(-1, sbyte.MaxValue);
        Ops(2, 0);
        Ops(2, 1);
        Ops(2, -1);
        Ops(2, 2);
        Ops(2, -100);
        Ops(2, sbyte.MinValue);
        Ops(2, sbyte.MaxValue);
        Ops(-100, 0);
        Ops(-100, 1);
        Ops(-100, -1);
        Ops(-100, 2);
        Ops(-100, -100);
        Ops(-100, sbyte.MinValue);
        Ops(-100, sbyte.MaxValue);
        Ops(sbyte.MinValue, 0);
        Ops(sbyte.MinValue, 1);
        Ops(sbyte.MinValue, -1);
        Ops(sbyte.MinValue, 2);
        Ops(sbyte.MinValue, -100);
        Ops(sbyte.MinValue, sbyte.MinValue);
        Ops(sbyte.MinValue, sbyte.MaxValue);
        Ops(sbyte.MaxValue, 0);
        Ops(sbyte.MaxValue, 1);
        Ops(sbyte.MaxValue, -1);
        Ops(sbyte.MaxValue, 2);
        Ops(sbyte.MaxValue, -100);
        Ops(sbyte.MaxValue, sbyte.MinValue);
        Ops(sbyte.MaxValue, sbyte.MaxValue);
    }
}
