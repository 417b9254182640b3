// Relational operators on int over every pair of edge values.
namespace Corpus.CompareInt32;

public static unsafe class Program
{
    static void Cmp(int a, int b)
    {
        Probe.B(a < b); Probe.B(a <= b); Probe.B(a > b); Probe.B(a >= b); Probe.B(a == b); Probe.B(a != b);
        Probe.I(a < b ? -1 : a > b ? 1 : 0);
    }

    public static void Run()
    {
        Cmp(0, 0);
        Cmp(0, 1);
        Cmp(0, -1);
        Cmp(0, 7);
        Cmp(0, -1000000007);
        Cmp(0, int.MinValue);
        Cmp(0, int.MaxValue);
        Cmp(1, 0);
        Cmp(1, 1);
        Cmp(1, -1);
        Cmp(1, 7);
        Cmp(1, -1000000007);
        Cmp(1, int.MinValue);
        Cmp(1, int.MaxValue);
        Cmp(-1, 0);
        Cmp(-1, 1);
        Cmp(-1, -1);
        Cmp(-1, 7);
        Cmp(-1, -1000000007);
        Cmp(-1, int.MinValue);
        Cmp(-1, int.MaxValue);
        Cmp(7, 0);
        Cmp(7, 1);
        Cmp(7, -1);
        Cmp(7, 7);
        Cmp(7, -1000000007);
        Cmp(7, int.MinValue);
        Cmp(7, int.MaxValue);
        Cmp(-1000000007, 0);
        Cmp(-1000000007, 1);
        Cmp(-1000000007, -1);
        Cmp(-1000000007, 7);
        Cmp(-1000000007, -1000000007);
        Cmp(-1000000007, int.MinValue);
        Cmp(-1000000007, int.MaxValue);
        Cmp(int.MinValue, 0);
        Cmp(int.MinValue, 1);
        Cmp(int.MinValue, -1);
        Cmp(int.MinValue, 7);
        Cmp(int.MinValue, -1000000007);
        Cmp(int.MinValue, int.MinValue);
        Cmp(int.MinValue, int.MaxValue);
        Cmp(int.MaxValue, 0);
        Cmp(int.MaxValue, 1);
        Cmp(int.MaxValue, -1);
        Cmp(int.MaxValue, 7);
        Cmp(int.MaxValue, -1000000007);
        Cmp(int.MaxValue, int.MinValue);
        Cmp(int.MaxValue, int.MaxValue);
    }
}
