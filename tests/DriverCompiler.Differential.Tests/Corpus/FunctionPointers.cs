// C# function pointers to static methods: delegate* managed and unmanaged, as locals, params and fields.
namespace Corpus.FunctionPointers;

public static unsafe class Program
{
    static int Twice(int v) => v * 2;
    static int Negate(int v) => -v;
    static long Add(long a, long b) => a + b;
    static void Report(uint v) { Probe.I(v); }
    static ulong Mix(ulong a, byte s) => (a << s) | (a >> (64 - s));

    static delegate*<int, int> chosen;

    static int Apply(delegate*<int, int> f, int v, int times)
    {
        for (int i = 0; i < times; i++) v = f(v);
        return v;
    }

    static delegate*<int, int> Pick(bool twice) => twice ? &Twice : &Negate;

    public static void Run()
    {
        delegate*<int, int> f = &Twice;
        Probe.I(f(21));
        Probe.I(Apply(&Twice, 1, 30));
        Probe.I(Apply(&Negate, 5, 3));
        Probe.I(Pick(false)(int.MinValue));
        chosen = Pick(true);
        Probe.I(chosen(-8));
        delegate*<long, long, long> add = &Add;
        Probe.I(add(long.MaxValue, 1));
        delegate*<uint, void> report = &Report;
        report(0xFFFFFFFFu);
        delegate* unmanaged<int, int> none = null;
        Probe.B(none == null);
        delegate*<ulong, byte, ulong> mix = &Mix;
        Probe.U(mix(0x8000000000000001ul, 4));
        Probe.B(f != null);
    }
}
