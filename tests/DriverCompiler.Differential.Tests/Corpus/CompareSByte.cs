// Relational operators on sbyte over every pair of edge values.
namespace Corpus.CompareSByte;

public static unsafe class Program
{
    static void Cmp(sbyte a, sbyte b)
    {
        Probe.B(a < b); Probe.B(a <= b); Probe.B(a > b); Probe.B(a >= b); Probe.B(a == b); Probe.B(a != b);
        Probe.I(a < b ? -1 : a > b ? 1 : 0);
    }

    public static void Run()
    {
        Cmp(0, 0);
        Cmp(0, 1);
        Cmp(0, -1);
        Cmp(0, 2);
        Cmp(0, -100);
        Cmp(0, sbyte.MinValue);
        Cmp(0, sbyte.MaxValue);
        Cmp(1, 0);
        Cmp(1, 1);
        Cmp(1, -1);
        Cmp(1, 2);
        Cmp(1, -100);
        Cmp(1, sbyte.MinValue);
        Cmp(1, sbyte.MaxValue);
        Cmp(-1, 0);
        Cmp(-1, 1);
        Cmp(-1, -1);
        Cmp(-1, 2);
        Cmp(-1, -100);
        Cmp(-1, sbyte.MinValue);
        Cmp(-1, sbyte.MaxValue);
        Cmp(2, 0);
        Cmp(2, 1);
        Cmp(2, -1);
        Cmp(2, 2);
        Cmp(2, -100);
        Cmp(2, sbyte.MinValue);
        Cmp(2, sbyte.MaxValue);
        Cmp(-100, 0);
        Cmp(-100, 1);
        Cmp(-100, -1);
        Cmp(-100, 2);
        Cmp(-100, -100);
        Cmp(-100, sbyte.MinValue);
        Cmp(-100, sbyte.MaxValue);
        Cmp(sbyte.MinValue, 0);
        Cmp(sbyte.MinValue, 1);
        Cmp(sbyte.MinValue, -1);
        Cmp(sbyte.MinValue, 2);
        Cmp(sbyte.MinValue, -100);
        Cmp(sbyte.MinValue, sbyte.MinValue);
        Cmp(sbyte.MinValue, sbyte.MaxValue);
        Cmp(sbyte.MaxValue, 0);
        Cmp(sbyte.MaxValue, 1);
        Cmp(sbyte.MaxValue, -1);
        Cmp(sbyte.MaxValue, 2);
        Cmp(sbyte.MaxValue, -100);
        Cmp(sbyte.MaxValue, sbyte.MinValue);
        Cmp(sbyte.MaxValue, sbyte.MaxValue);
    }
}
