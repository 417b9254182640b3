// A struct local or value parameter that C# only writes through an element of its fixed buffer or
// [InlineArray] field (found by the fuzzer, campaign seeds 400131, 400201, 400237): C's s.buf[i] = v does
// not read s, so GCC rejected it (-Wunused-but-set-variable / -parameter) unless it gets (void)s.
// A pointer local written through p[i] = v is read (the pointer), and keeps no (void).
using System.Runtime.CompilerServices;

namespace Corpus.WarnOnlyWrittenBuffers;

public unsafe struct Fixed
{
    public int A;
    public fixed byte Buf[4];
}

[InlineArray(3)]
public struct Three
{
    private ushort element;
}

public struct Holder
{
    public Three Items;
}

public static unsafe class Program
{
    static int calls;
    static byte Next() { calls++; return (byte)(calls * 3); }

    static void Param(Fixed f, Holder h)
    {
        f.Buf[1] = Next();
        h.Items[2] = Next();
    }

    public static void Run()
    {
        Fixed local = default;
        local.Buf[3] = Next();
        Holder holder = default;
        holder.Items[0] = Next();
        Three three = default;
        three[1] = Next();
        Param(local, holder);
        byte* p = stackalloc byte[2];
        p[1] = Next();
        Probe.I(p[1]);
        Probe.I(calls);
    }
}
