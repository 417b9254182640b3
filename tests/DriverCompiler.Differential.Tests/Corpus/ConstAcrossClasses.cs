// consts in several static classes referring to each other, used as case labels and sizes.
namespace Corpus.ConstAcrossClasses;

public static class Regs
{
    public const int Status = 0x14;
    public const int Control = Status + 4;
    public const uint ResetBit = 1u << 31;
}

public static class Limits
{
    public const int Queue = 64;
    public const int Mask = Queue - 1;
    public const long Timeout = 1000L * 1000 * 1000 * 5;
}

public static unsafe class Program
{
    const int Local = Regs.Control * 2;

    static int Decode(int reg)
    {
        switch (reg)
        {
            case Regs.Status: return 1;
            case Regs.Control: return 2;
            case Local: return 3;
            default: return 0;
        }
    }

    public static void Run()
    {
        Probe.I(Regs.Status);
        Probe.I(Regs.Control);
        Probe.I(Regs.ResetBit);
        Probe.I(Limits.Mask);
        Probe.I(Limits.Timeout);
        Probe.I(Local);
        Probe.I(Decode(0x14));
        Probe.I(Decode(0x18));
        Probe.I(Decode(0x30));
        Probe.I(Decode(1));
        int idx = 130;
        Probe.I(idx & Limits.Mask);
        uint ctrl = 5;
        ctrl |= Regs.ResetBit;
        Probe.I(ctrl);
    }
}
