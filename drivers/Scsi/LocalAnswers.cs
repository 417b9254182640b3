// Answers a driver gives itself for commands its logical unit does not implement, so that programs
// written for real disks (SMART monitors, the original virtioscsi.device's TEST 5 and 16) get a
// truthful answer instead of INVALID COMMAND OPERATION CODE: LOG SENSE's supported-pages and
// informational-exceptions pages (SPC-4 6.8, 7.3.8) and ATA PASS-THROUGH's SMART READ DATA, READ
// THRESHOLDS and RETURN STATUS (SAT-4 12.2, ACS-3 7.48). The answers say what is true of a virtual
// disk: no exception is pending, no SMART attribute is kept, the device is healthy.
namespace Scsi;

/// <summary>What <see cref="LocalAnswers.Answer"/> produced: the SCSI status, the data bytes written to the caller's
/// buffer and, for CHECK CONDITION, the sense data (fixed format, or descriptor format with the ATA registers).</summary>
public unsafe struct LocalAnswer
{
    /// <summary>Data bytes written (at most the allocation length and the caller's buffer).</summary>
    public uint Actual;
    /// <summary><see cref="ScsiStatus.Good"/> or <see cref="ScsiStatus.CheckCondition"/>.</summary>
    public byte Status;
    /// <summary>Valid bytes of <see cref="Sense"/> (0 with status GOOD).</summary>
    public byte SenseLength;
    /// <summary>The sense data of a CHECK CONDITION.</summary>
    public fixed byte Sense[LocalAnswers.SenseBytes];
}

/// <summary>SMART (ACS-3 7.48): the ATA command, its FEATURE subcommands and the signature in LBA 23:8.</summary>
public static class Smart
{
    /// <summary>The ATA SMART command (B0h).</summary>
    public const byte Command = 0xB0;
    /// <summary>SMART READ DATA (D0h): the 512-byte device SMART data structure (ACS-3 table 130).</summary>
    public const byte ReadData = 0xD0;
    /// <summary>SMART READ ATTRIBUTE THRESHOLDS (D1h, obsolete in ACS but still asked by monitors): 512 bytes.</summary>
    public const byte ReadThresholds = 0xD1;
    /// <summary>SMART ENABLE OPERATIONS (D8h): no data.</summary>
    public const byte EnableOperations = 0xD8;
    /// <summary>SMART RETURN STATUS (DAh): the verdict in LBA 23:8 (C24Fh: no threshold exceeded).</summary>
    public const byte ReturnStatus = 0xDA;
    /// <summary>LBA 15:8 of every SMART command and of a healthy RETURN STATUS.</summary>
    public const byte LbaMid = 0x4F;
    /// <summary>LBA 23:16 of every SMART command and of a healthy RETURN STATUS.</summary>
    public const byte LbaHigh = 0xC2;
    /// <summary>Bytes of SMART READ DATA and READ THRESHOLDS.</summary>
    public const int DataBytes = 512;
    /// <summary>The data structure revision the answers report (bytes 0-1, little-endian, as drives report 0010h).</summary>
    public const ushort Revision = 0x0010;
}

public static unsafe class LocalAnswers
{
    /// <summary>Room for the longest sense an answer gives: descriptor format with the ATA Status Return descriptor (8 + 14 bytes).</summary>
    public const int SenseBytes = 22;

    /// <summary>LOG SENSE page codes answered (SPC-4 7.3.1): the supported pages and informational exceptions.</summary>
    public const byte PageSupported = 0x00;
    public const byte PageInformationalExceptions = 0x2F;

    /// <summary>
    /// True when <see cref="Answer"/> answers operation code <paramref name="op"/> for a logical unit of peripheral
    /// device type <paramref name="deviceType"/>: LOG SENSE for every type, ATA PASS-THROUGH(12/16) for direct
    /// access devices only (A1h is BLANK on an MMC device).
    /// </summary>
    public static bool Answers(byte op, byte deviceType) =>
        op == ScsiOp.LogSense || ((op == ScsiOp.AtaPassThrough16 || op == ScsiOp.AtaPassThrough12) && deviceType == Inquiry.TypeDisk);

