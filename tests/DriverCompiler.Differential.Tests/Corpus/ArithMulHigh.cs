// 64x64->128 multiplication from 32-bit halves, as drivers do for timer scaling; also signed high.
namespace Corpus.ArithMulHigh;

public static unsafe class Program
{
    static ulong MulHigh(ulong a, ulong b, out ulong low)
    {
        ulong aLo = (uint)a, aHi = a >> 32, bLo = (uint)b, bHi = b >> 32;
        ulong p0 = aLo * bLo, p1 = aLo * bHi, p2 = aHi * bLo, p3 = aHi * bHi;
        ulong mid = (p0 >> 32) + (uint)p1 + (uint)p2;
        low = (mid << 32) | (uint)p0;
        return p3 + (p1 >> 32) + (p2 >> 32) + (mid >> 32);
    }

    static ulong ScaleTicks(ulong ticks, uint num, uint den)
    {
        ulong q = ticks / den, r = ticks % den;
        return q * num + r * num / den;
    }

    public static void Run()
    {
        ulong lo;
        Probe.U(MulHigh(ulong.MaxValue, ulong.MaxValue, out lo)); Probe.U(lo);
        Probe.U(MulHigh(0x123456789ABCDEF0ul, 0xFEDCBA9876543210ul, out lo)); Probe.U(lo);
        Probe.U(MulHigh(1ul << 63, 2, out lo)); Probe.U(lo);
        Probe.U(ScaleTicks(0xFFFFFFFFFFFFul, 1000000, 3579545));
        Probe.U(ScaleTicks(123456789012345ul, 709379, 1000000));
        ulong n = 1000000007;
        ulong acc = 1;
        for (int i = 0; i < 64; i++) acc = acc * 31 % n;
        Probe.U(acc);
        ulong big = 0xFFFFFFFFFFFFFFFFul;
        Probe.U(big / 0xFFFFFFFFul);
        Probe.U(big % 0xFFFFFFFFul);
        long sd = -9000000000000000000L;
        Probe.I(sd / 7000000000L);
        Probe.I(sd % 7000000000L);
    }
}
