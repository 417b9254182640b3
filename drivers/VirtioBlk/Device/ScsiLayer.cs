// HD_SCSICMD: virtio-blk presented as a SCSI direct-access device, as the KVM viostor miniport presents
// it to Storport. Commands are translated to virtio-blk requests or answered from the configuration;
// anything else ends in CHECK CONDITION with ILLEGAL REQUEST sense (SPC-4, SBC-3).
using AmigaDevice;
using AmigaOS;

namespace VirtioBlkDevice;

/// <summary>SCSI operation codes the layer knows (SPC-4 / SBC-3).</summary>
public static class ScsiOp
{
    public const byte TestUnitReady = 0x00;
    public const byte RequestSense = 0x03;
    public const byte Read6 = 0x08;
    public const byte Write6 = 0x0A;
    public const byte Inquiry = 0x12;
    public const byte ModeSense6 = 0x1A;
    public const byte StartStopUnit = 0x1B;
    public const byte ReadCapacity10 = 0x25;
    public const byte Read10 = 0x28;
    public const byte Write10 = 0x2A;
    public const byte Verify10 = 0x2F;
    public const byte SynchronizeCache10 = 0x35;
    public const byte WriteSame10 = 0x41;
    public const byte Unmap = 0x42;
    public const byte ModeSense10 = 0x5A;
    public const byte Read16 = 0x88;
    public const byte Write16 = 0x8A;
    public const byte SynchronizeCache16 = 0x91;
    public const byte WriteSame16 = 0x93;
    /// <summary>SERVICE ACTION IN(16); service action 0x10 is READ CAPACITY(16).</summary>
    public const byte ServiceActionIn16 = 0x9E;
    public const byte ReadCapacity16Action = 0x10;
}

/// <summary>Sense keys and additional sense codes the layer reports (SPC-4 4.5.6, annex D).</summary>
public static class ScsiSense
{
    public const byte KeyNoSense = 0x0, KeyMediumError = 0x3, KeyHardwareError = 0x4, KeyIllegalRequest = 0x5, KeyDataProtect = 0x7;
    public const byte AscInvalidOpcode = 0x20, AscLbaOutOfRange = 0x21, AscInvalidFieldInCdb = 0x24, AscWriteProtected = 0x27;
    public const byte AscUnrecoveredReadError = 0x11, AscWriteError = 0x0C, AscInternalTargetFailure = 0x44;
    /// <summary>CHECK CONDITION status (SAM-5).</summary>
    public const byte StatusCheckCondition = 0x02;
    /// <summary>Fixed-format sense data length the layer builds (response code 0x70).</summary>
    public const int FixedLength = 18;
}

public static unsafe class ScsiLayer
{
    /// <summary>INQUIRY identification (SPC-4 6.6.2), bytes 8..35 of the standard data: vendor "VirtIO  ",
    /// product "virtio-blk      ", revision "0001" (ASCII, space-padded).</summary>
    private static readonly byte[] Identification =
    {
        0x56, 0x69, 0x72, 0x74, 0x49, 0x4F, 0x20, 0x20, 0x76, 0x69, 0x72, 0x74, 0x69, 0x6F, 0x2D, 0x62, 0x6C, 0x6B, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x30, 0x30, 0x30, 0x31,
    };

