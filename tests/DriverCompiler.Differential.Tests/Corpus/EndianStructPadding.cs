// Endian-typed fields after narrower fields: padding before Le32/Le64/Be64 must follow .NET's layout.
using DriverCompiler.Dsl;

namespace Corpus.EndianStructPadding;

public struct Mixed
{
    public byte Tag;
    public Le32 Word;
    public ushort Half;
    public Be64 Quad;
    public byte Tail;
}

public static unsafe class Program
{
    public static void Run()
    {
        Probe.I(sizeof(Mixed));
        Mixed m = default;
        m.Tag = 0xAA;
        m.Word = 0x01020304u;
        m.Half = 0xBEEF;
        m.Quad = 0x1112131415161718ul;
        m.Tail = 0x55;
        Probe.I((byte*)&m.Word - (byte*)&m);
        Probe.I((byte*)&m.Quad - (byte*)&m);
        Probe.I((byte*)&m.Tail - (byte*)&m);
        byte* w = (byte*)&m.Word;
        for (int i = 0; i < 4; i++) Probe.I(w[i]);
        byte* q = (byte*)&m.Quad;
        for (int i = 0; i < 8; i++) Probe.I(q[i]);
        Probe.I((uint)m.Word);
        Probe.U(m.Quad);
    }
}
