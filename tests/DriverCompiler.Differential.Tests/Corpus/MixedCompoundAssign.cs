// Compound assignment converts the wider result back: byte += int, int += uint, int /= uint, uint %= int.
namespace Corpus.MixedCompoundAssign;

public static unsafe class Program
{
    public static void Run()
    {
        byte b = 250;
        int big = 300;
        b += (byte)big; Probe.I(b);
        b = 250; b += 10; Probe.I(b);
        b -= 255; Probe.I(b);
        int i = 10;
        uint u = 3000000000u;
        i += (int)u; Probe.I(i);
        i = -7;
        i /= (int)2u; Probe.I(i);
        i = -7;
        uint two = 2;
        i = (int)(i / two); Probe.I(i);
        int k = -100;
        k %= 7; Probe.I(k);
        uint m = 100;
        m %= 7; Probe.I(m);
        short s = 300;
        s *= 300; Probe.I(s);
        s = -1;
        s *= short.MinValue; Probe.I(s);
        ushort us = 1000;
        us *= 1000; Probe.I(us);
        sbyte sb = 100;
        sb += 100; Probe.I(sb);
        sb -= 100; Probe.I(sb);
        long l = long.MaxValue;
        l += 1; Probe.I(l);
        ulong ul = 0;
        ul -= 1; Probe.U(ul);
        uint uu = 5;
        uu -= 10; Probe.I(uu);
        uu *= 0x10001u; Probe.I(uu);
        int acc = 0;
        byte step = 255;
        for (int n = 0; n < 5; n++) acc += step;
        Probe.I(acc);
        byte bacc = 0;
        for (int n = 0; n < 5; n++) bacc += step;
        Probe.I(bacc);
        i = int.MaxValue;
        i += 1; Probe.I(i);
        i = 1;
        i |= int.MinValue; Probe.I(i);
        i ^= -1; Probe.I(i);
        i &= 0x0F0F; Probe.I(i);
        b = 0xF0;
        b |= 0x0F; Probe.I(b);
        b &= 0x3C; Probe.I(b);
        b ^= 0xFF; Probe.I(b);
        ushort w16 = 65530;
        byte add = 10;
        w16 += add; Probe.I(w16);
        long wide = -5;
        uint huge = 4000000000u;
        wide += huge; Probe.I(wide);
        wide /= huge; Probe.I(wide);
        wide = -4000000000L;
        wide %= huge; Probe.I(wide);
        uint acc32 = 0xFFFFFFF0u;
        ushort inc16 = 0x20;
        acc32 += inc16; Probe.I(acc32);
        short sh = 32000;
        sbyte sinc = 100;
        sh += sinc; Probe.I(sh);
        sh -= sinc; sh -= sinc; Probe.I(sh);
    }
}
