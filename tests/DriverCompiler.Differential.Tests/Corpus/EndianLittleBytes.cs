// Le16/Le32/Le64 store little-endian bytes on every CPU: the bytes seen through a byte* prove it.
using DriverCompiler.Dsl;

namespace Corpus.EndianLittleBytes;

public struct LeBlock
{
    public Le16 H;
    public Le16 Pad;
    public Le32 W;
    public Le64 D;
}

public static unsafe class Program
{
    static void Dump(byte* p, int n)
    {
        for (int i = 0; i < n; i++) Probe.I(p[i]);
    }

    public static void Run()
    {
        Probe.I(sizeof(Le16));
        Probe.I(sizeof(Le32));
        Probe.I(sizeof(Le64));
        Probe.I(sizeof(LeBlock));
        LeBlock b = default;
        b.H = (ushort)0x1234;
        b.Pad = (ushort)0xFFFF;
        b.W = 0x89ABCDEFu;
        b.D = 0x0102030405060708ul;
        Dump((byte*)&b, sizeof(LeBlock));
        ushort h = b.H;
        uint w = b.W;
        ulong d = b.D;
        Probe.I(h);
        Probe.I(w);
        Probe.U(d);
        byte* raw = (byte*)&b.W;
        raw[0] = 0x01;
        Probe.I((uint)b.W);
    }
}
