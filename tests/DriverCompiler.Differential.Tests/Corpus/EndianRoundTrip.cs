// Round trips through every endian type at edge values, and arithmetic through the implicit conversions.
using DriverCompiler.Dsl;

namespace Corpus.EndianRoundTrip;

public static unsafe class Program
{
    public static void Run()
    {
        ushort h0 = 0, h1 = 1, h2 = 0x8000, h3 = 0xFFFF;
        Le16 a = h0; Probe.I(a);
        a = h1; Probe.I((ushort)a);
        Be16 b = h2; Probe.I((ushort)b);
        b = h3; Probe.I((ushort)b);
        uint w = 0x80000001u;
        Le32 lw = w;
        Be32 bw = w;
        Probe.I((uint)lw);
        Probe.I((uint)bw);
        Probe.B((uint)lw == (uint)bw);
        ulong q = 0xFFFFFFFF00000001ul;
        Le64 lq = q;
        Be64 bq = q;
        Probe.U(lq);
        Probe.U(bq);
        lw = lw + 1u;
        Probe.I((uint)lw);
        bw += 0xFFu;
        Probe.I((uint)bw);
        lq = (ulong)lq >> 4;
        Probe.U(lq);
        Be32 counter = 0u;
        for (int i = 0; i < 300; i++) counter = counter + 1u;
        Probe.I((uint)counter);
        Be16 wrap = (ushort)0xFFFF;
        wrap = (ushort)(wrap + 1);
        Probe.I((ushort)wrap);
        Le32 x = 5u;
        Le32 y = x;
        y = 6u;
        Probe.I((uint)x);
        Probe.I((uint)y);
        uint bytes = Endian.Swap32(bw);
        Probe.I(bytes);
    }
}
