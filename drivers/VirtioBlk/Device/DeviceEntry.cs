// The device's entry points, called by the skeleton's __device manager interface: Init, Open, Close,
// Expunge, BeginIO and AbortIO; the interrupt server; and the per-unit task that carries out queued commands.
// A trace above DebugTrace.Level is dead code on purpose (CS0162); in C it stays a test of VBLK_DEBUG_TRACE_LEVEL, which -D may raise.
#pragma warning disable CS0162
using AmigaOS;
using DriverCompiler.Dsl;

namespace VirtioBlkDevice;

public static unsafe class DeviceEntry
{
    /// <summary>Finds and starts the units and installs one PCI INTx server per interrupt line they use
    /// (a unit without one polls). False (no virtio-blk function, or no memory) fails the initialisation.</summary>
    [DeviceEntry(DeviceEntryPoint.Init)]
    public static bool Init(VirtioBlkBase* b)
    {
        if (!Units.Discover(b) || b->UnitCount == 0)
        {
            Release(b);
            return false;
        }
        for (uint i = 0; i < b->UnitCount; i++)
        {
            DevUnit* u = b->Units[i];
            u->Pci.ReadIsr();
            u->IrqNumber = u->Pci.MapInterrupt();
            if (u->IrqNumber != 0)
                u->IrqInstalled = LineServed(b, i, u->IrqNumber) || Skeleton.AddIntServer(u->IrqNumber, b);
            if (DebugTrace.Level >= 1)
                Exec.DebugPrintF("virtioblk.device: unit %lu: capacity %08lx%08lx sectors, block %lu, modern %lu, features %08lx%08lx, segments %lu per request, size_max %lu, irq %lu installed %lu\n",
                    i, (uint)(u->Capacity >> 32), (uint)u->Capacity, u->BlockSize, u->Pci.Modern ? 1u : 0u, (uint)(u->Features >> 32), (uint)u->Features,
                    u->SegLimit, u->SizeMax, u->IrqNumber, u->IrqInstalled ? 1u : 0u);
        }
        return true;
    }

    /// <summary>True when a unit before <paramref name="count"/> already has a server on <paramref name="irq"/> (it serves every unit).</summary>
    private static bool LineServed(VirtioBlkBase* b, uint count, uint irq)
    {
        for (uint i = 0; i < count; i++)
        {
            DevUnit* other = b->Units[i];
            if (other->IrqInstalled && other->IrqNumber == irq)
                return true;
        }
        return false;
    }

    private static void Release(VirtioBlkBase* b)
    {
        for (uint i = 0; i < b->UnitCount; i++)
        {
            DevUnit* u = b->Units[i];
            if (u->IrqInstalled && !LineServed(b, i, u->IrqNumber))
                Skeleton.RemIntServer(u->IrqNumber);
        }
        for (uint i = 0; i < b->UnitCount; i++)
        {
            DevUnit* u = b->Units[i];
            Units.Shutdown(u);
            Requests.FreeSlots(u);
            Exec.FreeSysObject(Exec.ASOT_MUTEX, u->OpenLock);
            Exec.FreeVec(u);
        }
        b->UnitCount = 0;
        if (b->Units != null)
            Exec.FreeVec(b->Units);
        b->Units = null;
    }

    /// <summary>Frees everything (no unit is open: the skeleton expunges only at open count 0).</summary>
    [DeviceEntry(DeviceEntryPoint.Expunge)]
    public static void Expunge()
    {
        Release(Units.Base);
    }