    /// <summary>
    /// Starts one HD_SCSICMD. io_Data must be a struct SCSICmd (io_Length ≥ its size, else IOERR_BADLENGTH);
    /// a NULL CDB or one of 0 or more than 16 bytes gives HFERR_BadStatus. Commands answered from the
    /// configuration finish at once; READ/WRITE(6/10/16), SYNCHRONIZE CACHE, UNMAP, WRITE SAME and the
    /// serial number page go to the device. A command the device does not support, an invalid field or an
    /// LBA past the end ends with scsi_Status CHECK CONDITION, io_Error HFERR_BadStatus and (with
    /// SCSIF_AUTOSENSE) fixed-format sense. False when finished at once and the caller replies.
    /// </summary>
    public static bool Start(DevUnit* u, Slot* s, IOStdReq* io)
    {
        if (io->io_Data == null || io->io_Length < (uint)sizeof(SCSICmd))
            return Done(io, Exec.IOERR_BADLENGTH);
        SCSICmd* cmd = (SCSICmd*)io->io_Data;
        cmd->scsi_Actual = 0;
        cmd->scsi_CmdActual = 0;
        cmd->scsi_Status = 0;
        cmd->scsi_SenseActual = 0;
        io->io_Actual = 0;
        if (cmd->scsi_Command == null || cmd->scsi_CmdLength == 0 || cmd->scsi_CmdLength > 16)
            return Done(io, TrackDisk.HFERR_BadStatus);
        byte* cdb = cmd->scsi_Command;
        cmd->scsi_CmdActual = cmd->scsi_CmdLength;
        // The sense of an earlier CHECK CONDITION lasts until the next command: REQUEST SENSE reads it, any other clears it.
        byte pendingKey = u->PendingSenseKey;
        byte pendingAsc = u->PendingSenseAsc;
        u->PendingSenseKey = ScsiSense.KeyNoSense;
        u->PendingSenseAsc = 0;
        byte* data = (byte*)cmd->scsi_Data;
        uint length = data == null ? 0u : cmd->scsi_Length;
        int need = CdbLength(cdb[0]);
        if (need == 0)
            return Check(io, cmd, ScsiSense.KeyIllegalRequest, ScsiSense.AscInvalidOpcode);
        if (cmd->scsi_CmdLength < need)
            return Check(io, cmd, ScsiSense.KeyIllegalRequest, ScsiSense.AscInvalidFieldInCdb);
        ulong blocks = u->Capacity / (u->BlockSize / VirtioBlkSizes.SectorSize);
        switch (cdb[0])
        {
            case ScsiOp.TestUnitReady:
            case ScsiOp.StartStopUnit:
            case ScsiOp.Verify10:
                return Done(io, 0);
            case ScsiOp.RequestSense:
                // SPC-4 6.39: the pending sense (NO SENSE when there is none), at most ALLOCATION LENGTH bytes.
                return Reply(io, cmd, Sense(data, length, pendingKey, pendingAsc), cdb[4]);
            case ScsiOp.Inquiry:
                return Inquiry(u, s, io, cmd, cdb, data, length);
            case ScsiOp.ReadCapacity10:
                if (length < 8)
                    return Check(io, cmd, ScsiSense.KeyIllegalRequest, ScsiSense.AscInvalidFieldInCdb);
                Put32(data, blocks - 1 > 0xFFFFFFFFul ? 0xFFFFFFFF : (uint)(blocks - 1));
                Put32(data + 4, u->BlockSize);
                return Reply(io, cmd, 8, 8);
            case ScsiOp.ServiceActionIn16:
                if ((cdb[1] & 0x1F) != ScsiOp.ReadCapacity16Action)
                    return Check(io, cmd, ScsiSense.KeyIllegalRequest, ScsiSense.AscInvalidFieldInCdb);
                return ReadCapacity16(u, io, cmd, cdb, data, length, blocks);
            case ScsiOp.ModeSense6:
            case ScsiOp.ModeSense10:
                return ModeSense(u, io, cmd, cdb, data, length);
            case ScsiOp.SynchronizeCache10:
            case ScsiOp.SynchronizeCache16:
                return Requests.StartFlush(u, s, io);
            case ScsiOp.Read6:
            case ScsiOp.Write6:
            case ScsiOp.Read10:
            case ScsiOp.Write10:
            case ScsiOp.Read16:
            case ScsiOp.Write16:
                return ReadWrite(u, s, io, cmd, cdb, data, length);
            case ScsiOp.Unmap:
                return Unmap(u, s, io, cmd, data, length);
            case ScsiOp.WriteSame10:
            case ScsiOp.WriteSame16:
                return WriteSame(u, s, io, cmd, cdb, data, length);
            default:
                return Check(io, cmd, ScsiSense.KeyIllegalRequest, ScsiSense.AscInvalidOpcode);
        }
    }

