// The controller: finds the virtio-scsi PCI function, brings the device up (VirtIO 1.2 section
// 3.1.1), owns the request queues (shared by the units, spread over up to Limits.MaxRequestQueues),
// submits requests and harvests their completions.
using AmigaDevice;
using AmigaOS;
using DriverCompiler.Dsl;
using Scsi;
using Virtio;

namespace VirtioScsiDevice;

public static unsafe class Controller
{
    /// <summary>The device base (one controller per Kickstart module).</summary>
    public static VirtioScsiBase* Base;

    /// <summary>The first request queue (also what the byte order of every queue is read from: they all share the transport's).</summary>
    public static Virtqueue* RequestQueue(VirtioScsiBase* b) => &b->Queues[VirtioScsi.RequestQueue];

    /// <summary>Request queue <paramref name="index"/> (0 .. <see cref="VirtioScsiBase.RequestQueues"/> - 1).</summary>
    public static Virtqueue* RequestQueue(VirtioScsiBase* b, uint index) => &b->Queues[VirtioScsi.RequestQueue + (int)index];

    public static void Lock(VirtioScsiBase* b) => Exec.MutexObtain(b->IoLock);

    public static void Unlock(VirtioScsiBase* b) => Exec.MutexRelease(b->IoLock);

    // ---- bring-up ----

    /// <summary>
    /// Finds the first virtio-scsi function (1AF4:1004 transitional, else 1AF4:1048 modern-only),
    /// chooses the transport, negotiates features and sets up the three queues. False leaves
    /// nothing allocated that <see cref="Shutdown"/> would not free.
    /// </summary>
    public static bool Start(VirtioScsiBase* b)
    {
        Base = b;
        b->IoLock = Exec.AllocSysObjectTags(Exec.ASOT_MUTEX, Exec.TAG_DONE);
        if (b->IoLock == null)
            return false;
        // 1AF4:1004 transitional, else 1AF4:1048 modern-only; the transport clears BAR5 and enables the function.
        if (!b->Pci.Find(VirtioScsi.PciDeviceTransitional, VirtioScsi.PciDeviceModern))
            return false;

        VirtioPci* t = &b->Pci;
        t->Modern = t->ProbeModern();
        if (!t->Modern && !t->UseLegacy())
            return false;
        if (!t->Reset())
            return false;
        t->SetStatus(VirtioStatus.Acknowledge);
        t->SetStatus(VirtioStatus.Acknowledge | VirtioStatus.Driver);

        ulong offered = t->DeviceFeatures();
        // HOTPLUG and CHANGE on both transports: the event queue's buffers are single device-writable descriptors.
        ulong accepted = offered & ((1ul << VirtioF.EventIdx) | (1ul << VirtioScsi.F_Hotplug) | (1ul << VirtioScsi.F_Change));
        if (t->Modern)
        {
            // Legacy devices read indirect tables in their own byte order, so only modern uses them.
            accepted |= offered & ((1ul << VirtioF.IndirectDesc) | (1ul << VirtioF.Version1));
            if ((accepted & (1ul << VirtioF.Version1)) == 0)
                return Fail(t);
        }
        t->SetDriverFeatures(accepted);
        b->EventIdx = (accepted & (1ul << VirtioF.EventIdx)) != 0;
        b->UseIndirect = (accepted & (1ul << VirtioF.IndirectDesc)) != 0;
        b->Events = (accepted & ((1ul << VirtioScsi.F_Hotplug) | (1ul << VirtioScsi.F_Change))) != 0;
        if (t->Modern)
        {
            t->SetStatus(VirtioStatus.Acknowledge | VirtioStatus.Driver | VirtioStatus.FeaturesOk);
            if ((t->GetStatus() & VirtioStatus.FeaturesOk) == 0)
                return Fail(t);
        }
        b->RequestQueues = CountRequestQueues(b);
        if (!SetupQueues(b))
            return Fail(t);
        ReadLimits(b);
        byte ok = VirtioStatus.Acknowledge | VirtioStatus.Driver | VirtioStatus.DriverOk;
        if (t->Modern)
            ok |= VirtioStatus.FeaturesOk;
        t->SetStatus(ok);
        return true;
    }

