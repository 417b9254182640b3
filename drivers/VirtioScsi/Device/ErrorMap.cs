// The io_Error a completed SCSI command gives: virtio-scsi response, SCSI status and sense key.
using AmigaOS;
using Scsi;

namespace VirtioScsiDevice;

public static class ErrorMap
{
    /// <summary>
    /// The retry policy: a command that came back CHECK CONDITION with UNIT ATTENTION (the unit reports a reset, a
    /// medium or parameter change; the command was not run, SPC-4 5.14) or ABORTED COMMAND (the device server
    /// aborted it; "the application client may be able to recover by trying the command again", SPC-4 4.5.6
    /// table 27; QEMU reports a host I/O error, EIO, as ABORTED COMMAND 00h/06h) is sent again, at most
    /// <see cref="Limits.Retries"/> times. Anything else is final at once: MEDIUM ERROR and HARDWARE ERROR (the
    /// same command would meet the same defect), NOT READY, ILLEGAL REQUEST, DATA PROTECT, a status other than
    /// CHECK CONDITION and a virtio-scsi response other than OK. HD_SCSICMD is never retried (the caller sees the
    /// sense).
    /// </summary>
    public static bool Retryable(byte response, byte status, byte senseKey) =>
        response == VirtioScsi.S_Ok && status == ScsiStatus.CheckCondition
        && (senseKey == SenseKey.UnitAttention || senseKey == SenseKey.AbortedCommand);

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
