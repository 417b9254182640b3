// Relational operators on ulong over every pair of edge values.
namespace Corpus.CompareUInt64;

public static unsafe class Program
{
    static void Cmp(ulong a, ulong b)
    {
        Probe.B(a < b); Probe.B(a <= b); Probe.B(a > b); Probe.B(a >= b); Probe.B(a == b); Probe.B(a != b);
        Probe.I(a < b ? -1 : a > b ? 1 : 0);
    }

    public static void Run()
    {
        Cmp(0, 0);
        Cmp(0, 1);
        Cmp(0, 2);
        Cmp(0, 0x8000000000000000ul);
        Cmp(0, 0xFFFFFFFFFFFFFFFEul);
        Cmp(0, ulong.MaxValue);
        Cmp(1, 0);
        Cmp(1, 1);
        Cmp(1, 2);
        Cmp(1, 0x8000000000000000ul);
        Cmp(1, 0xFFFFFFFFFFFFFFFEul);
        Cmp(1, ulong.MaxValue);
        Cmp(2, 0);
        Cmp(2, 1);
        Cmp(2, 2);
        Cmp(2, 0x8000000000000000ul);
        Cmp(2, 0xFFFFFFFFFFFFFFFEul);
        Cmp(2, ulong.MaxValue);
        Cmp(0x8000000000000000ul, 0);
        Cmp(0x8000000000000000ul, 1);
        Cmp(0x8000000000000000ul, 2);
        Cmp(0x8000000000000000ul, 0x8000000000000000ul);
        Cmp(0x8000000000000000ul, 0xFFFFFFFFFFFFFFFEul);
        Cmp(0x8000000000000000ul, ulong.MaxValue);
        Cmp(0xFFFFFFFFFFFFFFFEul, 0);
        Cmp(0xFFFFFFFFFFFFFFFEul, 1);
        Cmp(0xFFFFFFFFFFFFFFFEul, 2);
        Cmp(0xFFFFFFFFFFFFFFFEul, 0x8000000000000000ul);
        Cmp(0xFFFFFFFFFFFFFFFEul, 0xFFFFFFFFFFFFFFFEul);
        Cmp(0xFFFFFFFFFFFFFFFEul, ulong.MaxValue);
        Cmp(ulong.MaxValue, 0);
        Cmp(ulong.MaxValue, 1);
        Cmp(ulong.MaxValue, 2);
        Cmp(ulong.MaxValue, 0x8000000000000000ul);
        Cmp(ulong.MaxValue, 0xFFFFFFFFFFFFFFFEul);
        Cmp(ulong.MaxValue, ulong.MaxValue);
    }
}
