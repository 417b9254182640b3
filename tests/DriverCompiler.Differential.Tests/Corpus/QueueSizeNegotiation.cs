// Validating and negotiating a queue size: power-of-two checks, rounding down, limits from two sides.
namespace Corpus.QueueSizeNegotiation;

public static unsafe class Program
{
    static bool IsPow2(ushort v) => v != 0 && (v & (v - 1)) == 0;

    static ushort RoundDownPow2(ushort v)
    {
        ushort r = 1;
        while ((ushort)(r << 1) != 0 && (ushort)(r << 1) <= v) r <<= 1;
        return v == 0 ? (ushort)0 : r;
    }

    static ushort Negotiate(ushort device, ushort wanted)
    {
        ushort n = device < wanted ? device : wanted;
        return IsPow2(n) ? n : RoundDownPow2(n);
    }

    public static void Run()
    {
        ushort* devs = stackalloc ushort[] { 0, 1, 256, 1000, 32768, 65535 };
        ushort* wants = stackalloc ushort[] { 128, 65535 };
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 2; j++)
                Probe.I(Negotiate(devs[i], wants[j]));
        Probe.B(IsPow2(32768));
        Probe.B(IsPow2(65535));
        Probe.I(RoundDownPow2(65535));
    }
}
