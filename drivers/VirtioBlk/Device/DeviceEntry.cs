// The device's entry points, called by the skeleton's __device manager interface: Init, Open, Close,
// Expunge, BeginIO and AbortIO, on the AmigaDevice library's units; the interrupt server; and this
// driver's side of the unit task (UnitOps): its slots, its commands and its completions.
// A trace above DebugTrace.Level is dead code on purpose (CS0162); in C it stays a test of VBLK_DEBUG_TRACE_LEVEL, which -D may raise.
#pragma warning disable CS0162
using AmigaDevice;
using AmigaOS;
using DriverCompiler.Dsl;

namespace VirtioBlkDevice;

public static unsafe class DeviceEntry
{
    /// <summary>This driver's side of its units (filled by <see cref="Init"/> before discovery).</summary>
    public static UnitOps Ops;

    /// <summary>Every command BeginIO accepts, 0-terminated (NSD: the list a file system checks for TD64/NSD support).</summary>
    private static readonly ushort[] Supported =
    {
        Exec.CMD_RESET, Exec.CMD_READ, Exec.CMD_WRITE, Exec.CMD_UPDATE, Exec.CMD_CLEAR, Exec.CMD_STOP, Exec.CMD_START, Exec.CMD_FLUSH,
        TrackDisk.TD_MOTOR, TrackDisk.TD_SEEK, TrackDisk.TD_FORMAT, TrackDisk.TD_CHANGENUM,
        TrackDisk.TD_CHANGESTATE, TrackDisk.TD_PROTSTATUS, TrackDisk.TD_GETDRIVETYPE, TrackDisk.TD_GETNUMTRACKS,
        TrackDisk.TD_ADDCHANGEINT, TrackDisk.TD_REMCHANGEINT, TrackDisk.TD_GETGEOMETRY,
        TrackDisk.TD_READ64, TrackDisk.TD_WRITE64, TrackDisk.TD_SEEK64, TrackDisk.TD_FORMAT64, TrackDisk.HD_SCSICMD,
        TrackDisk.ETD_READ, TrackDisk.ETD_WRITE, TrackDisk.ETD_MOTOR, TrackDisk.ETD_SEEK, TrackDisk.ETD_FORMAT,
        TrackDisk.ETD_UPDATE, TrackDisk.ETD_CLEAR,
        TrackDisk.NSCMD_DEVICEQUERY, TrackDisk.NSCMD_TD_READ64, TrackDisk.NSCMD_TD_WRITE64, TrackDisk.NSCMD_TD_SEEK64,
        TrackDisk.NSCMD_TD_FORMAT64, TrackDisk.NSCMD_TD_GETGEOMETRY64,
        TrackDisk.NSCMD_ETD_READ64, TrackDisk.NSCMD_ETD_WRITE64, TrackDisk.NSCMD_ETD_SEEK64, TrackDisk.NSCMD_ETD_FORMAT64,
        0,
    };

    /// <summary>Finds and starts the units and installs one PCI INTx server per interrupt line they use
    /// (a unit without one polls). False (no virtio-blk function, or no memory) fails the initialisation.</summary>
    [DeviceEntry(DeviceEntryPoint.Init)]
    public static bool Init(VirtioBlkBase* b)
    {
        Ops.Prepare = &Prepare;
        Ops.Service = &Service;
        Ops.FreeSlot = &FreeSlot;
        Ops.Transfer = &Transfer;
        Ops.Command = &Command;
        Ops.Kick = &Kick;
        Ops.Drain = &Drain;
        Ops.Route = &Route;
        fixed (ushort* list = Supported)
            Ops.Supported = list;
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
            u->Core.Polled = !u->IrqInstalled;
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
            UnitTask.Free(&u->Core);
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
        return UnitTask.Open(&b->Units[unit]->Core, io, "virtioblk unit");
    }

