// xorshift32, xorshift64*, an LCG and splitmix64: wraparound multiplication and shifts must match bit for bit.
namespace Corpus.DriverPrng;

public static unsafe class Program
{
    static uint x32 = 2463534242u;
    static ulong x64 = 88172645463325252ul;
    static uint lcg = 12345;
    static ulong sm = 0;

    static uint Xorshift32() { x32 ^= x32 << 13; x32 ^= x32 >> 17; x32 ^= x32 << 5; return x32; }
    static ulong Xorshift64Star() { x64 ^= x64 >> 12; x64 ^= x64 << 25; x64 ^= x64 >> 27; return x64 * 2685821657736338717ul; }
    static uint Lcg() { lcg = lcg * 1103515245u + 12345u; return (lcg >> 16) & 0x7FFF; }
    static ulong SplitMix()
    {
        ulong z = sm += 0x9E3779B97F4A7C15ul;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ul;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBul;
        return z ^ (z >> 31);
    }

    public static void Run()
    {
        for (int i = 0; i < 5; i++) Probe.I(Xorshift32());
        for (int i = 0; i < 5; i++) Probe.U(Xorshift64Star());
        for (int i = 0; i < 5; i++) Probe.I(Lcg());
        for (int i = 0; i < 5; i++) Probe.U(SplitMix());
        int signedMix = -1640531527;
        int h = 0;
        for (int i = 0; i < 1000; i++) h = h * signedMix + i;
        Probe.I(h);
        long lh = 1;
        for (int i = 0; i < 1000; i++) lh = lh * -7046029254386353131L + i;
        Probe.I(lh);
    }
}
