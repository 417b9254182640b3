// A device that needs the time: Init stamps the device base with ITimer->GetUpTime, and each open
// records the time again. Everything else answers IOERR_NOCMD.
using AmigaOS;
using DriverCompiler.Dsl;

[assembly: Driver("timerdev", DriverTarget.AmigaOS4, Prefix = "tdev", Version = 1, Revision = 0)]

namespace TimerDevice;

/// <summary>The device base: struct Device first.</summary>
public unsafe struct TimerDevBase
{
    public Device Dev;
    public ushort Pad;
    public TimeVal Started;
    public TimeVal LastOpen;
}

public static unsafe class Entry
{
    private static TimerDevBase* Base;

    [DeviceEntry(DeviceEntryPoint.Init)]
    public static bool Init(TimerDevBase* b)
    {
        Base = b;
        TimeVal now;
        Timer.GetUpTime(&now);
        b->Started = now;
        return now.Seconds != 0 || now.Microseconds != 0;
    }

    [DeviceEntry(DeviceEntryPoint.Expunge)]
    public static void Expunge()
    {
        Base = null;
    }

    [DeviceEntry(DeviceEntryPoint.Open)]
    public static sbyte Open(IORequest* io, uint unit, uint flags)
    {
        if (unit != 0)
            return Exec.IOERR_OPENFAIL;
        TimeVal now;
        Timer.GetUpTime(&now);
        Base->LastOpen = now;
        return 0;
    }

    [DeviceEntry(DeviceEntryPoint.Close)]
    public static void Close(IORequest* io)
    {
    }

    [DeviceEntry(DeviceEntryPoint.BeginIO)]
    public static void BeginIO(IORequest* io)
    {
        io->io_Error = Exec.IOERR_NOCMD;
        if ((io->io_Flags & Exec.IOF_QUICK) == 0)
            Exec.ReplyMsg(&io->io_Message);
    }

    [DeviceEntry(DeviceEntryPoint.AbortIO)]
    public static int AbortIO(IORequest* io)
    {
        return 0;
    }
}
