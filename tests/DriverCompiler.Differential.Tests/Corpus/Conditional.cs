// ?: chains, nested, with side effects only on the chosen branch, and mixed operand types.
namespace Corpus.Conditional;

public static unsafe class Program
{
    static int hits;
    static int Hit(int v) { hits++; return v; }

    static int Sign(long v) => v < 0 ? -1 : v > 0 ? 1 : 0;

    public static void Run()
    {
        Probe.I(Sign(long.MinValue));
        Probe.I(Sign(0));
        Probe.I(Sign(long.MaxValue));
        hits = 0;
        int a = 5;
        int r = a > 3 ? Hit(10) : Hit(20);
        Probe.I(r);
        Probe.I(hits);
        bool flag = false;
        long wide = flag ? 1 : uint.MaxValue;
        Probe.I(wide);
        byte small = 7;
        int mixed = flag ? small : -1;
        Probe.I(mixed);
        uint u = a > 0 ? 1u : 2u;
        Probe.I(u);
        int nested = a > 4 ? a > 5 ? 1 : 2 : 3;
        Probe.I(nested);
        int x = 0;
        x += a % 2 == 1 ? 100 : 200;
        Probe.I(x);
        Probe.B(a == 5 ? flag : !flag);
        ulong big = a < 0 ? 0ul : ulong.MaxValue;
        Probe.U(big);
    }
}
