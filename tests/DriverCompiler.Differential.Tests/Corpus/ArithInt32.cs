// Unchecked + - * unary minus ++ -- on int at its edge values, with and without narrowing back to int.
namespace Corpus.ArithInt32;

public static unsafe class Program
{
    static void Ops(int a, int b)
    {
        Probe.I(a + b); Probe.I(a - b); Probe.I(a * b);
        Probe.I((int)(a + b)); Probe.I((int)(a - b)); Probe.I((int)(a * b));
        int c = a; c += b; Probe.I(c);
        c = a; c -= b; Probe.I(c);
        c = a; c *= b; Probe.I(c);
    }

    static void Unary(int a)
    {
        Probe.I(-a); Probe.I((int)(-a));
        int d = a;
        Probe.I(d++); Probe.I(d); Probe.I(++d); Probe.I(d--); Probe.I(d); Probe.I(--d); Probe.I(--d); Probe.I(d);
    }

    public static void Run()
    {
        Unary(0);
        Unary(1);
        Unary(-1);
        Unary(7);
        Unary(-1000000007);
        Unary(int.MinValue);
        Unary(int.MaxValue);
        Ops(0, 0);
        Ops(0, 1);
        Ops(0, -1);
        Ops(0, 7);
        Ops(0, -1000000007);
        Ops(0, int.MinValue);
        Ops(0, int.MaxValue);
        Ops(1, 0);
        Ops(1, 1);
        Ops(1, -1);
        Ops(1, 7);
        Ops(1, -1000000007);
        Ops(1, int.MinValue);
        Ops(1, int.MaxValue);
        Ops(-1, 0);
        Ops(-1, 1);
        Ops(-1, -1);
        Ops(-1, 7);
        Ops(-1, -1000000007);
        Ops(-1, int.MinValue);
        Ops(-1, int.MaxValue);
        Ops(7, 0);
        Ops(7, 1);
        Ops(7, -1);
        Ops(7, 7);
        Ops(7, -1000000007);
        Ops(7, int.MinValue);
        Ops(7, int.MaxValue);
        Ops(-1000000007, 0);
        Ops(-1000000007, 1);
        Ops(-1000000007, -1);
        Ops(-1000000007, 7);
        Ops(-1000000007, -1000000007);
        Ops(-1000000007, int.MinValue);
        Ops(-1000000007, int.MaxValue);
        Ops(int.MinValue, 0);
        Ops(int.MinValue, 1);
        Ops(int.MinValue, -1);
        Ops(int.MinValue, 7);
        Ops(int.MinValue, -1000000007);
        Ops(int.MinValue, int.MinValue);
        Ops(int.MinValue, int.MaxValue);
        Ops(int.MaxValue, 0);
        Ops(int.MaxValue, 1);
        Ops(int.MaxValue, -1);
        Ops(int.MaxValue, 7);
        Ops(int.MaxValue, -1000000007);
        Ops(int.MaxValue, int.MinValue);
        Ops(int.MaxValue, int.MaxValue);
    }
}
