// Mirror of devices/scsidisk.h: the HD_SCSICMD request block and its flags. Names, values and
// layout are the SDK's; the structure is packed to 2 bytes (30 bytes on PowerPC).
using System.Runtime.InteropServices;
using DriverCompiler.Dsl;

namespace AmigaOS;

/// <summary>
/// struct SCSICmd (devices/scsidisk.h), 30 bytes: what io_Data points at for HD_SCSICMD.
/// scsi_Data/scsi_Length: the data phase buffer (direction from <see cref="ScsiDisk.SCSIF_READ"/>);
/// scsi_Actual: bytes moved; scsi_Command/scsi_CmdLength: the CDB; scsi_CmdActual: CDB bytes sent;
/// scsi_Status: the SCSI status byte; scsi_SenseData/scsi_SenseLength/scsi_SenseActual: the
/// autosense buffer, its size and the sense bytes stored.
/// </summary>
[CHeader("devices/scsidisk.h")]
[CType("struct SCSICmd", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct SCSICmd
{
    public ushort* scsi_Data;
    public uint scsi_Length;
    public uint scsi_Actual;
    public byte* scsi_Command;
    public ushort scsi_CmdLength;
    public ushort scsi_CmdActual;
    public byte scsi_Flags;
    public byte scsi_Status;
    public byte* scsi_SenseData;
    public ushort scsi_SenseLength;
    public ushort scsi_SenseActual;
}

/// <summary>scsi_Flags bits and the HFERR_* codes of devices/scsidisk.h not already in <see cref="TrackDisk"/>.</summary>
[CHeader("devices/scsidisk.h")]
public static class ScsiDisk
{
    /// <summary>Data phase from the device into scsi_Data (clear: from scsi_Data to the device).</summary>
    [CConstant("SCSIF_READ")] public const byte SCSIF_READ = 1;
    [CConstant("SCSIF_WRITE")] public const byte SCSIF_WRITE = 0;
    /// <summary>On CHECK CONDITION, store the sense data in scsi_SenseData (SCSIF_OLDAUTOSENSE includes this bit).</summary>
    [CConstant("SCSIF_AUTOSENSE")] public const byte SCSIF_AUTOSENSE = 2;
    /// <summary>The target did not answer selection (virtio-scsi: VIRTIO_SCSI_S_BAD_TARGET).</summary>
    [CConstant("HFERR_SelTimeout")] public const sbyte HFERR_SelTimeout = 44;
}
