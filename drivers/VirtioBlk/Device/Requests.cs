// Requests on a unit's queue (VirtIO 1.2 section 5.2.6): the outhdr device-readable, the data, the
// status byte device-writable; the parts a transfer is split into to honour size_max and seg_max;
// submission, completion by interrupt (EVENT_IDX) or by polling, and the replies.
// A trace above DebugTrace.Level is dead code on purpose (CS0162); in C it stays a test of VBLK_DEBUG_TRACE_LEVEL, which -D may raise.
#pragma warning disable CS0162
using AmigaDevice;
using AmigaOS;
using DriverCompiler.Dsl;
using Virtio;

namespace VirtioBlkDevice;

public static unsafe class Requests
{
    // ---- slots ----

    /// <summary>Allocates the DMA control block (outhdr, status, range, indirect table per slot) and the bounce buffers.</summary>
    public static bool AllocSlots(DevUnit* u)
    {
        uint bytes = Limits.SlotBytes * Limits.SlotCount;
        u->Control = DmaMemory.Alloc(bytes, Limits.CacheLine);
        u->DmaLists = (DMAEntry*)Exec.AllocVecTags((uint)(sizeof(DMAEntry) * Limits.MaxSg * Limits.SlotCount), Exec.AVT_Type, Exec.MEMF_PRIVATE,
            Exec.AVT_ClearWithValue, 0, Exec.TAG_DONE);
        if (u->Control == null || u->DmaLists == null)
            return false;
        u->ControlPhys = DmaMemory.BusAddress(u->Control, bytes, true);
        if (u->ControlPhys == 0)
            return false;
        for (int i = 0; i < Limits.SlotCount; i++)
        {
            Slot* s = &u->Slots[i];
            uint at = Limits.SlotBytes * (uint)i;
            s->Index = (byte)i;
            s->State = SlotState.Free;
            s->Hdr = (VirtioBlkOutHdr*)(u->Control + at + Limits.HdrOffset);
            s->Status = u->Control + at + Limits.StatusOffset;
            s->Range = (VirtioBlkDiscardWriteZeroes*)(u->Control + at + Limits.RangeOffset);
            s->Table = (VirtqDesc*)(u->Control + at + Limits.TableOffset);
            s->HdrPhys = u->ControlPhys + at + Limits.HdrOffset;
            s->StatusPhys = u->ControlPhys + at + Limits.StatusOffset;
            s->RangePhys = u->ControlPhys + at + Limits.RangeOffset;
            s->TablePhys = u->ControlPhys + at + Limits.TableOffset;
            s->DmaList = u->DmaLists + Limits.MaxSg * i;
            s->Bounce = DmaMemory.Alloc(Limits.BounceSize, Limits.CacheLine);
            if (s->Bounce == null)
                return false;
            s->BouncePhys = DmaMemory.BusAddress(s->Bounce, Limits.BounceSize, false);
            if (s->BouncePhys == 0)
                return false;
        }
        u->BuffersReady = true;
        return true;
    }

    /// <summary>Frees what <see cref="AllocSlots"/> allocated (nothing may be in flight).</summary>
    public static void FreeSlots(DevUnit* u)
    {
        for (int i = 0; i < Limits.SlotCount; i++)
        {
            Slot* s = &u->Slots[i];
            if (s->Bounce != null)
                Exec.FreeVec(s->Bounce);
            s->Bounce = null;
        }
        if (u->Control != null)
        {
            if (u->ControlPhys != 0)
                Exec.EndDMA(u->Control, Limits.SlotBytes * Limits.SlotCount, Exec.DMA_ReadFromRAM);
            Exec.FreeVec(u->Control);
        }
        u->Control = null;
        if (u->DmaLists != null)
            Exec.FreeVec(u->DmaLists);
        u->DmaLists = null;
        u->BuffersReady = false;
    }

    /// <summary>A free slot of <paramref name="u"/>, or null.</summary>
    public static Slot* FreeSlot(DevUnit* u)
    {
        for (int i = 0; i < Limits.PipelineSlots; i++)
        {
            if (u->Slots[i].State == SlotState.Free)
                return &u->Slots[i];
        }
        return null;
    }

    // ---- starting a request ----

