// The device's entry points, called by the skeleton's __device manager interface: Init, Open,
// Close, Expunge, BeginIO and AbortIO, on the AmigaDevice library's units; and this driver's side of
// the unit task (UnitOps): its slots, its commands and its completions.
using AmigaDevice;
using AmigaOS;
using DriverCompiler.Dsl;

namespace VirtioScsiDevice;

public static unsafe class DeviceEntry
{
    /// <summary>This driver's side of its units (filled by <see cref="Init"/> before discovery).</summary>
    public static UnitOps Ops;

    /// <summary>Every command BeginIO accepts, 0-terminated (NSD: the list a file system checks for TD64/NSD support).</summary>
    private static readonly ushort[] Supported =
    {
        Exec.CMD_READ, Exec.CMD_WRITE, Exec.CMD_UPDATE, Exec.CMD_CLEAR, Exec.CMD_STOP, Exec.CMD_START, Exec.CMD_FLUSH,
        TrackDisk.TD_MOTOR, TrackDisk.TD_SEEK, TrackDisk.TD_FORMAT, TrackDisk.TD_REMOVE, TrackDisk.TD_CHANGENUM,
        TrackDisk.TD_CHANGESTATE, TrackDisk.TD_PROTSTATUS, TrackDisk.TD_GETDRIVETYPE, TrackDisk.TD_GETNUMTRACKS,
        TrackDisk.TD_ADDCHANGEINT, TrackDisk.TD_REMCHANGEINT, TrackDisk.TD_GETGEOMETRY, TrackDisk.TD_EJECT,
        TrackDisk.TD_READ64, TrackDisk.TD_WRITE64, TrackDisk.TD_SEEK64, TrackDisk.TD_FORMAT64, TrackDisk.HD_SCSICMD,
        TrackDisk.ETD_READ, TrackDisk.ETD_WRITE, TrackDisk.ETD_MOTOR, TrackDisk.ETD_SEEK, TrackDisk.ETD_FORMAT,
        TrackDisk.ETD_UPDATE, TrackDisk.ETD_CLEAR,
        TrackDisk.NSCMD_DEVICEQUERY, TrackDisk.NSCMD_TD_READ64, TrackDisk.NSCMD_TD_WRITE64, TrackDisk.NSCMD_TD_SEEK64,
        TrackDisk.NSCMD_TD_FORMAT64, TrackDisk.NSCMD_TD_GETGEOMETRY64, TrackDisk.NSCMD_TD_CHANGEUNIT,
        TrackDisk.NSCMD_TD_ADDSTATCALLBACK, TrackDisk.NSCMD_TD_REMSTATCALLBACK,
        TrackDisk.NSCMD_ETD_READ64, TrackDisk.NSCMD_ETD_WRITE64, TrackDisk.NSCMD_ETD_SEEK64, TrackDisk.NSCMD_ETD_FORMAT64,
        0,
    };

    /// <summary>Brings the controller up, finds the units and installs the PCI INTx server
    /// (without it completions are polled). False fails the device's initialisation.</summary>
    [DeviceEntry(DeviceEntryPoint.Init)]
    public static bool Init(VirtioScsiBase* b)
    {
        Ops.Prepare = &Prepare;
        Ops.Service = &Service;
        Ops.FreeSlot = &FreeSlot;
        Ops.Transfer = &Transfer;
        Ops.Command = &Command;
        Ops.Kick = &Kick;
        Ops.Drain = &Drain;
        Ops.Route = &Route;
        Ops.Closed = &Closed;
        fixed (ushort* list = Supported)
            Ops.Supported = list;
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
        for (uint i = 0; i < b->UnitCount; i++)
            b->Units[i]->Core.Polled = !b->IrqInstalled;
        Events.Start(b);
        Exec.DebugPrintF("virtioscsi.device: %lu units, modern %lu, indirect %lu, event idx %lu, irq %lu installed %lu, events %lu, targets 0..%lu, luns 0..%lu\n",
            b->UnitCount, b->Pci.Modern ? 1u : 0u, b->UseIndirect ? 1u : 0u, b->EventIdx ? 1u : 0u, b->IrqNumber, b->IrqInstalled ? 1u : 0u,
            b->Events ? 1u : 0u, b->MaxTarget, b->MaxLun);
        return true;
    }

