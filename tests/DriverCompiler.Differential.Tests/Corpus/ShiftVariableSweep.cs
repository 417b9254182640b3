// A sweep of variable shift counts from -70 to 70 folded into checksums, for every 32/64-bit kind.
namespace Corpus.ShiftVariableSweep;

public static unsafe class Program
{
    public static void Run()
    {
        int si = 0; uint ui = 0; long sl = 0; ulong ul = 0;
        for (int n = -70; n <= 70; n++)
        {
            si = si * 31 + ((-123456789 << n) ^ (-123456789 >> n));
            ui = ui * 31 + ((0xDEADBEEFu << n) ^ (0xDEADBEEFu >> n));
            sl = sl * 31 + ((-1234567890123456789L << n) ^ (-1234567890123456789L >> n));
            ul = ul * 31 + ((0xDEADBEEFCAFEBABEul << n) ^ (0xDEADBEEFCAFEBABEul >> n));
        }
        Probe.I(si);
        Probe.I(ui);
        Probe.I(sl);
        Probe.U(ul);
    }
}