    /// <summary>
    /// Answers the <paramref name="cdbLength"/>-byte CDB <paramref name="cdb"/> into <paramref name="data"/>
    /// (<paramref name="length"/> bytes of buffer, may be null with length 0) and <paramref name="answer"/>.
    /// Returns false when it is not a command <see cref="Answers"/> names (nothing written). Otherwise:
    /// LOG SENSE (10 bytes) of page 00h lists 00h and 2Fh; page 2Fh has the general informational exceptions
    /// parameter 0000h (ASC/ASCQ 0: no exception, most recent temperature FFh: none); PPC set, a subpage, a
    /// parameter pointer past 0 on page 00h, another page or a short CDB → CHECK CONDITION, ILLEGAL REQUEST,
    /// INVALID FIELD IN CDB. Data is cut to the ALLOCATION LENGTH and the buffer.
    /// ATA PASS-THROUGH(16/12) of SMART (command B0h, LBA 23:8 = C24Fh): READ DATA and READ THRESHOLDS give 512
    /// bytes (revision 0010h, no attribute, checksum in byte 511 so the 512 bytes sum to 0 mod 256); ENABLE
    /// OPERATIONS gives GOOD; RETURN STATUS gives GOOD, or with CK_COND the registers (LBA 23:8 = C24Fh, status 50h)
    /// as CHECK CONDITION, RECOVERED ERROR, ATA PASS THROUGH INFORMATION AVAILABLE in descriptor-format sense with an
    /// ATA Status Return descriptor (SAT-4 12.2.2.6). Any other ATA command or SMART subcommand → CHECK CONDITION,
    /// ABORTED COMMAND, ASC/ASCQ 0 (as SAT-4 reports a command the ATA device aborted).
    /// </summary>
    public static bool Answer(byte* cdb, uint cdbLength, byte* data, uint length, LocalAnswer* answer)
    {
        answer->Actual = 0;
        answer->Status = ScsiStatus.Good;
        answer->SenseLength = 0;
        if (cdbLength == 0)
            return false;
        byte op = cdb[0];
        if (op == ScsiOp.LogSense)
            return LogSense(cdb, cdbLength, data, length, answer);
        if (op == ScsiOp.AtaPassThrough16 || op == ScsiOp.AtaPassThrough12)
            return AtaPassThrough(cdb, cdbLength, data, length, answer);
        return false;
    }

    private static bool LogSense(byte* cdb, uint cdbLength, byte* data, uint length, LocalAnswer* answer)
    {
        if (cdbLength < 10 || (cdb[1] & 0x02) != 0 || cdb[3] != 0)
            return Check(answer, SenseKey.IllegalRequest, Asc.InvalidFieldInCdb, 0);
        byte page = (byte)(cdb[2] & 0x3F);
        uint pointer = Cdb.Get16(cdb + 5);
        uint allocation = Cdb.Get16(cdb + 7);
        byte* r = stackalloc byte[12];
        r[0] = page;
        uint n;
        if (page == PageSupported && pointer == 0)
        {
            r[3] = 2;
            r[4] = PageSupported;
            r[5] = PageInformationalExceptions;
            n = 6;
        }
        else if (page == PageInformationalExceptions)
        {
            // The general informational exceptions parameter (SPC-4 7.3.8.2): code 0000h, control byte 03h
            // (binary format and linking), length 3: ASC 0, ASCQ 0, MOST RECENT TEMPERATURE READING FFh (none).
            // A parameter pointer past 0000h leaves the page without parameters.
            n = 4;
            if (pointer == 0)
            {
                r[6] = 0x03;
                r[7] = 3;
                r[10] = 0xFF;
                n = 11;
            }
            r[3] = (byte)(n - 4);
        }
        else
            return Check(answer, SenseKey.IllegalRequest, Asc.InvalidFieldInCdb, 0);
        answer->Actual = CopyOut(r, n, data, length < allocation ? length : allocation);
        return true;
    }

