// && and || evaluate their right side only when needed; & and | on bools always evaluate both.
namespace Corpus.BoolShortCircuit;

public static unsafe class Program
{
    static int calls;

    static bool Mark(bool v, int id)
    {
        calls = calls * 10 + id;
        return v;
    }

    public static void Run()
    {
        calls = 0; Probe.B(Mark(false, 1) && Mark(true, 2)); Probe.I(calls);
        calls = 0; Probe.B(Mark(true, 1) && Mark(true, 2)); Probe.I(calls);
        calls = 0; Probe.B(Mark(true, 1) || Mark(false, 2)); Probe.I(calls);
        calls = 0; Probe.B(Mark(false, 1) || Mark(false, 2)); Probe.I(calls);
        calls = 0; Probe.B(Mark(false, 1) & Mark(true, 2)); Probe.I(calls);
        calls = 0; Probe.B(Mark(true, 1) | Mark(false, 2)); Probe.I(calls);
        calls = 0; Probe.B(Mark(true, 1) ^ Mark(true, 2)); Probe.I(calls);
        calls = 0; Probe.B(Mark(false, 1) || Mark(true, 2) && Mark(false, 3)); Probe.I(calls);
        calls = 0; Probe.B((Mark(true, 1) || Mark(true, 2)) && Mark(false, 3)); Probe.I(calls);
        int i = 0;
        int* p = &i;
        bool ok = p != null && *p == 0;
        Probe.B(ok);
        int n = 0;
        if (n != 0 && 10 / n > 1) Probe.Str("unreachable");
        else Probe.Str("guarded division skipped");
        int k = 0;
        while (k < 10 && (k * k) < 50) k++;
        Probe.I(k);
    }
}
