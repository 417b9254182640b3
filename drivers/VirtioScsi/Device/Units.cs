// The units: discovery by REPORT LUNS (an INQUIRY scan where a target does not answer it), the
// capacity of each unit (READ CAPACITY 10, then 16), units that come and go (hot-plug events and
// rescans) and the medium of a removable unit (TEST UNIT READY, UNIT ATTENTION).
using AmigaDevice;
using AmigaOS;
using DriverCompiler.Dsl;
using Scsi;

namespace VirtioScsiDevice;

/// <summary>
/// Unit numbers: every disk and CD-ROM logical unit the device reports is a unit, with no limit but memory.
/// Discovery at Init numbers them from 0 in target order and, within a target, in ascending LUN order (whatever
/// order REPORT LUNS lists them in); a unit found later (hot-plug, a rescan) takes the next free number. A target
/// and LUN keep their number for the device's life: one that goes away and comes back gets it again.
/// </summary>
public static unsafe class Units
{
    /// <summary>LUNs the INQUIRY scan tries on a target that does not answer REPORT LUNS (0..7, SCSI-2's range).</summary>
    public const int ScanLuns = 8;

    /// <summary>
    /// Finds every disk and CD-ROM (polled, before the interrupt is installed) and reads their capacity.
    /// Returns false only when memory runs out.
    /// </summary>
    public static bool Discover(VirtioScsiBase* b)
    {
        DevUnit* probe = &b->Probe;
        probe->Base = b;
        probe->Index = Limits.ProbeOwner - 1;
        if (!Controller.AllocSlots(probe, 1, Limits.ProbeBounce))
            return false;
        if (!Grow(b))
            return false;
        return Rescan(b);
    }

    /// <summary>
    /// Scans every target from 0 to max_target: a unit found is added (or, when it had gone, comes back), a
    /// unit of the table the scan no longer finds is gone (<see cref="Remove"/>). False when memory ran out.
    /// </summary>
    public static bool Rescan(VirtioScsiBase* b)
    {
        for (uint i = 0; i < b->UnitCount; i++)
            b->Units[i]->Seen = false;
        for (uint target = 0; target <= b->MaxTarget; target++)
        {
            if (!ScanTarget(b, (byte)target))
                return false;
        }
        for (uint i = 0; i < b->UnitCount; i++)
        {
            DevUnit* u = b->Units[i];
            if (!u->Seen && !u->Gone)
                Remove(u);
        }
        return true;
    }

    /// <summary>
    /// The LUNs of one target: REPORT LUNS (SPC-4 6.33) and <see cref="Probe"/> of each; a target that rejects
    /// REPORT LUNS is scanned by INQUIRY at LUNs 0..7. VIRTIO_SCSI_S_BAD_TARGET: no target there. False when
    /// memory ran out.
    /// </summary>
    public static bool ScanTarget(VirtioScsiBase* b, byte target)
    {
        DevUnit* probe = &b->Probe;
        Slot* s = &probe->Slots[0];
        byte* cdb = stackalloc byte[Cdb.MaxLength];
        probe->Target = target;
        probe->Lun = 0;
        byte status = 0;
        int n = Cdb.ReportLuns(cdb, Limits.ProbeBounce);
        sbyte error = Controller.RunSync(b, probe, s, cdb, n, Limits.ProbeBounce, false, &status, 0);
        if (s->Resp->Response == VirtioScsi.S_BadTarget)
            return true;
        if (error != 0 || status != ScsiStatus.Good)
        {
            for (int lun = 0; lun < ScanLuns && lun <= (int)b->MaxLun; lun++)
            {
                if (!Probe(b, target, (ushort)lun))
                    return false;
            }
            return true;
        }
        uint listed = Cdb.Get32(s->Bounce) / 8;
        uint room = (Limits.ProbeBounce - 8) / 8;
        uint count = listed < room ? listed : room;
        if (count == 0)
            return true;
        // Each probe reuses the bounce buffer: the list is copied out first.
        int* luns = (int*)Exec.AllocVecTags(4 * count, Exec.AVT_Type, Exec.MEMF_PRIVATE, Exec.TAG_DONE);
        if (luns == null)
            return false;
        for (uint i = 0; i < count; i++)
        {
            // Ascending LUNs (insertion sort): the unit numbers follow the LUNs, not the order the target lists them in.
            int lun = Cdb.LunOf(s->Bounce + 8 + 8 * i);
            uint at = i;
            while (at > 0 && luns[at - 1] > lun)
            {
                luns[at] = luns[at - 1];
                at--;
            }
            luns[at] = lun;
        }
        bool ok = true;
        for (uint i = 0; i < count && ok; i++)
        {
            if (luns[i] >= 0 && luns[i] <= (int)b->MaxLun)
                ok = Probe(b, target, (ushort)luns[i]);
        }
        Exec.FreeVec(luns);
        return ok;
    }

