// The device's entry points, called by the skeleton's __device manager interface: Init, Open,
// Close, Expunge, BeginIO and AbortIO, and the per-unit task that carries out queued commands.
using AmigaOS;
using DriverCompiler.Dsl;

namespace VirtioScsiDevice;

public static unsafe class DeviceEntry
{
    /// <summary>Brings the controller up, finds the units and installs the PCI INTx server
    /// (without it completions are polled). False fails the device's initialisation.</summary>
    [DeviceEntry(DeviceEntryPoint.Init)]
    public static bool Init(VirtioScsiBase* b)
    {
        if (!Controller.Start(b) || !Units.Discover(b))
        {
            Release(b);
            return false;
        }
        // Discovery polled the used ring; deassert the interrupt it may have raised meanwhile.
        b->Pci.ReadIsr();
        b->IrqNumber = b->Pci.MapInterrupt();
        if (b->IrqNumber != 0)
            b->IrqInstalled = Skeleton.AddIntServer(b->IrqNumber, b);
        Exec.DebugPrintF("virtioscsi.device: %lu units, modern %lu, indirect %lu, event idx %lu, irq %lu installed %lu\n",
            b->UnitCount, b->Pci.Modern ? 1u : 0u, b->UseIndirect ? 1u : 0u, b->EventIdx ? 1u : 0u, b->IrqNumber, b->IrqInstalled ? 1u : 0u);
        return true;
    }

    private static void Release(VirtioScsiBase* b)
    {
        if (b->IrqInstalled)
            Skeleton.RemIntServer(b->IrqNumber);
        b->IrqInstalled = false;
        Controller.Shutdown(b);
        for (uint i = 0; i < b->UnitCount; i++)
        {
            DevUnit* u = b->Units[i];
            Controller.FreeSlots(u, Limits.SlotCount);
            Exec.FreeSysObject(Exec.ASOT_MUTEX, u->OpenLock);
            Exec.FreeVec(u);
        }
        b->UnitCount = 0;
        if (b->Units != null)
            Exec.FreeVec(b->Units);
        b->Units = null;
        Controller.FreeSlots(&b->Probe, 1);
    }

    /// <summary>Frees everything (no unit is open: the skeleton expunges only at open count 0).</summary>
    [DeviceEntry(DeviceEntryPoint.Expunge)]
    public static void Expunge()
    {
        Release(Controller.Base);
    }

