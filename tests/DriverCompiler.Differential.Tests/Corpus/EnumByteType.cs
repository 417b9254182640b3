// An enum with underlying byte: values, casts from out-of-range ints, arithmetic, comparison.
namespace Corpus.EnumByteType;

public enum Status : byte
{
    Idle = 0,
    Busy = 1,
    Error = 0x80,
    Dead = 0xFF,
}

public static unsafe class Program
{
    public static void Run()
    {
        Status s = Status.Error;
        Probe.I((byte)s);
        Probe.I((int)Status.Dead);
        int raw = 0x181;
        Status t = (Status)raw;
        Probe.I((byte)t);
        Probe.B(t == Status.Busy);
        Status u = Status.Dead;
        u++;
        Probe.I((byte)u);
        Probe.B(u == Status.Idle);
        Probe.B(Status.Busy < Status.Error);
        Status v = Status.Busy + 2;
        Probe.I((byte)v);
        Probe.I(Status.Dead - Status.Error);
        Probe.I(sizeof(Status));
    }
}
