// Structs passed by value (callee mutations stay local) and returned by value from functions.
namespace Corpus.StructByValue;

public struct Vec { public int X; public int Y; public long Z; }

public static unsafe class Program
{
    static long Sum(Vec v)
    {
        v.X *= 100;
        return v.X + v.Y + v.Z;
    }

    static Vec Make(int x, int y)
    {
        Vec v;
        v.X = x;
        v.Y = y;
        v.Z = (long)x * y;
        return v;
    }

    static Vec Scale(Vec v, int k)
    {
        v.X *= k;
        v.Y *= k;
        v.Z *= k;
        return v;
    }

    static Vec Zero() => default;

    public static void Run()
    {
        Vec a = Make(3, -4);
        Probe.I(Sum(a));
        Probe.I(a.X);
        Vec b = Scale(a, 1000000);
        Probe.I(b.X);
        Probe.I(b.Y);
        Probe.I(b.Z);
        Probe.I(Scale(Make(int.MaxValue, 2), 2).Z);
        Probe.I(Make(7, 8).Y);
        Vec z = Zero();
        Probe.I(z.X + z.Y + z.Z);
        Probe.I(Sum(Scale(Make(1, 1), -1)));
    }
}
