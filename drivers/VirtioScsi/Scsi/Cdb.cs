// SCSI command descriptor blocks (SBC-3 / SPC-4). Multi-byte CDB fields are big-endian.
namespace Scsi;

/// <summary>SCSI operation codes (SPC-4, SBC-3).</summary>
public static class ScsiOp
{
    public const byte TestUnitReady = 0x00;
    public const byte RequestSense = 0x03;
    public const byte Inquiry = 0x12;
    public const byte ReadCapacity10 = 0x25;
    public const byte Read10 = 0x28;
    public const byte Write10 = 0x2A;
    public const byte SynchronizeCache10 = 0x35;
    public const byte Read16 = 0x88;
    public const byte Write16 = 0x8A;
    public const byte ReportLuns = 0xA0;
    public const byte ServiceActionIn16 = 0x9E;
    /// <summary>SERVICE ACTION IN(16)'s READ CAPACITY(16) service action.</summary>
    public const byte SaReadCapacity16 = 0x10;
}

/// <summary>SCSI status codes (SAM-5).</summary>
public static class ScsiStatus
{
    public const byte Good = 0x00;
    public const byte CheckCondition = 0x02;
    public const byte Busy = 0x08;
}

/// <summary>INQUIRY data fields (SPC-4 6.6.2).</summary>
public static class Inquiry
{
    /// <summary>Bytes of standard INQUIRY data the driver asks for.</summary>
    public const int Length = 36;
    public const byte TypeDisk = 0x00;
    public const byte TypeCdrom = 0x05;
    /// <summary>Peripheral qualifier 3: no device can be attached at this LUN.</summary>
    public const byte QualifierNotSupported = 3;
    /// <summary>Peripheral qualifier 1: a device of this type is supported but not connected at this LUN.</summary>
    public const byte QualifierNotConnected = 1;
    /// <summary>Byte 1 bit 7: removable medium.</summary>
    public const byte RemovableMedium = 0x80;
}

/// <summary>Builders of the CDBs the driver sends. Each writes <paramref name="cdb"/>[0..n) and returns n.</summary>
public static unsafe class Cdb
{
    public const int MaxLength = 16;

    private static void Zero(byte* cdb, int n)
    {
        for (int i = 0; i < n; i++)
            cdb[i] = 0;
    }

    private static void Put16(byte* p, uint v)
    {
        p[0] = (byte)(v >> 8);
        p[1] = (byte)v;
    }

    private static void Put32(byte* p, uint v)
    {
        p[0] = (byte)(v >> 24);
        p[1] = (byte)(v >> 16);
        p[2] = (byte)(v >> 8);
        p[3] = (byte)v;
    }

    private static void Put64(byte* p, ulong v)
    {
        Put32(p, (uint)(v >> 32));
        Put32(p + 4, (uint)v);
    }

    /// <summary>TEST UNIT READY (SPC-4 6.47), 6 bytes.</summary>
    public static int TestUnitReady(byte* cdb)
    {
        Zero(cdb, 6);
        cdb[0] = ScsiOp.TestUnitReady;
        return 6;
    }

    /// <summary>INQUIRY of standard data (SPC-4 6.6), 6 bytes, <paramref name="allocation"/> bytes wanted.</summary>
    public static int Inquiry(byte* cdb, ushort allocation)
    {
        Zero(cdb, 6);
        cdb[0] = ScsiOp.Inquiry;
        Put16(cdb + 3, allocation);
        return 6;
    }

    /// <summary>REPORT LUNS (SPC-4 6.33), 12 bytes, SELECT REPORT 0 (every logical unit), <paramref name="allocation"/>
    /// bytes wanted: an 8-byte header (LUN LIST LENGTH, big-endian) and 8 bytes a LUN.</summary>
    public static int ReportLuns(byte* cdb, uint allocation)
    {
        Zero(cdb, 12);
        cdb[0] = ScsiOp.ReportLuns;
        Put32(cdb + 6, allocation);
        return 12;
    }

    /// <summary>
    /// The LUN of an 8-byte REPORT LUNS entry (SAM-5 4.7): a single-level LUN with the peripheral device
    /// (byte 0 bits 7..6 = 00b: byte 1) or flat space (01b: 14 bits, byte 0 bits 5..0 and byte 1) addressing
    /// method; -1 for any other method or a LUN of more than one level.
    /// </summary>
    public static int LunOf(byte* entry)
    {
        for (int i = 2; i < 8; i++)
        {
            if (entry[i] != 0)
                return -1;
        }
        int method = entry[0] >> 6;
        if (method == 0)
            return entry[0] == 0 ? entry[1] : -1;
        if (method == 1)
            return ((entry[0] & 0x3F) << 8) | entry[1];
        return -1;
    }

    /// <summary>READ CAPACITY(10) (SBC-3 5.15), 10 bytes; 8 bytes of data.</summary>
    public static int ReadCapacity10(byte* cdb)
    {
        Zero(cdb, 10);
        cdb[0] = ScsiOp.ReadCapacity10;
        return 10;
    }

    /// <summary>READ CAPACITY(16) (SBC-3 5.16), 16 bytes, <paramref name="allocation"/> bytes wanted (32).</summary>
    public static int ReadCapacity16(byte* cdb, uint allocation)
    {
        Zero(cdb, 16);
        cdb[0] = ScsiOp.ServiceActionIn16;
        cdb[1] = ScsiOp.SaReadCapacity16;
        Put32(cdb + 10, allocation);
        return 16;
    }

    /// <summary>True when READ/WRITE(10) cannot address the transfer: an LBA past 32 bits or more than 65535 blocks.</summary>
    public static bool NeedsRw16(ulong lba, uint blocks) =>
        blocks > 0xFFFF || lba + (blocks == 0 ? 0u : blocks - 1u) > 0xFFFFFFFFul;

    /// <summary>READ(10)/WRITE(10) (SBC-3 5.11/5.29) or, when <see cref="NeedsRw16"/>, READ(16)/WRITE(16) (5.13/5.31).</summary>
    public static int ReadWrite(byte* cdb, bool write, ulong lba, uint blocks)
    {
        if (NeedsRw16(lba, blocks))
        {
            Zero(cdb, 16);
            cdb[0] = write ? ScsiOp.Write16 : ScsiOp.Read16;
            Put64(cdb + 2, lba);
            Put32(cdb + 10, blocks);
            return 16;
        }
        Zero(cdb, 10);
        cdb[0] = write ? ScsiOp.Write10 : ScsiOp.Read10;
        Put32(cdb + 2, (uint)lba);
        Put16(cdb + 7, blocks);
        return 10;
    }

    public static uint Get32(byte* p) => ((uint)p[0] << 24) | ((uint)p[1] << 16) | ((uint)p[2] << 8) | p[3];

    public static ulong Get64(byte* p) => ((ulong)Get32(p) << 32) | Get32(p + 4);
}
