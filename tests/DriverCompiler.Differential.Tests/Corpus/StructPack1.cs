// Pack = 1 where every field stays naturally aligned: only the trailing padding disappears.
using System.Runtime.InteropServices;

namespace Corpus.StructPack1;

[StructLayout(LayoutKind.Sequential, Pack = 1)]
public struct Header
{
    public uint Magic;
    public ushort Length;
    public byte Type;
}

[StructLayout(LayoutKind.Sequential, Pack = 1)]
public struct Pair
{
    public ushort A;
    public ushort B;
    public byte C;
}

public struct Unpacked
{
    public uint Magic;
    public ushort Length;
    public byte Type;
}

public static unsafe class Program
{
    public static void Run()
    {
        Probe.I(sizeof(Header));
        Probe.I(sizeof(Pair));
        Probe.I(sizeof(Unpacked));
        Header h;
        h.Magic = 0xFEEDFACEu;
        h.Length = 0xFFFF;
        h.Type = 0x80;
        Probe.I(h.Magic);
        Probe.I(h.Length);
        Probe.I(h.Type);
        Probe.I((byte*)&h.Type - (byte*)&h);
        Pair* pairs = stackalloc Pair[3];
        for (int i = 0; i < 3; i++)
        {
            pairs[i].A = (ushort)(i + 1);
            pairs[i].B = (ushort)(i * 1000);
            pairs[i].C = (byte)(i + 100);
        }
        Probe.I((byte*)&pairs[2] - (byte*)&pairs[0]);
        Probe.I(pairs[2].A + pairs[2].B + pairs[2].C);
    }
}
