// Addr.Of(ref staticField): the address of a static (or of a field of one) without a fixed
// statement, lowered to plain &x: sleep channels, poll heads and callout arguments (issue 10).
using DriverCompiler.Dsl;

namespace Corpus.AddressOfStatics;

public struct PollHead
{
    public int Events;
    public uint Waiters;
}

public static unsafe class Program
{
    static int channel;
    static PollHead head;
    static ushort words0;

    static void Bump(int* p, int by) => *p += by;

    static void Wake(PollHead* ph, uint who)
    {
        ph->Events |= 1 << (int)who;
        ph->Waiters++;
    }

    public static void Run()
    {
        int* c = Addr.Of(ref channel);
        Bump(c, 5);
        Bump(Addr.Of(ref channel), 2);
        Probe.I(channel);
        Probe.B(Addr.Of(ref channel) == c);
        Wake(Addr.Of(ref head), 3);
        Wake(Addr.Of(ref head), 0);
        Probe.I(head.Events);
        Probe.I(head.Waiters);
        uint* w = Addr.Of(ref head.Waiters);
        *w += 40;
        Probe.I(head.Waiters);
        *Addr.Of(ref words0) = 0xBEEF;
        Probe.I(words0);
    }
}
