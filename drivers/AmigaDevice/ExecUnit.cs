// A unit of an exec device: the state every driver of this project keeps for one unit (what io_Unit
// points at), and the operations through which the library's unit task and BeginIO reach the driver.
using AmigaOS;

namespace AmigaDevice;

/// <summary>
/// The library's part of a unit. A driver's unit struct has it as its <b>first</b> field, so io_Unit
/// (a <c>struct Unit *</c>, exec/devices.h) points at the driver's unit, at this struct and at its
/// <see cref="Unit"/> alike; the driver's operations cast it back to their own unit.
/// </summary>
public unsafe struct ExecUnit
{
    /// <summary>exec's unit (its message port is initialised, never used: requests go to <see cref="Port"/>).</summary>
    public Unit Unit;
    /// <summary>The driver's operations (one table for all its units).</summary>
    public UnitOps* Ops;
    /// <summary>Opens of this unit; the first starts its task, the last close stops it.</summary>
    public uint OpenCount;
    /// <summary>Serialises Open and Close of this unit: starting or stopping its task waits, and exec lets other
    /// tasks run (and open the same unit) meanwhile.</summary>
    public void* OpenLock;
    /// <summary>The unit task (running while the unit is open), its request port (guarded by <see cref="PortLock"/>:
    /// BeginIO, AbortIO and the task touch its list) and the signal completions raise (<see cref="DoneMask"/>).</summary>
    public DeviceTask Worker;
    public MsgPort* Port;
    public void* PortLock;
    public uint PortMask;
    public uint DoneMask;
    public int DoneSignal;
    /// <summary>No interrupt wakes this unit's task: while requests are in flight it polls instead of waiting.</summary>
    public bool Polled;
    /// <summary>TD_CHANGESTATE: no medium in the drive (a CD-ROM tray open or empty).</summary>
    public bool MediumAbsent;
    /// <summary>TD_PROTSTATUS: the medium is write-protected.</summary>
    public bool WriteProtected;
    /// <summary>Requests of this unit the device holds.</summary>
    public ushort InFlight;
    /// <summary>TD_CHANGENUM: media changes so far (<see cref="Commands.MediaChanged"/> counts them).</summary>
    public uint ChangeCount;
    /// <summary>The held TD_ADDCHANGEINT request (io_Data: the struct Interrupt to Cause on a media change).</summary>
    public IOStdReq* ChangeInt;
    /// <summary>The held TD_REMOVE request (io_Data: the struct Interrupt to Cause), for a driver that accepts TD_REMOVE.</summary>
    public IOStdReq* RemoveReq;
}

/// <summary>How BeginIO goes on with a command the driver's <see cref="UnitOps.Route"/> looked at.</summary>
public static class Route
{
    /// <summary>Not the driver's: the library answers it if it is one of the commands every unit knows, else IOERR_NOCMD.</summary>
    public const byte Unknown = 0;
    /// <summary>Answered (io_Error and io_Actual set): replied unless IOF_QUICK.</summary>
    public const byte Answered = 1;
    /// <summary>Goes to the unit task, which calls <see cref="UnitOps.Command"/>.</summary>
    public const byte Queue = 2;
    /// <summary>Kept by the driver (replied later): IOF_QUICK is cleared, nothing is replied now.</summary>
    public const byte Held = 3;
}

/// <summary>
/// The driver's side of its units: what the library's unit task (<see cref="UnitTask"/>) and BeginIO
/// (<see cref="Commands"/>) call. A <c>void*</c> slot is the driver's own request slot. Every member but <see cref="Closed"/> must be set.
/// </summary>
public unsafe struct UnitOps
{
    /// <summary>At the first open, before the task starts: allocates the unit's request buffers. False fails the open.</summary>
    public delegate*<ExecUnit*, bool> Prepare;
    /// <summary>Each round of the task, before it takes new requests: finishes what the device has completed.</summary>
    public delegate*<ExecUnit*, void> Service;
    /// <summary>A free request slot of the unit, or null when all are in use.</summary>
    public delegate*<ExecUnit*, void*> FreeSlot;
    /// <summary>
    /// A read or write (CMD_READ/WRITE, TD_FORMAT, the ETD_ and 64-bit forms) at byte <c>offset</c> on slot
    /// <c>slot</c>. True: submitted (the completion replies); false: finished with io_Error, the task replies.
    /// </summary>
    public delegate*<ExecUnit*, void*, IOStdReq*, ulong, bool, bool> Transfer;
    /// <summary>Any other command BeginIO queued (CMD_UPDATE, HD_SCSICMD, what <see cref="Route"/> queued): as <see cref="Transfer"/>.</summary>
    public delegate*<ExecUnit*, void*, IOStdReq*, bool> Command;
    /// <summary>Notifies the device of the requests submitted in this round.</summary>
    public delegate*<ExecUnit*, void> Kick;
    /// <summary>At the last close: waits until the device has given back every request of the unit.</summary>
    public delegate*<ExecUnit*, void> Drain;
    /// <summary>BeginIO of any command but the transfers, before the library's own answers: one of <see cref="AmigaDevice.Route"/>.</summary>
    public delegate*<ExecUnit*, IOStdReq*, byte> Route;
    /// <summary>After the task stopped at the last close (may be null): frees what only an open unit needs.</summary>
    public delegate*<ExecUnit*, void> Closed;
    /// <summary>NSCMD_DEVICEQUERY's list: every command BeginIO accepts, 0-terminated.</summary>
    public ushort* Supported;
}
