// ushort combined with int and long operands: the promoted type decides wrap-around and signedness.
namespace Corpus.MixedWithUInt16;

public static unsafe class Program
{
    static void Mix(ushort a, int i, long l)
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
        Mix(0x8000, 0, 0);
        Mix(0x8000, -1, -1);
        Mix(0x8000, 1, long.MinValue);
        Mix(0x8000, int.MinValue, long.MaxValue);
        Mix(0x8000, int.MaxValue, 0x100000000);
        Mix(0xFFFE, 0, 0);
        Mix(0xFFFE, -1, -1);
        Mix(0xFFFE, 1, long.MinValue);
        Mix(0xFFFE, int.MinValue, long.MaxValue);
        Mix(0xFFFE, int.MaxValue, 0x100000000);
        Mix(ushort.MaxValue, 0, 0);
        Mix(ushort.MaxValue, -1, -1);
        Mix(ushort.MaxValue, 1, long.MinValue);
        Mix(ushort.MaxValue, int.MinValue, long.MaxValue);
        Mix(ushort.MaxValue, int.MaxValue, 0x100000000);
    }
}
