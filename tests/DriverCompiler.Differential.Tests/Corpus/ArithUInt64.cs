// Unchecked + - * unary minus ++ -- on ulong at its edge values, with and without narrowing back to ulong.
namespace Corpus.ArithUInt64;

public static unsafe class Program
{
    static void Ops(ulong a, ulong b)
    {
        Probe.U(a + b); Probe.U(a - b); Probe.U(a * b);
        Probe.U((ulong)(a + b)); Probe.U((ulong)(a - b)); Probe.U((ulong)(a * b));
        ulong c = a; c += b; Probe.U(c);
        c = a; c -= b; Probe.U(c);
        c = a; c *= b; Probe.U(c);
    }

    static void Unary(ulong a)
    {
        Probe.U(0 - a); Probe.U(~a + 1);
        ulong d = a;
        Probe.U(d++); Probe.U(d); Probe.U(++d); Probe.U(d--); Probe.U(d); Probe.U(--d); Probe.U(--d); Probe.U(d);
    }

    public static void Run()
    {
        Unary(0);
        Unary(1);
        Unary(2);
        Unary(0x8000000000000000ul);
        Unary(0xFFFFFFFFFFFFFFFEul);
        Unary(ulong.MaxValue);
        Ops(0, 0);
        Ops(0, 1);
        Ops(0, 2);
        Ops(0, 0x8000000000000000ul);
        Ops(0, 0xFFFFFFFFFFFFFFFEul);
        Ops(0, ulong.MaxValue);
        Ops(1, 0);
        Ops(1, 1);
        Ops(1, 2);
        Ops(1, 0x8000000000000000ul);
        Ops(1, 0xFFFFFFFFFFFFFFFEul);
        Ops(1, ulong.MaxValue);
        Ops(2, 0);
        Ops(2, 1);
        Ops(2, 2);
        Ops(2, 0x8000000000000000ul);
        Ops(2, 0xFFFFFFFFFFFFFFFEul);
        Ops(2, ulong.MaxValue);
        Ops(0x8000000000000000ul, 0);
        Ops(0x8000000000000000ul, 1);
        Ops(0x8000000000000000ul, 2);
        Ops(0x8000000000000000ul, 0x8000000000000000ul);
        Ops(0x8000000000000000ul, 0xFFFFFFFFFFFFFFFEul);
        Ops(0x8000000000000000ul, ulong.MaxValue);
        Ops(0xFFFFFFFFFFFFFFFEul, 0);
        Ops(0xFFFFFFFFFFFFFFFEul, 1);
        Ops(0xFFFFFFFFFFFFFFFEul, 2);
        Ops(0xFFFFFFFFFFFFFFFEul, 0x8000000000000000ul);
        Ops(0xFFFFFFFFFFFFFFFEul, 0xFFFFFFFFFFFFFFFEul);
        Ops(0xFFFFFFFFFFFFFFFEul, ulong.MaxValue);
        Ops(ulong.MaxValue, 0);
        Ops(ulong.MaxValue, 1);
        Ops(ulong.MaxValue, 2);
        Ops(ulong.MaxValue, 0x8000000000000000ul);
        Ops(ulong.MaxValue, 0xFFFFFFFFFFFFFFFEul);
        Ops(ulong.MaxValue, ulong.MaxValue);
    }
}
