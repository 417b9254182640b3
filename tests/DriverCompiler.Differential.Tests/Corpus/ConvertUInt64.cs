// Every cast from ulong to each integer type: narrowing, sign and zero extension.
namespace Corpus.ConvertUInt64;

public static unsafe class Program
{
    static void Conv(ulong v)
    {
        Probe.I((sbyte)v);
        Probe.I((byte)v);
        Probe.I((short)v);
        Probe.I((ushort)v);
        Probe.I((int)v);
        Probe.I((uint)v);
        Probe.I((long)v);
        Probe.U((ulong)v);
        ulong w = v; Probe.U(w);
        ulong x = (ulong)v; Probe.U(x); uint y = (uint)v; Probe.I(y); int z = (int)v; Probe.I(z);
    }

    public static void Run()
    {
        Conv(0);
        Conv(1);
        Conv(2);
        Conv(0x8000000000000000ul);
        Conv(0xFFFFFFFFFFFFFFFEul);
        Conv(ulong.MaxValue);
    }
}
