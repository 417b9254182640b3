// A unit's life: its exec unit set up and freed, Open and Close, and the task that carries out the
// requests BeginIO queued (one task per open unit, as trackdisk.device and scsi.device have).
using AmigaOS;

namespace AmigaDevice;

public static unsafe class UnitTask
{
    /// <summary>The unit task's priority and stack (bytes).</summary>
    public const int Priority = 5;
    public const uint StackSize = 16384;

    /// <summary>
    /// Makes a cleared unit usable: its open lock and exec's unit port (exec and file systems expect an
    /// initialised one: a zero ln_Type reads as corrupt). False when the lock cannot be allocated.
    /// </summary>
    public static bool Init(ExecUnit* u, UnitOps* ops)
    {
        u->Ops = ops;
        u->OpenLock = Exec.AllocSysObjectTags(Exec.ASOT_MUTEX, Exec.TAG_DONE);
        if (u->OpenLock == null)
            return false;
        u->Unit.unit_MsgPort.mp_Node.ln_Type = Exec.NT_MSGPORT;
        u->Unit.unit_MsgPort.mp_Flags = Exec.PA_IGNORE;
        Exec.NewList(&u->Unit.unit_MsgPort.mp_MsgList);
        u->Unit.unit_flags = Exec.UNITF_ACTIVE;
        return true;
    }

    /// <summary>Frees what <see cref="Init"/> allocated (the unit is not open).</summary>
    public static void Free(ExecUnit* u)
    {
        if (u->OpenLock != null)
            Exec.FreeSysObject(Exec.ASOT_MUTEX, u->OpenLock);
        u->OpenLock = null;
    }

    /// <summary>
    /// Opens <paramref name="u"/> for <paramref name="io"/>: the first open prepares the unit's buffers and
    /// starts its task, named <paramref name="taskName"/>. Returns 0, or IOERR_OPENFAIL when either fails.
    /// </summary>
    public static sbyte Open(ExecUnit* u, IORequest* io, string taskName)
    {
        Exec.MutexObtain(u->OpenLock);
        bool ok = u->OpenCount != 0 || Start(u, taskName);
        if (ok)
        {
            u->OpenCount++;
            u->Unit.unit_OpenCnt++;
            io->io_Unit = &u->Unit;
        }
        Exec.MutexRelease(u->OpenLock);
        return ok ? (sbyte)0 : Exec.IOERR_OPENFAIL;
    }

    /// <summary>Closes one open of io_Unit; the last close stops the unit's task.</summary>
    public static void Close(IORequest* io)
    {
        ExecUnit* u = (ExecUnit*)io->io_Unit;
        if (u == null)
            return;
        Exec.MutexObtain(u->OpenLock);
        if (u->OpenCount != 0)
        {
            u->OpenCount--;
            u->Unit.unit_OpenCnt--;
            if (u->OpenCount == 0)
            {
                Stop(u);
                if (u->Ops->Closed != null)
                    u->Ops->Closed(u);
            }
        }
        Exec.MutexRelease(u->OpenLock);
    }

    private static bool Start(ExecUnit* u, string taskName)
    {
        if (!u->Ops->Prepare(u))
            return false;
        u->Port = null;
        return DeviceTasks.Start(&u->Worker, taskName, Priority, StackSize, (void*)(delegate*<ExecUnit*, void>)&Main, u)
            && u->Port != null;
    }

    /// <summary>The last close: the task fails what is queued, waits for what is in flight and ends.</summary>
    private static void Stop(ExecUnit* u) => DeviceTasks.Stop(&u->Worker);