    /// <summary>
    /// The targets and LUNs to scan: virtio_scsi_config max_target and max_lun (5.6.4), at most 255 (the request
    /// header's target byte) and 16383 (its 14-bit flat LUN). A modern device without a configuration structure
    /// gets SCSI-2's 0..7 of each.
    /// </summary>
    private static void ReadLimits(VirtioScsiBase* b)
    {
        VirtioPci* t = &b->Pci;
        if (t->Modern && t->DeviceCfg == null)
        {
            b->MaxTarget = 7;
            b->MaxLun = 7;
            return;
        }
        uint target = t->ConfigWord(VirtioScsi.ConfigMaxTarget);
        uint lun = t->ConfigLong(VirtioScsi.ConfigMaxLun);
        b->MaxTarget = target > 255 ? 255u : target;
        b->MaxLun = lun > VirtioScsi.MaxLun ? (uint)VirtioScsi.MaxLun : lun;
    }

    /// <summary>
    /// The request queues to use: virtio_scsi_config num_queues (5.6.4; 1 when a modern device has no configuration
    /// structure), at least 1, at most <see cref="Limits.MaxRequestQueues"/>. <see cref="SetupQueues"/> uses fewer when the
    /// transport reports a queue of size 0.
    /// </summary>
    private static uint CountRequestQueues(VirtioScsiBase* b)
    {
        VirtioPci* t = &b->Pci;
        if (t->Modern && t->DeviceCfg == null)
            return 1;
        uint n = t->ConfigLong(VirtioScsi.ConfigNumQueues);
        if (n == 0)
            return 1;
        return n > (uint)Limits.MaxRequestQueues ? (uint)Limits.MaxRequestQueues : n;
    }

    private static bool Fail(VirtioPci* t)
    {
        t->SetStatus(VirtioStatus.Failed);
        return false;
    }

    /// <summary>Allocates the rings of the control, event and request queues in one DMA block. The control, event
    /// and first request queue must exist; a later request queue the transport reports with size 0 ends the list.</summary>
    private static bool SetupQueues(VirtioScsiBase* b)
    {
        VirtioPci* t = &b->Pci;
        uint total = 0;
        uint cookies = 0;
        ushort queues = (ushort)(VirtioScsi.RequestQueue + b->RequestQueues);
        for (ushort q = 0; q < queues; q++)
        {
            ushort size = t->QueueSize(q);
            if (size == 0 && q > VirtioScsi.RequestQueue)
            {
                queues = q;
                b->RequestQueues = (uint)(q - VirtioScsi.RequestQueue);
                break;
            }
            if (size == 0 || (size & (size - 1)) != 0)
                return false;
            total += (Virtqueue.TotalBytes(size) + Virtqueue.LegacyAlign - 1) & ~(Virtqueue.LegacyAlign - 1);
            cookies += size;
        }
        b->RingBytes = total;
        b->RingMemory = DmaMemory.Alloc(total, Virtqueue.LegacyAlign);
        b->Cookies = (uint*)Exec.AllocVecTags(cookies * 4, Exec.AVT_Type, Exec.MEMF_PRIVATE, Exec.AVT_ClearWithValue, 0, Exec.TAG_DONE);
        if (b->RingMemory == null || b->Cookies == null)
            return false;
        b->RingPhys = DmaMemory.BusAddress(b->RingMemory, total, true);
        // The legacy interface takes the rings as a page number: they must start on a 4096 boundary.
        if (b->RingPhys == 0 || (b->RingPhys & (Virtqueue.LegacyAlign - 1)) != 0)
            return false;
        uint at = 0;
        uint cookieAt = 0;
        for (ushort q = 0; q < queues; q++)
        {
            ushort size = t->QueueSize(q);
            Virtqueue* vq = &b->Queues[q];
            vq->Init(b->RingMemory + at, size, q, b->Cookies + cookieAt, t->Modern, b->EventIdx);
            t->ActivateQueue(vq, b->RingPhys + at);
            at += (Virtqueue.TotalBytes(size) + Virtqueue.LegacyAlign - 1) & ~(Virtqueue.LegacyAlign - 1);
            cookieAt += size;
        }
        Exec.CacheClearE(b->RingMemory, total, Exec.CACRF_ClearD);
        return true;
    }

