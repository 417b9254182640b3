// Bindings of timer.device (devices/timer.h) and its ITimer interface, for drivers that time out
// requests or poll: the request structure, the units and commands, and the interface methods.
// Source: AmigaOS 4.1 SDK 53.x, include_h/devices/timer.h and the timer.device autodoc.
using System.Runtime.InteropServices;
using DriverCompiler.Dsl;

namespace AmigaOS;

/// <summary>struct TimeVal (devices/timer.h), 8 bytes: seconds and microseconds (AmigaOS 4 names; the old
/// <c>struct timeval</c> with tv_secs/tv_micro has the same layout).</summary>
[CHeader("devices/timer.h")]
[CType("struct TimeVal", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public struct TimeVal
{
    public uint Seconds;
    public uint Microseconds;
}

/// <summary>struct EClockVal (devices/timer.h), 8 bytes: the 64-bit E-clock count ReadEClock returns, high word first.</summary>
[CHeader("devices/timer.h")]
[CType("struct EClockVal", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public struct EClockVal
{
    public uint ev_hi;
    public uint ev_lo;
}

/// <summary>struct TimeRequest (devices/timer.h), 40 bytes: the I/O request of timer.device (TR_ADDREQUEST waits
/// <see cref="Time"/>; TR_GETSYSTIME fills it).</summary>
[CHeader("devices/timer.h")]
[CType("struct TimeRequest", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public struct TimeRequest
{
    public IORequest Request;
    public TimeVal Time;
}

/// <summary>timer.device's units and commands, and the ITimer interface (obtained by the driver from the opened
/// device's io_Device with GetInterface(..., "main", 1, NULL) and kept in a global named ITimer).</summary>
[CHeader("devices/timer.h"), CHeader("interfaces/timer.h")]
public static unsafe class Timer
{
    [CConstant("UNIT_MICROHZ")] public const uint UNIT_MICROHZ = 0;
    [CConstant("UNIT_VBLANK")] public const uint UNIT_VBLANK = 1;
    [CConstant("UNIT_ECLOCK")] public const uint UNIT_ECLOCK = 2;
    [CConstant("UNIT_WAITUNTIL")] public const uint UNIT_WAITUNTIL = 3;
    [CConstant("UNIT_WAITECLOCK")] public const uint UNIT_WAITECLOCK = 4;
    /// <summary>Wait the request's Time (CMD_NONSTD).</summary>
    [CConstant("TR_ADDREQUEST")] public const ushort TR_ADDREQUEST = 9;
    [CConstant("TR_GETSYSTIME")] public const ushort TR_GETSYSTIME = 10;
    [CConstant("TR_SETSYSTIME")] public const ushort TR_SETSYSTIME = 11;

    [CBinding("GetSysTime", Interface = "ITimer")] public static extern void GetSysTime(TimeVal* dest);
    [CBinding("GetUpTime", Interface = "ITimer")] public static extern void GetUpTime(TimeVal* dest);
    /// <summary>Reads the E-clock into <paramref name="dest"/>; returns its frequency in Hz.</summary>
    [CBinding("ReadEClock", Interface = "ITimer")] public static extern uint ReadEClock(EClockVal* dest);
    [CBinding("AddTime", Interface = "ITimer")] public static extern void AddTime(TimeVal* dest, TimeVal* src);
    [CBinding("SubTime", Interface = "ITimer")] public static extern void SubTime(TimeVal* dest, TimeVal* src);
    [CBinding("CmpTime", Interface = "ITimer")] public static extern int CmpTime(TimeVal* dest, TimeVal* src);
}
