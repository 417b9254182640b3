// Classic bit tricks: popcount, parity, leading/trailing zeros, power-of-two tests, Gray code, BCD.
namespace Corpus.BitTricks;

public static unsafe class Program
{
    static int Clz(uint v) { if (v == 0) return 32; int n = 0; while ((v & 0x80000000u) == 0) { v <<= 1; n++; } return n; }
    static int Ctz(ulong v) { if (v == 0) return 64; int n = 0; while ((v & 1) == 0) { v >>= 1; n++; } return n; }
    static int Pop(ulong v) { v = v - ((v >> 1) & 0x5555555555555555ul); v = (v & 0x3333333333333333ul) + ((v >> 2) & 0x3333333333333333ul); return (int)((((v + (v >> 4)) & 0x0F0F0F0F0F0F0F0Ful) * 0x0101010101010101ul) >> 56); }
    static bool Parity(uint v) { v ^= v >> 16; v ^= v >> 8; v ^= v >> 4; v &= 0xF; return ((0x6996 >> (int)v) & 1) != 0; }
    static bool IsPow2(ulong v) => v != 0 && (v & (v - 1)) == 0;
    static uint Gray(uint v) => v ^ (v >> 1);
    static uint FromGray(uint g) { uint v = g; while ((g >>= 1) != 0) v ^= g; return v; }
    static byte ToBcd(int v) => (byte)(((v / 10) << 4) | (v % 10));
    static int FromBcd(byte b) => (b >> 4) * 10 + (b & 0xF);
    static uint NextPow2(uint v) { v--; v |= v >> 1; v |= v >> 2; v |= v >> 4; v |= v >> 8; v |= v >> 16; return v + 1; }

    public static void Run()
    {
        Probe.I(Clz(0)); Probe.I(Clz(1)); Probe.I(Clz(0x80000000u)); Probe.I(Clz(0x00F00000u));
        Probe.I(Ctz(0)); Probe.I(Ctz(1ul << 63)); Probe.I(Ctz(0x100));
        Probe.I(Pop(ulong.MaxValue)); Probe.I(Pop(0x8000000000000001ul)); Probe.I(Pop(0));
        Probe.B(Parity(7)); Probe.B(Parity(0xFFFFFFFFu));
        Probe.B(IsPow2(0)); Probe.B(IsPow2(1ul << 40)); Probe.B(IsPow2(6));
        for (uint i = 0; i < 8; i++) { Probe.I(Gray(i)); Probe.I(FromGray(Gray(i))); }
        Probe.I(Gray(0xFFFFFFFFu));
        Probe.I(ToBcd(59)); Probe.I(FromBcd(0x59)); Probe.I(ToBcd(99));
        Probe.I(NextPow2(0)); Probe.I(NextPow2(1)); Probe.I(NextPow2(1000)); Probe.I(NextPow2(0x80000001u));
    }
}
