// while and do-while loops: zero iterations, one iteration, conditions with side effects.
namespace Corpus.LoopsWhileDo;

public static unsafe class Program
{
    public static void Run()
    {
        int i = 10;
        while (i < 10) i++;
        Probe.I(i);
        do { i++; } while (i < 10);
        Probe.I(i);
        uint n = 27;
        int steps = 0;
        while (n != 1)
        {
            n = (n & 1) != 0 ? 3 * n + 1 : n / 2;
            steps++;
        }
        Probe.I(steps);
        int k = 0;
        while (k++ < 5) { }
        Probe.I(k);
        int j = 5;
        do Probe.I(j); while (--j > 0);
        ulong fact = 1;
        ulong m = 1;
        do { fact *= m; m++; } while (m <= 25);
        Probe.U(fact);
    }
}