    /// <summary>
    /// Starts a read or write of io_Length bytes from io_Data at byte <paramref name="offset"/>. Errors,
    /// replied at once, are <see cref="CheckTransfer"/>'s; io_Length 0 succeeds with io_Actual 0. Returns
    /// false when the request is finished (io_Error set) and must be replied.
    /// </summary>
    public static bool StartBlockIo(DevUnit* u, Slot* s, IOStdReq* io, ulong offset, bool write)
    {
        io->io_Actual = 0;
        if (io->io_Length == 0)
            return Fail(io, 0);
        sbyte error = CheckTransfer(u, io->io_Data, io->io_Length, offset, write);
        if (error != 0)
            return Fail(io, error);
        return StartTransfer(u, s, io, (byte*)io->io_Data, io->io_Length, offset, write);
    }

    /// <summary>
    /// The io_Error of a transfer the driver refuses before the device sees it: NULL data IOERR_BADADDRESS;
    /// offset or length not a multiple of the block size IOERR_BADLENGTH; any byte past the capacity
    /// IOERR_BADADDRESS; a write to a read-only device (VIRTIO_BLK_F_RO) TDERR_WriteProt. 0: acceptable.
    /// </summary>
    public static sbyte CheckTransfer(DevUnit* u, void* data, uint length, ulong offset, bool write)
    {
        if (data == null)
            return Exec.IOERR_BADADDRESS;
        if (offset % u->BlockSize != 0 || length % u->BlockSize != 0)
            return Exec.IOERR_BADLENGTH;
        ulong bytes = u->Capacity * VirtioBlkSizes.SectorSize;
        if (offset >= bytes || length > bytes - offset)
            return Exec.IOERR_BADADDRESS;
        if (write && u->Core.WriteProtected)
            return TrackDisk.TDERR_WriteProt;
        return 0;
    }

    /// <summary>
    /// Starts a checked transfer of <paramref name="length"/> (non-zero) bytes: up to 64 KiB through the slot's
    /// bounce buffer, more mapped with StartDMA in windows of at most 63 pages (a buffer StartDMA cannot map:
    /// HFERR_DMA). Parts honour size_max and seg_max. False when finished at once (io_Error set).
    /// </summary>
    public static bool StartTransfer(DevUnit* u, Slot* s, IOStdReq* io, byte* data, uint length, ulong offset, bool write)
    {
        Prepare(s, io, SlotKind.Block, write ? VirtioBlkT.Out : VirtioBlkT.In);
        s->Start = data;
        s->Total = length;
        s->Sector = offset / VirtioBlkSizes.SectorSize;
        s->IsWrite = write;
        s->MapStart = 0;
        s->MapLength = 0;
        s->UsesBounce = s->Total <= Limits.BounceSize;
        if (s->UsesBounce)
        {
            if (write)
                Exec.CopyMem(s->Start, s->Bounce, s->Total);
            // Written back before the device reads it; no dirty line left to land on the device's data.
            Exec.CacheClearE(s->Bounce, s->Total, Exec.CACRF_ClearD);
        }
        else
        {
            s->DmaFlags = write ? Exec.DMA_ReadFromRAM : 0u;
            if (!MapWindow(s))
            {
                s->Io = null;
                return Fail(io, TrackDisk.HFERR_DMA);
            }
        }
        return Launch(u, s);
    }

    /// <summary>CMD_UPDATE / SYNCHRONIZE CACHE: one FLUSH when the device offers it (else nothing is cached: done).</summary>
    public static bool StartFlush(DevUnit* u, Slot* s, IOStdReq* io)
    {
        io->io_Actual = 0;
        if (!Units.Has(u, VirtioBlkF.Flush))
            return Fail(io, 0);
        Prepare(s, io, SlotKind.Flush, VirtioBlkT.Flush);
        return Launch(u, s);
    }

    /// <summary>GET_ID into the slot's bounce buffer (20 bytes, spec 5.2.6); the completion builds the caller's answer.</summary>
    public static bool StartGetId(DevUnit* u, Slot* s, IOStdReq* io)
    {
        uint limit = s->AnswerLimit;
        byte page = s->AnswerPage;
        Prepare(s, io, SlotKind.GetId, VirtioBlkT.GetId);
        s->AnswerLimit = limit;
        s->AnswerPage = page;
        for (uint i = 0; i < VirtioBlkSizes.IdBytes; i++)
            s->Bounce[i] = 0;
        Exec.CacheClearE(s->Bounce, VirtioBlkSizes.IdBytes, Exec.CACRF_ClearD);
        s->UsesBounce = true;
        s->Total = VirtioBlkSizes.IdBytes;
        return Launch(u, s);
    }

