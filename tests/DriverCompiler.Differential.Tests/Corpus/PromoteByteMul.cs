// Integer promotions: byte*byte and ushort*ushort compute in int (the latter overflows int and wraps).
namespace Corpus.PromoteByteMul;

public static unsafe class Program
{
    public static void Run()
    {
        byte a = 255, b = 255;
        Probe.I(a * b);
        Probe.I(a + b);
        Probe.I((byte)(a * b));
        ushort c = 65535, d = 65535;
        Probe.I(c * d);
        Probe.I((uint)(c * d));
        Probe.I((ushort)(c * d));
        Probe.I(c * d / 7);
        ushort e = 46341;
        Probe.I(e * e);
        sbyte f = -128;
        Probe.I(f * f);
        Probe.I(f * f * f * f);
        short g = -32768;
        Probe.I(g * g);
        Probe.I(g * g * 2);
        byte h = 200;
        int sum = h + h + h;
        Probe.I(sum);
        uint wide = (uint)c * d;
        Probe.I(wide);
        ulong wider = (ulong)c * d * d;
        Probe.U(wider);
    }
}
