// goto case on enum and negative labels, from inside a loop in a section; two switches in one method.
namespace Corpus.SwitchGotoEnum;

public enum Phase : byte { Idle = 0, Command = 2, Data = 3, Status = 7 }

public static unsafe class Program
{
    static int Walk(Phase start, int limit)
    {
        int trace = 0, steps = 0;
        switch (start)
        {
            case Phase.Idle:
                trace = trace * 10 + 1;
                goto case Phase.Command;
            case Phase.Command:
                trace = trace * 10 + 2;
                for (int i = 0; i < 3; i++)
                {
                    if (++steps > limit) goto default;
                    if (i == 1) goto case Phase.Data;
                }
                break;
            case Phase.Data:
                trace = trace * 10 + 3;
                goto case Phase.Status;
            case Phase.Status:
                trace = trace * 10 + 7;
                break;
            default:
                trace = trace * 10 + 9;
                break;
        }
        switch (limit)
        {
            case -1:
                trace = -trace;
                goto case 0;
            case 0:
                trace += 1000;
                break;
            case 1:
                goto case -1;
        }
        return trace;
    }

    public static void Main2() { }

    public static void Run()
    {
        Probe.I(Walk(Phase.Idle, 5));
        Probe.I(Walk(Phase.Idle, 1));
        Probe.I(Walk(Phase.Data, 0));
        Probe.I(Walk((Phase)5, -1));
        Probe.I(Walk(Phase.Command, 1));
    }
}
