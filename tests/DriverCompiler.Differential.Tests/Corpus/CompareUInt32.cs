// Relational operators on uint over every pair of edge values.
namespace Corpus.CompareUInt32;

public static unsafe class Program
{
    static void Cmp(uint a, uint b)
    {
        Probe.B(a < b); Probe.B(a <= b); Probe.B(a > b); Probe.B(a >= b); Probe.B(a == b); Probe.B(a != b);
        Probe.I(a < b ? -1 : a > b ? 1 : 0);
    }

    public static void Run()
    {
        Cmp(0, 0);
        Cmp(0, 1);
        Cmp(0, 2);
        Cmp(0, 0x80000000u);
        Cmp(0, 0xFFFFFFFEu);
        Cmp(0, uint.MaxValue);
        Cmp(1, 0);
        Cmp(1, 1);
        Cmp(1, 2);
        Cmp(1, 0x80000000u);
        Cmp(1, 0xFFFFFFFEu);
        Cmp(1, uint.MaxValue);
        Cmp(2, 0);
        Cmp(2, 1);
        Cmp(2, 2);
        Cmp(2, 0x80000000u);
        Cmp(2, 0xFFFFFFFEu);
        Cmp(2, uint.MaxValue);
        Cmp(0x80000000u, 0);
        Cmp(0x80000000u, 1);
        Cmp(0x80000000u, 2);
        Cmp(0x80000000u, 0x80000000u);
        Cmp(0x80000000u, 0xFFFFFFFEu);
        Cmp(0x80000000u, uint.MaxValue);
        Cmp(0xFFFFFFFEu, 0);
        Cmp(0xFFFFFFFEu, 1);
        Cmp(0xFFFFFFFEu, 2);
        Cmp(0xFFFFFFFEu, 0x80000000u);
        Cmp(0xFFFFFFFEu, 0xFFFFFFFEu);
        Cmp(0xFFFFFFFEu, uint.MaxValue);
        Cmp(uint.MaxValue, 0);
        Cmp(uint.MaxValue, 1);
        Cmp(uint.MaxValue, 2);
        Cmp(uint.MaxValue, 0x80000000u);
        Cmp(uint.MaxValue, 0xFFFFFFFEu);
        Cmp(uint.MaxValue, uint.MaxValue);
    }
}
