// << >> <<= >>= on uint with counts at, above and below the width (C# masks the count).
namespace Corpus.ShiftUInt32;

public static unsafe class Program
{
    static void Sh(uint a, int n)
    {
        Probe.I(a << n); Probe.I(a >> n);
        uint c = a; c <<= n; Probe.I(c);
        c = a; c >>= n; Probe.I(c);
    }

    public static void Run()
    {
        Sh(0, 0);
        Sh(0, 1);
        Sh(0, 3);
        Sh(0, 7);
        Sh(0, 8);
        Sh(0, 15);
        Sh(0, 16);
        Sh(0, 31);
        Sh(0, 32);
        Sh(0, 33);
        Sh(0, 63);
        Sh(0, 64);
        Sh(0, 65);
        Sh(0, -1);
        Sh(0, -8);
        Sh(1, 0);
        Sh(1, 1);
        Sh(1, 3);
        Sh(1, 7);
        Sh(1, 8);
        Sh(1, 15);
        Sh(1, 16);
        Sh(1, 31);
        Sh(1, 32);
        Sh(1, 33);
        Sh(1, 63);
        Sh(1, 64);
        Sh(1, 65);
        Sh(1, -1);
        Sh(1, -8);
        Sh(2, 0);
        Sh(2, 1);
        Sh(2, 3);
        Sh(2, 7);
        Sh(2, 8);
        Sh(2, 15);
        Sh(2, 16);
        Sh(2, 31);
        Sh(2, 32);
        Sh(2, 33);
        Sh(2, 63);
        Sh(2, 64);
        Sh(2, 65);
        Sh(2, -1);
        Sh(2, -8);
        Sh(0x80000000u, 0);
        Sh(0x80000000u, 1);
        Sh(0x80000000u, 3);
        Sh(0x80000000u, 7);
        Sh(0x80000000u, 8);
        Sh(0x80000000u, 15);
        Sh(0x80000000u, 16);
        Sh(0x80000000u, 31);
        Sh(0x80000000u, 32);
        Sh(0x80000000u, 33);
        Sh(0x80000000u, 63);
        Sh(0x80000000u, 64);
        Sh(0x80000000u, 65);
        Sh(0x80000000u, -1);
        Sh(0x80000000u, -8);
        Sh(0xFFFFFFFEu, 0);
        Sh(0xFFFFFFFEu, 1);
        Sh(0xFFFFFFFEu, 3);
        Sh(0xFFFFFFFEu, 7);
        Sh(0xFFFFFFFEu, 8);
        Sh(0xFFFFFFFEu, 15);
        Sh(0xFFFFFFFEu, 16);
        Sh(0xFFFFFFFEu, 31);
        Sh(0xFFFFFFFEu, 32);
        Sh(0xFFFFFFFEu, 33);
        Sh(0xFFFFFFFEu, 63);
        Sh(0xFFFFFFFEu, 64);
        Sh(0xFFFFFFFEu, 65);
        Sh(0xFFFFFFFEu, -1);
        Sh(0xFFFFFFFEu, -8);
        Sh(uint.MaxValue, 0);
        Sh(uint.MaxValue, 1);
        Sh(uint.MaxValue, 3);
        Sh(uint.MaxValue, 7);
        Sh(uint.MaxValue, 8);
        Sh(uint.MaxValue, 15);
        Sh(uint.MaxValue, 16);
        Sh(uint.MaxValue, 31);
        Sh(uint.MaxValue, 32);
        Sh(uint.MaxValue, 33);
        Sh(uint.MaxValue, 63);
        Sh(uint.MaxValue, 64);
        Sh(uint.MaxValue, 65);
        Sh(uint.MaxValue, -1);
        Sh(uint.MaxValue, -8);
    }
}
