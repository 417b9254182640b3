// A unit task's timer: its own timer.device request (UNIT_MICROHZ) on a port of the unit task, for the commands
// whose wait must be bounded (the timer.device autodoc: TR_ADDREQUEST replies after the request's time; one request
// per waiting task, opened and closed by the task that waits on its port's signal).
using AmigaOS;

namespace AmigaDevice;

public static unsafe class UnitTimer
{
    /// <summary>Opens <paramref name="u"/>'s timer request on the calling task (the unit task, at its start): a port of
    /// its own, a struct TimeRequest, OpenDevice("timer.device", UNIT_MICROHZ). Where that fails (never on AmigaOS,
    /// whose timer.device is resident) the unit has no timer and <see cref="Start"/> says so.</summary>
    public static void Open(ExecUnit* u)
    {
        u->Timer = null;
        u->TimerMask = 0;
        u->TimerRunning = false;
        MsgPort* port = (MsgPort*)Exec.AllocSysObjectTags(Exec.ASOT_PORT, Exec.TAG_DONE);
        if (port == null)
            return;
        TimeRequest* tr = (TimeRequest*)Exec.AllocSysObjectTags(Exec.ASOT_IOREQUEST, Exec.ASOIOR_Size, (uint)sizeof(TimeRequest),
            Exec.ASOIOR_ReplyPort, (uint)port, Exec.TAG_DONE);
        if (tr == null)
        {
            Exec.FreeSysObject(Exec.ASOT_PORT, port);
            return;
        }
        if (Exec.OpenDevice("timer.device", Timer.UNIT_MICROHZ, &tr->Request, 0) != 0)
        {
            Exec.FreeSysObject(Exec.ASOT_IOREQUEST, tr);
            Exec.FreeSysObject(Exec.ASOT_PORT, port);
            return;
        }
        u->Timer = tr;
        u->TimerMask = 1u << port->mp_SigBit;
    }

    /// <summary>Closes what <see cref="Open"/> opened (on the same task), a running request taken back first.</summary>
    public static void Close(ExecUnit* u)
    {
        TimeRequest* tr = u->Timer;
        if (tr == null)
            return;
        Stop(u);
        MsgPort* port = tr->Request.io_Message.mn_ReplyPort;
        Exec.CloseDevice(&tr->Request);
        Exec.FreeSysObject(Exec.ASOT_IOREQUEST, tr);
        Exec.FreeSysObject(Exec.ASOT_PORT, port);
        u->Timer = null;
        u->TimerMask = 0;
    }

    /// <summary>Sends the timer request for <paramref name="seconds"/> from now (one still running is taken back
    /// first); its reply sets <see cref="ExecUnit.TimerMask"/>. False when the unit has no timer.</summary>
    public static bool Start(ExecUnit* u, uint seconds)
    {
        TimeRequest* tr = u->Timer;
        if (tr == null)
            return false;
        Stop(u);
        tr->Request.io_Command = Timer.TR_ADDREQUEST;
        tr->Time.Seconds = seconds;
        tr->Time.Microseconds = 0;
        Exec.SendIO(&tr->Request);
        u->TimerRunning = true;
        return true;
    }

    /// <summary>True when the running timer request has come back: its time has passed.</summary>
    public static bool Expired(ExecUnit* u) => u->TimerRunning && Exec.CheckIO(&u->Timer->Request) != null;

    /// <summary>Takes a running timer request back: AbortIO unless it came back already, then WaitIO.</summary>
    public static void Stop(ExecUnit* u)
    {
        if (!u->TimerRunning)
            return;
        if (Exec.CheckIO(&u->Timer->Request) == null)
            Exec.AbortIO(&u->Timer->Request);
        Exec.WaitIO(&u->Timer->Request);
        u->TimerRunning = false;
    }
}
