// Walking a fixed buffer in a local struct with a pointer, forwards and backwards.
namespace Corpus.PointerWalkFixedBuffer;

public unsafe struct Frame
{
    public ushort Length;
    public fixed byte Payload[16];
}

public static unsafe class Program
{
    public static void Run()
    {
        Frame f = default;
        f.Length = 16;
        byte* p = f.Payload;
        for (int i = 0; i < f.Length; i++) *p++ = (byte)(i * 17);
        uint acc = 0;
        byte* q = f.Payload + f.Length;
        while (q > f.Payload)
        {
            q--;
            acc = (acc << 3) ^ *q ^ (acc >> 29);
        }
        Probe.I(acc);
        Probe.I(f.Payload[15]);
        Frame* pf = &f;
        byte* r = pf->Payload;
        r[3] = 0xAA;
        Probe.I(f.Payload[3]);
        ushort* w = (ushort*)f.Payload;
        int n = 0;
        for (ushort* e = w + 8; w < e; w++) n += (*w & 0xFF) == (*w >> 8) ? 1 : 0;
        Probe.I(n);
    }
}
