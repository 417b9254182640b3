// Barrier.Full/Read/Write/Io between ordinary and endian stores; the values around them are unchanged.
using DriverCompiler.Dsl;

namespace Corpus.BarrierCalls;

public struct Slot { public Le32 Addr; public Le16 Len; public Le16 Flags; }

public static unsafe class Program
{
    static Slot ring;
    static int doorbell;

    public static void Run()
    {
        ring.Addr = 0x1000u;
        Barrier.Write();
        ring.Len = (ushort)512;
        ring.Flags = (ushort)1;
        Barrier.Full();
        doorbell = 1;
        Barrier.Io();
        Barrier.Read();
        Probe.I((uint)ring.Addr);
        Probe.I((ushort)ring.Len);
        Probe.I((ushort)ring.Flags);
        Probe.I(doorbell);
        for (int i = 0; i < 3; i++)
        {
            ring.Addr = (uint)ring.Addr + 0x200u;
            Barrier.Full();
        }
        Probe.I((uint)ring.Addr);
    }
}
