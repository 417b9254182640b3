// Unchecked + - * unary minus ++ -- on long at its edge values, with and without narrowing back to long.
namespace Corpus.ArithInt64;

public static unsafe class Program
{
    static void Ops(long a, long b)
    {
        Probe.I(a + b); Probe.I(a - b); Probe.I(a * b);
        Probe.I((long)(a + b)); Probe.I((long)(a - b)); Probe.I((long)(a * b));
        long c = a; c += b; Probe.I(c);
        c = a; c -= b; Probe.I(c);
        c = a; c *= b; Probe.I(c);
    }

    static void Unary(long a)
    {
        Probe.I(-a); Probe.I((long)(-a));
        long d = a;
        Probe.I(d++); Probe.I(d); Probe.I(++d); Probe.I(d--); Probe.I(d); Probe.I(--d); Probe.I(--d); Probe.I(d);
    }

    public static void Run()
    {
        Unary(0);
        Unary(1);
        Unary(-1);
        Unary(9);
        Unary(-1000000000000000003L);
        Unary(long.MinValue);
        Unary(long.MaxValue);
        Ops(0, 0);
        Ops(0, 1);
        Ops(0, -1);
        Ops(0, 9);
        Ops(0, -1000000000000000003L);
        Ops(0, long.MinValue);
        Ops(0, long.MaxValue);
        Ops(1, 0);
        Ops(1, 1);
        Ops(1, -1);
        Ops(1, 9);
        Ops(1, -1000000000000000003L);
        Ops(1, long.MinValue);
        Ops(1, long.MaxValue);
        Ops(-1, 0);
        Ops(-1, 1);
        Ops(-1, -1);
        Ops(-1, 9);
        Ops(-1, -1000000000000000003L);
        Ops(-1, long.MinValue);
        Ops(-1, long.MaxValue);
        Ops(9, 0);
        Ops(9, 1);
        Ops(9, -1);
        Ops(9, 9);
        Ops(9, -1000000000000000003L);
        Ops(9, long.MinValue);
        Ops(9, long.MaxValue);
        Ops(-1000000000000000003L, 0);
        Ops(-1000000000000000003L, 1);
        Ops(-1000000000000000003L, -1);
        Ops(-1000000000000000003L, 9);
        Ops(-1000000000000000003L, -1000000000000000003L);
        Ops(-1000000000000000003L, long.MinValue);
        Ops(-1000000000000000003L, long.MaxValue);
        Ops(long.MinValue, 0);
        Ops(long.MinValue, 1);
        Ops(long.MinValue, -1);
        Ops(long.MinValue, 9);
        Ops(long.MinValue, -1000000000000000003L);
        Ops(long.MinValue, long.MinValue);
        Ops(long.MinValue, long.MaxValue);
        Ops(long.MaxValue, 0);
        Ops(long.MaxValue, 1);
        Ops(long.MaxValue, -1);
        Ops(long.MaxValue, 9);
        Ops(long.MaxValue, -1000000000000000003L);
        Ops(long.MaxValue, long.MinValue);
        Ops(long.MaxValue, long.MaxValue);
    }
}
