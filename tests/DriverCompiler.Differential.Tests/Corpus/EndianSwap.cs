// Endian.Swap16/32/64 on edge values, involutions, and byte extraction after a swap.
using DriverCompiler.Dsl;

namespace Corpus.EndianSwap;

public static unsafe class Program
{
    public static void Run()
    {
        Probe.I(Endian.Swap16(0x1234));
        Probe.I(Endian.Swap16(0xFF00));
        Probe.I(Endian.Swap16(0));
        Probe.I(Endian.Swap32(0x12345678u));
        Probe.I(Endian.Swap32(0x000000FFu));
        Probe.I(Endian.Swap32(0x80000000u));
        Probe.U(Endian.Swap64(0x0123456789ABCDEFul));
        Probe.U(Endian.Swap64(0xFFul));
        Probe.U(Endian.Swap64(ulong.MaxValue));
        ushort h = 0xBEEF;
        Probe.I(Endian.Swap16(Endian.Swap16(h)));
        uint w = 0xDEADBEEFu;
        Probe.I(Endian.Swap32(Endian.Swap32(w)));
        Probe.I(Endian.Swap32(w) & 0xFF);
        ulong d = 0x1122334455667788ul;
        Probe.U(Endian.Swap64(d) >> 56);
        uint acc = 0;
        for (uint i = 0; i < 1000; i++) acc += Endian.Swap32(i * 2654435761u);
        Probe.I(acc);
        int signed = -2;
        Probe.I(Endian.Swap16((ushort)signed));
        Probe.I((int)Endian.Swap32((uint)signed));
    }
}
