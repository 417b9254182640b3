// Compound shifts <<= >>= on every width, counts masked the same way, narrowing for byte and short.
namespace Corpus.ShiftCompound;

public static unsafe class Program
{
    public static void Run()
    {
        int n = 33;
        int i = 3; i <<= n; Probe.I(i);
        i = -96; i >>= n; Probe.I(i);
        i = -96; i >>= -1; Probe.I(i);
        uint u = 0xF0000000u; u >>= n; Probe.I(u);
        u = 0xF0000001u; u <<= 35; Probe.I(u);
        long l = 3; l <<= 65; Probe.I(l);
        l = long.MinValue; l >>= 127; Probe.I(l);
        ulong q = 0x8000000000000001ul; q >>= 63; Probe.U(q);
        q = 0x8000000000000001ul; q <<= 64; Probe.U(q);
        byte b = 0x81; b <<= 1; Probe.I(b);
        b = 0x81; b <<= 33; Probe.I(b);
        b = 0xFF; b >>= 9; Probe.I(b);
        sbyte sb = -128; sb >>= 3; Probe.I(sb);
        sb = 64; sb <<= 1; Probe.I(sb);
        short s = -32768; s >>= 15; Probe.I(s);
        s = 0x4001; s <<= 2; Probe.I(s);
        ushort us = 0xFFFF; us <<= 4; Probe.I(us);
        us = 0x8000; us >>= 47; Probe.I(us);
        for (int k = -3; k < 70; k += 7)
        {
            long v = 0x0123456789ABCDEF;
            v <<= k;
            int w = 0x13579BDF;
            w >>= k;
            Probe.I(v);
            Probe.I(w);
        }
    }
}
