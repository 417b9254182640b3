// C# masks a 32-bit shift count to its low 5 bits: counts at and above the width, and negative counts.
namespace Corpus.ShiftInt32Counts;

public static unsafe class Program
{
    static void Shifts(int x, uint u, int n)
    {
        Probe.I(x << n);
        Probe.I(x >> n);
        Probe.I(u << n);
        Probe.I(u >> n);
    }

    public static void Run()
    {
        Shifts(1, 1u, 0);
        Shifts(1, 1u, 1);
        Shifts(1, 1u, 31);
        Shifts(1, 1u, 32);
        Shifts(1, 1u, 33);
        Shifts(-1, uint.MaxValue, 31);
        Shifts(-1, uint.MaxValue, 32);
        Shifts(int.MinValue, 0x80000000u, 31);
        Shifts(int.MinValue, 0x80000000u, 63);
        Shifts(int.MinValue, 0x80000000u, 64);
        Shifts(0x12345678, 0x89ABCDEFu, 4);
        Shifts(0x12345678, 0x89ABCDEFu, 36);
        Shifts(0x12345678, 0x89ABCDEFu, -1);
        Shifts(0x12345678, 0x89ABCDEFu, -4);
        Shifts(0x12345678, 0x89ABCDEFu, -28);
        Shifts(-0x12345678, 0x89ABCDEFu, -31);
        Shifts(-0x12345678, 0x89ABCDEFu, -32);
        Shifts(-0x12345678, 0x89ABCDEFu, int.MinValue);
        Shifts(-0x12345678, 0x89ABCDEFu, int.MaxValue);
        Shifts(int.MaxValue, 0x7FFFFFFFu, 100);
    }
}
