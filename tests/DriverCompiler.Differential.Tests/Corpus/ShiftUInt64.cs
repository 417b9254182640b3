// << >> <<= >>= on ulong with counts at, above and below the width (C# masks the count).
namespace Corpus.ShiftUInt64;

public static unsafe class Program
{
    static void Sh(ulong a, int n)
    {
        Probe.U(a << n); Probe.U(a >> n);
        ulong c = a; c <<= n; Probe.U(c);
        c = a; c >>= n; Probe.U(c);
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
        Sh(0x8000000000000000ul, 0);
        Sh(0x8000000000000000ul, 1);
        Sh(0x8000000000000000ul, 3);
        Sh(0x8000000000000000ul, 7);
        Sh(0x8000000000000000ul, 8);
        Sh(0x8000000000000000ul, 15);
        Sh(0x8000000000000000ul, 16);
        Sh(0x8000000000000000ul, 31);
        Sh(0x8000000000000000ul, 32);
        Sh(0x8000000000000000ul, 33);
        Sh(0x8000000000000000ul, 63);
        Sh(0x8000000000000000ul, 64);
        Sh(0x8000000000000000ul, 65);
        Sh(0x8000000000000000ul, -1);
        Sh(0x8000000000000000ul, -8);
        Sh(0xFFFFFFFFFFFFFFFEul, 0);
        Sh(0xFFFFFFFFFFFFFFFEul, 1);
        Sh(0xFFFFFFFFFFFFFFFEul, 3);
        Sh(0xFFFFFFFFFFFFFFFEul, 7);
        Sh(0xFFFFFFFFFFFFFFFEul, 8);
        Sh(0xFFFFFFFFFFFFFFFEul, 15);
        Sh(0xFFFFFFFFFFFFFFFEul, 16);
        Sh(0xFFFFFFFFFFFFFFFEul, 31);
        Sh(0xFFFFFFFFFFFFFFFEul, 32);
        Sh(0xFFFFFFFFFFFFFFFEul, 33);
        Sh(0xFFFFFFFFFFFFFFFEul, 63);
        Sh(0xFFFFFFFFFFFFFFFEul, 64);
        Sh(0xFFFFFFFFFFFFFFFEul, 65);
        Sh(0xFFFFFFFFFFFFFFFEul, -1);
        Sh(0xFFFFFFFFFFFFFFFEul, -8);
        Sh(ulong.MaxValue, 0);
        Sh(ulong.MaxValue, 1);
        Sh(ulong.MaxValue, 3);
        Sh(ulong.MaxValue, 7);
        Sh(ulong.MaxValue, 8);
        Sh(ulong.MaxValue, 15);
        Sh(ulong.MaxValue, 16);
        Sh(ulong.MaxValue, 31);
        Sh(ulong.MaxValue, 32);
        Sh(ulong.MaxValue, 33);
        Sh(ulong.MaxValue, 63);
        Sh(ulong.MaxValue, 64);
        Sh(ulong.MaxValue, 65);
        Sh(ulong.MaxValue, -1);
        Sh(ulong.MaxValue, -8);
    }
}
