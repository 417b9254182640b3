// HD_SCSICMD (devices/scsidisk.h): a caller's SCSI command sent to the unit's logical unit as it
// is, through the same pipeline slots, bounce buffers and scatter-gather as block I/O.
using AmigaOS;
using Scsi;

namespace VirtioScsiDevice;

public static unsafe class ScsiDirect
{
    /// <summary>
    /// Starts the command of the struct SCSICmd at io_Data on a free pipeline slot. Checks, in order:
    /// io_Data NULL or io_Length below sizeof(struct SCSICmd) → IOERR_BADLENGTH; scsi_Command NULL,
    /// scsi_CmdLength 0 or longer than the request header's CDB field (the device's cdb_size, 32 by
    /// default, VirtIO 1.2 5.6.4; the driver never changes it) → HFERR_BadStatus; scsi_Length
    /// non-zero with scsi_Data NULL → IOERR_BADADDRESS. The data phase is device-to-memory with
    /// SCSIF_READ, memory-to-device without, none when scsi_Length is 0. Up to 64 KiB go through the
    /// slot's bounce buffer; more is mapped with StartDMA and must fit one command's scatter-gather
    /// list (<see cref="Limits.MaxSg"/> runs: a caller's CDB cannot be split), else HFERR_DMA.
    /// Returns false when the request was finished at once (io_Error set) and must be replied by
    /// the caller; true when it is in flight and <see cref="Complete"/> will reply it.
    /// </summary>
    public static bool Start(VirtioScsiBase* b, DevUnit* u, Slot* s, IOStdReq* io)
    {
        io->io_Actual = 0;
        if (io->io_Data == null || io->io_Length < (uint)sizeof(SCSICmd))
            return Fail(io, Exec.IOERR_BADLENGTH);
        SCSICmd* cmd = (SCSICmd*)io->io_Data;
        cmd->scsi_Actual = 0;
        cmd->scsi_CmdActual = 0;
        cmd->scsi_Status = 0;
        cmd->scsi_SenseActual = 0;
        if (cmd->scsi_Command == null || cmd->scsi_CmdLength == 0 || cmd->scsi_CmdLength > VirtioScsi.CdbSize)
            return Fail(io, TrackDisk.HFERR_BadStatus);
        uint length = cmd->scsi_Length;
        if (length != 0 && cmd->scsi_Data == null)
            return Fail(io, Exec.IOERR_BADADDRESS);
        bool write = length != 0 && (cmd->scsi_Flags & ScsiDisk.SCSIF_READ) == 0;

        s->Start = (byte*)cmd->scsi_Data;
        s->Data = s->Start;
        s->Total = length;
        s->Length = length;
        s->Lba = 0;
        s->BlockSize = 0;
        s->Done = 0;
        s->IsWrite = write;
        s->Tries = 0;
        s->Mapped = false;
        s->Chunked = false;
        s->UsesBounce = length <= Limits.BounceSize;
        if (s->UsesBounce)
        {
            if (length != 0)
            {
                if (write)
                    Exec.CopyMem(s->Data, s->Bounce, length);
                // Written back (a write's data) or cleaned (a read's target) before the device writes memory.
                Exec.CacheClearE(s->Bounce, length, Exec.CACRF_ClearD);
            }
        }
        else
        {
            s->DmaFlags = write ? Exec.DMA_ReadFromRAM : 0u;
            s->DmaEntries = Exec.StartDMA(s->Data, length, s->DmaFlags);
            if (s->DmaEntries == 0)
                return Fail(io, TrackDisk.HFERR_DMA);
            if (s->DmaEntries > Limits.MaxSg)
            {
                Exec.EndDMA(s->Data, length, s->DmaFlags | Exec.DMAF_NoModify);
                return Fail(io, TrackDisk.HFERR_DMA);
            }
            Exec.GetDMAList(s->Data, length, s->DmaFlags, s->DmaList);
            s->Mapped = true;
        }
        s->Io = io;
        s->Direct = true;
        Controller.PrepareHeader(u, s, cmd->scsi_Command, cmd->scsi_CmdLength);
        while (!Controller.Submit(b, u, s))
            Controller.WaitForRoom(b, u);
        return true;
    }

