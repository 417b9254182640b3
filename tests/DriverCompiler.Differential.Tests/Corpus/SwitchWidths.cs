// switch on byte, sbyte, short, ushort, long and ulong with cases at their edge values.
namespace Corpus.SwitchWidths;

public static unsafe class Program
{
    static int OnByte(byte b)
    {
        switch (b) { case 0: return 1; case 0x7F: return 2; case 0x80: return 3; case 0xFF: return 4; default: return 0; }
    }

    static int OnSByte(sbyte b)
    {
        switch (b) { case -128: return 1; case -1: return 2; case 127: return 3; default: return 0; }
    }

    static int OnShort(short s)
    {
        switch (s) { case short.MinValue: return 1; case -1: return 2; case short.MaxValue: return 3; default: return 0; }
    }

    static int OnUShort(ushort s)
    {
        switch (s) { case 0x8000: return 1; case 0xFFFF: return 2; default: return 0; }
    }

    static int OnLong(long l)
    {
        switch (l)
        {
            case long.MinValue: return 1;
            case -1: return 2;
            case 0x100000000L: return 3;
            case long.MaxValue: return 4;
            default: return 0;
        }
    }

    static int OnULong(ulong l)
    {
        switch (l)
        {
            case 0: return 1;
            case 0xFFFFFFFFul: return 2;
            case 0x8000000000000000ul: return 3;
            case ulong.MaxValue: return 4;
            default: return 0;
        }
    }

    public static void Run()
    {
        Probe.I(OnByte(0)); Probe.I(OnByte(0x7F)); Probe.I(OnByte(0x80)); Probe.I(OnByte(0xFF)); Probe.I(OnByte(5));
        Probe.I(OnSByte(-128)); Probe.I(OnSByte(-1)); Probe.I(OnSByte(127)); Probe.I(OnSByte(0));
        Probe.I(OnShort(short.MinValue)); Probe.I(OnShort(-1)); Probe.I(OnShort(short.MaxValue)); Probe.I(OnShort(1));
        Probe.I(OnUShort(0x8000)); Probe.I(OnUShort(0xFFFF)); Probe.I(OnUShort(0x7FFF));
        Probe.I(OnLong(long.MinValue)); Probe.I(OnLong(-1)); Probe.I(OnLong(0x100000000L)); Probe.I(OnLong(long.MaxValue)); Probe.I(OnLong(0));
        Probe.I(OnULong(0)); Probe.I(OnULong(0xFFFFFFFFul)); Probe.I(OnULong(0x8000000000000000ul)); Probe.I(OnULong(ulong.MaxValue)); Probe.I(OnULong(7));
    }
}
