// Relational operators on byte over every pair of edge values.
namespace Corpus.CompareByte;

public static unsafe class Program
{
    static void Cmp(byte a, byte b)
    {
        Probe.B(a < b); Probe.B(a <= b); Probe.B(a > b); Probe.B(a >= b); Probe.B(a == b); Probe.B(a != b);
        Probe.I(a < b ? -1 : a > b ? 1 : 0);
    }

    public static void Run()
    {
        Cmp(0, 0);
        Cmp(0, 1);
        Cmp(0, 2);
        Cmp(0, 0x80);
        Cmp(0, 0xFE);
        Cmp(0, byte.MaxValue);
        Cmp(1, 0);
        Cmp(1, 1);
        Cmp(1, 2);
        Cmp(1, 0x80);
        Cmp(1, 0xFE);
        Cmp(1, byte.MaxValue);
        Cmp(2, 0);
        Cmp(2, 1);
        Cmp(2, 2);
        Cmp(2, 0x80);
        Cmp(2, 0xFE);
        Cmp(2, byte.MaxValue);
        Cmp(0x80, 0);
        Cmp(0x80, 1);
        Cmp(0x80, 2);
        Cmp(0x80, 0x80);
        Cmp(0x80, 0xFE);
        Cmp(0x80, byte.MaxValue);
        Cmp(0xFE, 0);
        Cmp(0xFE, 1);
        Cmp(0xFE, 2);
        Cmp(0xFE, 0x80);
        Cmp(0xFE, 0xFE);
        Cmp(0xFE, byte.MaxValue);
        Cmp(byte.MaxValue, 0);
        Cmp(byte.MaxValue, 1);
        Cmp(byte.MaxValue, 2);
        Cmp(byte.MaxValue, 0x80);
        Cmp(byte.MaxValue, 0xFE);
        Cmp(byte.MaxValue, byte.MaxValue);
    }
}