    /// <summary>The CDB length of an operation code the layer knows (SPC-4 4.2.5.1 groups), 0 for any other.</summary>
    private static int CdbLength(byte op)
    {
        switch (op)
        {
            case ScsiOp.TestUnitReady:
            case ScsiOp.RequestSense:
            case ScsiOp.Read6:
            case ScsiOp.Write6:
            case ScsiOp.Inquiry:
            case ScsiOp.ModeSense6:
            case ScsiOp.StartStopUnit:
                return 6;
            case ScsiOp.ReadCapacity10:
            case ScsiOp.Read10:
            case ScsiOp.Write10:
            case ScsiOp.Verify10:
            case ScsiOp.SynchronizeCache10:
            case ScsiOp.WriteSame10:
            case ScsiOp.Unmap:
            case ScsiOp.ModeSense10:
                return 10;
            case ScsiOp.Read16:
            case ScsiOp.Write16:
            case ScsiOp.SynchronizeCache16:
            case ScsiOp.WriteSame16:
            case ScsiOp.ServiceActionIn16:
                return 16;
            default:
                return 0;
        }
    }

    private static bool Inquiry(DevUnit* u, Slot* s, IOStdReq* io, SCSICmd* cmd, byte* cdb, byte* data, uint length)
    {
        uint alloc = ((uint)cdb[3] << 8) | cdb[4];
        if (length > alloc)
            length = alloc;
        byte* page = stackalloc byte[64];
        for (int i = 0; i < 64; i++)
            page[i] = 0;
        bool discard = Units.Has(u, VirtioBlkF.Discard);
        uint n;
        if ((cdb[1] & 1) == 0)
        {
            if (cdb[2] != 0)
                return Check(io, cmd, ScsiSense.KeyIllegalRequest, ScsiSense.AscInvalidFieldInCdb);
            // Standard data (SPC-4 6.6.2): direct access, SPC-4, response format 2, command queueing.
            page[2] = 6;
            page[3] = 2;
            page[4] = 31;
            page[7] = 0x02;
            for (int i = 0; i < 28; i++)
                page[8 + i] = Identification[i];
            n = 36;
        }
        else if (cdb[2] == 0x00)
        {
            // Supported VPD pages (SPC-4 7.8.13).
            page[4] = 0x00;
            page[5] = 0x80;
            page[6] = 0x83;
            page[7] = 0xB0;
            page[8] = 0xB1;
            n = 9;
            if (discard)
            {
                page[9] = 0xB2;
                n = 10;
            }
            page[3] = (byte)(n - 4);
        }
        else if (cdb[2] == 0x80 || cdb[2] == 0x83)
        {
            // The unit serial number, and the designator of the device identification page, are the device's
            // GET_ID string: ask the device, answer on completion.
            s->AnswerLimit = length;
            s->AnswerPage = cdb[2];
            return Requests.StartGetId(u, s, io);
        }
        else if (cdb[2] == 0xB0)
        {
            // Block limits (SBC-3 6.5.3): the largest transfer is what one request carries unsplit here is
            // not a limit (the driver splits), so only the UNMAP limits are given.
            page[1] = 0xB0;
            page[3] = 0x3C;
            if (discard)
            {
                Put32(page + 20, u->MaxDiscardSectors / (u->BlockSize / VirtioBlkSizes.SectorSize));
                Put32(page + 24, 256);
            }
            n = 64;
        }
        else if (cdb[2] == 0xB1)
        {
            // Block device characteristics (SBC-3 6.5.2): MEDIUM ROTATION RATE and NOMINAL FORM FACTOR 0, "not
            // reported" -- virtio-blk's configuration says nothing of the medium behind it.
            page[1] = 0xB1;
            page[3] = 0x3C;
            n = 64;
        }
        else if (cdb[2] == 0xB2 && discard)
        {
            // Logical block provisioning (SBC-3 6.5.13): UNMAP and WRITE SAME(16/10) with UNMAP.
            page[1] = 0xB2;
            page[3] = 4;
            page[5] = 0xE0;
            n = 8;
        }
        else
            return Check(io, cmd, ScsiSense.KeyIllegalRequest, ScsiSense.AscInvalidFieldInCdb);
        n = CopyOut(page, n, data, length);
        return Reply(io, cmd, n, n);
    }