    /// <summary>Resets the device and frees what <see cref="Start"/> allocated.</summary>
    public static void Shutdown(VirtioScsiBase* b)
    {
        if (b->Pci.Dev != null && (b->Pci.Modern || b->Pci.Bar0 != null))
            b->Pci.SetStatus(0);
        if (b->RingMemory != null)
        {
            if (b->RingPhys != 0)
                Exec.EndDMA(b->RingMemory, b->RingBytes, Exec.DMA_ReadFromRAM);
            Exec.FreeVec(b->RingMemory);
            b->RingMemory = null;
        }
        if (b->Cookies != null)
            Exec.FreeVec(b->Cookies);
        b->Cookies = null;
        b->Pci.Release();
        if (b->IoLock != null)
            Exec.FreeSysObject(Exec.ASOT_MUTEX, b->IoLock);
        b->IoLock = null;
    }

    // ---- slots ----

    /// <summary>Allocates the DMA control block (request/response headers, indirect tables) of
    /// <paramref name="count"/> slots of <paramref name="u"/>, and with <paramref name="bounce"/> their bounce buffers.</summary>
    public static bool AllocSlots(DevUnit* u, int count, uint bounce)
    {
        uint bytes = Limits.SlotBytes * (uint)count;
        u->Control = DmaMemory.Alloc(bytes, Limits.CacheLine);
        u->DmaLists = (DMAEntry*)Exec.AllocVecTags((uint)(sizeof(DMAEntry) * Limits.MaxSg * count), Exec.AVT_Type, Exec.MEMF_PRIVATE,
            Exec.AVT_ClearWithValue, 0, Exec.TAG_DONE);
        if (u->Control == null || u->DmaLists == null)
            return false;
        u->ControlPhys = DmaMemory.BusAddress(u->Control, bytes, true);
        if (u->ControlPhys == 0)
            return false;
        for (int i = 0; i < count; i++)
        {
            Slot* s = &u->Slots[i];
            uint at = Limits.SlotBytes * (uint)i;
            s->Index = (byte)i;
            s->State = SlotState.Free;
            s->Req = (VirtioScsiReqCmd*)(u->Control + at + Limits.ReqOffset);
            s->Resp = (VirtioScsiRespCmd*)(u->Control + at + Limits.RespOffset);
            s->Table = (VirtqDesc*)(u->Control + at + Limits.TableOffset);
            s->ReqPhys = u->ControlPhys + at + Limits.ReqOffset;
            s->RespPhys = u->ControlPhys + at + Limits.RespOffset;
            s->TablePhys = u->ControlPhys + at + Limits.TableOffset;
            s->DmaList = u->DmaLists + Limits.MaxSg * i;
            s->Bounce = DmaMemory.Alloc(bounce, Limits.CacheLine);
            if (s->Bounce == null)
                return false;
            s->BouncePhys = DmaMemory.BusAddress(s->Bounce, bounce, false);
            if (s->BouncePhys == 0)
                return false;
        }
        u->BuffersReady = true;
        return true;
    }

    /// <summary>Frees what <see cref="AllocSlots"/> allocated (no request may be in flight).</summary>
    public static void FreeSlots(DevUnit* u, int count)
    {
        for (int i = 0; i < count; i++)
        {
            Slot* s = &u->Slots[i];
            if (s->Bounce != null)
                Exec.FreeVec(s->Bounce);
            s->Bounce = null;
        }
        if (u->Control != null)
        {
            if (u->ControlPhys != 0)
                Exec.EndDMA(u->Control, Limits.SlotBytes * (uint)count, Exec.DMA_ReadFromRAM);
            Exec.FreeVec(u->Control);
        }
        u->Control = null;
        if (u->DmaLists != null)
            Exec.FreeVec(u->DmaLists);
        u->DmaLists = null;
        u->BuffersReady = false;
    }

    /// <summary>The cookie of a slot: owner (unit index + 1, or <see cref="Limits.ProbeOwner"/> for the probe unit) and slot.</summary>
    public static uint Cookie(DevUnit* u, Slot* s) => ((u->Index + 1) << 8) | s->Index;

    // ---- submission ----

