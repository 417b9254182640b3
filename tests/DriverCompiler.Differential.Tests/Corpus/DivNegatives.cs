// Division truncates toward zero and the remainder takes the dividend's sign, for every sign mix.
namespace Corpus.DivNegatives;

public static unsafe class Program
{
    public static void Run()
    {
        for (int a = -9; a <= 9; a += 3)
        {
            for (int b = -4; b <= 4; b++)
            {
                if (b == 0) continue;
                Probe.I(a / b);
                Probe.I(a % b);
                long la = a * 1000000000000L;
                Probe.I(la / b);
                Probe.I(la % b);
            }
        }
        Probe.I(int.MinValue / 2);
        Probe.I(int.MinValue % 3);
        Probe.I(int.MinValue / int.MaxValue);
        Probe.I(int.MinValue % int.MaxValue);
        Probe.I(long.MinValue / 10);
        Probe.I(long.MinValue % 10);
        Probe.I(int.MinValue / 1);
        int lim = int.MinValue;
        Probe.I(lim / -2);
        uint ubig = 0xFFFFFFFFu;
        Probe.I(ubig / 7u);
        Probe.I(ubig % 7u);
        ulong qbig = 0xFFFFFFFFFFFFFFFFul;
        Probe.U(qbig / 10);
        Probe.U(qbig % 10);
        Probe.U(qbig / 0x100000000ul);
        int x = -7;
        uint y = 2;
        Probe.I(x / y);
        Probe.I(x % y);
        sbyte s = sbyte.MinValue;
        sbyte t = -1;
        Probe.I(s / t);
        Probe.I((sbyte)(s / t));
        short sm = short.MinValue;
        short sn = -1;
        Probe.I(sm / sn);
        Probe.I(sm % sn);
    }
}
