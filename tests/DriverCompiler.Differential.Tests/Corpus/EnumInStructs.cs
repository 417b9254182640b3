// Enum-typed struct fields and statics, their sizes and default values.
namespace Corpus.EnumInStructs;

public enum Kind : byte { A = 1, B = 2 }
public enum Wide : uint { X = 0xAABBCCDDu }

public struct Tagged
{
    public Kind K;
    public Wide W;
    public Kind K2;
}

public static unsafe class Program
{
    static Tagged saved;
    static Kind lastKind = Kind.B;

    public static void Run()
    {
        Tagged t = default;
        Probe.I((byte)t.K);
        Probe.I((uint)t.W);
        t.K = Kind.A;
        t.W = Wide.X;
        t.K2 = (Kind)7;
        saved = t;
        Probe.I((byte)saved.K);
        Probe.I((uint)saved.W);
        Probe.I((byte)saved.K2);
        Probe.I(sizeof(Tagged));
        Probe.I((byte)lastKind);
        lastKind = saved.K;
        Probe.I((byte)lastKind);
    }
}
