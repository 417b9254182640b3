// sbyte combined with int and long operands: the promoted type decides wrap-around and signedness.
namespace Corpus.MixedWithSByte;

public static unsafe class Program
{
    static void Mix(sbyte a, int i, long l)
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
        Mix(2, 0, 0);
        Mix(2, -1, -1);
        Mix(2, 1, long.MinValue);
        Mix(2, int.MinValue, long.MaxValue);
        Mix(2, int.MaxValue, 0x100000000);
        Mix(-100, 0, 0);
        Mix(-100, -1, -1);
        Mix(-100, 1, long.MinValue);
        Mix(-100, int.MinValue, long.MaxValue);
        Mix(-100, int.MaxValue, 0x100000000);
        Mix(sbyte.MinValue, 0, 0);
        Mix(sbyte.MinValue, -1, -1);
        Mix(sbyte.MinValue, 1, long.MinValue);
        Mix(sbyte.MinValue, int.MinValue, long.MaxValue);
        Mix(sbyte.MinValue, int.MaxValue, 0x100000000);
        Mix(sbyte.MaxValue, 0, 0);
        Mix(sbyte.MaxValue, -1, -1);
        Mix(sbyte.MaxValue, 1, long.MinValue);
        Mix(sbyte.MaxValue, int.MinValue, long.MaxValue);
        Mix(sbyte.MaxValue, int.MaxValue, 0x100000000);
    }
}
