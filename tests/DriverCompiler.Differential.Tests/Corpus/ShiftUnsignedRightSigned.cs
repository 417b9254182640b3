// >>> and >>>= on signed operands of every width (sbyte and short promoted to int, int, long): C# shifts
// in zeros, C's >> on a negative signed value shifts in sign bits, so the lowering must go through the
// unsigned type. Negative operands with counts 1..width-1 (and masked counts) tell the two apart; the
// compound forms on sbyte/short need counts above 24/16 to show it after the narrowing store.
namespace Corpus.ShiftUnsignedRightSigned;

public static unsafe class Program
{
    static void S8(sbyte a, int n)
    {
        Probe.I(a >>> n);
        sbyte c = a; c >>>= n; Probe.I(c);
    }

    static void S16(short a, int n)
    {
        Probe.I(a >>> n);
        short c = a; c >>>= n; Probe.I(c);
    }

    static void S32(int a, int n)
    {
        Probe.I(a >>> n);
        Probe.I(a >>> 1);
        Probe.I(a >>> 31);
        int c = a; c >>>= n; Probe.I(c);
        c = a; c >>>= 4; Probe.I(c);
    }

    static void S64(long a, int n)
    {
        Probe.I(a >>> n);
        Probe.I(a >>> 1);
        Probe.I(a >>> 63);
        long c = a; c >>>= n; Probe.I(c);
        c = a; c >>>= 40; Probe.I(c);
    }

    static readonly int[] Counts = { 0, 1, 3, 7, 8, 15, 16, 17, 24, 25, 30, 31, 32, 33, 63, 64, -1 };

    public static void Run()
    {
        foreach (int n in Counts)
        {
            S8(-1, n); S8(sbyte.MinValue, n); S8(-100, n); S8(sbyte.MaxValue, n);
            S16(-1, n); S16(short.MinValue, n); S16(-12345, n); S16(short.MaxValue, n);
            S32(-1, n); S32(int.MinValue, n); S32(-123456789, n); S32(int.MaxValue, n);
            S64(-1L, n); S64(long.MinValue, n); S64(-1234567890123L, n); S64(long.MaxValue, n);
        }
    }
}
