// uint combined with int and long operands: the promoted type decides wrap-around and signedness.
namespace Corpus.MixedWithUInt32;

public static unsafe class Program
{
    static void Mix(uint a, int i, long l)
    {
        Probe.I(a + i); Probe.I(a - i); Probe.B(a < i); Probe.B(a == i);
        Probe.I(a * l); Probe.I(a - l); Probe.B(a > l);
        Probe.I(i * a);
    }

    public static void Run()
    {
        Mix(0, 0, 0);
        Mix(0, -1, -1);
        Mix(0, 1, long.MinValue);
        Mix(0, int.MinValue, long.MaxValue);
        Mix(0, int.MaxValue, 0x100000000);
        Mix(1, 0, 0);
        Mix(1, -1, -1);
        Mix(1, 1, long.MinValue);
        Mix(1, int.MinValue, long.MaxValue);
        Mix(1, int.MaxValue, 0x100000000);
        Mix(2, 0, 0);
        Mix(2, -1, -1);
        Mix(2, 1, long.MinValue);
        Mix(2, int.MinValue, long.MaxValue);
        Mix(2, int.MaxValue, 0x100000000);
        Mix(0x80000000u, 0, 0);
        Mix(0x80000000u, -1, -1);
        Mix(0x80000000u, 1, long.MinValue);
        Mix(0x80000000u, int.MinValue, long.MaxValue);
        Mix(0x80000000u, int.MaxValue, 0x100000000);
        Mix(0xFFFFFFFEu, 0, 0);
        Mix(0xFFFFFFFEu, -1, -1);
        Mix(0xFFFFFFFEu, 1, long.MinValue);
        Mix(0xFFFFFFFEu, int.MinValue, long.MaxValue);
        Mix(0xFFFFFFFEu, int.MaxValue, 0x100000000);
        Mix(uint.MaxValue, 0, 0);
        Mix(uint.MaxValue, -1, -1);
        Mix(uint.MaxValue, 1, long.MinValue);
        Mix(uint.MaxValue, int.MinValue, long.MaxValue);
        Mix(uint.MaxValue, int.MaxValue, 0x100000000);
    }
}
