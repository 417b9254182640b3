// long combined with int and long operands: the promoted type decides wrap-around and signedness.
namespace Corpus.MixedWithInt64;

public static unsafe class Program
{
    static void Mix(long a, int i, long l)
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
        Mix(-1, 0, 0);
        Mix(-1, -1, -1);
        Mix(-1, 1, long.MinValue);
        Mix(-1, int.MinValue, long.MaxValue);
        Mix(-1, int.MaxValue, 0x100000000);
        Mix(9, 0, 0);
        Mix(9, -1, -1);
        Mix(9, 1, long.MinValue);
        Mix(9, int.MinValue, long.MaxValue);
        Mix(9, int.MaxValue, 0x100000000);
        Mix(-1000000000000000003L, 0, 0);
        Mix(-1000000000000000003L, -1, -1);
        Mix(-1000000000000000003L, 1, long.MinValue);
        Mix(-1000000000000000003L, int.MinValue, long.MaxValue);
        Mix(-1000000000000000003L, int.MaxValue, 0x100000000);
        Mix(long.MinValue, 0, 0);
        Mix(long.MinValue, -1, -1);
        Mix(long.MinValue, 1, long.MinValue);
        Mix(long.MinValue, int.MinValue, long.MaxValue);
        Mix(long.MinValue, int.MaxValue, 0x100000000);
        Mix(long.MaxValue, 0, 0);
        Mix(long.MaxValue, -1, -1);
        Mix(long.MaxValue, 1, long.MinValue);
        Mix(long.MaxValue, int.MinValue, long.MaxValue);
        Mix(long.MaxValue, int.MaxValue, 0x100000000);
    }
}
