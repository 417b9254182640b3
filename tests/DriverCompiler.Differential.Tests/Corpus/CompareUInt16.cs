// Relational operators on ushort over every pair of edge values.
namespace Corpus.CompareUInt16;

public static unsafe class Program
{
    static void Cmp(ushort a, ushort b)
    {
        Probe.B(a < b); Probe.B(a <= b); Probe.B(a > b); Probe.B(a >= b); Probe.B(a == b); Probe.B(a != b);
        Probe.I(a < b ? -1 : a > b ? 1 : 0);
    }

    public static void Run()
    {
        Cmp(0, 0);
        Cmp(0, 1);
        Cmp(0, 2);
        Cmp(0, 0x8000);
        Cmp(0, 0xFFFE);
        Cmp(0, ushort.MaxValue);
        Cmp(1, 0);
        Cmp(1, 1);
        Cmp(1, 2);
        Cmp(1, 0x8000);
        Cmp(1, 0xFFFE);
        Cmp(1, ushort.MaxValue);
        Cmp(2, 0);
        Cmp(2, 1);
        Cmp(2, 2);
        Cmp(2, 0x8000);
        Cmp(2, 0xFFFE);
        Cmp(2, ushort.MaxValue);
        Cmp(0x8000, 0);
        Cmp(0x8000, 1);
        Cmp(0x8000, 2);
        Cmp(0x8000, 0x8000);
        Cmp(0x8000, 0xFFFE);
        Cmp(0x8000, ushort.MaxValue);
        Cmp(0xFFFE, 0);
        Cmp(0xFFFE, 1);
        Cmp(0xFFFE, 2);
        Cmp(0xFFFE, 0x8000);
        Cmp(0xFFFE, 0xFFFE);
        Cmp(0xFFFE, ushort.MaxValue);
        Cmp(ushort.MaxValue, 0);
        Cmp(ushort.MaxValue, 1);
        Cmp(ushort.MaxValue, 2);
        Cmp(ushort.MaxValue, 0x8000);
        Cmp(ushort.MaxValue, 0xFFFE);
        Cmp(ushort.MaxValue, ushort.MaxValue);
    }
}
