// A variable passed by ref, then changed by a later argument of the same call (found by the fuzzer,
// campaign seeds 400057, 400108, 400152): C# takes the address, evaluates ++s.F, then calls; C's
// f(&s.f, ++s.f) draws GCC's -Wsequence-point. The later argument is evaluated first into a temporary.
namespace Corpus.WarnRefThenChanged;

public struct S { public ushort F; public int G; }

public static unsafe class Program
{
    static S g;
    static int calls;

    static int Use(ref ushort a, int v) { calls++; a += 3; return a * 1000 + v; }
    static int Out(out int a, int v, in int w) { a = v + w; return v - w; }
    static int Bump(ref int x) { x++; return x; }

    public static void Run()
    {
        g.F = 7;
        Probe.I(Use(ref g.F, ++g.F));
        Probe.I(g.F);
        Probe.I(Use(ref g.F, g.F--));
        Probe.I(g.F);
        S s = default;
        s.G = 5;
        Probe.I(Out(out s.G, s.G++, in s.G));
        Probe.I(s.G);
        int x = 1;
        Probe.I(Out(out x, Bump(ref x), x));
        Probe.I(x);
        Probe.I(calls);
    }
}
