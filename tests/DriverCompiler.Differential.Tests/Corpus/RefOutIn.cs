// ref, out and in parameters: swaps, multiple results, passing ref parameters on to other ref parameters.
namespace Corpus.RefOutIn;

public struct Big { public long A; public long B; public int C; }

public static unsafe class Program
{
    static void Swap(ref int a, ref int b) { int t = a; a = b; b = t; }

    static void SwapTwice(ref int a, ref int b)
    {
        Swap(ref a, ref b);
        Inc(ref a);
        Swap(ref a, ref b);
    }

    static void Inc(ref int v) { v++; }

    static bool DivMod(int a, int b, out int q, out int r)
    {
        if (b == 0) { q = 0; r = 0; return false; }
        q = a / b;
        r = a % b;
        return true;
    }

    static long SumIn(in Big big) => big.A + big.B + big.C;

    static void Fill(out Big big, int seed)
    {
        big.A = seed;
        big.B = -seed * 2L;
        big.C = seed + 1;
    }

    static void Grow(ref Big big) { big.A <<= 4; big.C--; }

    static void Widen(ref byte b, out ushort w) { b += 1; w = (ushort)(b * 300); }

    public static void Run()
    {
        int x = 1, y = 2;
        Swap(ref x, ref y);
        Probe.I(x); Probe.I(y);
        SwapTwice(ref x, ref y);
        Probe.I(x); Probe.I(y);
        Probe.B(DivMod(-17, 5, out int q, out int r));
        Probe.I(q); Probe.I(r);
        Probe.B(DivMod(1, 0, out q, out r));
        Probe.I(q);
        Fill(out Big big, 21);
        Probe.I(SumIn(in big));
        Probe.I(SumIn(big));
        Grow(ref big);
        Probe.I(big.A); Probe.I(big.C);
        byte b = 255;
        Widen(ref b, out ushort w);
        Probe.I(b); Probe.I(w);
    }
}
