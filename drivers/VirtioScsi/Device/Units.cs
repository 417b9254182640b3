// Unit discovery by INQUIRY and the capacity of each unit (READ CAPACITY 10, then 16).
using AmigaDevice;
using AmigaOS;
using DriverCompiler.Dsl;
using Scsi;

namespace VirtioScsiDevice;

public static unsafe class Units
{
    /// <summary>Targets and LUNs scanned (0..7 each), in target-major order.</summary>
    public const int ScanTargets = 8, ScanLuns = 8;

    /// <summary>
    /// Finds up to 8 disks and CD-ROMs by INQUIRY (polled, before the interrupt is installed) and
    /// reads their capacity. Unit numbers are discovery order. Returns false only when memory runs out.
    /// </summary>
    public static bool Discover(VirtioScsiBase* b)
    {
        DevUnit* probe = &b->Probe;
        probe->Base = b;
        probe->Index = Limits.MaxUnits;
        if (!Controller.AllocSlots(probe, 1, 4096))
            return false;
        b->Units = (DevUnit**)Exec.AllocVecTags((uint)(sizeof(DevUnit*) * Limits.MaxUnits), Exec.AVT_Type, Exec.MEMF_PRIVATE,
            Exec.AVT_ClearWithValue, 0, Exec.TAG_DONE);
        if (b->Units == null)
            return false;
        byte* cdb = stackalloc byte[Cdb.MaxLength];
        Slot* s = &probe->Slots[0];
        for (int target = 0; target < ScanTargets && b->UnitCount < Limits.MaxUnits; target++)
        {
            for (int lun = 0; lun < ScanLuns && b->UnitCount < Limits.MaxUnits; lun++)
            {
                probe->Target = (byte)target;
                probe->Lun = (ushort)lun;
                int n = Cdb.Inquiry(cdb, Inquiry.Length);
                byte status = 0;
                sbyte error = Controller.RunSync(b, probe, s, cdb, n, Inquiry.Length, false, &status);
                if (s->Resp->Response == VirtioScsi.S_BadTarget)
                    break;
                if (error != 0 || status != ScsiStatus.Good)
                    continue;
                byte type = (byte)(s->Bounce[0] & 0x1F);
                byte qualifier = (byte)(s->Bounce[0] >> 5);
                if (qualifier == Inquiry.QualifierNotSupported || qualifier == 1)
                    continue;
                if (type != Inquiry.TypeDisk && type != Inquiry.TypeCdrom)
                    continue;
                if (!AddUnit(b, (byte)target, (ushort)lun, s->Bounce))
                    return false;
            }
        }
        for (uint i = 0; i < b->UnitCount; i++)
            ReadCapacity(b, b->Units[i], probe, s);
        return true;
    }

    private static bool AddUnit(VirtioScsiBase* b, byte target, ushort lun, byte* inquiry)
    {
        DevUnit* u = (DevUnit*)Exec.AllocVecTags((uint)sizeof(DevUnit), Exec.AVT_Type, Exec.MEMF_SHARED, Exec.AVT_ClearWithValue, 0, Exec.TAG_DONE);
        if (u == null)
            return false;
        if (!UnitTask.Init(&u->Core, Addr.Of(ref DeviceEntry.Ops)))
        {
            Exec.FreeVec(u);
            return false;
        }
        u->Base = b;
        u->Index = (byte)b->UnitCount;
        u->Target = target;
        u->Lun = lun;
        u->DeviceType = (byte)(inquiry[0] & 0x1F);
        u->Removable = (inquiry[1] & Inquiry.RemovableMedium) != 0;
        u->BlockSize = u->DeviceType == Inquiry.TypeCdrom ? 2048u : Limits.DefaultBlockSize;
        for (int i = 0; i < Inquiry.Length; i++)
            u->InquiryData[i] = inquiry[i];
        b->Units[b->UnitCount] = u;
        b->UnitCount++;
        return true;
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
        sbyte error = Controller.RunSync(b, via, s, cdb, n, 8, false, &status);
        if (error != 0)
            return error;
        ulong total = 0;
        uint blockSize = 0;
        if (!Geometry.ParseCapacity10(s->Bounce, &total, &blockSize))
        {
            n = Cdb.ReadCapacity16(cdb, 32);
            error = Controller.RunSync(b, via, s, cdb, n, 32, false, &status);
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
