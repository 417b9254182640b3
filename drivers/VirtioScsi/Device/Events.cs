// The event queue (VirtIO 1.2 section 5.6.6.3): with VIRTIO_SCSI_F_HOTPLUG and F_CHANGE negotiated the
// driver keeps it stocked with virtio_scsi_event buffers, and a task of its own handles what the device
// reports: LUNs added and removed (TRANSPORT_RESET), parameters changed (PARAM_CHANGE), events the
// device had to drop (EVENTS_MISSED: everything is scanned again).
using AmigaDevice;
using AmigaOS;
using Scsi;
using Virtio;

namespace VirtioScsiDevice;

public static unsafe class Events
{
    public static Virtqueue* EventQueue(VirtioScsiBase* b) => &b->Queues[VirtioScsi.EventQueue];

    /// <summary>
    /// Stocks the event queue with <see cref="Limits.EventBuffers"/> device-writable 16-byte buffers and starts the
    /// event task. Without the features, or when memory or the task cannot be had, events stay off (the
    /// device then drops them and sets EVENTS_MISSED, which nobody reads) and the driver works as before.
    /// </summary>
    public static void Start(VirtioScsiBase* b)
    {
        if (!b->Events)
            return;
        uint bytes = Limits.EventBytes * Limits.EventBuffers;
        b->EventMemory = DmaMemory.Alloc(bytes, Limits.CacheLine);
        if (b->EventMemory != null)
            b->EventPhys = DmaMemory.BusAddress(b->EventMemory, bytes, true);
        if (b->EventPhys == 0 || !StartTask(b))
        {
            b->Events = false;
            return;
        }
        for (int i = 0; i < Limits.EventBuffers; i++)
            Post(b, i);
        Kick(b);
    }

    /// <summary>Stops the event task and frees the buffers (the device is reset right after, so none is in use).</summary>
    public static void Stop(VirtioScsiBase* b)
    {
        DeviceTasks.Stop(&b->EventTask);
        if (b->EventMemory != null)
        {
            if (b->EventPhys != 0)
                Exec.EndDMA(b->EventMemory, Limits.EventBytes * Limits.EventBuffers, Exec.DMA_ReadFromRAM);
            Exec.FreeVec(b->EventMemory);
        }
        b->EventMemory = null;
        b->EventPhys = 0;
        b->Events = false;
    }

    /// <summary>Wakes the event task when the device has returned an event buffer (from the interrupt, and from
    /// every harvest, so polling without an interrupt sees events too).</summary>
    public static void Notice(VirtioScsiBase* b)
    {
        Task* task = b->EventTask.Task;
        if (task == null)
            return;
        Virtqueue* vq = EventQueue(b);
        Exec.CacheClearE(vq->Used, 4, Exec.CACRF_InvalidateD);
        if (vq->HasUsed())
            Exec.Signal(task, b->EventMask);
    }

    /// <summary>Gives buffer <paramref name="i"/> to the device (its cookie is i + 1).</summary>
    private static void Post(VirtioScsiBase* b, int i)
    {
        VirtqBuf buf;
        buf.Addr = b->EventPhys + Limits.EventBytes * (uint)i;
        buf.Len = Limits.EventBytes;
        Exec.CacheClearE(b->EventMemory + Limits.EventBytes * (uint)i, Limits.EventBytes, Exec.CACRF_ClearD);
        EventQueue(b)->AddChain(&buf, 0, 1, (uint)i + 1);
    }

    private static void Kick(VirtioScsiBase* b)
    {
        Virtqueue* vq = EventQueue(b);
        Controller.FlushDriverArea(vq);
        b->Pci.Notify(vq);
    }

    private static bool StartTask(VirtioScsiBase* b) =>
        DeviceTasks.Start(&b->EventTask, "virtioscsi events", Limits.EventTaskPriority, Limits.EventTaskStack,
            (void*)(delegate*<VirtioScsiBase*, void>)&Main, b);

    /// <summary>
    /// The event task: waits for the device to return event buffers, handles each event in order and gives the
    /// buffer back. It runs the probe unit's commands (INQUIRY, REPORT LUNS, READ CAPACITY), waiting for them by
    /// interrupt. On CTRL-C (Expunge) it ends.
    /// </summary>
    public static void Main(VirtioScsiBase* b)
    {
        int signal = Exec.AllocSignal(-1);
        if (signal < 0)
        {
            DeviceTasks.Abandon(&b->EventTask);
            return;
        }
        b->EventMask = 1u << signal;
        // The probe unit's completions wake this task (Controller.Interrupt, Controller.Wake).
        b->Probe.Core.Worker.Task = Exec.FindTask(null);
        b->Probe.Core.DoneMask = b->EventMask;
        DeviceTasks.Ready(&b->EventTask);
        while (!b->EventTask.Stopping)
        {
            Drain(b);
            Exec.Wait(b->EventMask | Exec.SIGBREAKF_CTRL_C);
        }
        DeviceTasks.Exit(&b->EventTask);
        b->Probe.Core.Worker.Task = null;
        Exec.FreeSignal(signal);
    }

