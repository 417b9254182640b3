// Prefix and postfix ++ and -- wrap at each type's edges, and their values as expressions.
namespace Corpus.IncDecAllTypes;

public static unsafe class Program
{
    public static void Run()
    {
        byte b = 255; b++; Probe.I(b); b--; Probe.I(b);
        sbyte sb = 127; Probe.I(sb++); Probe.I(sb); Probe.I(--sb);
        short s = short.MinValue; s--; Probe.I(s);
        ushort us = 0; us--; Probe.I(us); Probe.I(++us);
        int i = int.MaxValue; Probe.I(i++); Probe.I(i); Probe.I(i--); Probe.I(i);
        uint u = 0; Probe.I(u--); Probe.I(u); Probe.I(++u);
        long l = long.MaxValue; Probe.I(++l); Probe.I(--l);
        ulong q = ulong.MaxValue; Probe.U(q++); Probe.U(q); Probe.U(--q);
        int j = 5;
        int k = j++ + ++j;
        Probe.I(j);
        Probe.I(k);
        int n = 10;
        int r = n-- - --n;
        Probe.I(n);
        Probe.I(r);
        int count = 0;
        for (byte x = 250; x != 4; x++) count++;
        Probe.I(count);
    }
}
