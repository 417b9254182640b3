// The complement of a byte or ushort kept in its type and then compared (found by the fuzzer, campaign
// seeds 100012, 100031, 100036, 100071, fixed seed 7): (byte)~a != b is C's (uint8)~a != b, which GCC
// folds to a complement in the narrow type and then mistakes for the always-nonzero complement of a
// promoted value (-Wsign-compare, GCC bug 38341). x ^ 0xFF and 255 - x fold the same way. The values
// are ordinary: (byte)~a is 0 for a = 255, and the comparisons must compute at run time.
namespace Corpus.WarnNarrowComplement;

public static unsafe class Program
{
    static int calls;
    static byte Next(byte v) { calls++; return v; }

    static void Check(byte a, byte b, ushort u, ushort* p)
    {
        Probe.B((byte)~a != b);
        Probe.B((byte)~a == 0);
        Probe.B((ushort)~u != 0);
        Probe.B((ushort)~*p >= u);
        Probe.B((byte)(a ^ 0xFF) < b);
        Probe.B((byte)(255 - a) <= b);
        Probe.B((ushort)(u ^ 0xFFFF) > (ushort)~*p);
        Probe.B((byte)~Next(a) == (byte)~Next(b));
        // the left operand evaluated before a call that changes what the right reads
        ushort before = *p;
        Probe.B(Bump(p) != (ushort)~*p);
        Probe.I(*p - before);
    }

    static ushort Bump(ushort* p) { *p = (ushort)(*p + 1); calls++; return *p; }

    public static void Run()
    {
        ushort w = 0;
        Check(255, 0, 65535, &w);
        w = 0x1234;
        Check(0, 255, 0x00FF, &w);
        w = 65535;
        Check(0x5A, 0xA5, 0xEDCB, &w);
        Probe.I(calls);
    }
}