    private static bool ReadCapacity16(DevUnit* u, IOStdReq* io, SCSICmd* cmd, byte* cdb, byte* data, uint length, ulong blocks)
    {
        uint alloc = Requests.BigEndian32(cdb + 10);
        if (length > alloc)
            length = alloc;
        byte* r = stackalloc byte[32];
        for (int i = 0; i < 32; i++)
            r[i] = 0;
        ulong last = blocks - 1;
        Put32(r, (uint)(last >> 32));
        Put32(r + 4, (uint)last);
        Put32(r + 8, u->BlockSize);
        // LBPME: the unit provisions thinly (UNMAP works) when the device offers DISCARD.
        if (Units.Has(u, VirtioBlkF.Discard))
            r[14] = 0x80;
        uint n = CopyOut(r, 32, data, length);
        return Reply(io, cmd, n, n);
    }

    /// <summary>MODE SENSE(6/10): the header and the caching page (SBC-3 6.4.5) with WCE from the writeback field.</summary>
    private static bool ModeSense(DevUnit* u, IOStdReq* io, SCSICmd* cmd, byte* cdb, byte* data, uint length)
    {
        bool ten = cdb[0] == ScsiOp.ModeSense10;
        byte pageCode = (byte)(cdb[2] & 0x3F);
        if (pageCode != 0x08 && pageCode != 0x3F)
            return Check(io, cmd, ScsiSense.KeyIllegalRequest, ScsiSense.AscInvalidFieldInCdb);
        uint alloc = ten ? ((uint)cdb[7] << 8) | cdb[8] : cdb[4];
        if (length > alloc)
            length = alloc;
        byte* r = stackalloc byte[32];
        for (int i = 0; i < 32; i++)
            r[i] = 0;
        uint header = ten ? 8u : 4u;
        byte* p = r + header;
        p[0] = 0x08;
        p[1] = 0x12;
        // WCE: a writeback cache when the device says so (CONFIG_WCE), or when it needs FLUSH at all.
        bool wce = Units.Has(u, VirtioBlkF.ConfigWce) ? u->Writeback != 0 : Units.Has(u, VirtioBlkF.Flush);
        p[2] = wce ? (byte)0x04 : (byte)0;
        uint total = header + 20;
        if (ten)
        {
            r[1] = (byte)(total - 2);
            r[3] = u->Core.WriteProtected ? (byte)0x80 : (byte)0;
        }
        else
        {
            r[0] = (byte)(total - 1);
            r[2] = u->Core.WriteProtected ? (byte)0x80 : (byte)0;
        }
        uint n = CopyOut(r, total, data, length);
        return Reply(io, cmd, n, n);
    }

