// The capacity of a unit from READ CAPACITY(10) and (16) data; the drive geometry built from it is the
// AmigaDevice library's LogicalGeometry.
namespace VirtioScsiDevice;

public static unsafe class Geometry
{
    /// <summary>
    /// Parses READ CAPACITY(10) data (8 bytes, SBC-3 5.15.2): the last LBA and the block length. Returns
    /// false when the last LBA is 0xFFFFFFFF, i.e. the capacity needs READ CAPACITY(16).
    /// </summary>
    public static bool ParseCapacity10(byte* data, ulong* totalBlocks, uint* blockSize)
    {
        uint last = Scsi.Cdb.Get32(data);
        *blockSize = Scsi.Cdb.Get32(data + 4);
        if (last == 0xFFFFFFFF)
            return false;
        *totalBlocks = (ulong)last + 1;
        return true;
    }

    /// <summary>Parses READ CAPACITY(16) data (SBC-3 5.16.2): 64-bit last LBA, then the block length.</summary>
    public static void ParseCapacity16(byte* data, ulong* totalBlocks, uint* blockSize)
    {
        *totalBlocks = Scsi.Cdb.Get64(data) + 1;
        *blockSize = Scsi.Cdb.Get32(data + 8);
    }
}
