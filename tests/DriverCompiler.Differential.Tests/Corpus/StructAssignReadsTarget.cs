// A struct assignment whose initializer reads the target: C# builds the whole new value first, then
// stores it, so g = new S { A = g.B, B = g.A } swaps. Targets reached directly, through a static,
// a pointer, a call returning a pointer (called once, before the initializer) and an array element.
namespace Corpus.StructAssignReadsTarget;

public struct S { public int A; public int B; }

public static unsafe class Program
{
    static S g;
    static int calls;

    static S* Where(S* p)
    {
        calls++;
        Probe.I(100 + calls);
        return p;
    }

    static int Mark(int v)
    {
        Probe.I(200 + v);
        return v;
    }

    static void Show(S s) { Probe.I(s.A); Probe.I(s.B); }

    public static void Run()
    {
        g = new S { A = 5, B = 7 };
        g = new S { A = g.B, B = g.A };
        Show(g);
        g = new S { A = g.B + 10, B = g.A + 20 };
        Show(g);

        S s = new S { A = 1, B = 2 };
        s = new S { A = s.B + 10, B = s.A + 20 };
        Show(s);
        s = new S { B = s.A };
        Show(s);

        S* p = &s;
        *p = new S { A = p->B, B = p->A };
        Show(s);
        p[0] = new S { A = p[0].B * 2, B = s.A };
        Show(s);

        *Where(&s) = new S { A = s.B, B = Mark(s.A) };
        Show(s);
        Probe.I(calls);

        S* arr = stackalloc S[3];
        arr[1] = new S { A = 3, B = 4 };
        arr[1] = new S { A = arr[1].B, B = arr[1].A };
        Show(arr[1]);
        int i = 0;
        arr[++i] = new S { A = arr[i].B + i, B = arr[i].A };
        Probe.I(i);
        Show(arr[1]);
        Show(arr[2]);
    }
}
