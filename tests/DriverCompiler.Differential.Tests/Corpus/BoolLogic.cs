// bool & | ^ ! == != over every input pair, and bools stored, passed and returned.
namespace Corpus.BoolLogic;

public static unsafe class Program
{
    static bool Not(bool v) => !v;

    static void Table(bool a, bool b)
    {
        Probe.B(a & b);
        Probe.B(a | b);
        Probe.B(a ^ b);
        Probe.B(a && b);
        Probe.B(a || b);
        Probe.B(a == b);
        Probe.B(a != b);
        Probe.B(!a);
        Probe.B(Not(b));
        bool c = a;
        c &= b; Probe.B(c);
        c = a; c |= b; Probe.B(c);
        c = a; c ^= b; Probe.B(c);
    }

    public static void Run()
    {
        Table(false, false);
        Table(false, true);
        Table(true, false);
        Table(true, true);
        bool t = 3 > 2;
        bool f = t == false;
        Probe.B(t);
        Probe.B(f);
        Probe.I(t ? 1 : 0);
    }
}
