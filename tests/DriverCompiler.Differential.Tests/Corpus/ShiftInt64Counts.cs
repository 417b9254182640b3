// C# masks a 64-bit shift count to its low 6 bits: 63, 64, 65, 127, negative counts.
namespace Corpus.ShiftInt64Counts;

public static unsafe class Program
{
    static void Shifts(long x, ulong u, int n)
    {
        Probe.I(x << n);
        Probe.I(x >> n);
        Probe.U(u << n);
        Probe.U(u >> n);
    }

    public static void Run()
    {
        Shifts(1, 1, 0);
        Shifts(1, 1, 1);
        Shifts(1, 1, 31);
        Shifts(1, 1, 32);
        Shifts(1, 1, 63);
        Shifts(1, 1, 64);
        Shifts(1, 1, 65);
        Shifts(1, 1, 127);
        Shifts(-1, ulong.MaxValue, 63);
        Shifts(-1, ulong.MaxValue, 64);
        Shifts(long.MinValue, 0x8000000000000000ul, 63);
        Shifts(long.MinValue, 0x8000000000000000ul, 1);
        Shifts(0x123456789ABCDEF0, 0xFEDCBA9876543210ul, 8);
        Shifts(0x123456789ABCDEF0, 0xFEDCBA9876543210ul, 40);
        Shifts(0x123456789ABCDEF0, 0xFEDCBA9876543210ul, 72);
        Shifts(-0x123456789ABCDEF0, 0xFEDCBA9876543210ul, -1);
        Shifts(-0x123456789ABCDEF0, 0xFEDCBA9876543210ul, -8);
        Shifts(-0x123456789ABCDEF0, 0xFEDCBA9876543210ul, -64);
        Shifts(-0x123456789ABCDEF0, 0xFEDCBA9876543210ul, int.MinValue);
        Shifts(long.MaxValue, 0x7FFFFFFFFFFFFFFFul, 200);
    }
}