    private static bool AtaPassThrough(byte* cdb, uint cdbLength, byte* data, uint length, LocalAnswer* answer)
    {
        bool sixteen = cdb[0] == ScsiOp.AtaPassThrough16;
        if (cdbLength < (sixteen ? 16u : 12u))
            return Check(answer, SenseKey.IllegalRequest, Asc.InvalidFieldInCdb, 0);
        bool checkCondition = (cdb[2] & 0x20) != 0;
        byte feature = sixteen ? cdb[4] : cdb[3];
        byte lbaMid = sixteen ? cdb[10] : cdb[6];
        byte lbaHigh = sixteen ? cdb[12] : cdb[7];
        byte command = sixteen ? cdb[14] : cdb[9];
        if (command != Smart.Command || lbaMid != Smart.LbaMid || lbaHigh != Smart.LbaHigh)
            return Check(answer, SenseKey.AbortedCommand, Asc.NoAdditionalSenseInformation, 0);
        if (feature == Smart.ReadData || feature == Smart.ReadThresholds)
        {
            if (data == null || length < Smart.DataBytes)
                return Check(answer, SenseKey.IllegalRequest, Asc.InvalidFieldInCdb, 0);
            for (int i = 0; i < Smart.DataBytes; i++)
                data[i] = 0;
            // Bytes 0-1: the revision (little-endian, as every ATA word); 2-361: 30 attribute (or threshold) entries
            // of 12 bytes, all unused; 362-510 (READ DATA): off-line data collection never started, the last
            // self-test completed without error, no capability offered: all 0. Byte 511: the checksum.
            data[0] = (byte)Smart.Revision;
            data[1] = (byte)(Smart.Revision >> 8);
            byte sum = 0;
            for (int i = 0; i < Smart.DataBytes - 1; i++)
                sum += data[i];
            data[Smart.DataBytes - 1] = (byte)(0 - sum);
            answer->Actual = Smart.DataBytes;
            return true;
        }
        if (feature == Smart.EnableOperations)
            return true;
        if (feature == Smart.ReturnStatus)
        {
            if (!checkCondition)
                return true;
            // Descriptor-format sense (SPC-4 4.5.2), RECOVERED ERROR, 00h/1Dh, with the ATA Status Return
            // descriptor (SAT-4 12.2.2.6, code 09h, 12 bytes): LBA 15:8 = 4Fh, LBA 23:16 = C2h, STATUS = 50h
            // (DEVICE READY, no error), the EXTEND bit of a 16-byte CDB.
            answer->Status = ScsiStatus.CheckCondition;
            byte* s = answer->Sense;
            for (int i = 0; i < SenseBytes; i++)
                s[i] = 0;
            s[0] = 0x72;
            s[1] = SenseKey.RecoveredError;
            s[2] = Asc.NoAdditionalSenseInformation;
            s[3] = 0x1D;
            s[7] = 14;
            s[8] = 0x09;
            s[9] = 0x0C;
            s[10] = sixteen ? (byte)(cdb[1] & 1) : (byte)0;
            s[17] = Smart.LbaMid;
            s[19] = Smart.LbaHigh;
            s[21] = 0x50;
            answer->SenseLength = SenseBytes;
            return true;
        }
        return Check(answer, SenseKey.AbortedCommand, Asc.NoAdditionalSenseInformation, 0);
    }

    /// <summary>CHECK CONDITION with fixed-format sense; always true (answered).</summary>
    private static bool Check(LocalAnswer* answer, byte key, byte asc, byte ascq)
    {
        answer->Status = ScsiStatus.CheckCondition;
        answer->Actual = 0;
        answer->SenseLength = (byte)Sense.BuildFixed(answer->Sense, SenseBytes, key, asc, ascq);
        return true;
    }

    /// <summary>Copies the first <paramref name="n"/> bytes of <paramref name="answer"/> to <paramref name="data"/>, at most
    /// <paramref name="length"/> of them; returns the count (0 without a buffer).</summary>
    public static uint CopyOut(byte* answer, uint n, byte* data, uint length)
    {
        if (data == null)
            return 0;
        if (n > length)
            n = length;
        for (uint i = 0; i < n; i++)
            data[i] = answer[i];
        return n;
    }
}
