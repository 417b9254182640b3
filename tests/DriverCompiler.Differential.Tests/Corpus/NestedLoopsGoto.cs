// Three nested loops with labelled exits, continue of an outer loop via goto, and a retry loop.
namespace Corpus.NestedLoopsGoto;

public static unsafe class Program
{
    public static void Run()
    {
        int hits = 0;
        for (int a = 0; a < 4; a++)
        {
            for (int b = 0; b < 4; b++)
            {
                for (int c = 0; c < 4; c++)
                {
                    if (c == b) goto nextB;
                    if (a + b + c == 7) goto nextA;
                    hits++;
                }
            nextB:;
            }
        nextA:;
        }
        Probe.I(hits);
        int attempts = 0;
    retry:
        attempts++;
        if (attempts < 4) goto retry;
        Probe.I(attempts);
    }
}
