// [Flags] enums: | & ^ ~ on flags, testing bits, clearing, compound assignment.
namespace Corpus.EnumFlags;

[System.Flags]
public enum Irq : uint
{
    None = 0,
    RxDone = 1 << 0,
    TxDone = 1 << 1,
    Error = 1 << 7,
    Config = 1u << 31,
    Io = RxDone | TxDone,
}

[System.Flags]
public enum Caps : ushort { None = 0, A = 1, B = 2, C = 0x8000 }

public static unsafe class Program
{
    static void Show(Irq v)
    {
        Probe.I((uint)v);
        Probe.B((v & Irq.RxDone) != 0);
        Probe.B((v & Irq.Io) == Irq.Io);
        Probe.B((v & Irq.Config) != Irq.None);
    }

    public static void Run()
    {
        Irq pending = Irq.RxDone | Irq.Error;
        Show(pending);
        pending |= Irq.TxDone;
        Show(pending);
        pending &= ~Irq.RxDone;
        Show(pending);
        pending ^= Irq.Config;
        Show(pending);
        Show(~Irq.None);
        Irq ack = pending & (Irq.Error | Irq.Config);
        Show(ack);
        Caps c = Caps.A | Caps.C;
        Probe.I((ushort)c);
        Probe.I((int)~c);
        Probe.I((ushort)~c);
        c &= ~Caps.A;
        Probe.I((ushort)c);
        uint raw = (uint)pending;
        raw >>= 1;
        Show((Irq)raw);
    }
}
