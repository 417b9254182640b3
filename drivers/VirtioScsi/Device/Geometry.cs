// Drive geometry for TD_GETGEOMETRY: a logical CHS whose product is exactly the number of blocks.
namespace VirtioScsiDevice;

public static unsafe class Geometry
{
    /// <summary>Largest number of blocks per cylinder the logical geometry uses.</summary>
    public const uint MaxCylSectors = 256;

    /// <summary>
    /// Blocks per cylinder: the largest power of two that divides <paramref name="totalBlocks"/>, at
    /// most 256, so Cylinders × CylSectors == totalBlocks whenever the cylinders fit 32 bits.
    /// </summary>
    public static uint CylSectors(ulong totalBlocks)
    {
        uint cs = 1;
        while (cs < MaxCylSectors && totalBlocks != 0 && totalBlocks % (cs * 2u) == 0)
            cs *= 2;
        return cs;
    }

    /// <summary>Cylinders of the logical geometry: totalBlocks / CylSectors, clamped to 1..0xFFFFFFFF.</summary>
    public static uint Cylinders(ulong totalBlocks)
    {
        ulong c = totalBlocks / CylSectors(totalBlocks);
        if (c > 0xFFFFFFFFul)
            return 0xFFFFFFFF;
        return c == 0 ? 1u : (uint)c;
    }

    /// <summary>A block count for a 32-bit field: clamped to 0xFFFFFFFF rather than wrapped (a wrap to 0 hides the disk).</summary>
    public static uint Clamp32(ulong value) => value > 0xFFFFFFFFul ? 0xFFFFFFFF : (uint)value;

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
