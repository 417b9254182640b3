// << >> <<= >>= on long with counts at, above and below the width (C# masks the count).
namespace Corpus.ShiftInt64;

public static unsafe class Program
{
    static void Sh(long a, int n)
    {
        Probe.I(a << n); Probe.I(a >> n);
        long c = a; c <<= n; Probe.I(c);
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
        Sh(-1, 0);
        Sh(-1, 1);
        Sh(-1, 3);
        Sh(-1, 7);
        Sh(-1, 8);
        Sh(-1, 15);
        Sh(-1, 16);
        Sh(-1, 31);
        Sh(-1, 32);
        Sh(-1, 33);
        Sh(-1, 63);
        Sh(-1, 64);
        Sh(-1, 65);
        Sh(-1, -1);
        Sh(-1, -8);
        Sh(9, 0);
        Sh(9, 1);
        Sh(9, 3);
        Sh(9, 7);
        Sh(9, 8);
        Sh(9, 15);
        Sh(9, 16);
        Sh(9, 31);
        Sh(9, 32);
        Sh(9, 33);
        Sh(9, 63);
        Sh(9, 64);
        Sh(9, 65);
        Sh(9, -1);
        Sh(9, -8);
        Sh(-1000000000000000003L, 0);
        Sh(-1000000000000000003L, 1);
        Sh(-1000000000000000003L, 3);
        Sh(-1000000000000000003L, 7);
        Sh(-1000000000000000003L, 8);
        Sh(-1000000000000000003L, 15);
        Sh(-1000000000000000003L, 16);
        Sh(-1000000000000000003L, 31);
        Sh(-1000000000000000003L, 32);
        Sh(-1000000000000000003L, 33);
        Sh(-1000000000000000003L, 63);
        Sh(-1000000000000000003L, 64);
        Sh(-1000000000000000003L, 65);
        Sh(-1000000000000000003L, -1);
        Sh(-1000000000000000003L, -8);
        Sh(long.MinValue, 0);
        Sh(long.MinValue, 1);
        Sh(long.MinValue, 3);
        Sh(long.MinValue, 7);
        Sh(long.MinValue, 8);
        Sh(long.MinValue, 15);
        Sh(long.MinValue, 16);
        Sh(long.MinValue, 31);
        Sh(long.MinValue, 32);
        Sh(long.MinValue, 33);
        Sh(long.MinValue, 63);
        Sh(long.MinValue, 64);
        Sh(long.MinValue, 65);
        Sh(long.MinValue, -1);
        Sh(long.MinValue, -8);
        Sh(long.MaxValue, 0);
        Sh(long.MaxValue, 1);
        Sh(long.MaxValue, 3);
        Sh(long.MaxValue, 7);
        Sh(long.MaxValue, 8);
        Sh(long.MaxValue, 15);
        Sh(long.MaxValue, 16);
        Sh(long.MaxValue, 31);
        Sh(long.MaxValue, 32);
        Sh(long.MaxValue, 33);
        Sh(long.MaxValue, 63);
        Sh(long.MaxValue, 64);
        Sh(long.MaxValue, 65);
        Sh(long.MaxValue, -1);
        Sh(long.MaxValue, -8);
    }
}
