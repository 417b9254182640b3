// The io_Error a completed SCSI command gives: virtio-scsi response, SCSI status and sense key.
using AmigaOS;
using Scsi;

namespace VirtioScsiDevice;

public static class ErrorMap
{
    /// <summary>
    /// io_Error for a command that came back with virtio-scsi <paramref name="response"/>, SCSI
    /// <paramref name="status"/> and (CHECK CONDITION) <paramref name="senseKey"/>: 0 for success,
    /// NO SENSE and RECOVERED ERROR; ILLEGAL REQUEST (e.g. beyond the last block) gives IOERR_NOCMD,
    /// UNIT ATTENTION TDERR_DiskChanged, DATA PROTECT TDERR_WriteProt, MEDIUM ERROR TDERR_BadSecHdr,
    /// NOT READY and HARDWARE ERROR TDERR_BadDriveType; a transport failure TDERR_NotSpecified;
    /// another status HFERR_BadStatus.
    /// </summary>
    public static sbyte FromScsi(byte response, byte status, byte senseKey)
    {
        if (response != VirtioScsi.S_Ok)
            return TrackDisk.TDERR_NotSpecified;
        if (status == ScsiStatus.Good)
            return 0;
        if (status != ScsiStatus.CheckCondition)
            return TrackDisk.HFERR_BadStatus;
        switch (senseKey)
        {
            case SenseKey.NoSense:
            case SenseKey.RecoveredError:
                return 0;
            case SenseKey.NotReady:
            case SenseKey.HardwareError:
                return TrackDisk.TDERR_BadDriveType;
            case SenseKey.MediumError:
                return TrackDisk.TDERR_BadSecHdr;
            case SenseKey.IllegalRequest:
                return Exec.IOERR_NOCMD;
            case SenseKey.UnitAttention:
                return TrackDisk.TDERR_DiskChanged;
            case SenseKey.DataProtect:
                return TrackDisk.TDERR_WriteProt;
            case SenseKey.AbortedCommand:
                return TrackDisk.TDERR_NotSpecified;
            default:
                return TrackDisk.HFERR_BadStatus;
        }
    }
}
