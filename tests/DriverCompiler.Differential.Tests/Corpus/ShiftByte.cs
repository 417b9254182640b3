// << >> <<= >>= on byte with counts at, above and below the width (C# masks the count of the promoted int).
namespace Corpus.ShiftByte;

public static unsafe class Program
{
    static void Sh(byte a, int n)
    {
        Probe.I(a << n); Probe.I(a >> n);
        byte c = a; c <<= n; Probe.I(c);
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
        Sh(0x80, 0);
        Sh(0x80, 1);
        Sh(0x80, 3);
        Sh(0x80, 7);
        Sh(0x80, 8);
        Sh(0x80, 15);
        Sh(0x80, 16);
        Sh(0x80, 31);
        Sh(0x80, 32);
        Sh(0x80, 33);
        Sh(0x80, 63);
        Sh(0x80, 64);
        Sh(0x80, 65);
        Sh(0x80, -1);
        Sh(0x80, -8);
        Sh(0xFE, 0);
        Sh(0xFE, 1);
        Sh(0xFE, 3);
        Sh(0xFE, 7);
        Sh(0xFE, 8);
        Sh(0xFE, 15);
        Sh(0xFE, 16);
        Sh(0xFE, 31);
        Sh(0xFE, 32);
        Sh(0xFE, 33);
        Sh(0xFE, 63);
        Sh(0xFE, 64);
        Sh(0xFE, 65);
        Sh(0xFE, -1);
        Sh(0xFE, -8);
        Sh(byte.MaxValue, 0);
        Sh(byte.MaxValue, 1);
        Sh(byte.MaxValue, 3);
        Sh(byte.MaxValue, 7);
        Sh(byte.MaxValue, 8);
        Sh(byte.MaxValue, 15);
        Sh(byte.MaxValue, 16);
        Sh(byte.MaxValue, 31);
        Sh(byte.MaxValue, 32);
        Sh(byte.MaxValue, 33);
        Sh(byte.MaxValue, 63);
        Sh(byte.MaxValue, 64);
        Sh(byte.MaxValue, 65);
        Sh(byte.MaxValue, -1);
        Sh(byte.MaxValue, -8);
    }
}
