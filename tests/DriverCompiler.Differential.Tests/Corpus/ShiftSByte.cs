// << >> <<= >>= on sbyte with counts at, above and below the width (C# masks the count of the promoted int).
namespace Corpus.ShiftSByte;

public static unsafe class Program
{
    static void Sh(sbyte a, int n)
    {
        Probe.I(a << n); Probe.I(a >> n);
        sbyte c = a; c <<= n; Probe.I(c);
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
        Sh(-100, 0);
        Sh(-100, 1);
        Sh(-100, 3);
        Sh(-100, 7);
        Sh(-100, 8);
        Sh(-100, 15);
        Sh(-100, 16);
        Sh(-100, 31);
        Sh(-100, 32);
        Sh(-100, 33);
        Sh(-100, 63);
        Sh(-100, 64);
        Sh(-100, 65);
        Sh(-100, -1);
        Sh(-100, -8);
        Sh(sbyte.MinValue, 0);
        Sh(sbyte.MinValue, 1);
        Sh(sbyte.MinValue, 3);
        Sh(sbyte.MinValue, 7);
        Sh(sbyte.MinValue, 8);
        Sh(sbyte.MinValue, 15);
        Sh(sbyte.MinValue, 16);
        Sh(sbyte.MinValue, 31);
        Sh(sbyte.MinValue, 32);
        Sh(sbyte.MinValue, 33);
        Sh(sbyte.MinValue, 63);
        Sh(sbyte.MinValue, 64);
        Sh(sbyte.MinValue, 65);
        Sh(sbyte.MinValue, -1);
        Sh(sbyte.MinValue, -8);
        Sh(sbyte.MaxValue, 0);
        Sh(sbyte.MaxValue, 1);
        Sh(sbyte.MaxValue, 3);
        Sh(sbyte.MaxValue, 7);
        Sh(sbyte.MaxValue, 8);
        Sh(sbyte.MaxValue, 15);
        Sh(sbyte.MaxValue, 16);
        Sh(sbyte.MaxValue, 31);
        Sh(sbyte.MaxValue, 32);
        Sh(sbyte.MaxValue, 33);
        Sh(sbyte.MaxValue, 63);
        Sh(sbyte.MaxValue, 64);
        Sh(sbyte.MaxValue, 65);
        Sh(sbyte.MaxValue, -1);
        Sh(sbyte.MaxValue, -8);
    }
}
