// Block I/O and the other commands the unit task carries out.
using AmigaDevice;
using AmigaOS;
using Scsi;

namespace VirtioScsiDevice;

public static unsafe class Requests
{
    /// <summary>
    /// Starts a read or write of io_Length bytes at byte <paramref name="offset"/> on a free pipeline
    /// slot: READ/WRITE(10), or (16) past 2^32 blocks or 65535 blocks; the data through the slot's
    /// bounce buffer up to 64 KiB, else mapped with StartDMA (at most 64 runs; a buffer in more
    /// runs goes as several commands of at most 63 pages). Returns false when the request was
    /// finished at once (io_Error set) and must be replied by the caller.
    /// </summary>
    public static bool StartBlockIo(VirtioScsiBase* b, DevUnit* u, Slot* s, IOStdReq* io, ulong offset, bool write)
    {
        io->io_Actual = 0;
        if (io->io_Length == 0)
            return Fail(io, 0);
        if (io->io_Data == null)
            return Fail(io, Exec.IOERR_BADADDRESS);
        if (!u->CapacityValid)
            Units.ReadCapacity(b, u, u, &u->Slots[Limits.SyncSlot]);
        uint blockSize = u->BlockSize;
        if (offset % blockSize != 0 || io->io_Length % blockSize != 0)
            return Fail(io, Exec.IOERR_BADLENGTH);

        s->Io = io;
        s->Start = (byte*)io->io_Data;
        s->Total = io->io_Length;
        s->Lba = offset / blockSize;
        s->BlockSize = blockSize;
        s->Done = 0;
        s->IsWrite = write;
        s->Tries = 0;
        s->Mapped = false;
        s->Chunked = false;
        s->Data = s->Start;
        s->Length = s->Total;
        s->UsesBounce = s->Total <= Limits.BounceSize;
        if (s->UsesBounce)
        {
            if (write)
                Exec.CopyMem(s->Data, s->Bounce, s->Length);
            // Written-back before the device reads it; no dirty line left to land on the device's data.
            Exec.CacheClearE(s->Bounce, s->Length, Exec.CACRF_ClearD);
        }
        else
        {
            s->DmaFlags = write ? Exec.DMA_ReadFromRAM : 0u;
            s->DmaEntries = Exec.StartDMA(s->Data, s->Length, s->DmaFlags);
            if (s->DmaEntries == 0)
                return Fail(io, TrackDisk.HFERR_DMA);
            if (s->DmaEntries <= Limits.MaxSg)
            {
                Exec.GetDMAList(s->Data, s->Length, s->DmaFlags, s->DmaList);
                s->Mapped = true;
            }
            else
            {
                Exec.EndDMA(s->Data, s->Length, s->DmaFlags | Exec.DMAF_NoModify);
                s->Chunked = true;
                if (!MapChunk(s))
                    return Fail(io, TrackDisk.HFERR_DMA);
            }
        }
        Issue(u, s);
        while (!Controller.Submit(b, u, s))
            Controller.WaitForRoom(b, u);
        return true;
    }

    /// <summary>Maps the next part of a chunked transfer (from <see cref="Slot.Done"/>, at most MaxSg - 1 pages of whole blocks).</summary>
    private static bool MapChunk(Slot* s)
    {
        uint chunk = (Limits.MaxSg - 1) * Limits.PageSize / s->BlockSize * s->BlockSize;
        if (chunk == 0)
            chunk = s->BlockSize;
        s->Data = s->Start + s->Done;
        s->Length = s->Total - s->Done < chunk ? s->Total - s->Done : chunk;
        s->DmaEntries = Exec.StartDMA(s->Data, s->Length, s->DmaFlags);
        if (s->DmaEntries == 0)
            return false;
        if (s->DmaEntries > Limits.MaxSg)
        {
            Exec.EndDMA(s->Data, s->Length, s->DmaFlags | Exec.DMAF_NoModify);
            return false;
        }
        Exec.GetDMAList(s->Data, s->Length, s->DmaFlags, s->DmaList);
        s->Mapped = true;
        return true;
    }

    /// <summary>The READ/WRITE command of the part of the transfer the slot moves now.</summary>
    private static void Issue(DevUnit* u, Slot* s)
    {
        byte* cdb = stackalloc byte[Cdb.MaxLength];
        int n = Cdb.ReadWrite(cdb, s->IsWrite, s->Lba + s->Done / s->BlockSize, s->Length / s->BlockSize);
        Controller.PrepareHeader(u, s, cdb, n);
    }

