// switch on int: constant cases, several labels per section, default first and last, return and break.
namespace Corpus.SwitchIntegers;

public static unsafe class Program
{
    static int Map(int v)
    {
        switch (v)
        {
            case 0:
                return 100;
            case 1:
            case 2:
            case 3:
                return 200 + v;
            case -1:
            case int.MinValue:
                return -100;
            case int.MaxValue:
                return 999;
            default:
                return v * 2;
        }
    }

    static int DefaultFirst(uint v)
    {
        int r = 0;
        switch (v)
        {
            default:
                r = 1;
                break;
            case 0xFFFFFFFFu:
                r = 2;
                break;
            case 0x80000000u:
                r = 3;
                break;
        }
        return r;
    }

    public static void Run()
    {
        for (int i = -2; i <= 5; i++) Probe.I(Map(i));
        Probe.I(Map(int.MinValue));
        Probe.I(Map(int.MaxValue));
        Probe.I(DefaultFirst(0));
        Probe.I(DefaultFirst(uint.MaxValue));
        Probe.I(DefaultFirst(0x80000000u));
        int x = 7;
        switch (x) { }
        switch (x)
        {
            case 7:
                {
                    int local = x * 3;
                    Probe.I(local);
                    break;
                }
        }
    }
}