    /// <summary>
    /// Fills a slot's request header for <paramref name="u"/>'s target and LUN with <paramref name="cdb"/>,
    /// describes request, data and response as buffers and queues them on the request queue
    /// (indirectly on a modern device). Returns false when the queue has no room now; nothing is
    /// queued then. The caller notifies the device.
    /// </summary>
    public static bool Submit(VirtioScsiBase* b, DevUnit* u, Slot* s)
    {
        Virtqueue* vq = RequestQueue(b, u->Queue);
        VirtioScsiRespCmd* resp = s->Resp;
        resp->SenseLen = 0;
        resp->Residual = 0;
        resp->Status = 0;
        resp->Response = 0xFF;
        Exec.CacheClearE(s->Req, Limits.RespOffset + 128, Exec.CACRF_ClearD);

        VirtqBuf* bufs = stackalloc VirtqBuf[Limits.MaxSg + 2];
        int n = 0;
        bufs[n].Addr = s->ReqPhys;
        bufs[n].Len = VirtioScsi.ReqCmdBytes;
        n++;
        if (s->IsWrite)
            n = AddData(s, bufs, n);
        int outCount = n;
        bufs[n].Addr = s->RespPhys;
        bufs[n].Len = VirtioScsi.RespCmdBytes;
        n++;
        if (!s->IsWrite)
            n = AddData(s, bufs, n);
        int inCount = n - outCount;

        Lock(b);
        int head;
        if (b->UseIndirect && n > 1)
            head = vq->AddIndirect(s->Table, s->TablePhys, bufs, outCount, inCount, Cookie(u, s));
        else
            head = vq->AddChain(bufs, outCount, inCount, Cookie(u, s));
        if (head >= 0)
        {
            s->State = SlotState.Busy;
            b->QueueInFlight[u->Queue]++;
            u->Core.InFlight++;
        }
        Unlock(b);
        if (head >= 0 && b->UseIndirect && n > 1)
            Exec.CacheClearE(s->Table, (uint)(16 * n), Exec.CACRF_ClearD);
        return head >= 0;
    }

    private static int AddData(Slot* s, VirtqBuf* bufs, int n)
    {
        if (s->Length == 0)
            return n;
        if (s->UsesBounce)
        {
            bufs[n].Addr = s->BouncePhys;
            bufs[n].Len = s->Length;
            return n + 1;
        }
        for (uint i = 0; i < s->DmaEntries; i++)
        {
            bufs[n].Addr = (uint)s->DmaList[i].PhysicalAddress;
            bufs[n].Len = s->DmaList[i].BlockLength;
            n++;
        }
        return n;
    }

    /// <summary>Writes the request queue's descriptors and available ring back from the data cache
    /// (the device reads memory, not the CPU's cache).</summary>
    public static void FlushDriverArea(Virtqueue* vq) =>
        Exec.CacheClearE(vq->Desc, Virtqueue.DriverAreaBytes(vq->Size), Exec.CACRF_ClearD);

    /// <summary>Makes the queued requests of <paramref name="u"/>'s request queue visible and rings its doorbell.</summary>
    public static void Kick(VirtioScsiBase* b, DevUnit* u)
    {
        Virtqueue* vq = RequestQueue(b, u->Queue);
        FlushDriverArea(vq);
        b->Pci.Notify(vq);
    }

    // ---- completion ----

    /// <summary>The unit a cookie names, or null.</summary>
    private static DevUnit* Owner(VirtioScsiBase* b, uint cookie)
    {
        uint owner = cookie >> 8;
        if (owner == Limits.ProbeOwner)
            return &b->Probe;
        if (owner == 0 || owner > b->UnitCount)
            return null;
        return b->Units[owner - 1];
    }

    /// <summary>
    /// Takes every completed request off every request queue and finishes it, whichever unit owns it
    /// (units share the queues), then lets the event task look at its queue when there is no interrupt.
    /// </summary>
    public static void Harvest(VirtioScsiBase* b)
    {
        for (uint q = 0; q < b->RequestQueues; q++)
            HarvestQueue(b, q);
        if (!b->IrqInstalled)
            Events.Notice(b);
    }

