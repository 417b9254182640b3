// Field access on returned structs, structs in conditional expressions, and passing struct fields.
namespace Corpus.StructReturnFieldAccess;

public struct Pt { public int X; public int Y; }
public struct Seg { public Pt A; public Pt B; }

public static unsafe class Program
{
    static Pt P(int x, int y) => new Pt { X = x, Y = y };
    static Seg S(Pt a, Pt b) => new Seg { A = a, B = b };
    static int Len2(Seg s) { int dx = s.B.X - s.A.X, dy = s.B.Y - s.A.Y; return dx * dx + dy * dy; }

    public static void Run()
    {
        Probe.I(P(3, 4).Y);
        Probe.I(S(P(0, 0), P(3, 4)).B.X);
        Probe.I(Len2(S(P(-1, -1), P(2, 3))));
        bool flip = true;
        Pt c = flip ? P(1, 2) : P(3, 4);
        Probe.I(c.X * 10 + c.Y);
        Seg s = S(P(1, 1), P(5, 5));
        Probe.I(Len2(S(s.B, s.A)));
        Pt* pp = &s.A;
        *pp = P(100, 200);
        Probe.I(s.A.X + s.A.Y);
    }
}