    /// <summary>Handles every event buffer the device has returned, giving each back after its event.</summary>
    private static void Drain(VirtioScsiBase* b)
    {
        Virtqueue* vq = EventQueue(b);
        for (;;)
        {
            uint cookie = 0;
            uint written = 0;
            Exec.CacheClearE(vq->Used, 4u + 8u * vq->Size, Exec.CACRF_InvalidateD);
            if (!vq->GetBuf(&cookie, &written))
                break;
            if (cookie == 0 || cookie > Limits.EventBuffers)
                continue;
            int i = (int)cookie - 1;
            VirtioScsiEvent* e = (VirtioScsiEvent*)(b->EventMemory + Limits.EventBytes * (uint)i);
            Exec.CacheClearE(e, Limits.EventBytes, Exec.CACRF_InvalidateD);
            VirtioScsiEvent copy = *e;
            Post(b, i);
            Kick(b);
            if (written >= Limits.EventBytes)
                Handle(b, &copy);
        }
    }

    /// <summary>
    /// One event (5.6.6.3): EVENTS_MISSED rescans every target; TRANSPORT_RESET with RESCAN probes the LUN it
    /// names (a new unit, or a gone one back), with REMOVED makes that unit gone, with HARD (or an unknown
    /// reason) rescans; PARAM_CHANGE with CAPACITY DATA HAS CHANGED (2Ah/09h), MEDIUM MAY HAVE CHANGED (28h) or
    /// MEDIUM NOT PRESENT (3Ah) is a media change of that unit. ASYNC_NOTIFY needs a subscription on the control
    /// queue, which this driver never makes, and NO_EVENT says nothing.
    /// </summary>
    public static void Handle(VirtioScsiBase* b, VirtioScsiEvent* e)
    {
        Virtqueue* vq = EventQueue(b);
        uint type = vq->From32(e->Event);
        uint reason = vq->From32(e->Reason);
        int target = VirtioScsi.EventTarget(e);
        int lun = VirtioScsi.EventLun(e);
        b->EventsSeen++;
        Exec.DebugPrintF("virtioscsi.device: event %08lx reason %lu target %ld lun %ld\n", type, reason, (uint)target, (uint)lun);
        if ((type & VirtioScsi.T_EventsMissed) != 0)
        {
            Units.Rescan(b);
            type &= ~VirtioScsi.T_EventsMissed;
        }
        if (type == VirtioScsi.T_TransportReset)
        {
            if (target < 0 || reason == VirtioScsi.EvtResetHard || (reason != VirtioScsi.EvtResetRescan && reason != VirtioScsi.EvtResetRemoved))
                Units.Rescan(b);
            else if (reason == VirtioScsi.EvtResetRescan)
                Units.Probe(b, (byte)target, (ushort)lun);
            else
            {
                DevUnit* gone = Units.Find(b, target, lun);
                if (gone != null && !gone->Gone)
                    Units.Remove(gone);
            }
        }
        else if (type == VirtioScsi.T_ParamChange && target >= 0)
        {
            DevUnit* u = Units.Find(b, target, lun);
            if (u != null && !u->Gone)
                ParamChange(u, (byte)reason, (byte)(reason >> 8));
        }
    }

    /// <summary>PARAM_CHANGE of a unit, reason ASC (bits 0..7) and ASCQ (8..15): a media change as <see cref="Handle"/> says.</summary>
    private static void ParamChange(DevUnit* u, byte asc, byte ascq)
    {
        if (asc == Asc.ParametersChanged && ascq == 0x09 || asc == Asc.MediumMayHaveChanged)
        {
            u->CapacityValid = false;
            u->Core.MediumAbsent = false;
            Commands.MediaChanged(&u->Core);
        }
        else if (asc == Asc.MediumNotPresent && !u->Core.MediumAbsent)
        {
            u->CapacityValid = false;
            u->Core.MediumAbsent = true;
            Commands.MediaChanged(&u->Core);
        }
    }
}
