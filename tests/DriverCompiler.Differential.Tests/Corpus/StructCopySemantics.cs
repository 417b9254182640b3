// Assignment copies structs: mutating the copy leaves the original alone, and vice versa.
namespace Corpus.StructCopySemantics;

public unsafe struct Buffer
{
    public int Len;
    public fixed byte Data[4];
}

public struct Inner { public int V; }
public struct Outer { public Inner I; public int W; }

public static unsafe class Program
{
    public static void Run()
    {
        Outer a = default;
        a.I.V = 1;
        a.W = 2;
        Outer b = a;
        b.I.V = 100;
        b.W = 200;
        Probe.I(a.I.V);
        Probe.I(a.W);
        Probe.I(b.I.V);
        Probe.I(b.W);
        Inner i = a.I;
        i.V = -5;
        Probe.I(a.I.V);
        a.I = i;
        Probe.I(a.I.V);
        Buffer x = default;
        x.Len = 4;
        x.Data[0] = 10;
        Buffer y = x;
        y.Data[0] = 20;
        y.Len = 1;
        Probe.I(x.Data[0]);
        Probe.I(y.Data[0]);
        Probe.I(x.Len);
        Outer c;
        c = b = a;
        c.W = 9;
        Probe.I(b.W);
        Probe.I(c.W);
    }
}
