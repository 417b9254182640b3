// NSCMD_DEVICEQUERY (New Style Devices, devices/newstyle.h): what the device is and what it supports.
using AmigaOS;

namespace VirtioBlkDevice;

public static unsafe class DeviceQuery
{
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

    /// <summary>Fills the caller's NSDeviceQueryResult (io_Data, io_Length ≥ 16, else IOERR_BADLENGTH): a trackdisk-like device.</summary>
    public static sbyte Answer(IOStdReq* io)
    {
        if (io->io_Data == null || io->io_Length < (uint)sizeof(NSDeviceQueryResult))
            return Exec.IOERR_BADLENGTH;
        NSDeviceQueryResult* r = (NSDeviceQueryResult*)io->io_Data;
        r->DevQueryFormat = 0;
        r->SizeAvailable = (uint)sizeof(NSDeviceQueryResult);
        r->DeviceType = TrackDisk.NSDEVTYPE_TRACKDISK;
        r->DeviceSubType = 0;
        fixed (ushort* list = Supported)
            r->SupportedCommands = list;
        io->io_Actual = (uint)sizeof(NSDeviceQueryResult);
        return 0;
    }
}
