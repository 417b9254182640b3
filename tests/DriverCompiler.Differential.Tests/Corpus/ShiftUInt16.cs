// << >> <<= >>= on ushort with counts at, above and below the width (C# masks the count of the promoted int).
namespace Corpus.ShiftUInt16;

public static unsafe class Program
{
    static void Sh(ushort a, int n)
    {
        Probe.I(a << n); Probe.I(a >> n);
        ushort c = a; c <<= n; Probe.I(c);
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
        Sh(0x8000, 0);
        Sh(0x8000, 1);
        Sh(0x8000, 3);
        Sh(0x8000, 7);
        Sh(0x8000, 8);
        Sh(0x8000, 15);
        Sh(0x8000, 16);
        Sh(0x8000, 31);
        Sh(0x8000, 32);
        Sh(0x8000, 33);
        Sh(0x8000, 63);
        Sh(0x8000, 64);
        Sh(0x8000, 65);
        Sh(0x8000, -1);
        Sh(0x8000, -8);
        Sh(0xFFFE, 0);
        Sh(0xFFFE, 1);
        Sh(0xFFFE, 3);
        Sh(0xFFFE, 7);
        Sh(0xFFFE, 8);
        Sh(0xFFFE, 15);
        Sh(0xFFFE, 16);
        Sh(0xFFFE, 31);
        Sh(0xFFFE, 32);
        Sh(0xFFFE, 33);
        Sh(0xFFFE, 63);
        Sh(0xFFFE, 64);
        Sh(0xFFFE, 65);
        Sh(0xFFFE, -1);
        Sh(0xFFFE, -8);
        Sh(ushort.MaxValue, 0);
        Sh(ushort.MaxValue, 1);
        Sh(ushort.MaxValue, 3);
        Sh(ushort.MaxValue, 7);
        Sh(ushort.MaxValue, 8);
        Sh(ushort.MaxValue, 15);
        Sh(ushort.MaxValue, 16);
        Sh(ushort.MaxValue, 31);
        Sh(ushort.MaxValue, 32);
        Sh(ushort.MaxValue, 33);
        Sh(ushort.MaxValue, 63);
        Sh(ushort.MaxValue, 64);
        Sh(ushort.MaxValue, 65);
        Sh(ushort.MaxValue, -1);
        Sh(ushort.MaxValue, -8);
    }
}
