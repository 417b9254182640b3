// Addr.Of(ref staticField) kept across a garbage collection: a driver keeps such an address for as long as
// it likes (a sleep channel, a callout argument), and C's statics never move. The .NET run must give the
// same guarantee (docs/dsl.md, Addr.Of), so a compacting collection between taking the address and using
// it changes nothing. Fuzz seed 430132 printed another value in .NET than on every C target: the oracle
// loaded programs into a collectible context, whose statics live in movable memory, and F14's pointer
// to a static struct read the old copy after a collection.
using DriverCompiler.Dsl;

namespace Corpus.AddressOfStaticsAcrossCollection;

public struct Ring
{
    public int Head;
    public uint Count;
    public ulong Stamp;
}

public static unsafe class Program
{
    static Ring ring;
    static int counter;
    static long total;

    static void Advance(Ring* r, int by)
    {
        Probe.Collect();
        r->Head += by;
        r->Count++;
    }

    public static void Run()
    {
        Ring* r = Addr.Of(ref ring);
        int* c = Addr.Of(ref counter);
        uint* n = Addr.Of(ref ring.Count);
        long* t = Addr.Of(ref total);
        Probe.Collect();
        r->Head = 7;
        *c = 11;
        *n += 3;
        *t = -5;
        Probe.I(ring.Head);
        Probe.I(counter);
        Probe.I(ring.Count);
        Probe.I(total);
        ring.Stamp = 0x1122334455667788UL;
        counter = 40;
        Probe.Collect();
        Probe.U(r->Stamp);
        Probe.I(*c);
        ring = new Ring { Head = 1, Count = 2 };
        Advance(r, 5);
        Probe.I(ring.Head);
        Probe.I(r->Count);
        Probe.U(ring.Stamp);
        Probe.B(Addr.Of(ref ring) == r);
        Probe.B(Addr.Of(ref counter) == c);
    }
}
