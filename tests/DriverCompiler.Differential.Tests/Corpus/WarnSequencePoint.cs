// An argument that assigns a variable passed by ref later in the same call (GCC: -Wsequence-point on
// F(s.f = r, &s.f)): C# assigns first, then passes the reference.
namespace Corpus.WarnSequencePoint;

public struct S { public int F; public int G; }

public static unsafe class Program
{
    static int Id(int a, ref int b) { b += 10; return a + b; }
    static int Two(ref int a, int v, ref int b) { a++; return v * 100 + a + b; }

    public static void Run()
    {
        S s = default;
        int r = 4;
        Probe.I(Id((s.F = r), ref s.F));
        Probe.I(s.F);
        int k = 1;
        Probe.I(Id(k = 7, ref k));
        Probe.I(k);
        Probe.I(Id(k++, ref k));
        Probe.I(k);
        Probe.I(Two(ref s.G, s.G = 3, ref s.F));
        Probe.I(s.G);
    }
}
