// Instance methods on structs that read and mutate this: on locals, statics, nested fields and through pointers.
namespace Corpus.StructInstanceMethods;

public struct Counter
{
    public int Value;
    public uint Wraps;

    public void Add(int n)
    {
        int before = Value;
        Value += n;
        if (n > 0 && Value < before) Wraps++;
    }

    public int Get() => Value;

    public bool IsNegative() { return Value < 0; }

    public void Reset() { this = default; }
}

public struct Pair
{
    public Counter Left;
    public Counter Right;

    public int Total() => Left.Get() + Right.Get();

    public void Bump()
    {
        Left.Add(1);
        Right.Add(2);
    }
}

public static unsafe class Program
{
    static Counter shared;

    public static void Run()
    {
        Counter c = default;
        c.Add(5);
        c.Add(int.MaxValue);
        Probe.I(c.Get());
        Probe.I(c.Wraps);
        Probe.B(c.IsNegative());
        Counter* p = &c;
        p->Add(10);
        Probe.I(p->Get());
        (*p).Add(1);
        Probe.I(c.Value);
        p->Reset();
        Probe.I(c.Value);
        Probe.I(c.Wraps);
        Pair pr = default;
        pr.Bump();
        pr.Bump();
        pr.Left.Add(100);
        Probe.I(pr.Total());
        Pair* pp = &pr;
        pp->Right.Add(-1000);
        pp->Bump();
        Probe.I(pp->Total());
        shared.Add(3);
        shared.Add(4);
        Probe.I(shared.Get());
        Counter copy = shared;
        copy.Add(1);
        Probe.I(shared.Get());
        Probe.I(copy.Get());
    }
}