    /// <summary>Opens unit <paramref name="unit"/> (a discovery index 0..7): the first open starts its
    /// task and allocates its buffers. <paramref name="flags"/> are not used. Returns 0 or IOERR_OPENFAIL.</summary>
    [DeviceEntry(DeviceEntryPoint.Open)]
    public static sbyte Open(IORequest* io, uint unit, uint flags)
    {
        VirtioScsiBase* b = Controller.Base;
        if (unit >= b->UnitCount)
            return Exec.IOERR_OPENFAIL;
        DevUnit* u = b->Units[unit];
        Exec.MutexObtain(u->OpenLock);
        bool ok = u->OpenCount != 0 || StartTask(u);
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
    [DeviceEntry(DeviceEntryPoint.Close)]
    public static void Close(IORequest* io)
    {
        DevUnit* u = (DevUnit*)io->io_Unit;
        if (u == null)
            return;
        Exec.MutexObtain(u->OpenLock);
        if (u->OpenCount != 0)
        {
            u->OpenCount--;
            u->Unit.unit_OpenCnt--;
            if (u->OpenCount == 0)
                StopTask(u);
        }
        Exec.MutexRelease(u->OpenLock);
    }

    // ---- the unit task ----

    private static bool StartTask(DevUnit* u)
    {
        if (!u->BuffersReady && !Controller.AllocSlots(u, Limits.SlotCount, Limits.BounceSize))
        {
            Controller.FreeSlots(u, Limits.SlotCount);
            return false;
        }
        sbyte ready = Exec.AllocSignal(-1);
        if (ready < 0)
            return false;
        u->Waiter = Exec.FindTask(null);
        u->WaiterMask = 1u << ready;
        u->Stopping = false;
        u->Port = null;
        Task* t = Exec.CreateTaskTags("virtioscsi unit", Limits.UnitTaskPriority, (void*)(delegate*<DevUnit*, void>)&UnitTask,
            Limits.UnitTaskStack, Exec.AT_Param1, (uint)u, Exec.TAG_DONE);
        if (t != null)
            Exec.Wait(u->WaiterMask);
        Exec.FreeSignal(ready);
        u->Waiter = null;
        return t != null && u->Port != null;
    }

    private static void StopTask(DevUnit* u)
    {
        if (u->Task == null)
            return;
        sbyte done = Exec.AllocSignal(-1);
        u->Waiter = Exec.FindTask(null);
        u->WaiterMask = done >= 0 ? 1u << done : Exec.SIGBREAKF_CTRL_C;
        u->Stopping = true;
        Exec.Signal(u->Task, Exec.SIGBREAKF_CTRL_C);
        Exec.Wait(u->WaiterMask);
        if (done >= 0)
            Exec.FreeSignal(done);
        u->Waiter = null;
    }

    /// <summary>
    /// A unit's task: takes requests from its port while a pipeline slot is free, submits them
    /// and rings the doorbell once per batch; harvests completions when woken by the interrupt.
    /// On CTRL-C (last close) it fails what is queued, lets what is in flight finish and exits.
    /// </summary>
    public static void UnitTask(DevUnit* u)
    {
        VirtioScsiBase* b = u->Base;
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
            Exec.Signal(u->Waiter, u->WaiterMask);
            return;
        }
        u->DoneMask = 1u << u->DoneSignal;
        u->PortMask = 1u << port->mp_SigBit;
        u->Task = Exec.FindTask(null);
        u->Port = port;
        Exec.Signal(u->Waiter, u->WaiterMask);

        for (;;)
        {
            Controller.Harvest(b);
            if (u->Stopping)
                break;
            int submitted = 0;
            Slot* s = Requests.FreeSlot(u);
            while (s != null && !u->Stopping)
            {
                Exec.MutexObtain(u->PortLock);
                IOStdReq* io = (IOStdReq*)Exec.GetMsg(port);
                Exec.MutexRelease(u->PortLock);
                if (io == null)
                    break;
                if (Dispatch(b, u, s, io))
                {
                    submitted++;
                    s = Requests.FreeSlot(u);
                }
                else
                    Exec.ReplyMsg(&io->io_Message);
            }
            if (submitted != 0)
                Controller.Kick(b);
            if (!b->IrqInstalled && u->InFlight != 0)
            {
                // No interrupt: poll, but still notice new requests and CTRL-C.
                Exec.SetSignal(0, u->DoneMask);
                continue;
            }
            uint got = Exec.Wait(u->PortMask | u->DoneMask | Exec.SIGBREAKF_CTRL_C);
            if ((got & Exec.SIGBREAKF_CTRL_C) != 0 && u->Stopping)
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
        while (u->InFlight != 0)
            Controller.WaitForCompletion(b, u, null);
        ReplyHeld(u, Exec.IOERR_ABORTED);

        ExecTasking.Forbid();
        u->Port = null;
        u->Task = null;
        Exec.FreeSysObject(Exec.ASOT_PORT, port);
        Exec.FreeSysObject(Exec.ASOT_MUTEX, u->PortLock);
        u->PortLock = null;
        Exec.FreeSignal(u->DoneSignal);
        // Forbid holds until this task has gone, so the caller of the last close (and an Expunge
        // after it) cannot unload this code while it still runs.
        Exec.Signal(u->Waiter, u->WaiterMask);
    }

    private static void ReplyHeld(DevUnit* u, sbyte error)
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

    /// <summary>Carries out one queued command on the unit task. True: submitted to the device on
    /// <paramref name="s"/> (the completion replies); false: done, the caller replies.</summary>
    private static bool Dispatch(VirtioScsiBase* b, DevUnit* u, Slot* s, IOStdReq* io)
    {
        io->io_Error = 0;
        ulong offset64 = ((ulong)io->io_Actual << 32) | io->io_Offset;
        switch (io->io_Command)
        {
            case Exec.CMD_READ:
            case TrackDisk.ETD_READ:
                return Requests.StartBlockIo(b, u, s, io, io->io_Offset, false);
            case Exec.CMD_WRITE:
            case TrackDisk.TD_FORMAT:
            case TrackDisk.ETD_WRITE:
            case TrackDisk.ETD_FORMAT:
                return Requests.StartBlockIo(b, u, s, io, io->io_Offset, true);
            case TrackDisk.TD_READ64:
            case TrackDisk.NSCMD_TD_READ64:
            case TrackDisk.NSCMD_ETD_READ64:
                return Requests.StartBlockIo(b, u, s, io, offset64, false);
            case TrackDisk.TD_WRITE64:
            case TrackDisk.TD_FORMAT64:
            case TrackDisk.NSCMD_TD_WRITE64:
            case TrackDisk.NSCMD_TD_FORMAT64:
            case TrackDisk.NSCMD_ETD_WRITE64:
            case TrackDisk.NSCMD_ETD_FORMAT64:
                return Requests.StartBlockIo(b, u, s, io, offset64, true);
            case Exec.CMD_UPDATE:
            case TrackDisk.ETD_UPDATE:
                io->io_Error = Requests.Synchronize(u);
                return false;
            case TrackDisk.TD_GETGEOMETRY:
                io->io_Error = Requests.GetGeometry(u, io);
                return false;
            case TrackDisk.NSCMD_TD_GETGEOMETRY64:
                io->io_Error = Requests.GetGeometry64(u, io);
                return false;
            case TrackDisk.TD_GETNUMTRACKS:
                io->io_Error = Requests.GetNumTracks(u, io);
                return false;
            case TrackDisk.HD_SCSICMD:
                return ScsiDirect.Start(b, u, s, io);
            default:
                io->io_Error = Exec.IOERR_NOCMD;
                return false;
        }
    }

    // ---- BeginIO / AbortIO ----

    /// <summary>
    /// Answers the commands that need no I/O at once (honouring IOF_QUICK), holds TD_ADDCHANGEINT
    /// and TD_REMOVE, and queues everything that reaches the disk to the unit's task.
    /// </summary>
    [DeviceEntry(DeviceEntryPoint.BeginIO)]
    public static void BeginIO(IORequest* request)
    {
        IOStdReq* io = (IOStdReq*)request;
        DevUnit* u = (DevUnit*)io->io_Unit;
        io->io_Error = 0;
        switch (io->io_Command)
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
            case TrackDisk.TD_GETGEOMETRY:
            case TrackDisk.NSCMD_TD_GETGEOMETRY64:
            case TrackDisk.TD_GETNUMTRACKS:
            case TrackDisk.HD_SCSICMD:
                if (u == null || u->Port == null)
                {
                    io->io_Error = Exec.IOERR_OPENFAIL;
                    break;
                }
                io->io_Flags = (byte)(io->io_Flags & ~Exec.IOF_QUICK);
                Exec.PutMsg(u->Port, &io->io_Message);
                return;
            case TrackDisk.TD_ADDCHANGEINT:
            case TrackDisk.TD_REMOVE:
                if (u == null)
                {
                    io->io_Error = Exec.IOERR_OPENFAIL;
                    break;
                }
                io->io_Flags = (byte)(io->io_Flags & ~Exec.IOF_QUICK);
                Hold(u, io);
                return;
            case TrackDisk.TD_REMCHANGEINT:
                if (u != null && u->ChangeInt != null)
                {
                    IOStdReq* held = u->ChangeInt;
                    u->ChangeInt = null;
                    held->io_Error = 0;
                    Exec.ReplyMsg(&held->io_Message);
                }
                break;
            case Exec.CMD_FLUSH:
                if (u != null)
                    AbortQueued(u, null);
                break;
            case Exec.CMD_START:
            case Exec.CMD_STOP:
            case TrackDisk.TD_MOTOR:
                io->io_Actual = 1;
                break;
            case Exec.CMD_CLEAR:
            case TrackDisk.ETD_CLEAR:
            case TrackDisk.TD_SEEK:
            case TrackDisk.ETD_SEEK:
            case TrackDisk.ETD_MOTOR:
            case TrackDisk.TD_SEEK64:
            case TrackDisk.NSCMD_TD_SEEK64:
            case TrackDisk.NSCMD_ETD_SEEK64:
            case TrackDisk.TD_EJECT:
            case TrackDisk.NSCMD_TD_CHANGEUNIT:
            case TrackDisk.NSCMD_TD_ADDSTATCALLBACK:
            case TrackDisk.NSCMD_TD_REMSTATCALLBACK:
                break;
            case TrackDisk.TD_CHANGENUM:
            case TrackDisk.TD_CHANGESTATE:
            case TrackDisk.TD_PROTSTATUS:
                io->io_Actual = 0;
                break;
            case TrackDisk.TD_GETDRIVETYPE:
                io->io_Actual = TrackDisk.DRIVE3_5;
                break;
            case TrackDisk.NSCMD_DEVICEQUERY:
                io->io_Error = DeviceQuery.Answer(io);
                break;
            default:
                io->io_Error = Exec.IOERR_NOCMD;
                break;
        }
        if ((io->io_Flags & Exec.IOF_QUICK) == 0)
            Exec.ReplyMsg(&io->io_Message);
    }