    private static bool ReadWrite(DevUnit* u, Slot* s, IOStdReq* io, SCSICmd* cmd, byte* cdb, byte* data, uint length)
    {
        byte op = cdb[0];
        bool write = op == ScsiOp.Write6 || op == ScsiOp.Write10 || op == ScsiOp.Write16;
        ulong lba;
        uint count;
        if (op == ScsiOp.Read6 || op == ScsiOp.Write6)
        {
            lba = ((uint)(cdb[1] & 0x1F) << 16) | ((uint)cdb[2] << 8) | cdb[3];
            count = cdb[4] == 0 ? 256u : cdb[4];
        }
        else if (op == ScsiOp.Read10 || op == ScsiOp.Write10)
        {
            lba = Requests.BigEndian32(cdb + 2);
            count = ((uint)cdb[7] << 8) | cdb[8];
        }
        else
        {
            lba = ((ulong)Requests.BigEndian32(cdb + 2) << 32) | Requests.BigEndian32(cdb + 6);
            count = Requests.BigEndian32(cdb + 10);
        }
        if (count == 0)
            return Done(io, 0);
        ulong blocks = u->Capacity / (u->BlockSize / VirtioBlkSizes.SectorSize);
        if (lba >= blocks || count > blocks - lba)
            return Check(io, cmd, ScsiSense.KeyIllegalRequest, ScsiSense.AscLbaOutOfRange);
        if ((ulong)count * u->BlockSize > length)
            return Check(io, cmd, ScsiSense.KeyIllegalRequest, ScsiSense.AscInvalidFieldInCdb);
        if (write && u->Core.WriteProtected)
            return Check(io, cmd, ScsiSense.KeyDataProtect, ScsiSense.AscWriteProtected);
        return Requests.StartTransfer(u, s, io, data, count * u->BlockSize, lba * u->BlockSize, write);
    }

    /// <summary>UNMAP (SBC-3 5.28): the parameter list's block descriptors become DISCARD requests.</summary>
    private static bool Unmap(DevUnit* u, Slot* s, IOStdReq* io, SCSICmd* cmd, byte* data, uint length)
    {
        if (!Units.Has(u, VirtioBlkF.Discard))
            return Check(io, cmd, ScsiSense.KeyIllegalRequest, ScsiSense.AscInvalidOpcode);
        if (length < 8)
            return Done(io, 0);
        uint described = ((uint)data[2] << 8) | data[3];
        if (described > length - 8)
            described = length - 8;
        if (!Requests.StartRange(u, s, io, VirtioBlkT.Discard, data + 8, described / 16, 0, 0, 0))
        {
            if (io->io_Error == Exec.IOERR_BADADDRESS)
                return Check(io, cmd, ScsiSense.KeyIllegalRequest, ScsiSense.AscLbaOutOfRange);
            if (io->io_Error == TrackDisk.TDERR_WriteProt)
                return Check(io, cmd, ScsiSense.KeyDataProtect, ScsiSense.AscWriteProtected);
            return false;
        }
        return true;
    }

    /// <summary>
    /// WRITE SAME(10/16) of a block of zeros (SBC-3 5.42, 5.43): WRITE_ZEROES, with the unmap flag when the
    /// CDB's UNMAP bit is set; without WRITE_ZEROES, UNMAP set goes as DISCARD. Other data is not supported.
    /// </summary>
    private static bool WriteSame(DevUnit* u, Slot* s, IOStdReq* io, SCSICmd* cmd, byte* cdb, byte* data, uint length)
    {
        bool unmap = (cdb[1] & 0x08) != 0;
        ulong lba;
        uint count;
        if (cdb[0] == ScsiOp.WriteSame10)
        {
            lba = Requests.BigEndian32(cdb + 2);
            count = ((uint)cdb[7] << 8) | cdb[8];
        }
        else
        {
            lba = ((ulong)Requests.BigEndian32(cdb + 2) << 32) | Requests.BigEndian32(cdb + 6);
            count = Requests.BigEndian32(cdb + 10);
        }
        if (data == null || length < u->BlockSize)
            return Check(io, cmd, ScsiSense.KeyIllegalRequest, ScsiSense.AscInvalidFieldInCdb);
        for (uint i = 0; i < u->BlockSize; i++)
        {
            if (data[i] != 0)
                return Check(io, cmd, ScsiSense.KeyIllegalRequest, ScsiSense.AscInvalidFieldInCdb);
        }
        if (count == 0)
            return Check(io, cmd, ScsiSense.KeyIllegalRequest, ScsiSense.AscInvalidFieldInCdb);
        uint type;
        uint flags = 0;
        if (Units.Has(u, VirtioBlkF.WriteZeroes))
        {
            type = VirtioBlkT.WriteZeroes;
            flags = unmap ? VirtioBlkSizes.FlagUnmap : 0u;
        }
        else if (unmap && Units.Has(u, VirtioBlkF.Discard))
            type = VirtioBlkT.Discard;
        else
            return Check(io, cmd, ScsiSense.KeyIllegalRequest, ScsiSense.AscInvalidOpcode);
        if (!Requests.StartRange(u, s, io, type, null, 0, lba, count, flags))
        {
            if (io->io_Error == Exec.IOERR_BADADDRESS)
                return Check(io, cmd, ScsiSense.KeyIllegalRequest, ScsiSense.AscLbaOutOfRange);
            if (io->io_Error == TrackDisk.TDERR_WriteProt)
                return Check(io, cmd, ScsiSense.KeyDataProtect, ScsiSense.AscWriteProtected);
            return false;
        }
        return true;
    }

