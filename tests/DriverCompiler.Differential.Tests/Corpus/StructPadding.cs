// Sequential structs with padding: byte then int, byte then long, short then long, trailing padding.
namespace Corpus.StructPadding;

public struct ByteInt { public byte A; public int B; }
public struct ByteLong { public byte A; public long B; }
public struct ShortLongByte { public short A; public long B; public byte C; }
public struct IntByte { public int A; public byte B; }
public struct Bytes3 { public byte A, B, C; }
public struct UlongUshort { public ulong A; public ushort B; }

public static unsafe class Program
{
    public static void Run()
    {
        Probe.I(sizeof(ByteInt));
        Probe.I(sizeof(ByteLong));
        Probe.I(sizeof(ShortLongByte));
        Probe.I(sizeof(IntByte));
        Probe.I(sizeof(Bytes3));
        Probe.I(sizeof(UlongUshort));
        ByteLong bl;
        bl.A = 0xFF;
        bl.B = long.MinValue;
        Probe.I(bl.A);
        Probe.I(bl.B);
        ShortLongByte s;
        s.A = -1;
        s.B = 0x0102030405060708;
        s.C = 9;
        Probe.I(s.A + s.B + s.C);
        Probe.I((byte*)&s.B - (byte*)&s);
        Probe.I((byte*)&s.C - (byte*)&s);
        ByteInt bi;
        Probe.I((byte*)&bi.B - (byte*)&bi.A);
        ByteLong b2;
        Probe.I((byte*)&b2.B - (byte*)&b2.A);
    }
}
