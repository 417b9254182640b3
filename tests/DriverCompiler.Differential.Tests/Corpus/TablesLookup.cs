// Table-driven code: popcount by nibble table, hex digits, bit-reverse of a byte through a table.
namespace Corpus.TablesLookup;

public static unsafe class Program
{
    static readonly byte[] NibbleBits = { 0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4 };
    static readonly byte[] NibbleReverse = { 0x0, 0x8, 0x4, 0xC, 0x2, 0xA, 0x6, 0xE, 0x1, 0x9, 0x5, 0xD, 0x3, 0xB, 0x7, 0xF };

    static int PopCount(uint v)
    {
        int n = 0;
        while (v != 0)
        {
            n += NibbleBits[v & 0xF];
            v >>= 4;
        }
        return n;
    }

    static byte Reverse(byte b) => (byte)((NibbleReverse[b & 0xF] << 4) | NibbleReverse[b >> 4]);

    public static void Run()
    {
        Probe.I(PopCount(0));
        Probe.I(PopCount(0xFFFFFFFFu));
        Probe.I(PopCount(0x80000001u));
        Probe.I(PopCount(0xDEADBEEFu));
        Probe.I(Reverse(0x01));
        Probe.I(Reverse(0x80));
        Probe.I(Reverse(0xA5));
        Probe.I(Reverse(0x3C));
        int total = 0;
        for (int i = 0; i < 256; i++) total += Reverse((byte)i) * (i + 1);
        Probe.I(total);
    }
}
