// ulong with non-negative long constants, uint with long, and explicit casts where C# demands them.
namespace Corpus.MixedLongUlong;

public static unsafe class Program
{
    public static void Run()
    {
        ulong u = ulong.MaxValue;
        Probe.U(u + 1);
        Probe.U(u - 5L);
        Probe.U(u / 3);
        Probe.B(u > 0x7FFFFFFFFFFFFFFFL);
        long l = -1;
        Probe.B((ulong)l == u);
        Probe.B(l < (long)u);
        Probe.U((ulong)l >> 1);
        uint w = uint.MaxValue;
        Probe.I(w + l);
        Probe.I(w * 3L);
        Probe.B(w > l);
        ulong mixed = w * 3UL;
        Probe.U(mixed);
        long neg = long.MinValue;
        Probe.U((ulong)neg);
        Probe.B((ulong)neg > (ulong)long.MaxValue);
        ulong half = 0x8000000000000000ul;
        Probe.I((long)half);
        Probe.B(half == 9223372036854775808ul);
        int i = -5;
        Probe.I(w + i);
        Probe.I((long)w + i);
        Probe.U((ulong)(long)i);
        Probe.U((ulong)(uint)i);
    }
}
