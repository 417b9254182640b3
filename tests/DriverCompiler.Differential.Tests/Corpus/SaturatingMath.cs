// Saturating add/sub/mul and clamping, as drivers do for counters and timeouts.
namespace Corpus.SaturatingMath;

public static unsafe class Program
{
    static uint AddSat(uint a, uint b) { uint r = a + b; return r < a ? uint.MaxValue : r; }
    static uint SubSat(uint a, uint b) => a > b ? a - b : 0;
    static int AddSatS(int a, int b) { long r = (long)a + b; return r > int.MaxValue ? int.MaxValue : r < int.MinValue ? int.MinValue : (int)r; }
    static ushort MulSat16(ushort a, ushort b) { uint r = (uint)a * b; return r > 0xFFFF ? (ushort)0xFFFF : (ushort)r; }
    static long Clamp(long v, long lo, long hi) => v < lo ? lo : v > hi ? hi : v;

    public static void Run()
    {
        Probe.I(AddSat(0xFFFFFFF0u, 0x20)); Probe.I(AddSat(1, 2));
        Probe.I(SubSat(5, 7)); Probe.I(SubSat(7, 5));
        Probe.I(AddSatS(int.MaxValue, 1)); Probe.I(AddSatS(int.MinValue, -1)); Probe.I(AddSatS(-5, 3));
        Probe.I(MulSat16(300, 300)); Probe.I(MulSat16(255, 257));
        Probe.I(Clamp(long.MinValue, -10, 10)); Probe.I(Clamp(long.MaxValue, -10, 10)); Probe.I(Clamp(3, -10, 10));
    }
}
