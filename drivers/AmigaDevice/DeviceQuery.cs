// NSCMD_DEVICEQUERY (New Style Devices, devices/newstyle.h): what the device is and what it supports.
using AmigaOS;

namespace AmigaDevice;

public static unsafe class DeviceQuery
{
    /// <summary>Fills the caller's NSDeviceQueryResult (io_Data, io_Length ≥ 16, else IOERR_BADLENGTH) for a trackdisk-like
    /// device whose commands are <paramref name="supported"/> (0-terminated: the list a file system checks for TD64/NSD).</summary>
    public static sbyte Answer(IOStdReq* io, ushort* supported)
    {
        if (io->io_Data == null || io->io_Length < (uint)sizeof(NSDeviceQueryResult))
            return Exec.IOERR_BADLENGTH;
        NSDeviceQueryResult* r = (NSDeviceQueryResult*)io->io_Data;
        r->DevQueryFormat = 0;
        r->SizeAvailable = (uint)sizeof(NSDeviceQueryResult);
        r->DeviceType = TrackDisk.NSDEVTYPE_TRACKDISK;
        r->DeviceSubType = 0;
        r->SupportedCommands = supported;
        io->io_Actual = (uint)sizeof(NSDeviceQueryResult);
        return 0;
    }
}
