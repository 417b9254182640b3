// ulong combined with int and long operands: the promoted type decides wrap-around and signedness.
namespace Corpus.MixedWithUInt64;

public static unsafe class Program
{
    static void Mix(ulong a, int i, long l)
    {
        Probe.U(a + (ulong)i); Probe.U(a - (uint)i); Probe.B(a < (ulong)(long)i); Probe.B((long)a == i);
        Probe.U(a + (ulong)l); Probe.B(a > (ulong)l);
        Probe.U((ulong)i * a);
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
        Mix(0x8000000000000000ul, 0, 0);
        Mix(0x8000000000000000ul, -1, -1);
        Mix(0x8000000000000000ul, 1, long.MinValue);
        Mix(0x8000000000000000ul, int.MinValue, long.MaxValue);
        Mix(0x8000000000000000ul, int.MaxValue, 0x100000000);
        Mix(0xFFFFFFFFFFFFFFFEul, 0, 0);
        Mix(0xFFFFFFFFFFFFFFFEul, -1, -1);
        Mix(0xFFFFFFFFFFFFFFFEul, 1, long.MinValue);
        Mix(0xFFFFFFFFFFFFFFFEul, int.MinValue, long.MaxValue);
        Mix(0xFFFFFFFFFFFFFFFEul, int.MaxValue, 0x100000000);
        Mix(ulong.MaxValue, 0, 0);
        Mix(ulong.MaxValue, -1, -1);
        Mix(ulong.MaxValue, 1, long.MinValue);
        Mix(ulong.MaxValue, int.MinValue, long.MaxValue);
        Mix(ulong.MaxValue, int.MaxValue, 0x100000000);
    }
}
