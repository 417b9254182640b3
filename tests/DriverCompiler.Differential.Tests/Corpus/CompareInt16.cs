// Relational operators on short over every pair of edge values.
namespace Corpus.CompareInt16;

public static unsafe class Program
{
    static void Cmp(short a, short b)
    {
        Probe.B(a < b); Probe.B(a <= b); Probe.B(a > b); Probe.B(a >= b); Probe.B(a == b); Probe.B(a != b);
        Probe.I(a < b ? -1 : a > b ? 1 : 0);
    }

    public static void Run()
    {
        Cmp(0, 0);
        Cmp(0, 1);
        Cmp(0, -1);
        Cmp(0, 3);
        Cmp(0, -12345);
        Cmp(0, short.MinValue);
        Cmp(0, short.MaxValue);
        Cmp(1, 0);
        Cmp(1, 1);
        Cmp(1, -1);
        Cmp(1, 3);
        Cmp(1, -12345);
        Cmp(1, short.MinValue);
        Cmp(1, short.MaxValue);
        Cmp(-1, 0);
        Cmp(-1, 1);
        Cmp(-1, -1);
        Cmp(-1, 3);
        Cmp(-1, -12345);
        Cmp(-1, short.MinValue);
        Cmp(-1, short.MaxValue);
        Cmp(3, 0);
        Cmp(3, 1);
        Cmp(3, -1);
        Cmp(3, 3);
        Cmp(3, -12345);
        Cmp(3, short.MinValue);
        Cmp(3, short.MaxValue);
        Cmp(-12345, 0);
        Cmp(-12345, 1);
        Cmp(-12345, -1);
        Cmp(-12345, 3);
        Cmp(-12345, -12345);
        Cmp(-12345, short.MinValue);
        Cmp(-12345, short.MaxValue);
        Cmp(short.MinValue, 0);
        Cmp(short.MinValue, 1);
        Cmp(short.MinValue, -1);
        Cmp(short.MinValue, 3);
        Cmp(short.MinValue, -12345);
        Cmp(short.MinValue, short.MinValue);
        Cmp(short.MinValue, short.MaxValue);
        Cmp(short.MaxValue, 0);
        Cmp(short.MaxValue, 1);
        Cmp(short.MaxValue, -1);
        Cmp(short.MaxValue, 3);
        Cmp(short.MaxValue, -12345);
        Cmp(short.MaxValue, short.MinValue);
        Cmp(short.MaxValue, short.MaxValue);
    }
}
