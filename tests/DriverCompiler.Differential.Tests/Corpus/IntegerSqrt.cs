// Integer square root (Newton and bitwise) and integer log2 on 64-bit values.
namespace Corpus.IntegerSqrt;

public static unsafe class Program
{
    static ulong SqrtNewton(ulong n)
    {
        if (n < 2) return n;
        ulong x = n, y = x / 2 + (x & 1);
        while (y < x) { x = y; y = (x + n / x) / 2; }
        return x;
    }

    static uint SqrtBits(uint n)
    {
        uint res = 0, bit = 1u << 30;
        while (bit > n) bit >>= 2;
        while (bit != 0)
        {
            if (n >= res + bit) { n -= res + bit; res = (res >> 1) + bit; }
            else res >>= 1;
            bit >>= 2;
        }
        return res;
    }

    static int Log2(ulong v) { int r = -1; while (v != 0) { v >>= 1; r++; } return r; }

    public static void Run()
    {
        Probe.U(SqrtNewton(0)); Probe.U(SqrtNewton(15)); Probe.U(SqrtNewton(16)); Probe.U(SqrtNewton(ulong.MaxValue));
        Probe.U(SqrtNewton(1000000000000000000ul));
        Probe.I(SqrtBits(uint.MaxValue)); Probe.I(SqrtBits(99)); Probe.I(SqrtBits(100));
        Probe.I(Log2(0)); Probe.I(Log2(1)); Probe.I(Log2(ulong.MaxValue)); Probe.I(Log2(4096));
    }
}
