// A variable passed by reference (ref, out, in, or its address) that a later argument of the same call
// assigns (found by the fuzzer, seed 410001: F(3, ref g11.F0, t, g11.F0 = x / (g10 | 1)) printed as
// f(3, &g.f0, t, g.f0 = ...), GCC's -Wsequence-point under -Werror). C# evaluates the arguments left to
// right and passes the variable: the callee sees the assigned value, and operands between the two see the old one.
namespace Corpus.RefAssignedInArguments;

public struct Pair
{
    public int A;
    public ulong B;
}

public static unsafe class Program
{
    static Pair g;
    static int gi = 11;

    static int Take(ref int p, int v) { int old = p; p = v * 3; return old + v; }
    static ulong TakeWide(int k, ref ulong p, int t, ulong v) { ulong old = p; p += (ulong)k; return old ^ v ^ (ulong)t; }
    static int Three(ref int p, int before, int v) { int old = p; p = before - v; return old * 7 + before; }
    static int Read(in int p, int v) => p * 5 + v;
    static void Set(out int p, int v) { p = v + 100; }
    static int Through(int* p, int v) { int old = *p; *p = v - 1; return old + v; }

    public static void Run()
    {
        int x = 2;
        Probe.I(Take(ref x, x = 5));
        Probe.I(x);
        Probe.I(Take(ref x, x++));
        Probe.I(x);
        Probe.I(Take(ref x, ++x + 1));
        Probe.I(x);
        Probe.I(Three(ref x, x, x = 9));
        Probe.I(x);
        Probe.I(Read(in x, x = 4));
        Probe.I(x);
        int y;
        Set(out y, y = 3);
        Probe.I(y);
        Probe.I(Through(&x, x = 6));
        Probe.I(x);

        Probe.I(Take(ref g.A, g.A = 8));
        Probe.I(g.A);
        Probe.U((uint)TakeWide(3, ref g.B, gi, g.B = 18446744073709551615UL / ((ulong)gi | 1UL)));
        Probe.U((uint)(g.B >> 32));
        Probe.I(Take(ref gi, gi += 4));
        Probe.I(gi);

        Pair s = new Pair { A = 1, B = 2 };
        Probe.I(Take(ref s.A, s.A = s.A + 20));
        Probe.I(s.A);
        Probe.I(Three(ref s.A, s.A, s.A -= 2));
        Probe.I(s.A);
    }
}