    /// <summary>
    /// Takes every completed request off request queue <paramref name="q"/> and finishes it. Then asks for the next
    /// interrupt only when everything now in flight on it has completed (EVENT_IDX used_event), and drains again
    /// if completions raced with that.
    /// </summary>
    private static void HarvestQueue(VirtioScsiBase* b, uint q)
    {
        Virtqueue* vq = RequestQueue(b, q);
        for (;;)
        {
            uint cookie = 0;
            uint written = 0;
            Lock(b);
            Exec.CacheClearE(vq->Used, 4u + 8u * vq->Size, Exec.CACRF_InvalidateD);
            if (!vq->GetBuf(&cookie, &written))
            {
                bool more = vq->ArmInterrupt(b->QueueInFlight[(int)q]);
                // used_event out to memory, then a fresh look at the device's used idx.
                FlushDriverArea(vq);
                Exec.CacheClearE(vq->Used, 4, Exec.CACRF_InvalidateD);
                more = more || vq->HasUsed();
                Unlock(b);
                if (more)
                    continue;
                return;
            }
            DevUnit* u = Owner(b, cookie);
            uint index = cookie & 0xFF;
            Slot* s = null;
            if (u != null && index < Limits.SlotCount && u->Slots[(int)index].State == SlotState.Busy)
            {
                s = &u->Slots[(int)index];
                s->State = SlotState.Done;
                s->Written = written;
                b->QueueInFlight[(int)q]--;
                u->Core.InFlight--;
            }
            Unlock(b);
            if (s != null)
                Finish(b, u, s);
        }
    }

    /// <summary>A finished slot: a synchronous command is left Done for its waiter; a block request is
    /// sent again as <see cref="ErrorMap.Retryable"/> says (UNIT ATTENTION, ABORTED COMMAND; at most
    /// <see cref="Limits.Retries"/> times) or completed and replied.</summary>
    private static void Finish(VirtioScsiBase* b, DevUnit* u, Slot* s)
    {
        Exec.CacheClearE(s->Resp, 128, Exec.CACRF_InvalidateD);
        if (s->Io == null)
        {
            Wake(u);
            return;
        }
        if (s->Direct)
        {
            ScsiDirect.Complete(b, s);
            Wake(u);
            return;
        }
        sbyte error = Outcome(b, u, s);
        if (s->Retry && s->Tries < Limits.Retries)
        {
            s->Tries++;
            if (Submit(b, u, s))
            {
                Kick(b, u);
                return;
            }
        }
        if (error == 0 && s->Chunked)
        {
            if (Requests.ContinueChunked(b, u, s, &error))
                return;
        }
        Requests.Complete(b, s, error);
        Wake(u);
    }

    /// <summary>Wakes the unit's task when another task finished its request (it may have requests waiting for a slot).</summary>
    private static void Wake(DevUnit* u)
    {
        if (u->Core.Worker.Task != null && u->Core.Worker.Task != Exec.FindTask(null))
            Exec.Signal(u->Core.Worker.Task, u->Core.DoneMask);
    }

    /// <summary>io_Error of a finished slot of <paramref name="u"/> from its response (byte order as the queue's);
    /// the sense of a CHECK CONDITION also tells <see cref="Units.NoteSense"/> about the unit's medium.
    /// A unit that has gone fails with TDERR_BadUnitNum whatever the device answered. Sets the slot's
    /// <see cref="Slot.Retry"/> (<see cref="ErrorMap.Retryable"/>; never for a unit that has gone).</summary>
    public static sbyte Outcome(VirtioScsiBase* b, DevUnit* u, Slot* s)
    {
        VirtioScsiRespCmd* resp = s->Resp;
        byte key = 0;
        s->Retry = false;
        if (resp->Response == VirtioScsi.S_Ok && resp->Status == ScsiStatus.CheckCondition)
        {
            uint senseLen = SenseLength(b, resp);
            SenseInfo sense = Sense.Decode(resp->Sense, senseLen);
            key = sense.Key;
            Units.NoteSense(u, sense);
        }
        if (u->Gone)
            return TrackDisk.TDERR_BadUnitNum;
        s->Retry = ErrorMap.Retryable(resp->Response, resp->Status, key);
        return ErrorMap.FromScsi(resp->Response, resp->Status, key);
    }

    /// <summary>Valid bytes of a response's sense: its sense_len (byte order as the queue's), at most the 96 of the field.</summary>
    public static uint SenseLength(VirtioScsiBase* b, VirtioScsiRespCmd* resp)
    {
        uint n = RequestQueue(b)->From32(resp->SenseLen);
        return n > VirtioScsi.SenseSize ? (uint)VirtioScsi.SenseSize : n;
    }

    /// <summary>Bytes transferred by a successful slot: the length less the residual (never negative).</summary>
    public static uint Transferred(VirtioScsiBase* b, Slot* s)
    {
        uint residual = RequestQueue(b)->From32(s->Resp->Residual);
        return residual > s->Length ? 0 : s->Length - residual;
    }

