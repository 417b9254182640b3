// An element of a fixed buffer of a packed struct, reached through a pointer, whose index has side effects
// (fuzz seed 400211: p->F1[g & 7] with a call in the index). C# evaluates the buffer's address first; the lowering
// kept it in a pointer temporary, uint32 *t = p->f1, which for a packed struct is GCC's
// -Waddress-of-packed-member under -Werror. The struct pointer goes into the temporary instead.
using System.Runtime.InteropServices;
using DriverCompiler.Dsl;

namespace Corpus.WarnPackedBufferIndexChanges;

[StructLayout(LayoutKind.Sequential, Pack = 1)]
public unsafe struct Frame
{
    public fixed uint Words[4];
    public ushort Length;
    public byte Tag;
}

public static unsafe class Program
{
    static Frame a;
    static Frame b;
    static int cursor;

    static int Next()
    {
        cursor = (cursor + 1) & 3;
        return cursor;
    }

    public static void Run()
    {
        Frame* p = Addr.Of(ref a);
        Frame* q = Addr.Of(ref b);
        for (int k = 0; k < 4; k++)
        {
            p->Words[k] = (uint)(k + 1) * 0x01010101u;
            q->Words[k] = (uint)(k + 10);
        }
        Probe.U(p->Words[Next()]);
        Probe.U(p->Words[cursor++ & 3]);
        Probe.I(cursor);
        p->Words[Next()] += 5;
        Probe.U(p->Words[cursor]);
        Probe.U(p->Words[(p = q) == null ? 0 : 3]);
        Probe.U(p->Words[0]);
        Probe.I(a.Tag + b.Length);
    }
}
