// delegate* unmanaged to [UnmanagedCallersOnly] static methods, and a dispatch table on the stack.
using System.Runtime.InteropServices;

namespace Corpus.FunctionPointersUnmanaged;

public static unsafe class Program
{
    [UnmanagedCallersOnly]
    static int Square(int v) => v * v;

    [UnmanagedCallersOnly]
    static int Cube(int v) => v * v * v;

    [UnmanagedCallersOnly]
    static int Zero(int v) => 0;

    public static void Run()
    {
        delegate* unmanaged<int, int> sq = &Square;
        Probe.I(sq(46341));
        delegate* unmanaged<int, int>* table = stackalloc delegate* unmanaged<int, int>[3];
        table[0] = &Square;
        table[1] = &Cube;
        table[2] = &Zero;
        for (int i = 0; i < 3; i++)
            Probe.I(table[i](-3 - i));
        long acc = 0;
        for (int i = 0; i < 30; i++) acc += table[i % 3](i);
        Probe.I(acc);
    }
}