    /// <summary>
    /// INQUIRY of <paramref name="target"/>, <paramref name="lun"/>: a disk or CD-ROM connected there is a unit
    /// (added with its capacity, or a gone one back again); anything else there means the unit, if the table has
    /// one, is gone. False only when memory ran out.
    /// </summary>
    public static bool Probe(VirtioScsiBase* b, byte target, ushort lun)
    {
        DevUnit* probe = &b->Probe;
        Slot* s = &probe->Slots[0];
        byte* cdb = stackalloc byte[Cdb.MaxLength];
        probe->Target = target;
        probe->Lun = lun;
        int n = Cdb.Inquiry(cdb, Inquiry.Length);
        byte status = 0;
        sbyte error = Controller.RunSync(b, probe, s, cdb, n, Inquiry.Length, false, &status, 0);
        DevUnit* known = Find(b, target, lun);
        byte type = (byte)(s->Bounce[0] & 0x1F);
        byte qualifier = (byte)(s->Bounce[0] >> 5);
        bool present = error == 0 && status == ScsiStatus.Good && qualifier != Inquiry.QualifierNotSupported
            && qualifier != Inquiry.QualifierNotConnected && (type == Inquiry.TypeDisk || type == Inquiry.TypeCdrom);
        if (!present)
        {
            if (known != null && !known->Gone)
                Remove(known);
            return true;
        }
        if (known != null)
        {
            known->Seen = true;
            if (known->Gone)
                Revive(known, s->Bounce);
            return true;
        }
        DevUnit* u = AddUnit(b, target, lun, s->Bounce);
        if (u == null)
            return false;
        ReadCapacity(b, u, probe, s);
        return true;
    }

    /// <summary>The unit of <paramref name="target"/>, <paramref name="lun"/>, or null.</summary>
    public static DevUnit* Find(VirtioScsiBase* b, int target, int lun)
    {
        for (uint i = 0; i < b->UnitCount; i++)
        {
            DevUnit* u = b->Units[i];
            if (u->Target == target && u->Lun == lun)
                return u;
        }
        return null;
    }

    /// <summary>Makes room for one more unit: a table twice as large (the first holds <see cref="Limits.FirstUnitTable"/>),
    /// swapped in under the request queue's lock (completions look owners up in it). False when memory runs out.</summary>
    private static bool Grow(VirtioScsiBase* b)
    {
        if (b->UnitCount < b->UnitCapacity)
            return true;
        uint capacity = b->UnitCapacity == 0 ? Limits.FirstUnitTable : b->UnitCapacity * 2;
        DevUnit** table = (DevUnit**)Exec.AllocVecTags((uint)sizeof(DevUnit*) * capacity, Exec.AVT_Type, Exec.MEMF_SHARED,
            Exec.AVT_ClearWithValue, 0, Exec.TAG_DONE);
        if (table == null)
            return false;
        for (uint i = 0; i < b->UnitCount; i++)
            table[i] = b->Units[i];
        DevUnit** old = b->Units;
        if (b->IoLock != null)
            Controller.Lock(b);
        b->Units = table;
        b->UnitCapacity = capacity;
        if (b->IoLock != null)
            Controller.Unlock(b);
        if (old != null)
            Exec.FreeVec(old);
        return true;
    }

