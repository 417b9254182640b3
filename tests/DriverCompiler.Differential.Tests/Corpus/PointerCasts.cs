// Casting between pointer types over byte buffers: reading bytes back in the order they were written.
namespace Corpus.PointerCasts;

public static unsafe class Program
{
    public static void Run()
    {
        byte* raw = stackalloc byte[16];
        for (int i = 0; i < 16; i++) raw[i] = (byte)(i + 1);
        ushort* half = (ushort*)raw;
        uint* word = (uint*)raw;
        ulong* dword = (ulong*)raw;
        half[1] = half[0];
        word[2] = word[3];
        Probe.I(raw[2]);
        Probe.I(raw[3]);
        Probe.I(raw[8]);
        Probe.I(raw[11]);
        byte* back = (byte*)(dword + 1);
        Probe.I(back - raw);
        Probe.I(*back);
        void* anything = raw + 4;
        byte* again = (byte*)anything;
        Probe.I(*again);
        sbyte* signed = (sbyte*)raw;
        raw[0] = 0xFF;
        Probe.I(signed[0]);
        long diff = (byte*)(word + 3) - raw;
        Probe.I(diff);
    }
}