    /// <summary>
    /// DISCARD or WRITE_ZEROES (<paramref name="type"/>) of <paramref name="ranges"/> UNMAP block descriptors
    /// at <paramref name="list"/> (16 bytes each, SBC-3 5.28: big-endian LBA, block count) or, with
    /// <paramref name="list"/> null, of the one range <paramref name="lba"/>/<paramref name="blocks"/>. Each range
    /// goes as requests of at most max_discard_sectors / max_write_zeroes_sectors. False: finished (io_Error set).
    /// </summary>
    public static bool StartRange(DevUnit* u, Slot* s, IOStdReq* io, uint type, byte* list, uint ranges, ulong lba, uint blocks, uint flags)
    {
        if (u->Core.WriteProtected)
            return Fail(io, TrackDisk.TDERR_WriteProt);
        Prepare(s, io, SlotKind.Range, type);
        s->RangeFlags = flags;
        s->NextRange = list;
        s->RangesLeft = ranges;
        if (list == null)
        {
            s->RangesLeft = 0;
            if (!SetRange(u, s, lba, blocks))
                return Fail(io, Exec.IOERR_BADADDRESS);
        }
        else if (!NextRange(u, s))
            return Fail(io, ranges == 0 ? (sbyte)0 : Exec.IOERR_BADADDRESS);
        return Launch(u, s);
    }

    /// <summary>The next UNMAP descriptor with blocks in it; false when none is left or one lies past the end.</summary>
    private static bool NextRange(DevUnit* u, Slot* s)
    {
        while (s->RangesLeft != 0)
        {
            byte* d = s->NextRange;
            s->NextRange += 16;
            s->RangesLeft--;
            ulong lba = ((ulong)BigEndian32(d) << 32) | BigEndian32(d + 4);
            uint blocks = BigEndian32(d + 8);
            if (blocks == 0)
                continue;
            return SetRange(u, s, lba, blocks);
        }
        return false;
    }

    private static bool SetRange(DevUnit* u, Slot* s, ulong lba, uint blocks)
    {
        ulong perBlock = u->BlockSize / VirtioBlkSizes.SectorSize;
        ulong total = u->Capacity / perBlock;
        if (lba >= total || blocks > total - lba || (ulong)blocks * perBlock > 0xFFFFFFFFul)
            return false;
        s->Sector = lba * perBlock;
        s->RangeSectors = (uint)(blocks * perBlock);
        s->Done = 0;
        return true;
    }

    /// <summary>A big-endian 32-bit value (SCSI byte order).</summary>
    public static uint BigEndian32(byte* p) => ((uint)p[0] << 24) | ((uint)p[1] << 16) | ((uint)p[2] << 8) | p[3];

    private static void Prepare(Slot* s, IOStdReq* io, byte kind, uint type)
    {
        s->Io = io;
        s->Kind = kind;
        s->Type = type;
        s->Sector = 0;
        s->Total = 0;
        s->Done = 0;
        s->Length = 0;
        s->IsWrite = false;
        s->UsesBounce = false;
        s->Mapped = false;
    }

    private static bool Fail(IOStdReq* io, sbyte error)
    {
        io->io_Error = error;
        return false;
    }

    /// <summary>Submits the slot's first part, or leaves it Waiting for room on the ring. Always true: the completion replies.</summary>
    private static bool Launch(DevUnit* u, Slot* s)
    {
        if (!Submit(u, s))
            s->State = SlotState.Waiting;
        return true;
    }

    // ---- building and submitting a part ----

    /// <summary>Maps the next window of a large transfer with StartDMA: from <see cref="Slot.Done"/>, at most
    /// MaxSg - 1 pages of whole blocks, so it maps to at most MaxSg runs.</summary>
    private static bool MapWindow(Slot* s)
    {
        uint window = (Limits.MaxSg - 1) * Limits.PageSize;
        s->MapStart = s->Done;
        s->MapLength = s->Total - s->Done < window ? s->Total - s->Done : window;
        s->DmaEntries = Exec.StartDMA(s->Start + s->MapStart, s->MapLength, s->DmaFlags);
        if (s->DmaEntries == 0)
            return false;
        if (s->DmaEntries > Limits.MaxSg)
        {
            Exec.EndDMA(s->Start + s->MapStart, s->MapLength, s->DmaFlags | Exec.DMAF_NoModify);
            return false;
        }
        Exec.GetDMAList(s->Start + s->MapStart, s->MapLength, s->DmaFlags, s->DmaList);
        s->Mapped = true;
        return true;
    }

