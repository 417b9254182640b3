// static readonly tables of byte, int, uint and ulong constants: indexing, Length, foreach.
namespace Corpus.TablesReadonly;

public static unsafe class Program
{
    static readonly byte[] Bytes = { 0, 1, 0x7F, 0x80, 0xFF };
    static readonly int[] Ints = { int.MinValue, -1, 0, 1, int.MaxValue };
    static readonly uint[] Uints = { 0u, 0x80000000u, 0xFFFFFFFFu };
    static readonly ulong[] Ulongs = { 0ul, 0x8000000000000000ul, ulong.MaxValue, 0x0123456789ABCDEFul };
    static readonly short[] Shorts = { -32768, -1, 32767 };
    static readonly long[] Longs = { long.MinValue, -5000000000L, long.MaxValue };

    public static void Run()
    {
        Probe.I(Bytes.Length);
        for (int i = 0; i < Bytes.Length; i++) Probe.I(Bytes[i]);
        foreach (int v in Ints) Probe.I(v);
        foreach (uint v in Uints) Probe.I(v);
        foreach (ulong v in Ulongs) Probe.U(v);
        foreach (short v in Shorts) Probe.I(v);
        long sum = 0;
        foreach (long v in Longs) sum += v;
        Probe.I(sum);
        int idx = 3;
        Probe.I(Bytes[idx] + Bytes[idx + 1]);
        Probe.U(Ulongs[Ulongs.Length - 1] >> 8);
        Probe.I(Ints[Ints.Length - 1] + 1);
    }
}
