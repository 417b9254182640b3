// goto forward and backward, a loop built from labels, and leaving nested loops with goto.
namespace Corpus.GotoLabels;

public static unsafe class Program
{
    static int FindPair(int target)
    {
        int found = -1;
        for (int a = 0; a < 10; a++)
        {
            for (int b = 0; b < 10; b++)
            {
                if (a * b == target)
                {
                    found = a * 10 + b;
                    goto done;
                }
            }
        }
    done:
        return found;
    }

    public static void Run()
    {
        int i = 0;
    again:
        Probe.I(i);
        i += 3;
        if (i < 10) goto again;
        Probe.I(FindPair(42));
        Probe.I(FindPair(97));
        int state = 0;
        goto first;
    second:
        Probe.Str("second");
        state += 20;
        goto end;
    first:
        Probe.Str("first");
        state += 1;
        goto second;
    end:
        Probe.I(state);
    }
}