    /// <summary>
    /// A unit's task: takes requests from its port while a slot is free, submits them and notifies the device
    /// once per batch; finishes completions when woken (by the driver's interrupt through <see cref="ExecUnit.DoneMask"/>,
    /// or by polling when <see cref="ExecUnit.Polled"/>). On CTRL-C (last close) it fails what is queued with
    /// IOERR_ABORTED, lets what is in flight finish, replies the held change requests and ends.
    /// </summary>
    public static void Main(ExecUnit* u)
    {
        UnitOps* ops = u->Ops;
        u->DoneSignal = Exec.AllocSignal(-1);
        u->PortLock = Exec.AllocSysObjectTags(Exec.ASOT_MUTEX, Exec.TAG_DONE);
        MsgPort* port = (MsgPort*)Exec.AllocSysObjectTags(Exec.ASOT_PORT, Exec.TAG_DONE);
        if (u->DoneSignal < 0 || u->PortLock == null || port == null)
        {
            if (port != null)
                Exec.FreeSysObject(Exec.ASOT_PORT, port);
            if (u->PortLock != null)
                Exec.FreeSysObject(Exec.ASOT_MUTEX, u->PortLock);
            u->PortLock = null;
            if (u->DoneSignal >= 0)
                Exec.FreeSignal(u->DoneSignal);
            DeviceTasks.Abandon(&u->Worker);
            return;
        }
        u->DoneMask = 1u << u->DoneSignal;
        u->PortMask = 1u << port->mp_SigBit;
        u->Port = port;
        DeviceTasks.Ready(&u->Worker);

        for (;;)
        {
            ops->Service(u);
            if (u->Worker.Stopping)
                break;
            int submitted = 0;
            void* s = ops->FreeSlot(u);
            while (s != null && !u->Worker.Stopping)
            {
                Exec.MutexObtain(u->PortLock);
                IOStdReq* io = (IOStdReq*)Exec.GetMsg(port);
                Exec.MutexRelease(u->PortLock);
                if (io == null)
                    break;
                if (Dispatch(u, s, io))
                {
                    submitted++;
                    s = ops->FreeSlot(u);
                }
                else
                    Exec.ReplyMsg(&io->io_Message);
            }
            if (submitted != 0)
                ops->Kick(u);
            if (u->Polled && u->InFlight != 0)
            {
                // No interrupt: poll, but still notice new requests and CTRL-C.
                Exec.SetSignal(0, u->DoneMask);
                continue;
            }
            uint got = Exec.Wait(u->PortMask | u->DoneMask | Exec.SIGBREAKF_CTRL_C);
            if ((got & Exec.SIGBREAKF_CTRL_C) != 0 && u->Worker.Stopping)
                break;
        }

        // Last close: fail what never started, wait for what the device still holds.
        Exec.MutexObtain(u->PortLock);
        for (IOStdReq* io = (IOStdReq*)Exec.GetMsg(port); io != null; io = (IOStdReq*)Exec.GetMsg(port))
        {
            io->io_Error = Exec.IOERR_ABORTED;
            io->io_Actual = 0;
            Exec.ReplyMsg(&io->io_Message);
        }
        Exec.MutexRelease(u->PortLock);
        ops->Drain(u);
        Commands.ReplyHeld(u, Exec.IOERR_ABORTED);

        DeviceTasks.Exit(&u->Worker);
        u->Port = null;
        Exec.FreeSysObject(Exec.ASOT_PORT, port);
        Exec.FreeSysObject(Exec.ASOT_MUTEX, u->PortLock);
        u->PortLock = null;
        Exec.FreeSignal(u->DoneSignal);
    }

    /// <summary>Carries out one queued request on the task: reads and writes through <see cref="UnitOps.Transfer"/>
    /// (the 32-bit commands at io_Offset, the 64-bit ones at io_Actual:io_Offset), the rest through
    /// <see cref="UnitOps.Command"/>. True: submitted on <paramref name="s"/>; false: done, the task replies.</summary>
    private static bool Dispatch(ExecUnit* u, void* s, IOStdReq* io)
    {
        UnitOps* ops = u->Ops;
        io->io_Error = 0;
        ulong offset64 = ((ulong)io->io_Actual << 32) | io->io_Offset;
        switch (io->io_Command)
        {
            case Exec.CMD_READ:
            case TrackDisk.ETD_READ:
                return ops->Transfer(u, s, io, io->io_Offset, false);
            case Exec.CMD_WRITE:
            case TrackDisk.TD_FORMAT:
            case TrackDisk.ETD_WRITE:
            case TrackDisk.ETD_FORMAT:
                return ops->Transfer(u, s, io, io->io_Offset, true);
            case TrackDisk.TD_READ64:
            case TrackDisk.NSCMD_TD_READ64:
            case TrackDisk.NSCMD_ETD_READ64:
                return ops->Transfer(u, s, io, offset64, false);
            case TrackDisk.TD_WRITE64:
            case TrackDisk.TD_FORMAT64:
            case TrackDisk.NSCMD_TD_WRITE64:
            case TrackDisk.NSCMD_TD_FORMAT64:
            case TrackDisk.NSCMD_ETD_WRITE64:
            case TrackDisk.NSCMD_ETD_FORMAT64:
                return ops->Transfer(u, s, io, offset64, true);
            default:
                return ops->Command(u, s, io);
        }
    }
}
