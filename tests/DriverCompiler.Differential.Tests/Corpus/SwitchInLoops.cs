// switch nested in loops: break leaves the switch, continue continues the loop; nested switches.
namespace Corpus.SwitchInLoops;

public static unsafe class Program
{
    public static void Run()
    {
        int evens = 0, odds = 0, skipped = 0;
        for (int i = 0; i < 20; i++)
        {
            switch (i % 4)
            {
                case 0:
                    evens++;
                    break;
                case 1:
                case 3:
                    odds++;
                    continue;
                default:
                    skipped++;
                    break;
            }
            Probe.I(i);
        }
        Probe.I(evens);
        Probe.I(odds);
        Probe.I(skipped);
        int outer = 0;
        while (outer < 3)
        {
            switch (outer)
            {
                case 0:
                    for (int k = 0; k < 5; k++)
                    {
                        switch (k)
                        {
                            case 2: continue;
                            case 4: break;
                            default: Probe.I(k * 10); break;
                        }
                    }
                    break;
                case 1:
                    switch (outer + 1)
                    {
                        case 2: Probe.Str("inner two"); break;
                        default: Probe.Str("inner other"); break;
                    }
                    break;
                default:
                    Probe.Str("outer default");
                    break;
            }
            outer++;
        }
    }
}
