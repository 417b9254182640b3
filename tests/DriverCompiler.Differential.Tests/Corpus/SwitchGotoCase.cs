// goto case and goto default inside a switch: a small state machine.
namespace Corpus.SwitchGotoCase;

public static unsafe class Program
{
    static int Walk(int start)
    {
        int trace = 0;
        switch (start)
        {
            case 1:
                trace = trace * 10 + 1;
                goto case 3;
            case 2:
                trace = trace * 10 + 2;
                goto default;
            case 3:
                trace = trace * 10 + 3;
                break;
            default:
                trace = trace * 10 + 9;
                goto case 3;
        }
        return trace;
    }

    public static void Run()
    {
        for (int i = 0; i <= 4; i++) Probe.I(Walk(i));
    }
}
