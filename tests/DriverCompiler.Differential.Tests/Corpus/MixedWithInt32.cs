// int combined with int and long operands: the promoted type decides wrap-around and signedness.
namespace Corpus.MixedWithInt32;

public static unsafe class Program
{
    static void Mix(int a, int i, long l)
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
        Mix(7, 0, 0);
        Mix(7, -1, -1);
        Mix(7, 1, long.MinValue);
        Mix(7, int.MinValue, long.MaxValue);
        Mix(7, int.MaxValue, 0x100000000);
        Mix(-1000000007, 0, 0);
        Mix(-1000000007, -1, -1);
        Mix(-1000000007, 1, long.MinValue);
        Mix(-1000000007, int.MinValue, long.MaxValue);
        Mix(-1000000007, int.MaxValue, 0x100000000);
        Mix(int.MinValue, 0, 0);
        Mix(int.MinValue, -1, -1);
        Mix(int.MinValue, 1, long.MinValue);
        Mix(int.MinValue, int.MinValue, long.MaxValue);
        Mix(int.MinValue, int.MaxValue, 0x100000000);
        Mix(int.MaxValue, 0, 0);
        Mix(int.MaxValue, -1, -1);
        Mix(int.MaxValue, 1, long.MinValue);
        Mix(int.MaxValue, int.MinValue, long.MaxValue);
        Mix(int.MaxValue, int.MaxValue, 0x100000000);
    }
}
