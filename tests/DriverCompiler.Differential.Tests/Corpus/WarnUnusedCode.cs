// Private methods nothing calls (and one only such a method calls) are not emitted; one reached only
// through a function pointer in a static field or a local stays. A parameter only assigned, never read.
namespace Corpus.WarnUnusedCode;

public struct P { public int A; public int B; }

public static unsafe class Program
{
    static int Unused(int x) => Helper(x) + 1;
    static int Helper(int x) => x * 3;
    static int ViaPointer(int x) => x - 7;
    static int ViaTable(int x) => x + 100;
    static int Recursive(int n) => n <= 0 ? 0 : Recursive(n - 1) + n;
    static delegate*<int, int> chosen;

    static int SetParam(int p) { p = 5; return 1; }
    static int SetParamTwice(int p, int q) { p = q; p += 2; p++; return q; }
    static void SetStruct(P s, int v) { s.A = v; s.B = v + 1; }

    public static void Run()
    {
        delegate*<int, int> f = &ViaPointer;
        Probe.I(f(10));
        chosen = &ViaTable;
        Probe.I(chosen(1));
        Probe.I(Recursive(4));
        Probe.I(SetParam(3));
        Probe.I(SetParamTwice(3, 4));
        P s = new P { A = 1, B = 2 };
        SetStruct(s, 9);
        Probe.I(s.A);
    }
}
