// default, new S(), object initializers new S { A = 1 }, partial initializers and nested ones.
namespace Corpus.StructInitializers;

public struct Cfg
{
    public int A;
    public uint B;
    public byte C;
    public long D;
}

public struct Wrap
{
    public Cfg Inner;
    public short Tag;
}

public static unsafe class Program
{
    static Cfg global;

    static void Show(Cfg c)
    {
        Probe.I(c.A);
        Probe.I(c.B);
        Probe.I(c.C);
        Probe.I(c.D);
    }

    public static void Run()
    {
        global = new Cfg { A = -1, D = long.MaxValue };
        Show(default);
        Show(new Cfg());
        Show(new Cfg { A = 1 });
        Show(new Cfg { B = 0xFFFFFFFFu, C = 0xFF, A = int.MinValue, D = -2 });
        Cfg c = new Cfg { A = 5 };
        c = new Cfg { C = 3 };
        Show(c);
        Show(global);
        Wrap w = new Wrap { Tag = -7, Inner = new Cfg { B = 42 } };
        Probe.I(w.Tag);
        Show(w.Inner);
        Cfg d = default(Cfg);
        Show(d);
        int seed = 9;
        Cfg e = new Cfg { A = seed * 2, B = (uint)seed, C = (byte)(seed + 250), D = seed - 10L };
        Show(e);
    }
}