    /// <summary>Closes one open of io_Unit; the last close stops the unit's task.</summary>
    [DeviceEntry(DeviceEntryPoint.Close)]
    public static void Close(IORequest* io) => UnitTask.Close(io);

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
            if (u->Core.Worker.Task != null && ((isr & 2) != 0 || u->Core.InFlight != 0))
                Exec.Signal(u->Core.Worker.Task, u->Core.DoneMask);
        }
        if (claimed)
            b->Interrupts++;
        return claimed;
    }

    /// <summary>
    /// CMD_RESET (as viostor's bus reset): lets the requests in flight complete, then resets the device and
    /// initialises it again (features, configuration, a fresh ring). TDERR_NotSpecified when it does not come back.
    /// </summary>
    private static sbyte Reset(DevUnit* u)
    {
        if (!DrainAll(u))
            return TrackDisk.TDERR_NotSpecified;
        ulong capacity = u->Capacity;
        bool started = Units.Start(u);
        if (DebugTrace.Level >= 1)
            Exec.DebugPrintF("virtioblk.device: unit %lu: CMD_RESET, device initialised again %lu\n", (uint)u->Index, started ? 1u : 0u);
        if (!started)
            return TrackDisk.TDERR_NotSpecified;
        if (u->Capacity != capacity)
            u->Core.ChangeCount++;
        return 0;
    }

    // ---- BeginIO / AbortIO ----

    /// <summary>BeginIO: the library's (<see cref="Commands.BeginIO"/>), with this driver's commands from <see cref="Route"/>.</summary>
    [DeviceEntry(DeviceEntryPoint.BeginIO)]
    public static void BeginIO(IORequest* request) => Commands.BeginIO((ExecUnit*)request->io_Unit, (IOStdReq*)request);

    /// <summary>
    /// Aborts a request still waiting in the unit's queue, or the held TD_ADDCHANGEINT: replied IOERR_ABORTED,
    /// returns 0. One the device already holds cannot be recalled (VirtIO has no abort): it completes normally
    /// and IOERR_NOCMD is returned.
    /// </summary>
    [DeviceEntry(DeviceEntryPoint.AbortIO)]
    public static int AbortIO(IORequest* request) => Commands.AbortIO(request);

    // ---- the units' operations (UnitOps) ----

    /// <summary>The first open: the unit's slots and bounce buffers (kept until Expunge).</summary>
    private static bool Prepare(ExecUnit* unit)
    {
        DevUnit* u = (DevUnit*)unit;
        if (u->BuffersReady || Requests.AllocSlots(u))
            return true;
        Requests.FreeSlots(u);
        return false;
    }

    /// <summary>Each round of the unit task: re-reads the configuration after a configuration-change interrupt
    /// (polled from the ISR without an interrupt), then finishes the completed requests.</summary>
    private static void Service(ExecUnit* unit)
    {
        DevUnit* u = (DevUnit*)unit;
        if (!u->IrqInstalled && (u->Pci.ReadIsr() & 2) != 0)
            u->ConfigChanged = true;
        if (u->ConfigChanged)
            Units.ConfigChanged(u);
        Requests.Harvest(u);
    }

    private static void* FreeSlot(ExecUnit* unit) => Requests.FreeSlot((DevUnit*)unit);

    private static bool Transfer(ExecUnit* unit, void* slot, IOStdReq* io, ulong offset, bool write) =>
        Requests.StartBlockIo((DevUnit*)unit, (Slot*)slot, io, offset, write);

    /// <summary>The queued commands other than reads and writes: CMD_UPDATE (FLUSH), CMD_RESET and HD_SCSICMD.</summary>
    private static bool Command(ExecUnit* unit, void* slot, IOStdReq* io)
    {
        DevUnit* u = (DevUnit*)unit;
        switch (io->io_Command)
        {
            case Exec.CMD_UPDATE:
            case TrackDisk.ETD_UPDATE:
                return Requests.StartFlush(u, (Slot*)slot, io);
            case Exec.CMD_RESET:
                io->io_Error = Reset(u);
                return false;
            case TrackDisk.HD_SCSICMD:
                return ScsiLayer.Start(u, (Slot*)slot, io);
            default:
                io->io_Error = Exec.IOERR_NOCMD;
                return false;
        }
    }

    private static void Kick(ExecUnit* unit) => Requests.Kick((DevUnit*)unit);

    private static void Drain(ExecUnit* unit) => DrainAll((DevUnit*)unit);

    /// <summary>Waits until the device has given back every request of the unit (polling gives up after its limit).</summary>
    private static bool DrainAll(DevUnit* u)
    {
        while (u->Core.InFlight != 0)
        {
            if (!Requests.WaitForCompletion(u))
                return false;
        }
        return true;
    }

    /// <summary>BeginIO of this driver's own commands: CMD_RESET goes to the unit task; the geometry is answered at once.</summary>
    private static byte Route(ExecUnit* unit, IOStdReq* io)
    {
        DevUnit* u = (DevUnit*)unit;
        switch (io->io_Command)
        {
            case Exec.CMD_RESET:
                return AmigaDevice.Route.Queue;
            case TrackDisk.TD_GETGEOMETRY:
                io->io_Error = Geometry.Get(u, io);
                return AmigaDevice.Route.Answered;
            case TrackDisk.NSCMD_TD_GETGEOMETRY64:
                io->io_Error = Geometry.Get64(u, io);
                return AmigaDevice.Route.Answered;
            case TrackDisk.TD_GETNUMTRACKS:
                io->io_Actual = Geometry.NumTracks(u);
                return AmigaDevice.Route.Answered;
            default:
                return AmigaDevice.Route.Unknown;
        }
    }
}
