// TD_GETGEOMETRY and NSCMD_TD_GETGEOMETRY64 from the capacity and the block size (devices/trackdisk.h,
// libraries/mounter.h): the AmigaDevice library's logical geometry, or the device's own geometry
// (VIRTIO_BLK_F_GEOMETRY) when it is consistent.
using AmigaDevice;
using AmigaOS;

namespace VirtioBlkDevice;

public static unsafe class Geometry
{
    /// <summary>The unit's size in logical blocks (capacity counts 512-byte sectors, spec 5.2.4).</summary>
    public static ulong Blocks(DevUnit* u) => u->Capacity / (u->BlockSize / VirtioBlkSizes.SectorSize);

    /// <summary>True when the device offers a geometry whose cylinders × heads × sectors is exactly the block count.</summary>
    public static bool DeviceGeometryFits(DevUnit* u) =>
        Units.Has(u, VirtioBlkF.Geometry) && u->Cylinders != 0 && u->Heads != 0 && u->Sectors != 0
        && (ulong)u->Cylinders * u->Heads * u->Sectors == Blocks(u);

    /// <summary>TD_GETGEOMETRY: io_Data a struct DriveGeometry of io_Length bytes (smaller: IOERR_BADLENGTH).
    /// The device's geometry when consistent, else the logical CHS; TotalSectors clamped to 32 bits.</summary>
    public static sbyte Get(DevUnit* u, IOStdReq* io)
    {
        sbyte error = LogicalGeometry.Answer(io, Blocks(u), u->BlockSize, TrackDisk.DG_DIRECT_ACCESS, 0);
        if (error == 0 && DeviceGeometryFits(u))
        {
            DriveGeometry* g = (DriveGeometry*)io->io_Data;
            g->dg_Cylinders = u->Cylinders;
            g->dg_Heads = u->Heads;
            g->dg_TrackSectors = u->Sectors;
            g->dg_CylSectors = (uint)u->Heads * u->Sectors;
        }
        return error;
    }

    /// <summary>NSCMD_TD_GETGEOMETRY64: the exact 64-bit block count (struct DriveGeometry64, smaller io_Length: IOERR_BADLENGTH).</summary>
    public static sbyte Get64(DevUnit* u, IOStdReq* io) =>
        LogicalGeometry.Answer64(io, Blocks(u), u->BlockSize, TrackDisk.DG_DIRECT_ACCESS, 0);

    /// <summary>TD_GETNUMTRACKS: Cylinders × Heads of the TD_GETGEOMETRY answer, clamped to 32 bits.</summary>
    public static uint NumTracks(DevUnit* u) =>
        DeviceGeometryFits(u) ? (uint)u->Cylinders * u->Heads : LogicalGeometry.NumTracks(Blocks(u));
}
