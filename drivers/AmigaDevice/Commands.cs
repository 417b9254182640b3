// BeginIO and AbortIO of a trackdisk-like exec device (devices/trackdisk.h, devices/newstyle.h): the
// commands every unit answers at once, the reads and writes queued to the unit task, the held
// TD_ADDCHANGEINT and TD_REMOVE requests and the media change they announce.
using AmigaOS;

namespace AmigaDevice;

public static unsafe class Commands
{
    /// <summary>
    /// BeginIO for the unit io_Unit points at. Reads, writes (all TD_, ETD_ and 64-bit forms), CMD_UPDATE
    /// and HD_SCSICMD go to the unit's task (IOERR_OPENFAIL when it has none); TD_ADDCHANGEINT is held;
    /// TD_REMCHANGEINT, CMD_FLUSH, CMD_START/STOP, the motor, seek and clear commands, TD_CHANGENUM,
    /// TD_CHANGESTATE, TD_PROTSTATUS, TD_GETDRIVETYPE and NSCMD_DEVICEQUERY are answered at once, unless the
    /// driver's <see cref="UnitOps.Route"/> (asked first for every command but the transfers) takes them; any
    /// other command is IOERR_NOCMD. A request answered at once is replied unless
    /// IOF_QUICK; a queued or held one is always replied (IOF_QUICK cleared). No unit: IOERR_OPENFAIL.
    /// </summary>
    public static void BeginIO(ExecUnit* u, IOStdReq* io)
    {
        io->io_Error = 0;
        byte route = Route.Answered;
        if (u == null)
            io->io_Error = Exec.IOERR_OPENFAIL;
        else
            route = Answer(u, io);
        if (route == Route.Queue)
        {
            if (u->Port == null)
                io->io_Error = Exec.IOERR_OPENFAIL;
            else
            {
                io->io_Flags = (byte)(io->io_Flags & ~Exec.IOF_QUICK);
                Exec.PutMsg(u->Port, &io->io_Message);
                return;
            }
        }
        else if (route == Route.Held)
        {
            io->io_Flags = (byte)(io->io_Flags & ~Exec.IOF_QUICK);
            return;
        }
        else if (route == Route.Unknown)
            io->io_Error = Exec.IOERR_NOCMD;
        if ((io->io_Flags & Exec.IOF_QUICK) == 0)
            Exec.ReplyMsg(&io->io_Message);
    }

    /// <summary>Where a command goes (<see cref="Route"/>): reads and writes to the task; then the driver's
    /// <see cref="UnitOps.Route"/>, which may take any other command; then the commands every unit knows.</summary>
    private static byte Answer(ExecUnit* u, IOStdReq* io)
    {
        if (IsTransfer(io->io_Command))
            return Route.Queue;
        byte route = u->Ops->Route(u, io);
        return route != Route.Unknown ? route : AnswerCommon(u, io);
    }

    /// <summary>True for the commands that move data: reads and writes in all their forms, CMD_UPDATE, HD_SCSICMD.</summary>
    public static bool IsTransfer(ushort command)
    {
        switch (command)
        {
            case Exec.CMD_READ:
            case Exec.CMD_WRITE:
            case Exec.CMD_UPDATE:
            case TrackDisk.TD_FORMAT:
            case TrackDisk.ETD_READ:
            case TrackDisk.ETD_WRITE:
            case TrackDisk.ETD_FORMAT:
            case TrackDisk.ETD_UPDATE:
            case TrackDisk.TD_READ64:
            case TrackDisk.TD_WRITE64:
            case TrackDisk.TD_FORMAT64:
            case TrackDisk.NSCMD_TD_READ64:
            case TrackDisk.NSCMD_TD_WRITE64:
            case TrackDisk.NSCMD_TD_FORMAT64:
            case TrackDisk.NSCMD_ETD_READ64:
            case TrackDisk.NSCMD_ETD_WRITE64:
            case TrackDisk.NSCMD_ETD_FORMAT64:
            case TrackDisk.HD_SCSICMD:
                return true;
            default:
                return false;
        }
    }

    /// <summary>The commands every unit answers at once (or holds); IOERR_NOCMD's <see cref="Route.Unknown"/> for the rest.</summary>
    private static byte AnswerCommon(ExecUnit* u, IOStdReq* io)
    {
        switch (io->io_Command)
        {
            case TrackDisk.TD_ADDCHANGEINT:
                Hold(u, io);
                return Route.Held;
            case TrackDisk.TD_REMCHANGEINT:
                RemoveChangeInt(u, io);
                return Route.Answered;
            case Exec.CMD_FLUSH:
                AbortQueued(u, null);
                return Route.Answered;
            case Exec.CMD_START:
            case Exec.CMD_STOP:
            case TrackDisk.TD_MOTOR:
            case TrackDisk.ETD_MOTOR:
                // The motor's previous state: a disk that never stops is always on.
                io->io_Actual = 1;
                return Route.Answered;
            case Exec.CMD_CLEAR:
            case TrackDisk.ETD_CLEAR:
            case TrackDisk.TD_SEEK:
            case TrackDisk.ETD_SEEK:
            case TrackDisk.TD_SEEK64:
            case TrackDisk.NSCMD_TD_SEEK64:
            case TrackDisk.NSCMD_ETD_SEEK64:
                return Route.Answered;
            case TrackDisk.TD_CHANGENUM:
                io->io_Actual = u->ChangeCount;
                return Route.Answered;
            case TrackDisk.TD_CHANGESTATE:
                // 0: a medium is in the drive.
                io->io_Actual = u->MediumAbsent ? 1u : 0u;
                return Route.Answered;
            case TrackDisk.TD_PROTSTATUS:
                io->io_Actual = u->WriteProtected ? 1u : 0u;
                return Route.Answered;
            case TrackDisk.TD_GETDRIVETYPE:
                io->io_Actual = TrackDisk.DRIVE3_5;
                return Route.Answered;
            case TrackDisk.NSCMD_DEVICEQUERY:
                io->io_Error = DeviceQuery.Answer(io, u->Ops->Supported);
                return Route.Answered;
            default:
                return Route.Unknown;
        }
    }