    private static void Release(VirtioScsiBase* b)
    {
        Events.Stop(b);
        if (b->IrqInstalled)
            Skeleton.RemIntServer(b->IrqNumber);
        b->IrqInstalled = false;
        Controller.Shutdown(b);
        for (uint i = 0; i < b->UnitCount; i++)
        {
            DevUnit* u = b->Units[i];
            Controller.FreeSlots(u, Limits.SlotCount);
            UnitTask.Free(&u->Core);
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

    /// <summary>Opens unit <paramref name="unit"/> (see <see cref="Units"/> for the numbers): the first open starts its task
    /// and allocates its buffers. <paramref name="flags"/> are not used. Returns 0, or IOERR_OPENFAIL for a number no unit
    /// has and a unit that has gone.</summary>
    [DeviceEntry(DeviceEntryPoint.Open)]
    public static sbyte Open(IORequest* io, uint unit, uint flags)
    {
        VirtioScsiBase* b = Controller.Base;
        if (unit >= b->UnitCount || b->Units[unit]->Gone)
            return Exec.IOERR_OPENFAIL;
        return UnitTask.Open(&b->Units[unit]->Core, io, "virtioscsi unit");
    }

    /// <summary>Closes one open of io_Unit; the last close stops the unit's task.</summary>
    [DeviceEntry(DeviceEntryPoint.Close)]
    public static void Close(IORequest* io) => UnitTask.Close(io);

    /// <summary>BeginIO: the library's (<see cref="Commands.BeginIO"/>), with this driver's commands from <see cref="Route"/>.</summary>
    [DeviceEntry(DeviceEntryPoint.BeginIO)]
    public static void BeginIO(IORequest* request) => Commands.BeginIO((ExecUnit*)request->io_Unit, (IOStdReq*)request);

    /// <summary>Aborts a request still waiting in the unit's queue, or a held TD_ADDCHANGEINT / TD_REMOVE (0); one the
    /// device already holds completes normally (IOERR_NOCMD is returned).</summary>
    [DeviceEntry(DeviceEntryPoint.AbortIO)]
    public static int AbortIO(IORequest* request) => Commands.AbortIO(request);

    // ---- the units' operations (UnitOps) ----

    /// <summary>The first open: the unit's pipeline slots and bounce buffers (kept until Expunge).</summary>
    private static bool Prepare(ExecUnit* unit)
    {
        DevUnit* u = (DevUnit*)unit;
        if (u->BuffersReady || Controller.AllocSlots(u, Limits.SlotCount, Limits.BounceSize))
            return true;
        Controller.FreeSlots(u, Limits.SlotCount);
        return false;
    }

    /// <summary>Each round of a unit task: every completion on the shared request queue, whichever unit owns it.</summary>
    private static void Service(ExecUnit* unit) => Controller.Harvest(((DevUnit*)unit)->Base);

    private static void* FreeSlot(ExecUnit* unit) => Requests.FreeSlot((DevUnit*)unit);

    private static bool Transfer(ExecUnit* unit, void* slot, IOStdReq* io, ulong offset, bool write)
    {
        DevUnit* u = (DevUnit*)unit;
        if (u->Gone)
            return Refuse(io, TrackDisk.TDERR_BadUnitNum);
        return Requests.StartBlockIo(u->Base, u, (Slot*)slot, io, offset, write);
    }

    private static bool Refuse(IOStdReq* io, sbyte error)
    {
        io->io_Error = error;
        io->io_Actual = 0;
        return false;
    }

    /// <summary>The queued commands other than reads and writes: CMD_UPDATE (SYNCHRONIZE CACHE), the geometry
    /// (it may need READ CAPACITY), HD_SCSICMD, and TD_CHANGESTATE / TD_CHANGENUM of a removable unit (TEST UNIT
    /// READY first). A unit that has gone answers the last two from what it knows and fails the others with
    /// TDERR_BadUnitNum.</summary>
    private static bool Command(ExecUnit* unit, void* slot, IOStdReq* io)
    {
        DevUnit* u = (DevUnit*)unit;
        switch (io->io_Command)
        {
            case TrackDisk.TD_CHANGESTATE:
                if (!u->Gone)
                    Units.CheckMedium(u);
                io->io_Actual = u->Core.MediumAbsent ? 1u : 0u;
                return false;
            case TrackDisk.TD_CHANGENUM:
                if (!u->Gone)
                    Units.CheckMedium(u);
                io->io_Actual = u->Core.ChangeCount;
                return false;
        }
        if (u->Gone)
            return Refuse(io, TrackDisk.TDERR_BadUnitNum);
        switch (io->io_Command)
        {
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
                return ScsiDirect.Start(u->Base, u, (Slot*)slot, io);
            default:
                io->io_Error = Exec.IOERR_NOCMD;
                return false;
        }
    }

    private static void Kick(ExecUnit* unit) => Controller.Kick(((DevUnit*)unit)->Base);

    /// <summary>The last close of a unit that has gone frees its buffers (an open one kept them for its task).</summary>
    private static void Closed(ExecUnit* unit)
    {
        DevUnit* u = (DevUnit*)unit;
        if (u->Gone)
            Controller.FreeSlots(u, Limits.SlotCount);
    }

    private static void Drain(ExecUnit* unit)
    {
        DevUnit* u = (DevUnit*)unit;
        while (u->Core.InFlight != 0)
            Controller.WaitForCompletion(u->Base, u, null);
    }

    /// <summary>BeginIO of this driver's own commands: the geometry goes to the unit task, and TD_CHANGESTATE and
    /// TD_CHANGENUM too for a removable unit; TD_REMOVE is held,
    /// TD_EJECT, NSCMD_TD_CHANGEUNIT and the status callbacks are accepted and do nothing.</summary>
    private static byte Route(ExecUnit* unit, IOStdReq* io)
    {
        switch (io->io_Command)
        {
            case TrackDisk.TD_GETGEOMETRY:
            case TrackDisk.NSCMD_TD_GETGEOMETRY64:
            case TrackDisk.TD_GETNUMTRACKS:
                return AmigaDevice.Route.Queue;
            case TrackDisk.TD_CHANGESTATE:
            case TrackDisk.TD_CHANGENUM:
                // A removable medium is asked (TEST UNIT READY) on the unit task; a fixed disk's state is known.
                return ((DevUnit*)unit)->Removable ? AmigaDevice.Route.Queue : AmigaDevice.Route.Unknown;
            case TrackDisk.TD_REMOVE:
                Commands.Hold(unit, io);
                return AmigaDevice.Route.Held;
            case TrackDisk.TD_EJECT:
            case TrackDisk.NSCMD_TD_CHANGEUNIT:
            case TrackDisk.NSCMD_TD_ADDSTATCALLBACK:
            case TrackDisk.NSCMD_TD_REMSTATCALLBACK:
                return AmigaDevice.Route.Answered;
            default:
                return AmigaDevice.Route.Unknown;
        }
    }
}
