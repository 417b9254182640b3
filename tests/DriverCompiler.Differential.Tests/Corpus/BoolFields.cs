// bool fields, locals, parameters and pointers to bool (never sizeof: the dialects may store bool wider).
namespace Corpus.BoolFields;

public struct Flags
{
    public bool Ready;
    public int Count;
    public bool Error;
}

public static unsafe class Program
{
    static Flags state;
    static bool Toggle(bool* b) { *b = !*b; return *b; }

    public static void Run()
    {
        Probe.B(state.Ready);
        state.Ready = true;
        state.Count = 3;
        Probe.B(state.Ready && state.Count > 2);
        Flags local = state;
        bool r = Toggle(&local.Error);
        Probe.B(r);
        Probe.B(local.Error);
        Probe.B(state.Error);
        bool x = local.Count == 3;
        x &= local.Ready;
        Probe.B(x);
        int asInt = x ? 1 : 0;
        Probe.I(asInt);
        bool cmp = (local.Count & 1) != 0;
        Probe.B(cmp == x);
        Probe.B(!cmp != !x);
    }
}
