// short combined with int and long operands: the promoted type decides wrap-around and signedness.
namespace Corpus.MixedWithInt16;

public static unsafe class Program
{
    static void Mix(short a, int i, long l)
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
        Mix(3, 0, 0);
        Mix(3, -1, -1);
        Mix(3, 1, long.MinValue);
        Mix(3, int.MinValue, long.MaxValue);
        Mix(3, int.MaxValue, 0x100000000);
        Mix(-12345, 0, 0);
        Mix(-12345, -1, -1);
        Mix(-12345, 1, long.MinValue);
        Mix(-12345, int.MinValue, long.MaxValue);
        Mix(-12345, int.MaxValue, 0x100000000);
        Mix(short.MinValue, 0, 0);
        Mix(short.MinValue, -1, -1);
        Mix(short.MinValue, 1, long.MinValue);
        Mix(short.MinValue, int.MinValue, long.MaxValue);
        Mix(short.MinValue, int.MaxValue, 0x100000000);
        Mix(short.MaxValue, 0, 0);
        Mix(short.MaxValue, -1, -1);
        Mix(short.MaxValue, 1, long.MinValue);
        Mix(short.MaxValue, int.MinValue, long.MaxValue);
        Mix(short.MaxValue, int.MaxValue, 0x100000000);
    }
}
