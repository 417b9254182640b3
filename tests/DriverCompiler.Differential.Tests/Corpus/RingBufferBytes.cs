// A byte ring buffer with power-of-two size, uint free-running indices wrapping at 2^32.
namespace Corpus.RingBufferBytes;

public unsafe struct Ring
{
    public uint Head;
    public uint Tail;
    public fixed byte Data[16];
}

public static unsafe class Program
{
    static bool Put(Ring* r, byte v)
    {
        if (r->Head - r->Tail == 16) return false;
        r->Data[r->Head & 15] = v;
        r->Head++;
        return true;
    }

    static int Get(Ring* r)
    {
        if (r->Head == r->Tail) return -1;
        byte v = r->Data[r->Tail & 15];
        r->Tail++;
        return v;
    }

    public static void Run()
    {
        Ring r = default;
        r.Head = r.Tail = 0xFFFFFFF8u;
        int ok = 0;
        for (int i = 0; i < 20; i++) if (Put(&r, (byte)(i * 13))) ok++;
        Probe.I(ok);
        Probe.I(r.Head);
        int sum = 0;
        for (int i = 0; i < 10; i++) sum += Get(&r);
        Probe.I(sum);
        for (int i = 0; i < 10; i++) Put(&r, (byte)(255 - i));
        int v;
        long all = 0;
        while ((v = Get(&r)) >= 0) all = all * 3 + v;
        Probe.I(all);
        Probe.I(r.Tail);
        Probe.I(r.Head - r.Tail);
    }
}
