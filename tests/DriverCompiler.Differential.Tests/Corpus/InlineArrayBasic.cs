// [InlineArray(N)] structs as fixed-size buffers: indexing, writes, foreach, sizeof, copies.
namespace Corpus.InlineArrayBasic;

[System.Runtime.CompilerServices.InlineArray(8)]
public struct Bytes8
{
    private byte element;
}

[System.Runtime.CompilerServices.InlineArray(4)]
public struct Ints4
{
    private int element;
}

public static unsafe class Program
{
    public static void Run()
    {
        Probe.I(sizeof(Bytes8));
        Probe.I(sizeof(Ints4));
        Bytes8 b = default;
        for (int i = 0; i < 8; i++) b[i] = (byte)(0xF8 + i);
        int sum = 0;
        foreach (byte v in b) sum += v;
        Probe.I(sum);
        Probe.I(b[7]);
        Ints4 n = default;
        n[0] = int.MinValue;
        n[1] = -1;
        n[3] = int.MaxValue;
        long total = 0;
        foreach (int v in n) total += v;
        Probe.I(total);
        Ints4 copy = n;
        copy[1] = 5;
        Probe.I(n[1]);
        Probe.I(copy[1]);
        Bytes8* p = &b;
        byte* first = (byte*)p;
        Probe.I(first[3]);
    }
}
