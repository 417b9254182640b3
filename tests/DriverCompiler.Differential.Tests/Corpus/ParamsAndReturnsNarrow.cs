// Narrow parameters and returns: values are truncated at each call boundary exactly as C# does.
namespace Corpus.ParamsAndReturnsNarrow;

public static unsafe class Program
{
    static byte IncByte(byte b) => (byte)(b + 1);
    static sbyte NegSByte(sbyte s) => (sbyte)-s;
    static short Trunc(int x) => (short)x;
    static ushort Hi(uint x) => (ushort)(x >> 16);
    static long Widen(int x) => x;
    static ulong WidenU(uint x) => x;
    static int FromByte(byte b) => b;
    static bool IsHigh(byte b) => b >= 0x80;
    static ulong Pass(ulong a, byte b, long c, ushort d, sbyte e, uint f, short g, ulong h) =>
        a ^ b ^ (ulong)c ^ d ^ (ulong)e ^ f ^ (ulong)g ^ h;

    public static void Run()
    {
        Probe.I(IncByte(255));
        Probe.I(IncByte(IncByte(254)));
        Probe.I(NegSByte(-128));
        Probe.I(Trunc(0x12348765));
        Probe.I(Hi(0xDEADBEEFu));
        Probe.I(Widen(int.MinValue));
        Probe.U(WidenU(uint.MaxValue));
        Probe.I(FromByte(200));
        Probe.B(IsHigh(0x80));
        Probe.B(IsHigh(0x7F));
        Probe.U(Pass(ulong.MaxValue, 0xFF, long.MinValue, 0xFFFF, -1, 0x80000000u, -32768, 0x0123456789ABCDEFul));
        int big = 300;
        Probe.I(IncByte((byte)big));
    }
}
