// A flag set from an asynchronous handler (a signal here, an interrupt in a driver) and spun on
// at -O2: a C# volatile field must be C volatile, or GCC reads it once and loops for ever
// (issue 10). Volatile.Read/Write on an ordinary field and on a field of a DMA-like buffer are
// single volatile accesses too.
using System.Threading;

namespace Corpus.VolatileInterruptFlag;

public struct Completion
{
    public uint Tag;
    public byte Status;      // written by the "device" (the handler), read after completion
    public volatile ushort Count;
}

public static unsafe class Program
{
    static volatile byte done;
    static volatile int ticks;
    static int seen;
    static Completion* shared;

    static void OnAlarm()
    {
        ticks = ticks + 1;
        done = 1;
    }

    static void OnSecondAlarm() => Volatile.Write(ref seen, 7);

    static void OnDeviceDone()
    {
        shared->Status = 0x80;
        shared->Count = (ushort)(shared->Count + 1);
    }

    public static void Run()
    {
        done = 0;
        Probe.After(20, &OnAlarm);
        uint spins = 0;
        while (done == 0) spins++;
        Probe.I(ticks);
        Probe.B(done == 1);

        seen = 0;
        Probe.After(10, &OnSecondAlarm);
        while (Volatile.Read(ref seen) == 0) { }
        Probe.I(seen);

        Completion completion = default;
        shared = &completion;
        completion.Tag = 0xC0FFEEu;
        Probe.After(10, &OnDeviceDone);
        while ((Volatile.Read(ref shared->Status) & 0x80) == 0) { }
        while (shared->Count == 0) { }
        Probe.I(Volatile.Read(ref completion.Status));
        Probe.I(completion.Count);
        Probe.I(completion.Tag);
        Probe.B(spins >= 0);
    }
}
