// Locals declared mid-block, in loop bodies (re-initialized each iteration), in sibling blocks with the
// same name and different types, and in switch sections: C89 hoisting must keep every meaning.
namespace Corpus.LocalsHoisting;

public static unsafe class Program
{
    public static void Run()
    {
        int a = 1;
        Probe.I(a);
        int b = a + 1;
        Probe.I(b);
        for (int i = 0; i < 3; i++)
        {
            int acc = 0;
            acc += i * 10;
            Probe.I(acc);
            int late;
            late = acc + 1;
            Probe.I(late);
        }
        {
            long v = -5000000000L;
            Probe.I(v);
        }
        {
            byte v = 255;
            v++;
            Probe.I(v);
        }
        for (int i = 0; i < 2; i++) { ulong v = ulong.MaxValue - (ulong)i; Probe.U(v); }
        for (int i = 5; i < 7; i++) { short v = (short)(i * 10000); Probe.I(v); }
        int sel = 2;
        switch (sel)
        {
            case 1:
                int inCase = 10;
                Probe.I(inCase);
                break;
            case 2:
                inCase = 20;
                Probe.I(inCase);
                break;
        }
        int k = 0;
        while (k < 2)
        {
            int fresh = 7;
            fresh += k;
            Probe.I(fresh);
            k++;
        }
        int after = a + b + k;
        Probe.I(after);
    }
}
