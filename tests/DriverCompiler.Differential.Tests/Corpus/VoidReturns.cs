// void methods with early returns from several depths, and expression-bodied void methods.
namespace Corpus.VoidReturns;

public static unsafe class Program
{
    static int last;

    static void Report(int v) => Probe.I(v);

    static void Scan(int limit)
    {
        for (int i = 0; i < 10; i++)
        {
            if (i == limit) { last = i; return; }
            while (true)
            {
                if (i > 7) return;
                break;
            }
        }
        last = -1;
    }

    public static void Run()
    {
        Scan(3); Report(last);
        Scan(20); Report(last);
        last = 0;
        Scan(9); Report(last);
    }
}
