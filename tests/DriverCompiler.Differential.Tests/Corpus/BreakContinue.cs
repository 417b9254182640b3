// break and continue in for, while and do loops, nested, and the loop variable after the loop.
namespace Corpus.BreakContinue;

public static unsafe class Program
{
    public static void Run()
    {
        int i;
        for (i = 0; i < 100; i++)
        {
            if (i % 3 == 0) continue;
            if (i > 10) break;
            Probe.I(i);
        }
        Probe.I(i);
        int n = 0;
        int odd = 0;
        while (true)
        {
            n++;
            if ((n & 1) == 0) continue;
            odd += n;
            if (n >= 15) break;
        }
        Probe.I(odd);
        int d = 0;
        do
        {
            d++;
            if (d == 2) continue;
            Probe.I(d);
        } while (d < 4);
        int pairs = 0;
        for (int a = 0; a < 5; a++)
        {
            for (int b = 0; b < 5; b++)
            {
                if (b > a) break;
                if (((a + b) & 1) == 1) continue;
                pairs++;
            }
        }
        Probe.I(pairs);
    }
}
