// Narrowing casts of variables: truncation to the low bits, reinterpretation of the sign bit.
namespace Corpus.CastNarrowing;

public static unsafe class Program
{
    public static void Run()
    {
        int i = 300;
        Probe.I((byte)i);
        Probe.I((sbyte)i);
        i = 200;
        Probe.I((sbyte)i);
        i = 70000;
        Probe.I((short)i);
        Probe.I((ushort)i);
        i = -1;
        Probe.I((ushort)i);
        Probe.I((uint)i);
        Probe.I((byte)i);
        uint u = uint.MaxValue;
        Probe.I((int)u);
        Probe.I((short)u);
        long l = 0x123456789ABCDEF0;
        Probe.I((int)l);
        Probe.I((uint)l);
        Probe.I((short)l);
        Probe.I((byte)l);
        l = long.MinValue;
        Probe.I((int)l);
        Probe.I((uint)l);
        ulong q = 0xFFFFFFFF80000000ul;
        Probe.I((int)q);
        Probe.I((long)q);
        Probe.I((ushort)q);
        short sh = -32768;
        Probe.I((sbyte)sh);
        Probe.I((byte)sh);
        ushort us = 0x80FF;
        Probe.I((sbyte)us);
        Probe.I((short)us);
        int x80 = 0x80;
        int back = (sbyte)(byte)x80;
        Probe.I(back);
    }
}
