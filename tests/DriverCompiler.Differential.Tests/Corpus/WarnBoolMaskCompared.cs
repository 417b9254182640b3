// A bool masked with a constant and compared with a constant it cannot equal (fuzz seed 400017:
// (false ^ true) != ((g4 < -1) & false)). C's TRUE != (x & FALSE) is GCC's "bitwise comparison always evaluates
// to true" (-Wtautological-compare) under -Werror. The lowering decides it as GCC does and keeps the operands'
// side effects.
namespace Corpus.WarnBoolMaskCompared;

public static unsafe class Program
{
    static short level = 5;
    static bool flag = true;
    static int calls;

    static bool Side()
    {
        calls++;
        return calls > 1;
    }

    public static void Run()
    {
        Probe.B((false ^ true) != ((level < -1) & false));
        Probe.B(((level > 0) & false) == true);
        Probe.B((Side() & false) != true);
        Probe.I(calls);
        Probe.B((flag | true) == false);
        Probe.B((Side() | true) != false);
        Probe.I(calls);
        bool t = level != 3;
        Probe.B((t & true) == true);
        Probe.B((t ^ flag) == false);
    }
}
