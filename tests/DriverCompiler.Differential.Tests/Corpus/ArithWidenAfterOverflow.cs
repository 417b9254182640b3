// int*int overflows in int before it is widened to long; widening one operand first does not.
namespace Corpus.ArithWidenAfterOverflow;

public static unsafe class Program
{
    public static void Run()
    {
        int a = 100000, b = 300000;
        long wrong = a * b;
        long right = (long)a * b;
        Probe.I(wrong);
        Probe.I(right);
        uint u = 0xFFFFFFFFu;
        ulong wu = u + 1;
        ulong ru = (ulong)u + 1;
        Probe.U(wu);
        Probe.U(ru);
        ushort s = 0xFFFF;
        uint sum = (uint)(s + s);
        Probe.I(sum);
        int big = int.MaxValue;
        long l = big + 1;
        Probe.I(l);
        long l2 = big + 1L;
        Probe.I(l2);
        ulong shifted = 1u << 31;
        Probe.U(shifted);
        ulong shifted2 = 1ul << 31 << 1;
        Probe.U(shifted2);
        long viaInt = 1 << 40;
        Probe.I(viaInt);
    }
}
