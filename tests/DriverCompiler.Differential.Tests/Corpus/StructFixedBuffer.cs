// Fixed-size buffers in structs: odd length, padding after them, indexing, sizes.
namespace Corpus.StructFixedBuffer;

public unsafe struct Packet
{
    public byte Kind;
    public fixed byte Buf[13];
    public uint Crc;
}

public unsafe struct Words
{
    public fixed ushort W[5];
    public fixed uint D[3];
    public fixed long Q[2];
}

public static unsafe class Program
{
    public static void Run()
    {
        Probe.I(sizeof(Packet));
        Probe.I(sizeof(Words));
        Packet p = default;
        p.Kind = 7;
        for (int i = 0; i < 13; i++) p.Buf[i] = (byte)(i * 20);
        p.Crc = 0xCAFEBABEu;
        int sum = 0;
        for (int i = 0; i < 13; i++) sum += p.Buf[i];
        Probe.I(sum);
        Probe.I(p.Buf[12]);
        Probe.I(p.Crc);
        Probe.I((byte*)&p.Crc - (byte*)&p);
        Words w;
        for (int i = 0; i < 5; i++) w.W[i] = (ushort)(0xFFFF - i);
        for (int i = 0; i < 3; i++) w.D[i] = 0x80000000u >> i;
        w.Q[0] = long.MinValue;
        w.Q[1] = w.W[4] * (long)w.D[2];
        Probe.I(w.W[0] + w.W[4]);
        Probe.I(w.D[2]);
        Probe.I(w.Q[0]);
        Probe.I(w.Q[1]);
        Packet copy = p;
        copy.Buf[0] = 99;
        Probe.I(p.Buf[0]);
        Probe.I(copy.Buf[0]);
    }
}