    /// <summary>
    /// Completes an HD_SCSICMD slot (its response already invalidated in the cache): scsi_Actual =
    /// scsi_Length less the residual for status GOOD, else 0 (a read's data copied out of the bounce buffer), scsi_CmdActual
    /// = scsi_CmdLength, scsi_Status = the target's status byte. io_Error: 0 for GOOD; HFERR_BadStatus
    /// for any other status, and for CHECK CONDITION with SCSIF_AUTOSENSE the sense bytes copied to
    /// scsi_SenseData (scsi_SenseActual = min(sense_len, scsi_SenseLength)); HFERR_SelTimeout when
    /// no such target (VIRTIO_SCSI_S_BAD_TARGET); TDERR_NotSpecified for another virtio-scsi response.
    /// No UNIT ATTENTION retry: the caller sees what the target said. Frees the slot and replies.
    /// </summary>
    public static void Complete(VirtioScsiBase* b, Slot* s)
    {
        IOStdReq* io = s->Io;
        SCSICmd* cmd = (SCSICmd*)io->io_Data;
        VirtioScsiRespCmd* resp = s->Resp;
        bool delivered = resp->Response == VirtioScsi.S_Ok;
        // Data counts only with GOOD: a command that ended otherwise may not have run its data phase,
        // and the residual does not say so (QEMU reports 0 for a READ rejected for its LBA).
        uint actual = delivered && resp->Status == ScsiStatus.Good ? Controller.Transferred(b, s) : 0;
        if (s->UsesBounce)
        {
            if (!s->IsWrite && actual != 0)
            {
                Exec.CacheClearE(s->Bounce, actual, Exec.CACRF_InvalidateD);
                Exec.CopyMem(s->Bounce, s->Data, actual);
            }
        }
        else if (s->Mapped)
        {
            Exec.EndDMA(s->Data, s->Length, s->DmaFlags | (actual == 0 ? Exec.DMAF_NoModify : 0u));
            s->Mapped = false;
        }

        sbyte error;
        cmd->scsi_Actual = actual;
        cmd->scsi_CmdActual = cmd->scsi_CmdLength;
        cmd->scsi_Status = delivered ? resp->Status : (byte)0;
        cmd->scsi_SenseActual = 0;
        if (delivered && resp->Status == ScsiStatus.CheckCondition && LacksCommand(b, resp, cmd, (DevUnit*)io->io_Unit))
            error = AnswerLocally(cmd);
        else if (!delivered)
            error = resp->Response == VirtioScsi.S_BadTarget ? ScsiDisk.HFERR_SelTimeout : TrackDisk.TDERR_NotSpecified;
        else if (resp->Status == ScsiStatus.Good)
            error = 0;
        else
        {
            error = TrackDisk.HFERR_BadStatus;
            if (resp->Status == ScsiStatus.CheckCondition)
                cmd->scsi_SenseActual = CopySense(b, resp, cmd);
        }
        io->io_Actual = (uint)sizeof(SCSICmd);
        io->io_Error = error;
        Controller.Lock(b);
        s->Io = null;
        s->Direct = false;
        s->State = SlotState.Free;
        Controller.Unlock(b);
        Exec.ReplyMsg(&io->io_Message);
    }

    /// <summary>True when the logical unit rejected the command as one it does not implement (ILLEGAL REQUEST,
    /// INVALID COMMAND OPERATION CODE) and <see cref="LocalAnswers"/> answers it for a unit of this type.</summary>
    private static bool LacksCommand(VirtioScsiBase* b, VirtioScsiRespCmd* resp, SCSICmd* cmd, DevUnit* u)
    {
        if (!LocalAnswers.Answers(cmd->scsi_Command[0], u->DeviceType))
            return false;
        uint n = Controller.SenseLength(b, resp);
        SenseInfo sense = Sense.Decode(resp->Sense, n);
        return sense.Valid && sense.Key == SenseKey.IllegalRequest && sense.Asc == Asc.InvalidOpcode;
    }

    /// <summary>
    /// The driver's own answer (<see cref="LocalAnswers.Answer"/>) of a command the unit lacks: scsi_Actual, scsi_Status and,
    /// for CHECK CONDITION with SCSIF_AUTOSENSE, the answer's sense (cut to scsi_SenseLength) replace the unit's rejection.
    /// Returns the io_Error: 0 for GOOD, HFERR_BadStatus for CHECK CONDITION.
    /// </summary>
    private static sbyte AnswerLocally(SCSICmd* cmd)
    {
        LocalAnswer answer;
        LocalAnswers.Answer(cmd->scsi_Command, cmd->scsi_CmdLength, (byte*)cmd->scsi_Data, cmd->scsi_Length, &answer);
        cmd->scsi_Actual = answer.Actual;
        cmd->scsi_Status = answer.Status;
        if (answer.Status == ScsiStatus.Good)
            return 0;
        if ((cmd->scsi_Flags & ScsiDisk.SCSIF_AUTOSENSE) != 0 && cmd->scsi_SenseData != null)
            cmd->scsi_SenseActual = (ushort)LocalAnswers.CopyOut(answer.Sense, answer.SenseLength, cmd->scsi_SenseData, cmd->scsi_SenseLength);
        return TrackDisk.HFERR_BadStatus;
    }

    /// <summary>With SCSIF_AUTOSENSE and a sense buffer: copies min(sense_len, 96, scsi_SenseLength)
    /// bytes of the response's sense data there; returns how many.</summary>
    private static ushort CopySense(VirtioScsiBase* b, VirtioScsiRespCmd* resp, SCSICmd* cmd)
    {
        if ((cmd->scsi_Flags & ScsiDisk.SCSIF_AUTOSENSE) == 0 || cmd->scsi_SenseData == null)
            return 0;
        uint n = Controller.SenseLength(b, resp);
        if (n > cmd->scsi_SenseLength)
            n = cmd->scsi_SenseLength;
        for (uint i = 0; i < n; i++)
            cmd->scsi_SenseData[i] = resp->Sense[i];
        return (ushort)n;
    }

    private static bool Fail(IOStdReq* io, sbyte error)
    {
        io->io_Error = error;
        return false;
    }
}