    /// <summary>
    /// The SCSI answer of a request the device completed: GOOD (the serial number page built from GET_ID,
    /// a transfer's scsi_Actual), or CHECK CONDITION from the io_Error: UNSUPP ILLEGAL REQUEST, an I/O
    /// error MEDIUM ERROR (unrecovered read error / write error), write protection DATA PROTECT.
    /// </summary>
    public static void Complete(DevUnit* u, Slot* s, IOStdReq* io, sbyte error)
    {
        SCSICmd* cmd = (SCSICmd*)io->io_Data;
        io->io_Actual = 0;
        if (error == 0)
        {
            io->io_Error = 0;
            if (s->Kind == SlotKind.Block)
                cmd->scsi_Actual = s->Total;
            else if (s->Kind == SlotKind.GetId)
                cmd->scsi_Actual = s->AnswerPage == 0x83
                    ? IdentificationPage(s->Bounce, (byte*)cmd->scsi_Data, s->AnswerLimit)
                    : SerialPage(s->Bounce, (byte*)cmd->scsi_Data, s->AnswerLimit);
            io->io_Actual = (uint)sizeof(SCSICmd);
            return;
        }
        if (error == Exec.IOERR_NOCMD)
            Check(io, cmd, ScsiSense.KeyIllegalRequest, ScsiSense.AscInvalidOpcode);
        else if (error == TrackDisk.TDERR_WriteProt)
            Check(io, cmd, ScsiSense.KeyDataProtect, ScsiSense.AscWriteProtected);
        else if (s->Kind == SlotKind.Block || s->Kind == SlotKind.Range)
            Check(io, cmd, ScsiSense.KeyMediumError, s->IsWrite || s->Kind == SlotKind.Range ? ScsiSense.AscWriteError : ScsiSense.AscUnrecoveredReadError);
        else
            Check(io, cmd, ScsiSense.KeyHardwareError, ScsiSense.AscInternalTargetFailure);
    }

    /// <summary>The unit serial number page (SPC-4 7.8.15) from GET_ID's 20 bytes (ended by the first NUL).</summary>
    private static uint SerialPage(byte* id, byte* data, uint length)
    {
        uint serial = SerialLength(id);
        byte* page = stackalloc byte[24];
        page[0] = 0;
        page[1] = 0x80;
        page[2] = 0;
        page[3] = (byte)serial;
        for (uint i = 0; i < serial; i++)
            page[4 + i] = id[i];
        return CopyOut(page, 4 + serial, data, length);
    }

    /// <summary>
    /// The device identification page (SPC-4 7.8.6) from GET_ID's 20 bytes (ended by the first NUL): one designation
    /// descriptor of the logical unit, type 1 "T10 vendor ID based" (7.8.6.4), code set ASCII: the vendor and product
    /// of the standard INQUIRY data (24 bytes) followed by the serial as the vendor-specific identifier. Without a
    /// serial (QEMU's virtio-blk-pci without serial=) the descriptor has no vendor-specific part.
    /// </summary>
    private static uint IdentificationPage(byte* id, byte* data, uint length)
    {
        uint serial = SerialLength(id);
        byte* page = stackalloc byte[52];
        uint designator = 24 + serial;
        page[0] = 0;
        page[1] = 0x83;
        page[2] = 0;
        page[3] = (byte)(4 + designator);
        page[4] = 0x02;
        page[5] = 0x01;
        page[6] = 0;
        page[7] = (byte)designator;
        for (uint i = 0; i < 24; i++)
            page[8 + i] = Identification[i];
        for (uint i = 0; i < serial; i++)
            page[32 + i] = id[i];
        return CopyOut(page, 8 + designator, data, length);
    }

