// if / else if / else chains, nested ifs and dangling else.
namespace Corpus.IfElseChains;

public static unsafe class Program
{
    static int Classify(int v)
    {
        if (v < -100) return -2;
        else if (v < 0) return -1;
        else if (v == 0) return 0;
        else if (v <= 100) return 1;
        return 2;
    }

    public static void Run()
    {
        Probe.I(Classify(int.MinValue));
        Probe.I(Classify(-100));
        Probe.I(Classify(-1));
        Probe.I(Classify(0));
        Probe.I(Classify(100));
        Probe.I(Classify(101));
        for (int i = 0; i < 6; i++)
        {
            if (i % 2 == 0)
                if (i % 3 == 0) Probe.Str("six");
                else Probe.Str("even");
            else
                Probe.Str("odd");
        }
        int x = 3;
        if (x > 1) { x *= 2; if (x > 5) { x += 100; } } else { x = -1; }
        Probe.I(x);
        if (x == 0) { }
        else Probe.Str("not zero");
    }
}
