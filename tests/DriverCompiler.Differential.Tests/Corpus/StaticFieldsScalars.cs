// Static fields of every integer type and bool: initializers, mutation across calls, defaults.
namespace Corpus.StaticFieldsScalars;

public static unsafe class Program
{
    static int counter;
    static uint flags = 0x80000001u;
    static long total = -1;
    static ulong big = ulong.MaxValue;
    static byte b = 200;
    static sbyte sb = -100;
    static short sh;
    static ushort us = 65535;
    static bool ready;
    static bool armed = true;

    static void Bump(int by)
    {
        counter += by;
        total += by;
        b += (byte)by;
        us++;
    }

    public static void Run()
    {
        Probe.I(counter);
        Probe.I(sh);
        Probe.B(ready);
        Probe.B(armed);
        for (int i = 1; i <= 60; i++) Bump(i);
        Probe.I(counter);
        Probe.I(total);
        Probe.I(b);
        Probe.I(us);
        flags <<= 1;
        Probe.I(flags);
        big += 2;
        Probe.U(big);
        sb -= 100;
        Probe.I(sb);
        ready = !ready;
        Probe.B(ready);
        sh = (short)(us * 3);
        Probe.I(sh);
    }
}
