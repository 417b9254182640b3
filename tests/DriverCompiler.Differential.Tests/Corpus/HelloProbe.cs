namespace Corpus.HelloProbe;

public static unsafe class Program
{
    public static void Run()
    {
        Probe.Str("hello");
        Probe.I(-1);
        Probe.I(long.MinValue);
        Probe.U(ulong.MaxValue);
        Probe.B(true);
        Probe.B(false);
    }
}