    private static DevUnit* AddUnit(VirtioScsiBase* b, byte target, ushort lun, byte* inquiry)
    {
        if (!Grow(b))
            return null;
        DevUnit* u = (DevUnit*)Exec.AllocVecTags((uint)sizeof(DevUnit), Exec.AVT_Type, Exec.MEMF_SHARED, Exec.AVT_ClearWithValue, 0, Exec.TAG_DONE);
        if (u == null)
            return null;
        if (!UnitTask.Init(&u->Core, Addr.Of(ref DeviceEntry.Ops)))
        {
            Exec.FreeVec(u);
            return null;
        }
        u->Base = b;
        u->Index = b->UnitCount;
        u->Queue = (byte)(u->Index % b->RequestQueues);
        u->Target = target;
        u->Lun = lun;
        u->Seen = true;
        u->Core.Polled = !b->IrqInstalled;
        Describe(u, inquiry);
        b->Units[b->UnitCount] = u;
        b->UnitCount++;
        if (b->Events)
            Exec.DebugPrintF("virtioscsi.device: unit %lu: target %lu lun %lu type %lu added\n", u->Index, (uint)target, (uint)lun, (uint)u->DeviceType);
        if (b->Announcing)
            Announce(u);
        return u;
    }

    /// <summary>The device's exec name, as mounter.library knows the units by it.</summary>
    private const string DeviceName = "virtioscsi.device";

    /// <summary>The DOS device name prefix announced units suggest ("VSCSI", NUL-ended): VSCSI0:, VSCSI1:, ...</summary>
    private static readonly byte[] DosNamePrefix = { 0x56, 0x53, 0x43, 0x53, 0x49, 0 };

    /// <summary>
    /// Hands a unit that appeared after Init to mounter.library (AnnounceDeviceTags with the DOS name prefix hint
    /// "VSCSI", as the original v1.9 did), which reads its partitions and mounts them; the library is opened on the
    /// first announcement (never in Init: facts file 1.15). Units Init finds are left to diskboot.kmod. Runs on the
    /// event task. A failed announcement is only logged: the unit works, it is not mounted.
    /// </summary>
    public static void Announce(DevUnit* u)
    {
        if (u->Announced || !Mounter.Obtain())
            return;
        fixed (byte* prefix = DosNamePrefix)
            u->Announced = Mounter.AnnounceDeviceTags(DeviceName, u->Index, Mounter.MNTA_DosNamePrefixHint, (uint)prefix, Exec.TAG_DONE) != 0;
        Exec.DebugPrintF("virtioscsi.device: unit %lu: announced %lu\n", u->Index, u->Announced ? 1u : 0u);
    }

    /// <summary>Withdraws an announced unit from mounter.library (DenounceDevice): when it goes away, and at Expunge.</summary>
    public static void Denounce(DevUnit* u)
    {
        if (!u->Announced)
            return;
        Mounter.DenounceDevice(DeviceName, u->Index);
        u->Announced = false;
    }

    /// <summary>What INQUIRY says of a unit: its type, removable medium, the default block size, write protection
    /// (a CD-ROM), and the data itself.</summary>
    private static void Describe(DevUnit* u, byte* inquiry)
    {
        u->DeviceType = (byte)(inquiry[0] & 0x1F);
        u->Removable = (inquiry[1] & Inquiry.RemovableMedium) != 0;
        u->BlockSize = u->DeviceType == Inquiry.TypeCdrom ? 2048u : Limits.DefaultBlockSize;
        u->Core.WriteProtected = u->DeviceType == Inquiry.TypeCdrom;
        for (int i = 0; i < Inquiry.Length; i++)
            u->InquiryData[i] = inquiry[i];
    }

    /// <summary>
    /// The unit's logical unit went away: its requests fail with TDERR_BadUnitNum from now on (the task replies
    /// the queued ones), TD_CHANGESTATE says no medium, TD_CHANGENUM counts the change and the change interrupts
    /// are caused. Its buffers are freed now when it is not open, else at its last close.
    /// </summary>
    public static void Remove(DevUnit* u)
    {
        Exec.MutexObtain(u->Core.OpenLock);
        u->Gone = true;
        u->CapacityValid = false;
        u->Core.MediumAbsent = true;
        Commands.MediaChanged(&u->Core);
        if (u->Core.Worker.Task != null)
            Exec.Signal(u->Core.Worker.Task, u->Core.PortMask);
        else
            Controller.FreeSlots(u, Limits.SlotCount);
        Exec.MutexRelease(u->Core.OpenLock);
        Denounce(u);
        Exec.DebugPrintF("virtioscsi.device: unit %lu: target %lu lun %lu removed\n", u->Index, (uint)u->Target, (uint)u->Lun);
    }

