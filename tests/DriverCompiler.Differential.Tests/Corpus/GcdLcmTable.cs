// Iterative gcd/lcm over a table of clock rates, with 64-bit intermediate products.
namespace Corpus.GcdLcmTable;

public static unsafe class Program
{
    static readonly uint[] Rates = { 3579545, 7159090, 28636360, 14318180, 48000, 44100 };

    static ulong Gcd(ulong a, ulong b) { while (b != 0) { ulong t = a % b; a = b; b = t; } return a; }

    public static void Run()
    {
        ulong g = 0, l = 1;
        foreach (uint r in Rates)
        {
            g = Gcd(g, r);
            l = l / Gcd(l, r) * r;
            Probe.U(g);
            Probe.U(l);
        }
        Probe.U(Gcd(48000, 44100));
        Probe.U(48000ul * 44100 / Gcd(48000, 44100));
    }
}
