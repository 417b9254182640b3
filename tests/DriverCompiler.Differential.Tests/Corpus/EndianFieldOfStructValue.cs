// An endian field read straight off a struct value built in the expression (found by the fuzzer): the
// C is DRV_LE16_TO_CPU((struct s){ .a = x, .b = y }.b), and the preprocessor splits a macro argument
// at every comma outside parentheses (braces do not group), so the argument needs its own parentheses.
using DriverCompiler.Dsl;

namespace Corpus.EndianFieldOfStructValue;

public struct Pair
{
    public Le16 Lo;
    public Be32 Hi;
    public ushort Plain;
}

public static unsafe class Program
{
    static ushort Twice(ushort v) => (ushort)(v * 2);

    public static void Run()
    {
        ushort x = 0x1234;
        uint y = 0xA1B2C3D4u;
        Probe.I((ushort)new Pair { Lo = x, Hi = y, Plain = 7 }.Lo);
        Probe.I((uint)new Pair { Lo = x, Hi = y, Plain = 7 }.Hi);
        Probe.I(Twice((ushort)new Pair { Lo = (ushort)(x + 1), Hi = y }.Lo));
        Probe.I(new Pair { Lo = x, Plain = 9 }.Plain);
    }
}
