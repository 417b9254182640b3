// Mirrors of the AmigaOS device-command headers the driver implements: trackdisk (TD_*, ETD_*,
// TD64), SCSI direct (HD_SCSICMD), NSD (NSCMD_*) and mounter.library's 64-bit geometry.
// Names, values and layouts are the SDK's; structures are packed to 2 bytes.
using System.Runtime.InteropServices;
using DriverCompiler.Dsl;

namespace AmigaOS;

/// <summary>struct DriveGeometry (devices/trackdisk.h), 32 bytes: TD_GETGEOMETRY's result.</summary>
[CType("struct DriveGeometry"), StructLayout(LayoutKind.Sequential, Pack = 2)]
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
[CType("struct DriveGeometry64"), StructLayout(LayoutKind.Sequential, Pack = 2)]
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
[CType("struct NSDeviceQueryResult"), StructLayout(LayoutKind.Sequential, Pack = 2)]
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
    public const ushort TD_MOTOR = 9;
    public const ushort TD_SEEK = 10;
    public const ushort TD_FORMAT = 11;
    public const ushort TD_REMOVE = 12;
    public const ushort TD_CHANGENUM = 13;
    public const ushort TD_CHANGESTATE = 14;
    public const ushort TD_PROTSTATUS = 15;
    public const ushort TD_RAWREAD = 16;
    public const ushort TD_RAWWRITE = 17;
    public const ushort TD_GETDRIVETYPE = 18;
    public const ushort TD_GETNUMTRACKS = 19;
    public const ushort TD_ADDCHANGEINT = 20;
    public const ushort TD_REMCHANGEINT = 21;
    public const ushort TD_GETGEOMETRY = 22;
    public const ushort TD_EJECT = 23;
    public const ushort TD_READ64 = 24;
    public const ushort TD_WRITE64 = 25;
    public const ushort TD_SEEK64 = 26;
    public const ushort TD_FORMAT64 = 27;
    public const ushort HD_SCSICMD = 28;

    public const ushort TDF_EXTCOM = 1 << 15;
    public const ushort ETD_WRITE = 3 | TDF_EXTCOM;
    public const ushort ETD_READ = 2 | TDF_EXTCOM;
    public const ushort ETD_MOTOR = 9 | TDF_EXTCOM;
    public const ushort ETD_SEEK = 10 | TDF_EXTCOM;
    public const ushort ETD_FORMAT = 11 | TDF_EXTCOM;
    public const ushort ETD_UPDATE = 4 | TDF_EXTCOM;
    public const ushort ETD_CLEAR = 5 | TDF_EXTCOM;

    public const ushort NSCMD_DEVICEQUERY = 0x4000;
    public const ushort NSCMD_TD_READ64 = 0xC000;
    public const ushort NSCMD_TD_WRITE64 = 0xC001;
    public const ushort NSCMD_TD_SEEK64 = 0xC002;
    public const ushort NSCMD_TD_FORMAT64 = 0xC003;
    public const ushort NSCMD_ETD_READ64 = 0xE000;
    public const ushort NSCMD_ETD_WRITE64 = 0xE001;
    public const ushort NSCMD_ETD_SEEK64 = 0xE002;
    public const ushort NSCMD_ETD_FORMAT64 = 0xE003;
    public const ushort NSCMD_TD_GETGEOMETRY64 = 0xA004;
    public const ushort NSCMD_TD_CHANGEUNIT = 0xA005;
    public const ushort NSCMD_TD_ADDSTATCALLBACK = 0xA006;
    public const ushort NSCMD_TD_REMSTATCALLBACK = 0xA007;
    public const ushort NSDEVTYPE_TRACKDISK = 5;

    public const byte DG_DIRECT_ACCESS = 0;
    public const byte DG_CDROM = 5;
    public const byte DGF_REMOVABLE = 1;
    public const uint DRIVE3_5 = 1;

    public const sbyte TDERR_NotSpecified = 20;
    public const sbyte TDERR_BadSecHdr = 27;
    public const sbyte TDERR_WriteProt = 28;
    public const sbyte TDERR_DiskChanged = 29;
    public const sbyte TDERR_NoMem = 31;
    public const sbyte TDERR_BadDriveType = 33;
    public const sbyte HFERR_DMA = 41;
    public const sbyte HFERR_BadStatus = 45;
}
