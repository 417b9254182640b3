// switch over an enum with several labels per section and default; enum parameters and returns.
namespace Corpus.EnumSwitch;

public enum Op : byte { Nop, Read, Write, Flush, Inquiry = 0x12, Sense = 0x03 + 0x20 }

public static unsafe class Program
{
    static Op Next(Op o)
    {
        switch (o)
        {
            case Op.Nop: return Op.Read;
            case Op.Read:
            case Op.Write: return Op.Flush;
            case Op.Flush: return Op.Inquiry;
            default: return Op.Nop;
        }
    }

    static int Cost(Op o)
    {
        int c = 0;
        switch (o)
        {
            case Op.Read: c = 10; break;
            case Op.Write: c = 20; break;
            case Op.Inquiry:
            case Op.Sense: c = 1; break;
        }
        return c;
    }

    public static void Run()
    {
        Op o = Op.Write;
        for (int i = 0; i < 6; i++)
        {
            Probe.I((byte)o);
            Probe.I(Cost(o));
            o = Next(o);
        }
        Probe.I((int)Op.Sense);
        Probe.I(Cost((Op)0x23));
        Probe.I(Cost((Op)0x77));
    }
}