    /// <summary>Ends the current StartDMA window (the data reached memory unless <paramref name="failed"/>).</summary>
    public static void UnmapWindow(Slot* s, bool failed)
    {
        if (!s->Mapped)
            return;
        Exec.EndDMA(s->Start + s->MapStart, s->MapLength, s->DmaFlags | (failed ? Exec.DMAF_NoModify : 0u));
        s->Mapped = false;
    }

    /// <summary>
    /// The data segments of the next part of a block transfer, from <see cref="Slot.Done"/>: the runs of the
    /// bounce buffer or of the mapped window, each cut at size_max, at most SegLimit of them, the total cut
    /// back to whole blocks. Returns the new count of <paramref name="bufs"/> and sets <see cref="Slot.Length"/>.
    /// </summary>
    private static int AddBlockData(DevUnit* u, Slot* s, VirtqBuf* bufs, int n)
    {
        int first = n;
        uint total = 0;
        uint sizeMax = u->SizeMax;
        uint runs = s->UsesBounce ? 1u : s->DmaEntries;
        uint runStart = s->UsesBounce ? 0u : s->MapStart;
        for (uint r = 0; r < runs && (uint)(n - first) < u->SegLimit; r++)
        {
            ulong phys = s->UsesBounce ? s->BouncePhys : (uint)s->DmaList[r].PhysicalAddress;
            uint len = s->UsesBounce ? s->Total : s->DmaList[r].BlockLength;
            uint at = s->Done + total;
            if (runStart + len <= at)
            {
                runStart += len;
                continue;
            }
            uint skip = at - runStart;
            phys += skip;
            uint left = len - skip;
            runStart += len;
            while (left != 0 && (uint)(n - first) < u->SegLimit)
            {
                uint piece = sizeMax != 0 && left > sizeMax ? sizeMax : left;
                bufs[n].Addr = phys;
                bufs[n].Len = piece;
                n++;
                phys += piece;
                left -= piece;
                total += piece;
            }
        }
        // Only whole blocks: the last segments give back what the limit cut off mid-block.
        uint partial = total % u->BlockSize;
        total -= partial;
        while (partial != 0 && n > first)
        {
            uint last = bufs[n - 1].Len;
            if (last <= partial)
            {
                partial -= last;
                n--;
            }
            else
            {
                bufs[n - 1].Len = last - partial;
                partial = 0;
            }
        }
        s->Length = total;
        return n;
    }

