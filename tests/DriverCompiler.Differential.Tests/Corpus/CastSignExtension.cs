// Widening casts: signed sources sign-extend, unsigned sources zero-extend, through every width.
namespace Corpus.CastSignExtension;

public static unsafe class Program
{
    public static void Run()
    {
        int m = -1;
        Probe.I((long)m);
        Probe.U((ulong)m);
        Probe.U((ulong)(uint)m);
        sbyte sb = -2;
        Probe.U((ulong)sb);
        Probe.I((uint)sb);
        Probe.I((ushort)sb);
        short s = -3;
        Probe.I((uint)s);
        Probe.U((ulong)s);
        uint u = 0x80000000u;
        Probe.I((long)u);
        Probe.U((ulong)u);
        Probe.I((long)(int)u);
        byte b = 0x80;
        Probe.I((sbyte)b);
        Probe.I((long)(sbyte)b);
        Probe.U((ulong)(sbyte)b);
        ushort us = 0x8000;
        Probe.I((short)us);
        Probe.I((int)(short)us);
        Probe.U((ulong)(short)us);
        uint top = 0x80000000u;
        long l = (int)top;
        Probe.I(l);
        int fromByte = b;
        Probe.I(fromByte);
        long m129 = -129;
        long chain = (sbyte)(short)(int)m129;
        Probe.I(chain);
        ulong pattern = 0x1234567890ABCDEFul;
        ulong chainU = (byte)(ushort)(uint)pattern;
        Probe.U(chainU);
    }
}
