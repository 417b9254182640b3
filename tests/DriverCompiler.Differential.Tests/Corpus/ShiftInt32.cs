// << >> <<= >>= on int with counts at, above and below the width (C# masks the count).
namespace Corpus.ShiftInt32;

public static unsafe class Program
{
    static void Sh(int a, int n)
    {
        Probe.I(a << n); Probe.I(a >> n);
        int c = a; c <<= n; Probe.I(c);
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
        Sh(7, 0);
        Sh(7, 1);
        Sh(7, 3);
        Sh(7, 7);
        Sh(7, 8);
        Sh(7, 15);
        Sh(7, 16);
        Sh(7, 31);
        Sh(7, 32);
        Sh(7, 33);
        Sh(7, 63);
        Sh(7, 64);
        Sh(7, 65);
        Sh(7, -1);
        Sh(7, -8);
        Sh(-1000000007, 0);
        Sh(-1000000007, 1);
        Sh(-1000000007, 3);
        Sh(-1000000007, 7);
        Sh(-1000000007, 8);
        Sh(-1000000007, 15);
        Sh(-1000000007, 16);
        Sh(-1000000007, 31);
        Sh(-1000000007, 32);
        Sh(-1000000007, 33);
        Sh(-1000000007, 63);
        Sh(-1000000007, 64);
        Sh(-1000000007, 65);
        Sh(-1000000007, -1);
        Sh(-1000000007, -8);
        Sh(int.MinValue, 0);
        Sh(int.MinValue, 1);
        Sh(int.MinValue, 3);
        Sh(int.MinValue, 7);
        Sh(int.MinValue, 8);
        Sh(int.MinValue, 15);
        Sh(int.MinValue, 16);
        Sh(int.MinValue, 31);
        Sh(int.MinValue, 32);
        Sh(int.MinValue, 33);
        Sh(int.MinValue, 63);
        Sh(int.MinValue, 64);
        Sh(int.MinValue, 65);
        Sh(int.MinValue, -1);
        Sh(int.MinValue, -8);
        Sh(int.MaxValue, 0);
        Sh(int.MaxValue, 1);
        Sh(int.MaxValue, 3);
        Sh(int.MaxValue, 7);
        Sh(int.MaxValue, 8);
        Sh(int.MaxValue, 15);
        Sh(int.MaxValue, 16);
        Sh(int.MaxValue, 31);
        Sh(int.MaxValue, 32);
        Sh(int.MaxValue, 33);
        Sh(int.MaxValue, 63);
        Sh(int.MaxValue, 64);
        Sh(int.MaxValue, 65);
        Sh(int.MaxValue, -1);
        Sh(int.MaxValue, -8);
    }
}
