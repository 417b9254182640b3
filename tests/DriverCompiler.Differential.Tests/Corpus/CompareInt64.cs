// Relational operators on long over every pair of edge values.
namespace Corpus.CompareInt64;

public static unsafe class Program
{
    static void Cmp(long a, long b)
    {
        Probe.B(a < b); Probe.B(a <= b); Probe.B(a > b); Probe.B(a >= b); Probe.B(a == b); Probe.B(a != b);
        Probe.I(a < b ? -1 : a > b ? 1 : 0);
    }

    public static void Run()
    {
        Cmp(0, 0);
        Cmp(0, 1);
        Cmp(0, -1);
        Cmp(0, 9);
        Cmp(0, -1000000000000000003L);
        Cmp(0, long.MinValue);
        Cmp(0, long.MaxValue);
        Cmp(1, 0);
        Cmp(1, 1);
        Cmp(1, -1);
        Cmp(1, 9);
        Cmp(1, -1000000000000000003L);
        Cmp(1, long.MinValue);
        Cmp(1, long.MaxValue);
        Cmp(-1, 0);
        Cmp(-1, 1);
        Cmp(-1, -1);
        Cmp(-1, 9);
        Cmp(-1, -1000000000000000003L);
        Cmp(-1, long.MinValue);
        Cmp(-1, long.MaxValue);
        Cmp(9, 0);
        Cmp(9, 1);
        Cmp(9, -1);
        Cmp(9, 9);
        Cmp(9, -1000000000000000003L);
        Cmp(9, long.MinValue);
        Cmp(9, long.MaxValue);
        Cmp(-1000000000000000003L, 0);
        Cmp(-1000000000000000003L, 1);
        Cmp(-1000000000000000003L, -1);
        Cmp(-1000000000000000003L, 9);
        Cmp(-1000000000000000003L, -1000000000000000003L);
        Cmp(-1000000000000000003L, long.MinValue);
        Cmp(-1000000000000000003L, long.MaxValue);
        Cmp(long.MinValue, 0);
        Cmp(long.MinValue, 1);
        Cmp(long.MinValue, -1);
        Cmp(long.MinValue, 9);
        Cmp(long.MinValue, -1000000000000000003L);
        Cmp(long.MinValue, long.MinValue);
        Cmp(long.MinValue, long.MaxValue);
        Cmp(long.MaxValue, 0);
        Cmp(long.MaxValue, 1);
        Cmp(long.MaxValue, -1);
        Cmp(long.MaxValue, 9);
        Cmp(long.MaxValue, -1000000000000000003L);
        Cmp(long.MaxValue, long.MinValue);
        Cmp(long.MaxValue, long.MaxValue);
    }
}
