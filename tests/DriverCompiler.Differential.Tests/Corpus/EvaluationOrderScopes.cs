// C# order where C would reorder inside conditions, loops, && / ||, ?: branches, else-if, compound
// assignments whose value changes the target, struct initializers and out arguments.
namespace Corpus.EvaluationOrderScopes;

public struct Cfg { public int A; public int B; public int C; }

public static unsafe class Program
{
    static int trace;
    static int total;
    static int Next(int id) { trace = trace * 10 + id; return id; }
    static int Bump() { total += 100; return 1; }
    static bool Pair(int a, int b, out int sum) { sum = a * 10 + b; return a < b; }

    public static void Run()
    {
        int a = 0;
        // loop condition evaluated every time, with its temporaries in place
        int rounds = 0;
        while (Pair(a++, a++, out int s) && rounds < 5) { rounds++; Probe.I(s); }
        Probe.I(a); Probe.I(rounds);
        // right of && only when the left holds
        int b = 1;
        bool t = b > 5 && Pair(b++, b++, out int u1);
        Probe.B(t); Probe.I(b);
        t = b < 5 && Pair(b++, b++, out int u2);
        Probe.B(t); Probe.I(b);
        // ?: branches
        int c = 2;
        int v = c > 1 ? (c++) * 10 + c : (c--) * 10 + c;
        Probe.I(v); Probe.I(c);
        v = c < 1 ? (c++) * 10 + c : (c--) * 10 + c;
        Probe.I(v); Probe.I(c);
        // else-if condition evaluated only after the first failed
        trace = 0;
        if (Next(1) > Next(2)) Probe.I(-1);
        else if (Next(3) - Next(4) < 0) Probe.I(trace);
        // for step and condition
        trace = 0;
        int k = 0;
        for (int i = 0; i < Next(3); i += Next(1) + (k++ * 0)) { }
        Probe.I(trace); Probe.I(k);
        // the value of a compound assignment changes its own target
        total = 5;
        total += Bump();
        Probe.I(total);
        int x = 3;
        x *= x++ + x;
        Probe.I(x);
        // struct initializers in source order
        trace = 0;
        Cfg cfg = new Cfg { C = Next(3), A = Next(1), B = Next(2) };
        Probe.I(cfg.A * 100 + cfg.B * 10 + cfg.C); Probe.I(trace);
        trace = 0;
        Probe.I(Sum(new Cfg { B = Next(5), A = Next(4) }, Next(6)));
        Probe.I(trace);
        // arguments that are themselves assignments
        int y = 1;
        Probe.I(Three(y = 5, y, y += 2));
        Probe.I(y);
    }

    static int Sum(Cfg c, int d) => c.A * 100 + c.B * 10 + d;
    static int Three(int p, int q, int r) => p * 100 + q * 10 + r;
}
