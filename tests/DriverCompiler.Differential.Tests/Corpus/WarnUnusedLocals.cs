// Locals C# never reads: declared only for the initializer's side effects, only assigned, only
// incremented, a struct only written field by field, a stackalloc buffer never used. C# compiles them
// silently (no CS0168/CS0219 for a non-constant initializer); GCC's -Wunused-variable and
// -Wunused-but-set-variable reject the emitted C under -Werror. Found by the fuzzer (issue 15).
namespace Corpus.WarnUnusedLocals;

public struct P { public int A; public int B; }

public static unsafe class Program
{
    static int calls;
    static int Next() => ++calls * 10;

    static int OnlyAssigned(int v)
    {
        int x = v;
        x = v + 1;
        x += 2;
        x++;
        return v * 2;
    }

    public static void Run()
    {
        int a = Next();
        long b = Next() + 1L;
        P p = new P { A = Next(), B = 2 };
        p.B = 5;
        byte* buf = stackalloc byte[4];
        for (int i = 0; i < 3; i++)
        {
            uint u = (uint)Next();
        }
        Probe.I(OnlyAssigned(7));
        Probe.I(calls);
    }
}