    /// <summary>
    /// Fills the slot's outhdr and status and queues its current part: outhdr, then the data
    /// (device-readable for OUT, DISCARD, WRITE_ZEROES), then (device-writable) the data of IN and
    /// GET_ID and the status byte. Indirect on a device that offers it. False: no room on the ring now.
    /// </summary>
    public static bool Submit(DevUnit* u, Slot* s)
    {
        Virtqueue* vq = &u->Vq;
        VirtqBuf* bufs = stackalloc VirtqBuf[Limits.MaxSg + 2];
        int n = 0;
        bufs[n].Addr = s->HdrPhys;
        bufs[n].Len = VirtioBlkSizes.OutHdrBytes;
        n++;
        ulong sector = s->Sector;
        if (s->Kind == SlotKind.Block)
        {
            sector = s->Sector + s->Done / VirtioBlkSizes.SectorSize;
            n = AddBlockData(u, s, bufs, n);
            if (s->Length == 0)
                return false;
        }
        else if (s->Kind == SlotKind.Range)
        {
            uint max = s->Type == VirtioBlkT.Discard ? u->MaxDiscardSectors : u->MaxWriteZeroesSectors;
            uint left = s->RangeSectors - s->Done;
            uint count = max != 0 && left > max ? max / (u->BlockSize / VirtioBlkSizes.SectorSize) * (u->BlockSize / VirtioBlkSizes.SectorSize) : left;
            if (count == 0)
                count = left;
            s->Length = count;
            s->Range->Sector = vq->To64(s->Sector + s->Done);
            s->Range->NumSectors = vq->To32(count);
            s->Range->Flags = vq->To32(s->RangeFlags);
            sector = 0;
            bufs[n].Addr = s->RangePhys;
            bufs[n].Len = VirtioBlkSizes.DiscardSegmentBytes;
            n++;
        }
        int outCount = s->IsWrite || s->Kind == SlotKind.Range ? n : 1;
        if (s->Kind == SlotKind.GetId)
        {
            bufs[n].Addr = s->BouncePhys;
            bufs[n].Len = VirtioBlkSizes.IdBytes;
            n++;
        }
        bufs[n].Addr = s->StatusPhys;
        bufs[n].Len = 1;
        n++;
        int inCount = n - outCount;
        s->Hdr->Type = vq->To32(s->Type);
        s->Hdr->Ioprio = 0;
        s->Hdr->Sector = vq->To64(sector);
        *s->Status = 0xFF;
        Exec.CacheClearE(s->Hdr, Limits.TableOffset, Exec.CACRF_ClearD);
        uint cookie = (uint)s->Index + 1;
        int head;
        if (u->UseIndirect)
        {
            head = vq->AddIndirect(s->Table, s->TablePhys, bufs, outCount, inCount, cookie);
            if (head >= 0)
                Exec.CacheClearE(s->Table, (uint)(16 * n), Exec.CACRF_ClearD);
        }
        else
            head = vq->AddChain(bufs, outCount, inCount, cookie);
        if (head < 0)
            return false;
        if (DebugTrace.Level >= 3)
            Exec.DebugPrintF("virtioblk.device: unit %lu slot %lu: type %lu sector %08lx%08lx, %lu descriptors\n",
                (uint)u->Index, (uint)s->Index, s->Type, (uint)(sector >> 32), (uint)sector, (uint)n);
        s->State = SlotState.Busy;
        u->Core.InFlight++;
        return true;
    }

    /// <summary>Writes the descriptors and available ring back from the data cache and rings the queue's doorbell.</summary>
    public static void Kick(DevUnit* u)
    {
        Virtqueue* vq = &u->Vq;
        Exec.CacheClearE(vq->Desc, Virtqueue.DriverAreaBytes(vq->Size), Exec.CACRF_ClearD);
        u->Pci.Notify(vq);
    }

    /// <summary>Submits the slots left Waiting for room; true when any went.</summary>
    public static bool SubmitWaiting(DevUnit* u)
    {
        bool any = false;
        for (int i = 0; i < Limits.SlotCount; i++)
        {
            Slot* s = &u->Slots[i];
            if (s->State != SlotState.Waiting)
                continue;
            if (!Submit(u, s))
                break;
            any = true;
        }
        return any;
    }

    // ---- completion ----

    /// <summary>
    /// Takes every completed request off the queue and finishes it, then asks for the next interrupt
    /// only when everything now in flight has completed (EVENT_IDX used_event) and drains again if
    /// completions raced with that. Parts that follow are queued and the doorbell rung once.
    /// </summary>
    public static void Harvest(DevUnit* u)
    {
        Virtqueue* vq = &u->Vq;
        bool queued = false;
        for (;;)
        {
            uint cookie = 0;
            uint written = 0;
            Exec.CacheClearE(vq->Used, 4u + 8u * vq->Size, Exec.CACRF_InvalidateD);
            if (!vq->GetBuf(&cookie, &written))
            {
                queued = SubmitWaiting(u) || queued;
                if (queued)
                {
                    Kick(u);
                    queued = false;
                }
                bool more = vq->ArmInterrupt(u->Core.InFlight);
                // used_event out to memory, then a fresh look at the device's used idx.
                Exec.CacheClearE(vq->Desc, Virtqueue.DriverAreaBytes(vq->Size), Exec.CACRF_ClearD);
                Exec.CacheClearE(vq->Used, 4, Exec.CACRF_InvalidateD);
                if (more || vq->HasUsed())
                    continue;
                return;
            }
            uint index = cookie - 1;
            if (cookie == 0 || index >= Limits.SlotCount || u->Slots[(int)index].State != SlotState.Busy)
                continue;
            Slot* s = &u->Slots[(int)index];
            u->Core.InFlight--;
            s->Written = written;
            if (Finish(u, s))
                queued = true;
        }
    }

