// Shifts of byte, sbyte, short and ushort operate on the promoted int (count masked to 5 bits).
namespace Corpus.ShiftSmallPromoted;

public static unsafe class Program
{
    public static void Run()
    {
        byte b = 0xFF;
        Probe.I(b << 24);
        Probe.I(b << 31);
        Probe.I(b << 32);
        Probe.I(b >> 4);
        Probe.I((byte)(b << 4));
        sbyte sb = -1;
        Probe.I(sb >> 3);
        Probe.I(sb << 30);
        Probe.I((sbyte)(sb << 7));
        ushort us = 0xABCD;
        Probe.I(us << 16);
        Probe.I(us << 17);
        Probe.I((ushort)(us << 4));
        Probe.I(us >> 20);
        short s = short.MinValue;
        Probe.I(s >> 1);
        Probe.I(s << 16);
        Probe.I(s << 17);
        uint wide = (uint)(b << 24);
        Probe.I(wide);
        long widened = b << 24;
        Probe.I(widened);
        ulong asU = (ulong)(long)(b << 24);
        Probe.U(asU);
    }
}