    // ---- synchronous commands ----

    /// <summary>
    /// Runs one command on <paramref name="u"/>'s sync slot and waits for it: by the unit's signal
    /// when called from its task with the interrupt installed, else by polling. Data (at most the
    /// slot's bounce size) goes through the bounce buffer; a read's data is left there. Sends it again
    /// as <see cref="ErrorMap.Retryable"/> says (at most <see cref="Limits.Retries"/> times).
    /// Returns the io_Error; <paramref name="status"/> gets the SCSI status. With <paramref name="timeoutSeconds"/>
    /// (not 0) each attempt waits at most that long on the unit's own task (<see cref="UnitTimer"/>), then gives
    /// IOERR_UNITBUSY; the device keeps the slot until it answers, and the next command on the slot waits for that
    /// first, as long again. Polled waits are bounded by <see cref="Limits.PollLimit"/> (IOERR_SELFTEST).
    /// </summary>
    public static sbyte RunSync(VirtioScsiBase* b, DevUnit* u, Slot* s, byte* cdb, int cdbLength, uint length, bool write, byte* status,
                                uint timeoutSeconds)
    {
        sbyte error = Exec.IOERR_SELFTEST;
        *status = 0xFF;
        // The device may still hold the slot: a command of it timed out earlier.
        if (s->State == SlotState.Busy && AwaitDone(b, u, s, timeoutSeconds) != 0)
            return Exec.IOERR_UNITBUSY;
        if (s->State == SlotState.Done)
            s->State = SlotState.Free;
        for (int attempt = 0; attempt <= Limits.Retries; attempt++)
        {
            PrepareHeader(u, s, cdb, cdbLength);
            s->Io = null;
            s->Length = length;
            s->IsWrite = write;
            s->UsesBounce = true;
            s->Tries = 0;
            if (length != 0)
                Exec.CacheClearE(s->Bounce, length, Exec.CACRF_ClearD);
            while (!Submit(b, u, s))
            {
                if (!WaitForRoom(b, u))
                    return Exec.IOERR_SELFTEST;
            }
            Kick(b, u);
            sbyte waited = AwaitDone(b, u, s, timeoutSeconds);
            if (waited != 0)
                return waited;
            s->State = SlotState.Free;
            *status = s->Resp->Status;
            error = Outcome(b, u, s);
            if (!s->Retry)
                break;
        }
        if (error == 0 && !write && length != 0)
            Exec.CacheClearE(s->Bounce, length, Exec.CACRF_InvalidateD);
        return error;
    }

    /// <summary>Waits until the device has finished slot <paramref name="s"/> (state Done): see <see cref="Await"/>.</summary>
    private static sbyte AwaitDone(VirtioScsiBase* b, DevUnit* u, Slot* s, uint timeoutSeconds) => Await(b, u, s, null, timeoutSeconds);

    /// <summary>Waits until <paramref name="u"/> has no request in flight but <paramref name="except"/> (when the device
    /// still holds it): see <see cref="Await"/>.</summary>
    public static sbyte AwaitOthers(VirtioScsiBase* b, DevUnit* u, Slot* except, uint timeoutSeconds) => Await(b, u, null, except, timeoutSeconds);

    /// <summary>Waits until slot <paramref name="done"/> is Done or, with <paramref name="done"/> null, until
    /// <paramref name="u"/> has no request in flight but <paramref name="except"/>: 0; IOERR_SELFTEST when a polled wait
    /// ran out; IOERR_UNITBUSY when <paramref name="timeoutSeconds"/> (not 0) passed first on the unit's task with its
    /// timer (a slot the device still holds stays Busy).</summary>
    private static sbyte Await(VirtioScsiBase* b, DevUnit* u, Slot* done, Slot* except, uint timeoutSeconds)
    {
        bool bounded = timeoutSeconds != 0 && b->IrqInstalled && u->Core.Worker.Task == Exec.FindTask(null)
            && UnitTimer.Start(&u->Core, timeoutSeconds);
        sbyte error = 0;
        while (done != null ? done->State != SlotState.Done : u->Core.InFlight > (except->State == SlotState.Busy ? 1 : 0))
        {
            if (bounded && UnitTimer.Expired(&u->Core))
            {
                error = Exec.IOERR_UNITBUSY;
                break;
            }
            if (!WaitForCompletion(b, u, done, bounded ? u->Core.TimerMask : 0u))
            {
                error = Exec.IOERR_SELFTEST;
                break;
            }
        }
        if (bounded)
            UnitTimer.Stop(&u->Core);
        return error;
    }

