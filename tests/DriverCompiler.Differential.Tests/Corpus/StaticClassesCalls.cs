// Several static classes calling each other, with statics and consts of the same names in each.
namespace Corpus.StaticClassesCalls;

public static class Hw
{
    public const int Base = 0x100;
    public static int count;
    public static int Read(int reg) { count++; return Base + reg; }
}

public static class Sw
{
    public const int Base = 0x200;
    public static int count;
    public static int Read(int reg) { count++; return Base + Hw.Read(reg) * 2; }
}

public static unsafe class Program
{
    static int count = 100;

    public static void Run()
    {
        Probe.I(Hw.Read(1));
        Probe.I(Sw.Read(2));
        Probe.I(Sw.Read(3));
        Probe.I(Hw.count);
        Probe.I(Sw.count);
        Probe.I(count);
        count += Hw.count * Sw.count;
        Probe.I(count);
        Probe.I(Hw.Base + Sw.Base);
    }
}
