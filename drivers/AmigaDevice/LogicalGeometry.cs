// TD_GETGEOMETRY, NSCMD_TD_GETGEOMETRY64 and TD_GETNUMTRACKS (devices/trackdisk.h) of a disk known only
// by its block count: a logical CHS whose product is exactly the number of blocks.
using AmigaOS;

namespace AmigaDevice;

public static unsafe class LogicalGeometry
{
    /// <summary>Largest number of blocks per cylinder the logical geometry uses.</summary>
    public const uint MaxCylSectors = 256;

    /// <summary>
    /// Blocks per cylinder: the largest power of two that divides <paramref name="blocks"/>, at most 256,
    /// so Cylinders × CylSectors == blocks whenever the cylinders fit 32 bits.
    /// </summary>
    public static uint CylSectors(ulong blocks)
    {
        uint cs = 1;
        while (cs < MaxCylSectors && blocks != 0 && blocks % (cs * 2u) == 0)
            cs *= 2;
        return cs;
    }

    /// <summary>Cylinders of the logical geometry: blocks / CylSectors, clamped to 1..0xFFFFFFFF.</summary>
    public static uint Cylinders(ulong blocks)
    {
        ulong c = blocks / CylSectors(blocks);
        if (c > 0xFFFFFFFFul)
            return 0xFFFFFFFF;
        return c == 0 ? 1u : (uint)c;
    }

    /// <summary>A block count for a 32-bit field: clamped to 0xFFFFFFFF rather than wrapped (a wrap to 0 hides the disk).</summary>
    public static uint Clamp32(ulong value) => value > 0xFFFFFFFFul ? 0xFFFFFFFF : (uint)value;

    /// <summary>
    /// TD_GETGEOMETRY: fills the struct DriveGeometry at io_Data (io_Length smaller: IOERR_BADLENGTH) for
    /// <paramref name="blocks"/> blocks of <paramref name="blockSize"/> bytes: Heads = CylSectors, one block per
    /// track, TotalSectors clamped to 32 bits, buffers MEMF_PUBLIC | MEMF_LOCAL; <paramref name="deviceType"/>
    /// (DG_DIRECT_ACCESS, DG_CDROM) and <paramref name="flags"/> (DGF_REMOVABLE) as given. Returns the io_Error.
    /// </summary>
    public static sbyte Answer(IOStdReq* io, ulong blocks, uint blockSize, byte deviceType, byte flags)
    {
        if (io->io_Data == null || io->io_Length < (uint)sizeof(DriveGeometry))
            return Exec.IOERR_BADLENGTH;
        DriveGeometry* g = (DriveGeometry*)io->io_Data;
        *g = default;
        uint cs = CylSectors(blocks);
        g->dg_SectorSize = blockSize;
        g->dg_TotalSectors = Clamp32(blocks);
        g->dg_Cylinders = Cylinders(blocks);
        g->dg_CylSectors = cs;
        g->dg_Heads = cs;
        g->dg_TrackSectors = 1;
        g->dg_BufMemType = Exec.MEMF_PUBLIC | Exec.MEMF_LOCAL;
        g->dg_DeviceType = deviceType;
        g->dg_Flags = flags;
        io->io_Actual = (uint)sizeof(DriveGeometry);
        return 0;
    }

    /// <summary>NSCMD_TD_GETGEOMETRY64: the exact 64-bit block count in the struct DriveGeometry64 at io_Data
    /// (io_Length smaller: IOERR_BADLENGTH), type and flags as for <see cref="Answer"/>. Returns the io_Error.</summary>
    public static sbyte Answer64(IOStdReq* io, ulong blocks, uint blockSize, byte deviceType, byte flags)
    {
        if (io->io_Data == null || io->io_Length < (uint)sizeof(DriveGeometry64))
            return Exec.IOERR_BADLENGTH;
        DriveGeometry64* g = (DriveGeometry64*)io->io_Data;
        *g = default;
        g->dg_SectorSize = blockSize;
        g->dg_TotalSectors = blocks;
        g->dg_DeviceType = deviceType;
        g->dg_Flags = flags;
        io->io_Actual = (uint)sizeof(DriveGeometry64);
        return 0;
    }

    /// <summary>TD_GETNUMTRACKS: tracks of the <see cref="Answer"/> geometry (Cylinders × Heads, one block per track), clamped to 32 bits.</summary>
    public static uint NumTracks(ulong blocks) => Clamp32((ulong)Cylinders(blocks) * CylSectors(blocks));
}
