// Comparisons C#'s operand types and constants decide, which GCC rejects as always true or false:
// a value compared with itself once an identity cast is gone (-Wtautological-compare), bits a mask
// rules out, and masks that keep a value in its byte (-Wtype-limits). The operands still run.
namespace Corpus.WarnDecidedComparisons;

public static unsafe class Program
{
    static int calls;
    static int Side(int v) { calls++; return v; }

    static void Check(int x, uint r, byte b, long l)
    {
        Probe.B(((uint)r) >= r);
        Probe.B(r == (uint)r);
        Probe.B((int)x < x);
        Probe.B(l != (long)l);
        Probe.B((x & 0xF0) == 0x0F);
        Probe.B((x & 0xF0) != 0x0F);
        Probe.B((x | 1) == 2);
        Probe.B((Side(x) & 0x100) == 0x200);
        Probe.B((b & 0xFF) <= 255);
        Probe.B((b & 0x0F) < 16);
        Probe.B((b | 0x10) <= 255);
        Probe.B((x & 0x7F) >= 0);
        Probe.B((x & 0xF0) == 0x30);
        Probe.B((r & 0xFFu) > 0x80u);
    }

    public static void Run()
    {
        Check(0x35, 7u, 200, -4);
        Check(-1, 0xFFFFFFFFu, 0, long.MinValue);
        Check(int.MinValue, 0, 255, 0);
        Probe.I(calls);
    }
}
