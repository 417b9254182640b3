// 64-bit arithmetic the 32-bit targets do in software: mul, div, mod, shifts and compares of long/ulong.
namespace Corpus.LongArithmetic32Bit;

public static unsafe class Program
{
    public static void Run()
    {
        long a = 0x7FFFFFFF00000001L, b = -0x123456789L;
        ulong u = 0xFFFFFFFF00000000ul, v = 0x00000000FFFFFFFFul;
        Probe.I(a * b); Probe.I(a / b); Probe.I(a % b); Probe.I(b / 3); Probe.I(b % 3);
        Probe.U(u * v); Probe.U(u / v); Probe.U(u % (v - 2)); Probe.U(u + v); Probe.U(u - v - v);
        Probe.B(a > b); Probe.B(u > v); Probe.B((long)u < 0);
        Probe.I(a >> 33); Probe.I(b >> 40); Probe.U(u >> 33); Probe.U(v << 33);
        long acc = 1;
        for (int i = 1; i <= 30; i++) acc = acc * i % 1000000000000007L;
        Probe.I(acc);
        ulong h = 0;
        for (ulong i = 0; i < 100; i++) h = (h ^ i) * 0x100000001B3ul;
        Probe.U(h);
    }
}
