// default(S) as a value inside another struct's initializer, for a struct with no scalar field to name
// (fuzz seed 400466: only fixed buffers, the first at offset 4). C's (struct s){ 0 } then starts with an
// array (a padding array or the buffer) and draws GCC's -Wmissing-braces under -Werror; the braces go down to
// the first C member's first scalar instead: (struct s){ { 0 } }.
using System.Runtime.InteropServices;

namespace Corpus.WarnDefaultOfBufferOnlyStruct;

[StructLayout(LayoutKind.Explicit)]
public unsafe struct Padded
{
    [FieldOffset(4)] public fixed uint Words[8];
    [FieldOffset(36)] public fixed ushort Tail[2];
}

public unsafe struct Buffers
{
    public fixed byte Bytes[6];
    public fixed int Ints[2];
}

public struct Nest
{
    public Buffers Inner;
    public Padded Rest;
}

public struct Holder
{
    public int A;
    public uint B;
}

public static unsafe class Program
{
    static uint Sum(Padded p)
    {
        uint s = 0;
        for (int i = 0; i < 8; i++) s += p.Words[i] + 1u;
        return s + p.Tail[1];
    }

    static int Count(Buffers b) => b.Bytes[5] + b.Ints[1] + 2;

    static int Deep(Nest n) => n.Inner.Bytes[0] + (int)n.Rest.Words[7] + 40;

    public static void Run()
    {
        int k = 3;
        var h = new Holder { A = k + Count(default(Buffers)), B = Sum(default(Padded)) + 7u };
        Probe.I(h.A);
        Probe.I(h.B);
        h = new Holder { A = Deep(default(Nest)) - k, B = (uint)Count(default) };
        Probe.I(h.A);
        Probe.I(h.B);
    }
}