    /// <summary>Bytes of GET_ID's string: up to the first NUL, at most its 20 bytes (spec 5.2.6).</summary>
    private static uint SerialLength(byte* id)
    {
        uint serial = 0;
        while (serial < VirtioBlkSizes.IdBytes && id[serial] != 0)
            serial++;
        return serial;
    }

    /// <summary>Copies the first <paramref name="n"/> bytes of an answer to the caller's <paramref name="data"/>, at most
    /// <paramref name="length"/> of them (its ALLOCATION LENGTH or buffer); returns the count (0 without a buffer).</summary>
    private static uint CopyOut(byte* answer, uint n, byte* data, uint length)
    {
        if (data == null)
            return 0;
        if (n > length)
            n = length;
        for (uint i = 0; i < n; i++)
            data[i] = answer[i];
        return n;
    }

    /// <summary>Fixed-format sense data (SPC-4 4.5.3) into <paramref name="data"/>: at most <paramref name="length"/> bytes; returns the count.</summary>
    private static uint Sense(byte* data, uint length, byte key, byte asc)
    {
        byte* sense = stackalloc byte[ScsiSense.FixedLength];
        for (int i = 0; i < ScsiSense.FixedLength; i++)
            sense[i] = 0;
        sense[0] = 0x70;
        sense[2] = key;
        sense[7] = ScsiSense.FixedLength - 8;
        sense[12] = asc;
        return CopyOut(sense, ScsiSense.FixedLength, data, length);
    }

    /// <summary>CHECK CONDITION with <paramref name="key"/>/<paramref name="asc"/>: io_Error HFERR_BadStatus, the
    /// sense copied to scsi_SenseData with SCSIF_AUTOSENSE, else kept in the unit for the next REQUEST SENSE.
    /// Always false (finished; the caller replies).</summary>
    private static bool Check(IOStdReq* io, SCSICmd* cmd, byte key, byte asc)
    {
        cmd->scsi_Status = ScsiSense.StatusCheckCondition;
        cmd->scsi_Actual = 0;
        DevUnit* u = (DevUnit*)io->io_Unit;
        if ((cmd->scsi_Flags & ScsiDisk.SCSIF_AUTOSENSE) != 0 && cmd->scsi_SenseData != null)
            cmd->scsi_SenseActual = (ushort)Sense(cmd->scsi_SenseData, cmd->scsi_SenseLength, key, asc);
        else
        {
            u->PendingSenseKey = key;
            u->PendingSenseAsc = asc;
        }
        io->io_Error = TrackDisk.HFERR_BadStatus;
        io->io_Actual = (uint)sizeof(SCSICmd);
        return false;
    }

    /// <summary>GOOD with <paramref name="moved"/> data bytes (at most <paramref name="limit"/>).</summary>
    private static bool Reply(IOStdReq* io, SCSICmd* cmd, uint moved, uint limit)
    {
        cmd->scsi_Actual = moved < limit ? moved : limit;
        io->io_Actual = (uint)sizeof(SCSICmd);
        return Done(io, 0);
    }

    private static bool Done(IOStdReq* io, sbyte error)
    {
        io->io_Error = error;
        return false;
    }

    private static void Put32(byte* p, uint v)
    {
        p[0] = (byte)(v >> 24);
        p[1] = (byte)(v >> 16);
        p[2] = (byte)(v >> 8);
        p[3] = (byte)v;
    }
}
