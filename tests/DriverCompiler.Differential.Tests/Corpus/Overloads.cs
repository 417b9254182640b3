// C# overloads by parameter type and count, which must become distinct C functions.
namespace Corpus.Overloads;

public struct V { public int X; }

public static unsafe class Program
{
    static long Add(int a, int b) => a + b;
    static long Add(long a, long b) => a + b + 1000;
    static long Add(uint a, uint b) => a + b + 2000;
    static long Add(int a, int b, int c) => a + b + c + 3000;
    static long Add(byte a) => a + 4000;
    static long Add(V v) => v.X + 5000;
    static long Add(int* p) => *p + 6000;

    public static void Run()
    {
        Probe.I(Add(1, 2));
        Probe.I(Add(1L, 2L));
        Probe.I(Add(1u, 2u));
        Probe.I(Add(1, 2, 3));
        byte b = 9;
        Probe.I(Add(b));
        V v = new V { X = -1 };
        Probe.I(Add(v));
        int x = 7;
        Probe.I(Add(&x));
        Probe.I(Add(int.MaxValue, 1));
        Probe.I(Add(uint.MaxValue, 1u));
    }
}