    /// <summary>
    /// After a part of a chunked transfer succeeded: ends its mapping and, when more remains, maps
    /// and queues the next part on the same slot. Returns true when a next part is in flight.
    /// False with <paramref name="error"/> 0: the transfer is complete; else it failed.
    /// </summary>
    public static bool ContinueChunked(VirtioScsiBase* b, DevUnit* u, Slot* s, sbyte* error)
    {
        *error = 0;
        uint moved = Controller.Transferred(b, s);
        Exec.EndDMA(s->Data, s->Length, s->DmaFlags);
        s->Mapped = false;
        if (moved != s->Length || s->Done + s->Length >= s->Total)
        {
            // Short or last part: complete with what moved.
            s->Done += moved;
            s->Length = 0;
            return false;
        }
        s->Done += s->Length;
        s->Tries = 0;
        if (!MapChunk(s))
        {
            *error = TrackDisk.HFERR_DMA;
            return false;
        }
        Issue(u, s);
        if (!Controller.Submit(b, u, s))
        {
            Exec.EndDMA(s->Data, s->Length, s->DmaFlags | Exec.DMAF_NoModify);
            s->Mapped = false;
            *error = TrackDisk.TDERR_NotSpecified;
            return false;
        }
        Controller.Kick(b);
        return true;
    }

    private static bool Fail(IOStdReq* io, sbyte error)
    {
        io->io_Error = error;
        return false;
    }

    /// <summary>
    /// Completes a block request: io_Actual = length less residual on success (a read's data copied
    /// out of the bounce buffer after invalidating it), 0 on error; ends the StartDMA mapping,
    /// frees the slot and replies.
    /// </summary>
    public static void Complete(VirtioScsiBase* b, Slot* s, sbyte error)
    {
        IOStdReq* io = s->Io;
        uint actual = error == 0 ? s->Done + (s->Length != 0 ? Controller.Transferred(b, s) : 0u) : 0;
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
            Exec.EndDMA(s->Data, s->Length, s->DmaFlags | (error != 0 ? Exec.DMAF_NoModify : 0u));
            s->Mapped = false;
        }
        io->io_Actual = actual;
        io->io_Error = error;
        Controller.Lock(b);
        s->Io = null;
        s->State = SlotState.Free;
        Controller.Unlock(b);
        Exec.ReplyMsg(&io->io_Message);
    }

    /// <summary>A free pipeline slot of <paramref name="u"/>, or null.</summary>
    public static Slot* FreeSlot(DevUnit* u)
    {
        for (int i = 0; i < Limits.PipelineSlots; i++)
        {
            if (u->Slots[i].State == SlotState.Free)
                return &u->Slots[i];
        }
        return null;
    }

    /// <summary>TD_GETGEOMETRY: the logical CHS (Cylinders × CylSectors == blocks), TotalSectors clamped to 32 bits.</summary>
    public static sbyte GetGeometry(DevUnit* u, IOStdReq* io)
    {
        sbyte error = EnsureCapacity(u);
        return error != 0 ? error : LogicalGeometry.Answer(io, u->TotalBlocks, u->BlockSize, GeometryType(u), GeometryFlags(u));
    }

    /// <summary>NSCMD_TD_GETGEOMETRY64: the exact 64-bit block count.</summary>
    public static sbyte GetGeometry64(DevUnit* u, IOStdReq* io)
    {
        sbyte error = EnsureCapacity(u);
        return error != 0 ? error : LogicalGeometry.Answer64(io, u->TotalBlocks, u->BlockSize, GeometryType(u), GeometryFlags(u));
    }

    /// <summary>dg_DeviceType: DG_CDROM for a CD-ROM (peripheral device type 5), else DG_DIRECT_ACCESS.</summary>
    private static byte GeometryType(DevUnit* u) => u->DeviceType == Inquiry.TypeCdrom ? TrackDisk.DG_CDROM : TrackDisk.DG_DIRECT_ACCESS;

    /// <summary>dg_Flags: DGF_REMOVABLE when INQUIRY's RMB bit is set.</summary>
    private static byte GeometryFlags(DevUnit* u) => u->Removable ? TrackDisk.DGF_REMOVABLE : (byte)0;

    /// <summary>TD_GETNUMTRACKS: tracks of the TD_GETGEOMETRY geometry (Cylinders × Heads, one block per track), clamped.</summary>
    public static sbyte GetNumTracks(DevUnit* u, IOStdReq* io)
    {
        sbyte error = EnsureCapacity(u);
        if (error != 0)
            return error;
        io->io_Actual = LogicalGeometry.NumTracks(u->TotalBlocks);
        return 0;
    }

    /// <summary>CMD_UPDATE: SYNCHRONIZE CACHE(10) of the whole unit (SBC-3 5.22).</summary>
    public static sbyte Synchronize(DevUnit* u)
    {
        byte* cdb = stackalloc byte[10];
        for (int i = 0; i < 10; i++)
            cdb[i] = 0;
        cdb[0] = ScsiOp.SynchronizeCache10;
        byte status = 0;
        sbyte error = Controller.RunSync(u->Base, u, &u->Slots[Limits.SyncSlot], cdb, 10, 0, false, &status);
        // A unit without a cache may not implement the command: nothing to write back.
        return error == Exec.IOERR_NOCMD ? (sbyte)0 : error;
    }

    private static sbyte EnsureCapacity(DevUnit* u)
    {
        if (u->CapacityValid)
            return 0;
        return Units.ReadCapacity(u->Base, u, u, &u->Slots[Limits.SyncSlot]);
    }
}