    /// <summary>
    /// Waits for room on the request queue after <see cref="Submit"/> found none: first notifies the
    /// device, since the descriptors may all be held by requests this task queued in the current
    /// round and has not notified yet (they would never complete), then waits for a completion.
    /// False on poll timeout.
    /// </summary>
    public static bool WaitForRoom(VirtioScsiBase* b, DevUnit* u)
    {
        Kick(b, u);
        return WaitForCompletion(b, u, null, 0);
    }

    /// <summary>Harvests, then waits until some request of <paramref name="u"/> completes unless
    /// <paramref name="s"/> is done already: by the unit's signal from its own task with the
    /// interrupt installed (or by a signal of <paramref name="alsoWakeOn"/>: the unit's timer), else by polling the
    /// used ring. False on poll timeout.
    /// A wake-up always ends with a harvest: the signal this Wait consumes was the device's only
    /// interrupt for the used_event armed before it (the device has passed that index and stays
    /// silent until <see cref="Harvest"/> arms a new one), so a caller that waited again without
    /// harvesting (the unit task's main loop after <see cref="WaitForRoom"/>) would sleep forever
    /// with its last requests completed on the ring.</summary>
    public static bool WaitForCompletion(VirtioScsiBase* b, DevUnit* u, Slot* s, uint alsoWakeOn)
    {
        if (b->IrqInstalled && u->Core.Worker.Task != null && u->Core.Worker.Task == Exec.FindTask(null))
        {
            Harvest(b);
            if ((s == null || s->State != SlotState.Done) && u->Core.InFlight != 0)
            {
                Exec.Wait(u->Core.DoneMask | alsoWakeOn);
                Harvest(b);
            }
            return true;
        }
        for (int i = 0; i < Limits.PollLimit; i++)
        {
            Virtqueue* vq = RequestQueue(b, u->Queue);
            Exec.CacheClearE(vq->Used, 4u + 8u * vq->Size, Exec.CACRF_InvalidateD);
            if (vq->HasUsed())
            {
                Harvest(b);
                return true;
            }
        }
        return false;
    }

    /// <summary>Fills a slot's request header: LUN, id, SIMPLE task attribute and the CDB (zero-padded to 32 bytes).</summary>
    public static void PrepareHeader(DevUnit* u, Slot* s, byte* cdb, int cdbLength)
    {
        VirtioScsiReqCmd* req = s->Req;
        VirtioScsi.SetLun(req, u->Target, u->Lun);
        req->Id = RequestQueue(u->Base)->To64(Cookie(u, s));
        req->TaskAttr = VirtioScsi.TaskAttrSimple;
        req->Prio = 0;
        req->Crn = 0;
        for (int i = 0; i < VirtioScsi.CdbSize; i++)
            req->Cdb[i] = i < cdbLength ? cdb[i] : (byte)0;
        s->CdbLength = (byte)cdbLength;
    }

    // ---- interrupt ----

    /// <summary>
    /// The PCI INTx server: reads (and so acknowledges) the ISR status; for a used-buffer
    /// interrupt wakes every unit task with requests in flight, the event task when it has probe commands
    /// in flight or the device returned an event buffer. Returns false when the interrupt
    /// was not this device's (the line is shared).
    /// </summary>
    [InterruptHandler]
    public static bool Interrupt(void* data)
    {
        VirtioScsiBase* b = (VirtioScsiBase*)data;
        byte isr = b->Pci.ReadIsr();
        if (isr == 0)
            return false;
        b->Interrupts++;
        if ((isr & 1) != 0)
        {
            for (uint i = 0; i < b->UnitCount; i++)
            {
                DevUnit* u = b->Units[i];
                if (u->Core.Worker.Task != null && u->Core.InFlight != 0)
                    Exec.Signal(u->Core.Worker.Task, u->Core.DoneMask);
            }
            DevUnit* probe = &b->Probe;
            if (probe->Core.Worker.Task != null && probe->Core.InFlight != 0)
                Exec.Signal(probe->Core.Worker.Task, probe->Core.DoneMask);
            Events.Notice(b);
        }
        return true;
    }
}
