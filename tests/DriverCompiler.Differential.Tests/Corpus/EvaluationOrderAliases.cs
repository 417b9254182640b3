// Side effects C cannot see by name: a struct method changing its receiver, a write through a pointer
// to a local's field. C# still evaluates left to right.
namespace Corpus.EvaluationOrderAliases;

public struct Counter
{
    public int N;
    public int Inc() { N++; return N; }
}

public static unsafe class Program
{
    public static void Run()
    {
        Counter c = default;
        Probe.I(c.Inc() * 10 + c.N);
        Probe.I(c.N + c.Inc() * 10);
        Probe.I(c.N);
        Counter d = default;
        int* pn = &d.N;
        Probe.I((*pn = 7) + d.N);
        Probe.I(d.N * 100 + (*pn += 1));
        Probe.I(d.N);
        int x = 2;
        int* px = &x;
        Probe.I(x * 100 + (*px)++ * 10 + x);
        Probe.I(x);
    }
}