    /// <summary>Opens unit <paramref name="unit"/> (a discovery index): the first open starts its task and
    /// allocates its buffers. <paramref name="flags"/> are not used. Returns 0 or IOERR_OPENFAIL.</summary>
    [DeviceEntry(DeviceEntryPoint.Open)]
    public static sbyte Open(IORequest* io, uint unit, uint flags)
    {
        VirtioBlkBase* b = Units.Base;
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

    // ---- the interrupt ----

    /// <summary>
    /// The PCI INTx server of every unit (lines may be shared): reads (and so acknowledges) each unit's ISR
    /// status; a used-buffer interrupt wakes the unit's task when it has requests in flight, a configuration
    /// change (bit 1) marks the unit and wakes its task. False when no unit had raised it.
    /// </summary>
    [InterruptHandler]
    public static bool Interrupt(void* data)
    {
        VirtioBlkBase* b = (VirtioBlkBase*)data;
        bool claimed = false;
        for (uint i = 0; i < b->UnitCount; i++)
        {
            DevUnit* u = b->Units[i];
            if (!u->IrqInstalled)
                continue;
            byte isr = u->Pci.ReadIsr();
            if (isr == 0)
                continue;
            claimed = true;
            if ((isr & 2) != 0)
                u->ConfigChanged = true;
            if (u->Task != null && ((isr & 2) != 0 || u->InFlight != 0))
                Exec.Signal(u->Task, u->DoneMask);
        }
        if (claimed)
            b->Interrupts++;
        return claimed;
    }

    // ---- the unit task ----

    private static bool StartTask(DevUnit* u)
    {
        if (!u->BuffersReady && !Requests.AllocSlots(u))
        {
            Requests.FreeSlots(u);
            return false;
        }
        sbyte ready = Exec.AllocSignal(-1);
        if (ready < 0)
            return false;
        u->Waiter = Exec.FindTask(null);
        u->WaiterMask = 1u << ready;
        u->Stopping = false;
        u->Port = null;
        Task* t = Exec.CreateTaskTags("virtioblk unit", Limits.UnitTaskPriority, (void*)(delegate*<DevUnit*, void>)&UnitTask,
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
    /// A unit's task: takes requests from its port while a slot is free, submits them and rings the
    /// doorbell once per batch; harvests completions when woken by the interrupt (or polls without one);
    /// re-reads the configuration after a configuration-change interrupt. On CTRL-C (last close) it fails
    /// what is queued, lets what is in flight finish and exits.
    /// </summary>
    public static void UnitTask(DevUnit* u)
    {
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
            if (!u->IrqInstalled && (u->Pci.ReadIsr() & 2) != 0)
                u->ConfigChanged = true;
            if (u->ConfigChanged)
                Units.ConfigChanged(u);
            Requests.Harvest(u);
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
                if (Dispatch(u, s, io))
                {
                    submitted++;
                    s = Requests.FreeSlot(u);
                }
                else
                    Exec.ReplyMsg(&io->io_Message);
            }
            if (submitted != 0)
                Requests.Kick(u);
            if (!u->IrqInstalled && u->InFlight != 0)
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
        Drain(u);
        if (u->ChangeInt != null)
        {
            u->ChangeInt->io_Error = Exec.IOERR_ABORTED;
            Exec.ReplyMsg(&u->ChangeInt->io_Message);
            u->ChangeInt = null;
        }

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

    /// <summary>Waits until the device has given back every request of the unit (polling gives up after its limit).</summary>
    private static bool Drain(DevUnit* u)
    {
        while (u->InFlight != 0)
        {
            if (!Requests.WaitForCompletion(u))
                return false;
        }
        return true;
    }

    /// <summary>Carries out one queued command on the unit task. True: on its way on <paramref name="s"/>
    /// (the completion replies); false: done, the caller replies.</summary>
    private static bool Dispatch(DevUnit* u, Slot* s, IOStdReq* io)
    {
        io->io_Error = 0;
        ulong offset64 = ((ulong)io->io_Actual << 32) | io->io_Offset;
        switch (io->io_Command)
        {
            case Exec.CMD_READ:
            case TrackDisk.ETD_READ:
                return Requests.StartBlockIo(u, s, io, io->io_Offset, false);
            case Exec.CMD_WRITE:
            case TrackDisk.TD_FORMAT:
            case TrackDisk.ETD_WRITE:
            case TrackDisk.ETD_FORMAT:
                return Requests.StartBlockIo(u, s, io, io->io_Offset, true);
            case TrackDisk.TD_READ64:
            case TrackDisk.NSCMD_TD_READ64:
            case TrackDisk.NSCMD_ETD_READ64:
                return Requests.StartBlockIo(u, s, io, offset64, false);
            case TrackDisk.TD_WRITE64:
            case TrackDisk.TD_FORMAT64:
            case TrackDisk.NSCMD_TD_WRITE64:
            case TrackDisk.NSCMD_TD_FORMAT64:
            case TrackDisk.NSCMD_ETD_WRITE64:
            case TrackDisk.NSCMD_ETD_FORMAT64:
                return Requests.StartBlockIo(u, s, io, offset64, true);
            case Exec.CMD_UPDATE:
            case TrackDisk.ETD_UPDATE:
                return Requests.StartFlush(u, s, io);
            case Exec.CMD_RESET:
                io->io_Error = Reset(u);
                return false;
            case TrackDisk.HD_SCSICMD:
                return ScsiLayer.Start(u, s, io);
            default:
                io->io_Error = Exec.IOERR_NOCMD;
                return false;
        }
    }

    /// <summary>
    /// CMD_RESET (as viostor's bus reset): lets the requests in flight complete, then resets the device and
    /// initialises it again (features, configuration, a fresh ring). TDERR_NotSpecified when it does not come back.
    /// </summary>
    private static sbyte Reset(DevUnit* u)
    {
        if (!Drain(u))
            return TrackDisk.TDERR_NotSpecified;
        ulong capacity = u->Capacity;
        bool started = Units.Start(u);
        if (DebugTrace.Level >= 1)
            Exec.DebugPrintF("virtioblk.device: unit %lu: CMD_RESET, device initialised again %lu\n", (uint)u->Index, started ? 1u : 0u);
        if (!started)
            return TrackDisk.TDERR_NotSpecified;
        if (u->Capacity != capacity)
            u->ChangeCount++;
        return 0;
    }

    // ---- BeginIO / AbortIO ----

    /// <summary>
    /// Answers the commands that need no I/O at once (honouring IOF_QUICK), holds TD_ADDCHANGEINT, and
    /// queues everything that reaches the device to the unit's task.
    /// </summary>
    [DeviceEntry(DeviceEntryPoint.BeginIO)]
    public static void BeginIO(IORequest* request)
    {
        IOStdReq* io = (IOStdReq*)request;
        DevUnit* u = (DevUnit*)io->io_Unit;
        io->io_Error = 0;
        if (u == null)
        {
            io->io_Error = Exec.IOERR_OPENFAIL;
            if ((io->io_Flags & Exec.IOF_QUICK) == 0)
                Exec.ReplyMsg(&io->io_Message);
            return;
        }
        switch (io->io_Command)
        {
            case Exec.CMD_RESET:
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
                if (u->Port == null)
                {
                    io->io_Error = Exec.IOERR_OPENFAIL;
                    break;
                }
                io->io_Flags = (byte)(io->io_Flags & ~Exec.IOF_QUICK);
                Exec.PutMsg(u->Port, &io->io_Message);
                return;
            case TrackDisk.TD_GETGEOMETRY:
                io->io_Error = Geometry.Get(u, io);
                break;
            case TrackDisk.NSCMD_TD_GETGEOMETRY64:
                io->io_Error = Geometry.Get64(u, io);
                break;
            case TrackDisk.TD_GETNUMTRACKS:
                io->io_Actual = Geometry.NumTracks(u);
                break;
            case TrackDisk.TD_ADDCHANGEINT:
                io->io_Flags = (byte)(io->io_Flags & ~Exec.IOF_QUICK);
                Hold(u, io);
                return;
            case TrackDisk.TD_REMCHANGEINT:
                RemoveChangeInt(u, io);
                break;
            case Exec.CMD_FLUSH:
                AbortQueued(u, null);
                break;
            case Exec.CMD_START:
            case Exec.CMD_STOP:
            case TrackDisk.TD_MOTOR:
            case TrackDisk.ETD_MOTOR:
                io->io_Actual = 1;
                break;
            case Exec.CMD_CLEAR:
            case TrackDisk.ETD_CLEAR:
            case TrackDisk.TD_SEEK:
            case TrackDisk.ETD_SEEK:
            case TrackDisk.TD_SEEK64:
            case TrackDisk.NSCMD_TD_SEEK64:
            case TrackDisk.NSCMD_ETD_SEEK64:
                break;
            case TrackDisk.TD_CHANGENUM:
                io->io_Actual = u->ChangeCount;
                break;
            case TrackDisk.TD_CHANGESTATE:
                // 0: a disk is present (a virtio-blk device always has its medium).
                io->io_Actual = 0;
                break;
            case TrackDisk.TD_PROTSTATUS:
                io->io_Actual = u->ReadOnly ? 1u : 0u;
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

    /// <summary>Keeps a TD_ADDCHANGEINT request (io_Data: the struct Interrupt to Cause on a capacity change) until
    /// TD_REMCHANGEINT, AbortIO or the last close; a second one replaces the first, which is replied IOERR_ABORTED.</summary>
    private static void Hold(DevUnit* u, IOStdReq* io)
    {
        IOStdReq* old = u->ChangeInt;
        u->ChangeInt = io;
        if (old != null)
        {
            old->io_Error = Exec.IOERR_ABORTED;
            Exec.ReplyMsg(&old->io_Message);
        }
    }

    /// <summary>TD_REMCHANGEINT: normally the very request TD_ADDCHANGEINT held (trackdisk autodoc), which is then
    /// replied once as this command; another request naming the same interrupt also releases the held one.</summary>
    private static void RemoveChangeInt(DevUnit* u, IOStdReq* io)
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

    /// <summary>
    /// Aborts a request still waiting in the unit's queue, or the held TD_ADDCHANGEINT: replied IOERR_ABORTED,
    /// returns 0. One the device already holds cannot be recalled (VirtIO has no abort): it completes normally
    /// and IOERR_NOCMD is returned.
    /// </summary>
    [DeviceEntry(DeviceEntryPoint.AbortIO)]
    public static int AbortIO(IORequest* request)
    {
        DevUnit* u = (DevUnit*)request->io_Unit;
        if (u == null)
            return Exec.IOERR_NOCMD;
        IOStdReq* io = (IOStdReq*)request;
        if (u->ChangeInt == io)
        {
            u->ChangeInt = null;
            io->io_Error = Exec.IOERR_ABORTED;
            Exec.ReplyMsg(&io->io_Message);
            return 0;
        }
        return AbortQueued(u, io) ? 0 : Exec.IOERR_NOCMD;
    }
}
