// C# evaluates operands and arguments left to right; C leaves it unspecified, so the lowering must fix it.
namespace Corpus.EvaluationOrder;

public static unsafe class Program
{
    static int trace;
    static int Next(int id) { trace = trace * 10 + id; return id; }
    static int Three(int a, int b, int c) => a * 100 + b * 10 + c;

    public static void Run()
    {
        trace = 0;
        int r = Three(Next(1), Next(2), Next(3));
        Probe.I(r); Probe.I(trace);
        trace = 0;
        int s = Next(4) - Next(5) * Next(6);
        Probe.I(s); Probe.I(trace);
        int a = 1;
        int t = Three(a++, a++, a++);
        Probe.I(t); Probe.I(a);
        int i = 0;
        int* buf = stackalloc int[4];
        buf[i++] = i;
        buf[i++] = i * 10;
        Probe.I(buf[0]); Probe.I(buf[1]); Probe.I(i);
        int x = 5;
        int y = x++ * 10 + x;
        Probe.I(y);
        trace = 0;
        bool b = Next(1) < Next(2) == (Next(3) > Next(4));
        Probe.B(b); Probe.I(trace);
    }
}