    /// <summary>Keeps a TD_ADDCHANGEINT or TD_REMOVE request (io_Data: the struct Interrupt to Cause on a media change)
    /// until TD_REMCHANGEINT, AbortIO or the last close; a second one replaces the first, which is replied IOERR_ABORTED.</summary>
    public static void Hold(ExecUnit* u, IOStdReq* io)
    {
        IOStdReq* old;
        if (io->io_Command == TrackDisk.TD_REMOVE)
        {
            old = u->RemoveReq;
            u->RemoveReq = io;
        }
        else
        {
            old = u->ChangeInt;
            u->ChangeInt = io;
        }
        if (old != null)
        {
            old->io_Error = Exec.IOERR_ABORTED;
            Exec.ReplyMsg(&old->io_Message);
        }
    }

    /// <summary>TD_REMCHANGEINT: normally the very request TD_ADDCHANGEINT held (trackdisk autodoc), which is then
    /// replied once as this command; another request naming the same interrupt also releases the held one.</summary>
    private static void RemoveChangeInt(ExecUnit* u, IOStdReq* io)
    {
        IOStdReq* held = u->ChangeInt;
        if (held == null)
            return;
        if (held == io)
        {
            u->ChangeInt = null;
            return;
        }
        if (held->io_Data == io->io_Data)
        {
            u->ChangeInt = null;
            held->io_Error = 0;
            Exec.ReplyMsg(&held->io_Message);
        }
    }

    /// <summary>Replies the held TD_ADDCHANGEINT and TD_REMOVE requests with <paramref name="error"/> (the last close).</summary>
    public static void ReplyHeld(ExecUnit* u, sbyte error)
    {
        if (u->ChangeInt != null)
        {
            u->ChangeInt->io_Error = error;
            Exec.ReplyMsg(&u->ChangeInt->io_Message);
            u->ChangeInt = null;
        }
        if (u->RemoveReq != null)
        {
            u->RemoveReq->io_Error = error;
            Exec.ReplyMsg(&u->RemoveReq->io_Message);
            u->RemoveReq = null;
        }
    }

    /// <summary>A media change (a medium inserted or removed, a disk's capacity changed): TD_CHANGENUM counts it and
    /// the interrupts of the held TD_ADDCHANGEINT and TD_REMOVE requests are caused (their requests stay held).</summary>
    public static void MediaChanged(ExecUnit* u)
    {
        u->ChangeCount++;
        IOStdReq* held = u->ChangeInt;
        if (held != null && held->io_Data != null)
            Exec.Cause((Interrupt*)held->io_Data);
        held = u->RemoveReq;
        if (held != null && held->io_Data != null)
            Exec.Cause((Interrupt*)held->io_Data);
    }

    /// <summary>Replies IOERR_ABORTED to <paramref name="only"/> if it is still queued (null: to every queued request).
    /// Returns true when something was aborted.</summary>
    public static bool AbortQueued(ExecUnit* u, IOStdReq* only)
    {
        if (u->PortLock == null || u->Port == null)
            return false;
        bool found = false;
        Exec.MutexObtain(u->PortLock);
        Node* n = u->Port->mp_MsgList.lh_Head;
        while (n->ln_Succ != null)
        {
            Node* next = n->ln_Succ;
            IOStdReq* io = (IOStdReq*)n;
            if (only == null || io == only)
            {
                Exec.Remove(n);
                io->io_Error = Exec.IOERR_ABORTED;
                io->io_Actual = 0;
                Exec.ReplyMsg(&io->io_Message);
                found = true;
            }
            n = next;
        }
        Exec.MutexRelease(u->PortLock);
        return found;
    }

    /// <summary>
    /// AbortIO: a request still waiting in the unit's queue, or a held TD_ADDCHANGEINT / TD_REMOVE, is replied
    /// IOERR_ABORTED and 0 returned. One the device already holds cannot be recalled (it completes normally):
    /// IOERR_NOCMD is returned, as for a request of no unit.
    /// </summary>
    public static int AbortIO(IORequest* request)
    {
        ExecUnit* u = (ExecUnit*)request->io_Unit;
        if (u == null)
            return Exec.IOERR_NOCMD;
        IOStdReq* io = (IOStdReq*)request;
        if (u->ChangeInt == io || u->RemoveReq == io)
        {
            if (u->ChangeInt == io)
                u->ChangeInt = null;
            else
                u->RemoveReq = null;
            io->io_Error = Exec.IOERR_ABORTED;
            Exec.ReplyMsg(&io->io_Message);
            return 0;
        }
        return AbortQueued(u, io) ? 0 : Exec.IOERR_NOCMD;
    }
}
