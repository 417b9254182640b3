// << >> <<= >>= on short with counts at, above and below the width (C# masks the count of the promoted int).
namespace Corpus.ShiftInt16;

public static unsafe class Program
{
    static void Sh(short a, int n)
    {
        Probe.I(a << n); Probe.I(a >> n);
        short c = a; c <<= n; Probe.I(c);
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
        Sh(3, 0);
        Sh(3, 1);
        Sh(3, 3);
        Sh(3, 7);
        Sh(3, 8);
        Sh(3, 15);
        Sh(3, 16);
        Sh(3, 31);
        Sh(3, 32);
        Sh(3, 33);
        Sh(3, 63);
        Sh(3, 64);
        Sh(3, 65);
        Sh(3, -1);
        Sh(3, -8);
        Sh(-12345, 0);
        Sh(-12345, 1);
        Sh(-12345, 3);
        Sh(-12345, 7);
        Sh(-12345, 8);
        Sh(-12345, 15);
        Sh(-12345, 16);
        Sh(-12345, 31);
        Sh(-12345, 32);
        Sh(-12345, 33);
        Sh(-12345, 63);
        Sh(-12345, 64);
        Sh(-12345, 65);
        Sh(-12345, -1);
        Sh(-12345, -8);
        Sh(short.MinValue, 0);
        Sh(short.MinValue, 1);
        Sh(short.MinValue, 3);
        Sh(short.MinValue, 7);
        Sh(short.MinValue, 8);
        Sh(short.MinValue, 15);
        Sh(short.MinValue, 16);
        Sh(short.MinValue, 31);
        Sh(short.MinValue, 32);
        Sh(short.MinValue, 33);
        Sh(short.MinValue, 63);
        Sh(short.MinValue, 64);
        Sh(short.MinValue, 65);
        Sh(short.MinValue, -1);
        Sh(short.MinValue, -8);
        Sh(short.MaxValue, 0);
        Sh(short.MaxValue, 1);
        Sh(short.MaxValue, 3);
        Sh(short.MaxValue, 7);
        Sh(short.MaxValue, 8);
        Sh(short.MaxValue, 15);
        Sh(short.MaxValue, 16);
        Sh(short.MaxValue, 31);
        Sh(short.MaxValue, 32);
        Sh(short.MaxValue, 33);
        Sh(short.MaxValue, 63);
        Sh(short.MaxValue, 64);
        Sh(short.MaxValue, 65);
        Sh(short.MaxValue, -1);
        Sh(short.MaxValue, -8);
    }
}
