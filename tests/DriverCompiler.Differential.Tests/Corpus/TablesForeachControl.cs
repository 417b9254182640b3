// foreach over static readonly tables with break, continue and early return.
namespace Corpus.TablesForeachControl;

public static unsafe class Program
{
    static readonly ushort[] Vendors = { 0x1AF4, 0x1000, 0x8086, 0x10EC, 0xFFFF };
    static readonly long[] Deltas = { -1, 2, -3, 4, -5, 6, long.MinValue };

    static int IndexOf(ushort v)
    {
        int i = 0;
        foreach (ushort x in Vendors)
        {
            if (x == v) return i;
            i++;
        }
        return -1;
    }

    public static void Run()
    {
        Probe.I(IndexOf(0x8086));
        Probe.I(IndexOf(0x1234));
        long s = 0;
        foreach (long d in Deltas)
        {
            if (d < 0 && d > -4) continue;
            if (d == long.MinValue) break;
            s += d;
        }
        Probe.I(s);
        int n = 0;
        foreach (ushort v in Vendors) foreach (long d in Deltas) if ((v & 1) == (d & 1)) n++;
        Probe.I(n);
    }
}
