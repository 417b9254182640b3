// static readonly scalars and constants mixed with mutable statics.
namespace Corpus.StaticReadonlyScalars;

public static unsafe class Program
{
    static readonly int Limit = 12;
    static readonly uint Magic = 0xFEEDFACEu;
    static readonly long Offset = -1L << 40;
    static readonly bool Verbose = false;
    static int runs;

    public static void Run()
    {
        for (int i = 0; i < Limit; i++) runs += i;
        Probe.I(runs);
        Probe.I(Magic);
        Probe.I(Offset);
        Probe.B(Verbose);
        if (!Verbose) Probe.Str("quiet");
        Probe.I(Magic >> 16);
    }
}
