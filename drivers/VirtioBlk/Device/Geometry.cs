// TD_GETGEOMETRY and NSCMD_TD_GETGEOMETRY64 from the capacity and the block size (devices/trackdisk.h,
// libraries/mounter.h); the device's own geometry (VIRTIO_BLK_F_GEOMETRY) only when it is consistent.
using AmigaOS;

namespace VirtioBlkDevice;

public static unsafe class Geometry
{
    /// <summary>Largest number of blocks per cylinder the logical geometry uses.</summary>
    public const uint MaxCylSectors = 256;

    /// <summary>The unit's size in logical blocks (capacity counts 512-byte sectors, spec 5.2.4).</summary>
    public static ulong Blocks(DevUnit* u) => u->Capacity / (u->BlockSize / VirtioBlkSizes.SectorSize);

    /// <summary>A block count for a 32-bit field: clamped to 0xFFFFFFFF rather than wrapped (a wrap to 0 hides the disk).</summary>
    public static uint Clamp32(ulong value) => value > 0xFFFFFFFFul ? 0xFFFFFFFF : (uint)value;

    /// <summary>True when the device offers a geometry whose cylinders × heads × sectors is exactly the block count.</summary>
    public static bool DeviceGeometryFits(DevUnit* u) =>
        Units.Has(u, VirtioBlkF.Geometry) && u->Cylinders != 0 && u->Heads != 0 && u->Sectors != 0
        && (ulong)u->Cylinders * u->Heads * u->Sectors == Blocks(u);

    /// <summary>Blocks per cylinder of the logical geometry: the largest power of two that divides the block
    /// count, at most 256, so Cylinders × CylSectors == blocks whenever the cylinders fit 32 bits.</summary>
    public static uint CylSectors(ulong blocks)
    {
        uint cs = 1;
        while (cs < MaxCylSectors && blocks != 0 && blocks % (cs * 2u) == 0)
            cs *= 2;
        return cs;
    }

    /// <summary>TD_GETGEOMETRY: io_Data a struct DriveGeometry of io_Length bytes (smaller: IOERR_BADLENGTH).
    /// The device's geometry when consistent, else the logical CHS; TotalSectors clamped to 32 bits.</summary>
    public static sbyte Get(DevUnit* u, IOStdReq* io)
    {
        if (io->io_Data == null || io->io_Length < (uint)sizeof(DriveGeometry))
            return Exec.IOERR_BADLENGTH;
        DriveGeometry* g = (DriveGeometry*)io->io_Data;
        *g = default;
        ulong blocks = Blocks(u);
        g->dg_SectorSize = u->BlockSize;
        g->dg_TotalSectors = Clamp32(blocks);
        if (DeviceGeometryFits(u))
        {
            g->dg_Cylinders = u->Cylinders;
            g->dg_Heads = u->Heads;
            g->dg_TrackSectors = u->Sectors;
            g->dg_CylSectors = (uint)u->Heads * u->Sectors;
        }
        else
        {
            uint cs = CylSectors(blocks);
            ulong cylinders = blocks / cs;
            g->dg_Cylinders = cylinders == 0 ? 1u : Clamp32(cylinders);
            g->dg_CylSectors = cs;
            g->dg_Heads = cs;
            g->dg_TrackSectors = 1;
        }
        g->dg_BufMemType = Exec.MEMF_PUBLIC | Exec.MEMF_LOCAL;
        g->dg_DeviceType = TrackDisk.DG_DIRECT_ACCESS;
        g->dg_Flags = 0;
        io->io_Actual = (uint)sizeof(DriveGeometry);
        return 0;
    }

    /// <summary>NSCMD_TD_GETGEOMETRY64: the exact 64-bit block count (struct DriveGeometry64, smaller io_Length: IOERR_BADLENGTH).</summary>
    public static sbyte Get64(DevUnit* u, IOStdReq* io)
    {
        if (io->io_Data == null || io->io_Length < (uint)sizeof(DriveGeometry64))
            return Exec.IOERR_BADLENGTH;
        DriveGeometry64* g = (DriveGeometry64*)io->io_Data;
        *g = default;
        g->dg_SectorSize = u->BlockSize;
        g->dg_TotalSectors = Blocks(u);
        g->dg_DeviceType = TrackDisk.DG_DIRECT_ACCESS;
        g->dg_Flags = 0;
        io->io_Actual = (uint)sizeof(DriveGeometry64);
        return 0;
    }

    /// <summary>TD_GETNUMTRACKS: Cylinders × Heads of the TD_GETGEOMETRY answer, clamped to 32 bits.</summary>
    public static uint NumTracks(DevUnit* u)
    {
        if (DeviceGeometryFits(u))
            return (uint)u->Cylinders * u->Heads;
        ulong blocks = Blocks(u);
        uint cs = CylSectors(blocks);
        return Clamp32(blocks / cs * cs);
    }
}
