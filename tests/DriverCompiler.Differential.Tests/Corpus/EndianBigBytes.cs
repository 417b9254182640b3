// Be16/Be32/Be64 store big-endian bytes on every CPU, as in SCSI CDBs and other wire formats.
using DriverCompiler.Dsl;

namespace Corpus.EndianBigBytes;

public struct BeBlock
{
    public Be16 H;
    public Be16 Pad;
    public Be32 W;
    public Be64 D;
}

public static unsafe class Program
{
    public static void Run()
    {
        Probe.I(sizeof(BeBlock));
        BeBlock b = default;
        b.H = (ushort)0x1234;
        b.Pad = (ushort)0x00FF;
        b.W = 0x89ABCDEFu;
        b.D = 0x0102030405060708ul;
        byte* p = (byte*)&b;
        for (int i = 0; i < sizeof(BeBlock); i++) Probe.I(p[i]);
        Probe.I((ushort)b.H);
        Probe.I((uint)b.W);
        Probe.U(b.D);
        p[4] = 0x7F;
        Probe.I((uint)b.W);
        p[15] = 0xFF;
        Probe.U(b.D);
    }
}
