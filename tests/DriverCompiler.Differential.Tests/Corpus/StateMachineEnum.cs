// A device state machine driven by events, with an enum state, switch transitions and a trace.
namespace Corpus.StateMachineEnum;

public enum State : byte { Off, Reset, Probing, Ready, Busy, Failed }
public enum Ev : byte { Power, Ack, Timeout, Submit, Done, Error }

public static unsafe class Program
{
    static State Step(State s, Ev e)
    {
        switch (s)
        {
            case State.Off: return e == Ev.Power ? State.Reset : s;
            case State.Reset:
                switch (e) { case Ev.Ack: return State.Probing; case Ev.Timeout: return State.Failed; default: return s; }
            case State.Probing: return e == Ev.Ack ? State.Ready : e == Ev.Timeout ? State.Failed : s;
            case State.Ready: return e == Ev.Submit ? State.Busy : s;
            case State.Busy:
                if (e == Ev.Done) return State.Ready;
                if (e == Ev.Error) return State.Failed;
                return s;
            default: return s;
        }
    }

    public static void Run()
    {
        Ev* events = stackalloc Ev[] { Ev.Ack, Ev.Power, Ev.Ack, Ev.Submit, Ev.Ack, Ev.Submit, Ev.Done, Ev.Submit, Ev.Error, Ev.Power };
        State s = State.Off;
        for (int i = 0; i < 10; i++)
        {
            s = Step(s, events[i]);
            Probe.I((int)s);
        }
        s = State.Reset;
        s = Step(s, Ev.Timeout);
        Probe.I((byte)s);
    }
}
