// An rvalue passed to an in parameter: C# passes a readonly reference to a temporary copy. Sums,
// default, constants, calls and struct values, with the argument order kept.
namespace Corpus.InArgumentRvalues;

public struct V { public int X; public int Y; }

public static unsafe class Program
{
    static int counter;

    static int Twice(in int v) => v * 2;
    static long Get(in V v) => v.X * 1000L + v.Y;
    static int Pair(in int a, in int b) => a * 10 + b;
    static int Next() { counter++; return counter; }

    public static void Run()
    {
        int v = 20;
        Probe.I(Twice(v + 1));
        Probe.I(Twice(default));
        Probe.I(Twice(7));
        Probe.I(Twice(in v));
        Probe.I(Twice(v));
        Probe.I(Get(default));
        Probe.I(Get(new V { X = 3, Y = 4 }));
        V w = new V { X = 5, Y = 6 };
        Probe.I(Get(w));
        Probe.I(Pair(Next(), Next()));
        Probe.I(Pair(v++, v));
        Probe.I(Pair(counter, Next()));
        Probe.I(Twice((short)v));
    }
}
