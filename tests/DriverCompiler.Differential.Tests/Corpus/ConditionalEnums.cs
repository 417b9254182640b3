// ?: producing enums, pointers and structs; comparisons of enum results.
namespace Corpus.ConditionalEnums;

public enum Dir : byte { In = 1, Out = 2, None = 0 }
public struct Req { public Dir D; public uint Len; }

public static unsafe class Program
{
    static Dir Pick(int v) => v > 0 ? Dir.Out : v < 0 ? Dir.In : Dir.None;

    public static void Run()
    {
        for (int v = -1; v <= 1; v++) Probe.I((byte)Pick(v));
        Req a = new Req { D = Dir.In, Len = 512 };
        Req b = new Req { D = Dir.Out, Len = 0xFFFFFFFFu };
        bool big = true;
        Req c = big ? b : a;
        Probe.I((byte)c.D);
        Probe.I(c.Len);
        Req* p = big ? &a : &b;
        p->Len += 1;
        Probe.I(a.Len);
        Probe.B(Pick(5) == Dir.Out && Pick(-5) != Dir.Out);
        Dir d = Pick(0);
        d = d == Dir.None ? Dir.In | Dir.Out : d;
        Probe.I((byte)d);
    }
}