    /// <summary>A gone unit's target and LUN answer again: the unit works again (a new medium as far as TD_CHANGENUM goes).</summary>
    private static void Revive(DevUnit* u, byte* inquiry)
    {
        Exec.MutexObtain(u->Core.OpenLock);
        Describe(u, inquiry);
        u->Gone = false;
        u->CapacityValid = false;
        u->Core.MediumAbsent = false;
        Commands.MediaChanged(&u->Core);
        Exec.MutexRelease(u->Core.OpenLock);
        Announce(u);
        Exec.DebugPrintF("virtioscsi.device: unit %lu: target %lu lun %lu back\n", u->Index, (uint)u->Target, (uint)u->Lun);
    }

    /// <summary>
    /// What a CHECK CONDITION says of a removable unit's medium (SPC-4 annex D): UNIT ATTENTION with MEDIUM MAY
    /// HAVE CHANGED (28h) is a new medium, NOT READY with MEDIUM NOT PRESENT (3Ah) a medium gone. Each change
    /// counts once in TD_CHANGENUM and causes the change interrupts. (A disk's capacity change comes as a
    /// PARAM_CHANGE event, see <see cref="Events"/>.)
    /// </summary>
    public static void NoteSense(DevUnit* u, SenseInfo sense)
    {
        if (!u->Removable || u == &u->Base->Probe)
            return;
        if (sense.Key == SenseKey.UnitAttention && sense.Asc == Asc.MediumMayHaveChanged)
        {
            u->CapacityValid = false;
            u->Core.MediumAbsent = false;
            Commands.MediaChanged(&u->Core);
        }
        else if (sense.Key == SenseKey.NotReady && sense.Asc == Asc.MediumNotPresent && !u->Core.MediumAbsent)
        {
            u->CapacityValid = false;
            u->Core.MediumAbsent = true;
            Commands.MediaChanged(&u->Core);
        }
    }

    /// <summary>
    /// TD_CHANGESTATE / TD_CHANGENUM of a removable unit (what a CD file system polls): TEST UNIT READY on the
    /// unit's sync slot, whose sense <see cref="NoteSense"/> reads; GOOD with no medium known means one came.
    /// </summary>
    public static void CheckMedium(DevUnit* u)
    {
        byte* cdb = stackalloc byte[Cdb.MaxLength];
        int n = Cdb.TestUnitReady(cdb);
        byte status = 0;
        sbyte error = Controller.RunSync(u->Base, u, &u->Slots[Limits.SyncSlot], cdb, n, 0, false, &status, 0);
        if (error == 0 && status == ScsiStatus.Good && u->Core.MediumAbsent)
        {
            u->Core.MediumAbsent = false;
            u->CapacityValid = false;
            Commands.MediaChanged(&u->Core);
        }
    }

    /// <summary>
    /// Reads <paramref name="u"/>'s capacity with READ CAPACITY(10), then (16) when the disk has
    /// more than 2^32 blocks, through <paramref name="via"/>'s slot <paramref name="s"/>. Returns the io_Error.
    /// </summary>
    public static sbyte ReadCapacity(VirtioScsiBase* b, DevUnit* u, DevUnit* via, Slot* s)
    {
        byte* cdb = stackalloc byte[Cdb.MaxLength];
        via->Target = u->Target;
        via->Lun = u->Lun;
        byte status = 0;
        int n = Cdb.ReadCapacity10(cdb);
        sbyte error = Controller.RunSync(b, via, s, cdb, n, 8, false, &status, 0);
        if (error != 0)
            return error;
        ulong total = 0;
        uint blockSize = 0;
        if (!Geometry.ParseCapacity10(s->Bounce, &total, &blockSize))
        {
            n = Cdb.ReadCapacity16(cdb, 32);
            error = Controller.RunSync(b, via, s, cdb, n, 32, false, &status, 0);
            if (error != 0)
                return error;
            Geometry.ParseCapacity16(s->Bounce, &total, &blockSize);
        }
        if (blockSize == 0 || (blockSize & (blockSize - 1)) != 0)
            return TrackDisk.TDERR_BadDriveType;
        u->TotalBlocks = total;
        u->BlockSize = blockSize;
        u->CapacityValid = true;
        return 0;
    }
}
