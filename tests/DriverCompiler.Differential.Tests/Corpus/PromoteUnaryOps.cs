// ~ and unary - on small types give int; ~ on uint stays uint; - on uint gives long.
namespace Corpus.PromoteUnaryOps;

public static unsafe class Program
{
    public static void Run()
    {
        byte b = 0;
        Probe.I(~b);
        Probe.I((byte)~b);
        b = 0xA5;
        Probe.I(~b);
        Probe.I((byte)~b);
        Probe.I(-b);
        sbyte sb = sbyte.MinValue;
        Probe.I(~sb);
        Probe.I(-sb);
        Probe.I((sbyte)-sb);
        ushort us = 1;
        Probe.I(~us);
        Probe.I((ushort)~us);
        short s = short.MinValue;
        Probe.I(-s);
        Probe.I((short)-s);
        uint u = 1;
        Probe.I(~u);
        Probe.I(-u);
        u = 0x80000000u;
        Probe.I(-u);
        int i = int.MinValue;
        Probe.I(-i);
        Probe.I(~i);
        long l = long.MinValue;
        Probe.I(-l);
        Probe.I(~l);
        ulong q = 0;
        Probe.U(~q);
        Probe.I(+b);
        bool bigger = ~b > 0;
        Probe.B(bigger);
    }
}