    /// <summary>The io_Error of a completed request's status byte: OK 0, UNSUPP IOERR_NOCMD, IOERR (and anything
    /// else, e.g. the 0xFF the driver left when the device wrote nothing) TDERR_NotSpecified.</summary>
    public static sbyte StatusError(byte status)
    {
        if (status == VirtioBlkS.Ok)
            return 0;
        if (status == VirtioBlkS.Unsupp)
            return Exec.IOERR_NOCMD;
        return TrackDisk.TDERR_NotSpecified;
    }

    /// <summary>One part completed: queues the next part of the same request, or completes and replies it.
    /// True when a next part was queued (the caller rings the doorbell).</summary>
    private static bool Finish(DevUnit* u, Slot* s)
    {
        Exec.CacheClearE(s->Status, 1, Exec.CACRF_InvalidateD);
        sbyte error = StatusError(*s->Status);
        if (DebugTrace.Level >= 2 && error != 0)
            Exec.DebugPrintF("virtioblk.device: unit %lu: type %lu at sector %08lx%08lx failed, status %lu\n",
                (uint)u->Index, s->Type, (uint)(s->Sector >> 32), (uint)s->Sector, (uint)*s->Status);
        if (error == 0 && s->Kind == SlotKind.Block)
        {
            s->Done += s->Length;
            if (s->Done < s->Total)
            {
                if (!s->UsesBounce && s->Done >= s->MapStart + s->MapLength)
                {
                    UnmapWindow(s, false);
                    if (!MapWindow(s))
                        error = TrackDisk.HFERR_DMA;
                }
                if (error == 0)
                {
                    if (!Submit(u, s))
                        s->State = SlotState.Waiting;
                    return s->State == SlotState.Busy;
                }
            }
        }
        else if (error == 0 && s->Kind == SlotKind.Range)
        {
            s->Done += s->Length;
            if (s->Done < s->RangeSectors || NextRange(u, s))
            {
                if (!Submit(u, s))
                    s->State = SlotState.Waiting;
                return s->State == SlotState.Busy;
            }
        }
        Complete(u, s, error);
        return false;
    }

    /// <summary>
    /// Completes a request: a block transfer's io_Actual is its length on success and 0 on error (a read's
    /// data copied out of the bounce buffer after invalidating it; the StartDMA window ended); an
    /// HD_SCSICMD gets its SCSI answer; frees the slot and replies.
    /// </summary>
    public static void Complete(DevUnit* u, Slot* s, sbyte error)
    {
        IOStdReq* io = s->Io;
        if (s->Kind == SlotKind.Block)
        {
            if (s->UsesBounce)
            {
                if (!s->IsWrite && error == 0)
                {
                    Exec.CacheClearE(s->Bounce, s->Total, Exec.CACRF_InvalidateD);
                    Exec.CopyMem(s->Bounce, s->Start, s->Total);
                }
            }
            else
                UnmapWindow(s, error != 0);
            io->io_Actual = error == 0 ? s->Total : 0u;
        }
        else if (s->Kind == SlotKind.GetId && error == 0)
            Exec.CacheClearE(s->Bounce, VirtioBlkSizes.IdBytes, Exec.CACRF_InvalidateD);
        s->Io = null;
        s->State = SlotState.Free;
        if (io->io_Command == TrackDisk.HD_SCSICMD)
            ScsiLayer.Complete(u, s, io, error);
        else
            io->io_Error = error;
        Exec.ReplyMsg(&io->io_Message);
    }

    /// <summary>
    /// Waits until some request of <paramref name="u"/> completes and harvests: by the unit's signal when
    /// called from its task with the interrupt installed, else by polling the used ring. False on poll timeout.
    /// </summary>
    public static bool WaitForCompletion(DevUnit* u)
    {
        if (u->IrqInstalled && u->Core.Worker.Task != null && u->Core.Worker.Task == Exec.FindTask(null))
        {
            Harvest(u);
            if (u->Core.InFlight != 0)
            {
                Exec.Wait(u->Core.DoneMask);
                Harvest(u);
            }
            return true;
        }
        for (int i = 0; i < Limits.PollLimit; i++)
        {
            Virtqueue* vq = &u->Vq;
            Exec.CacheClearE(vq->Used, 4u + 8u * vq->Size, Exec.CACRF_InvalidateD);
            if (vq->HasUsed())
            {
                Harvest(u);
                return true;
            }
        }
        return false;
    }
}
