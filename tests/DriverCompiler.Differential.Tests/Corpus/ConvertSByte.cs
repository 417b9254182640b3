// Every cast from sbyte to each integer type: narrowing, sign and zero extension.
namespace Corpus.ConvertSByte;

public static unsafe class Program
{
    static void Conv(sbyte v)
    {
        Probe.I((sbyte)v);
        Probe.I((byte)v);
        Probe.I((short)v);
        Probe.I((ushort)v);
        Probe.I((int)v);
        Probe.I((uint)v);
        Probe.I((long)v);
        Probe.U((ulong)v);
        long w = v; Probe.I(w);
        ulong x = (ulong)v; Probe.U(x); uint y = (uint)v; Probe.I(y); int z = (int)v; Probe.I(z);
    }

    public static void Run()
    {
        Conv(0);
        Conv(1);
        Conv(-1);
        Conv(2);
        Conv(-100);
        Conv(sbyte.MinValue);
        Conv(sbyte.MaxValue);
    }
}