    /// <summary>Keeps a TD_ADDCHANGEINT / TD_REMOVE request until TD_REMCHANGEINT or the last close;
    /// a second one replaces the first, which is replied IOERR_ABORTED.</summary>
    private static void Hold(DevUnit* u, IOStdReq* io)
    {
        IOStdReq* old;
        if (io->io_Command == TrackDisk.TD_ADDCHANGEINT)
        {
            old = u->ChangeInt;
            u->ChangeInt = io;
        }
        else
        {
            old = u->RemoveReq;
            u->RemoveReq = io;
        }
        if (old != null)
        {
            old->io_Error = Exec.IOERR_ABORTED;
            Exec.ReplyMsg(&old->io_Message);
        }
    }

    /// <summary>Replies IOERR_ABORTED to <paramref name="only"/> if it is still queued (null: to every queued request).
    /// Returns true when something was aborted.</summary>
    private static bool AbortQueued(DevUnit* u, IOStdReq* only)
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

    /// <summary>Aborts a request still waiting in the unit's queue (0); one the device already holds
    /// completes normally (IOERR_NOCMD is returned).</summary>
    [DeviceEntry(DeviceEntryPoint.AbortIO)]
    public static int AbortIO(IORequest* request)
    {
        DevUnit* u = (DevUnit*)request->io_Unit;
        if (u == null)
            return Exec.IOERR_NOCMD;
        return AbortQueued(u, (IOStdReq*)request) ? 0 : Exec.IOERR_NOCMD;
    }
}
