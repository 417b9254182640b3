// Mirrors of the AmigaOS device-command headers the driver implements: trackdisk (TD_*, ETD_*,
// TD64), SCSI direct (HD_SCSICMD), NSD (NSCMD_*) and mounter.library's 64-bit geometry.
// Names, values and layouts are the SDK's; structures are packed to 2 bytes.
using System.Runtime.InteropServices;
using DriverCompiler.Dsl;

namespace AmigaOS;

/// <summary>struct DriveGeometry (devices/trackdisk.h), 32 bytes: TD_GETGEOMETRY's result.</summary>
[CHeader("devices/trackdisk.h")]
[CType("struct DriveGeometry", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public struct DriveGeometry
{
    public uint dg_SectorSize;
    public uint dg_TotalSectors;
    public uint dg_Cylinders;
    public uint dg_CylSectors;
    public uint dg_Heads;
    public uint dg_TrackSectors;
    public uint dg_BufMemType;
    public byte dg_DeviceType;
    public byte dg_Flags;
    public ushort dg_Reserved;
}

/// <summary>struct DriveGeometry64 (libraries/mounter.h), 28 bytes: NSCMD_TD_GETGEOMETRY64's result.</summary>
[CHeader("libraries/mounter.h")]
[CType("struct DriveGeometry64", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct DriveGeometry64
{
    public uint dg_SectorSize;
    public ulong dg_Reserved1;
    public ulong dg_TotalSectors;
    public void* dg_BufMemTags;
    public byte dg_DeviceType;
    public byte dg_Flags;
    public ushort dg_Reserved2;
}

/// <summary>struct NSDeviceQueryResult (devices/newstyle.h), 16 bytes.</summary>
[CHeader("devices/newstyle.h")]
[CType("struct NSDeviceQueryResult", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct NSDeviceQueryResult
{
    public uint DevQueryFormat;
    public uint SizeAvailable;
    public ushort DeviceType;
    public ushort DeviceSubType;
    public ushort* SupportedCommands;
}

/// <summary>Trackdisk, TD64, SCSI-direct and NSD command numbers and error codes.</summary>
[CHeader("devices/trackdisk.h"), CHeader("devices/scsidisk.h"), CHeader("devices/newstyle.h"), CHeader("libraries/mounter.h")]
public static class TrackDisk
{
    [CConstant("TD_MOTOR")] public const ushort TD_MOTOR = 9;
    [CConstant("TD_SEEK")] public const ushort TD_SEEK = 10;
    [CConstant("TD_FORMAT")] public const ushort TD_FORMAT = 11;
    [CConstant("TD_REMOVE")] public const ushort TD_REMOVE = 12;
    [CConstant("TD_CHANGENUM")] public const ushort TD_CHANGENUM = 13;
    [CConstant("TD_CHANGESTATE")] public const ushort TD_CHANGESTATE = 14;
    [CConstant("TD_PROTSTATUS")] public const ushort TD_PROTSTATUS = 15;
    [CConstant("TD_RAWREAD")] public const ushort TD_RAWREAD = 16;
    [CConstant("TD_RAWWRITE")] public const ushort TD_RAWWRITE = 17;
    [CConstant("TD_GETDRIVETYPE")] public const ushort TD_GETDRIVETYPE = 18;
    [CConstant("TD_GETNUMTRACKS")] public const ushort TD_GETNUMTRACKS = 19;
    [CConstant("TD_ADDCHANGEINT")] public const ushort TD_ADDCHANGEINT = 20;
    [CConstant("TD_REMCHANGEINT")] public const ushort TD_REMCHANGEINT = 21;
    [CConstant("TD_GETGEOMETRY")] public const ushort TD_GETGEOMETRY = 22;
    [CConstant("TD_EJECT")] public const ushort TD_EJECT = 23;
    [CConstant("TD_READ64")] public const ushort TD_READ64 = 24;
    [CConstant("TD_WRITE64")] public const ushort TD_WRITE64 = 25;
    [CConstant("TD_SEEK64")] public const ushort TD_SEEK64 = 26;
    [CConstant("TD_FORMAT64")] public const ushort TD_FORMAT64 = 27;
    [CConstant("HD_SCSICMD")] public const ushort HD_SCSICMD = 28;

    [CConstant("TDF_EXTCOM")] public const ushort TDF_EXTCOM = 1 << 15;
    [CConstant("ETD_WRITE")] public const ushort ETD_WRITE = 3 | TDF_EXTCOM;
    [CConstant("ETD_READ")] public const ushort ETD_READ = 2 | TDF_EXTCOM;
    [CConstant("ETD_MOTOR")] public const ushort ETD_MOTOR = 9 | TDF_EXTCOM;
    [CConstant("ETD_SEEK")] public const ushort ETD_SEEK = 10 | TDF_EXTCOM;
    [CConstant("ETD_FORMAT")] public const ushort ETD_FORMAT = 11 | TDF_EXTCOM;
    [CConstant("ETD_UPDATE")] public const ushort ETD_UPDATE = 4 | TDF_EXTCOM;
    [CConstant("ETD_CLEAR")] public const ushort ETD_CLEAR = 5 | TDF_EXTCOM;

    [CConstant("NSCMD_DEVICEQUERY")] public const ushort NSCMD_DEVICEQUERY = 0x4000;
    [CConstant("NSCMD_TD_READ64")] public const ushort NSCMD_TD_READ64 = 0xC000;
    [CConstant("NSCMD_TD_WRITE64")] public const ushort NSCMD_TD_WRITE64 = 0xC001;
    [CConstant("NSCMD_TD_SEEK64")] public const ushort NSCMD_TD_SEEK64 = 0xC002;
    [CConstant("NSCMD_TD_FORMAT64")] public const ushort NSCMD_TD_FORMAT64 = 0xC003;
    [CConstant("NSCMD_ETD_READ64")] public const ushort NSCMD_ETD_READ64 = 0xE000;
    [CConstant("NSCMD_ETD_WRITE64")] public const ushort NSCMD_ETD_WRITE64 = 0xE001;
    [CConstant("NSCMD_ETD_SEEK64")] public const ushort NSCMD_ETD_SEEK64 = 0xE002;
    [CConstant("NSCMD_ETD_FORMAT64")] public const ushort NSCMD_ETD_FORMAT64 = 0xE003;
    [CConstant("NSCMD_TD_GETGEOMETRY64")] public const ushort NSCMD_TD_GETGEOMETRY64 = 0xA004;
    [CConstant("NSCMD_TD_CHANGEUNIT")] public const ushort NSCMD_TD_CHANGEUNIT = 0xA005;
    [CConstant("NSCMD_TD_ADDSTATCALLBACK")] public const ushort NSCMD_TD_ADDSTATCALLBACK = 0xA006;
    [CConstant("NSCMD_TD_REMSTATCALLBACK")] public const ushort NSCMD_TD_REMSTATCALLBACK = 0xA007;
    [CConstant("NSDEVTYPE_TRACKDISK")] public const ushort NSDEVTYPE_TRACKDISK = 5;

    [CConstant("DG_DIRECT_ACCESS")] public const byte DG_DIRECT_ACCESS = 0;
    [CConstant("DG_CDROM")] public const byte DG_CDROM = 5;
    [CConstant("DGF_REMOVABLE")] public const byte DGF_REMOVABLE = 1;
    [CConstant("DRIVE3_5")] public const uint DRIVE3_5 = 1;

    [CConstant("TDERR_NotSpecified")] public const sbyte TDERR_NotSpecified = 20;
    [CConstant("TDERR_BadSecHdr")] public const sbyte TDERR_BadSecHdr = 27;
    [CConstant("TDERR_WriteProt")] public const sbyte TDERR_WriteProt = 28;
    [CConstant("TDERR_DiskChanged")] public const sbyte TDERR_DiskChanged = 29;
    [CConstant("TDERR_NoMem")] public const sbyte TDERR_NoMem = 31;
    /// <summary>The unit does not exist (or no longer: a hot-unplugged unit).</summary>
    [CConstant("TDERR_BadUnitNum")] public const sbyte TDERR_BadUnitNum = 32;
    [CConstant("TDERR_BadDriveType")] public const sbyte TDERR_BadDriveType = 33;
    [CConstant("HFERR_DMA")] public const sbyte HFERR_DMA = 41;
    [CConstant("HFERR_BadStatus")] public const sbyte HFERR_BadStatus = 45;
}
