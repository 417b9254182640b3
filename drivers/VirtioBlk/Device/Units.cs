// The units: each virtio-blk PCI function found is one unit. Device initialisation (VirtIO 1.2
// section 3.1.1), feature negotiation (5.2.3), the configuration (5.2.4) and the one request queue.
// A trace above DebugTrace.Level is dead code on purpose (CS0162); in C it stays a test of VBLK_DEBUG_TRACE_LEVEL, which -D may raise.
#pragma warning disable CS0162
using AmigaDevice;
using AmigaOS;
using DriverCompiler.Dsl;
using Virtio;

namespace VirtioBlkDevice;

public static unsafe class Units
{
    /// <summary>The device base (one per Kickstart module).</summary>
    public static VirtioBlkBase* Base;

    /// <summary>
    /// Finds every virtio-blk function (1AF4:1001 transitional first, then 1AF4:1042 modern-only) up to
    /// <see cref="Limits.MaxUnits"/> and brings each up. A function that fails to start is left out (its
    /// resources freed). Returns false only when memory runs out.
    /// </summary>
    public static bool Discover(VirtioBlkBase* b)
    {
        Base = b;
        b->Units = (DevUnit**)Exec.AllocVecTags((uint)(sizeof(DevUnit*) * Limits.MaxUnits), Exec.AVT_Type, Exec.MEMF_PRIVATE,
            Exec.AVT_ClearWithValue, 0, Exec.TAG_DONE);
        if (b->Units == null)
            return false;
        for (uint index = 0; index < Limits.MaxUnits * 2 && b->UnitCount < Limits.MaxUnits; index++)
        {
            DevUnit* u = (DevUnit*)Exec.AllocVecTags((uint)sizeof(DevUnit), Exec.AVT_Type, Exec.MEMF_SHARED, Exec.AVT_ClearWithValue, 0, Exec.TAG_DONE);
            if (u == null)
                return false;
            u->Base = b;
            u->Index = (byte)b->UnitCount;
            if (!u->Pci.FindIndex(VirtioBlkPci.DeviceTransitional, VirtioBlkPci.DeviceModern, index))
            {
                Exec.FreeVec(u);
                break;
            }
            if (!UnitTask.Init(&u->Core, Addr.Of(ref DeviceEntry.Ops)) || !Start(u))
            {
                Shutdown(u);
                UnitTask.Free(&u->Core);
                Exec.FreeVec(u);
                continue;
            }
            b->Units[b->UnitCount] = u;
            b->UnitCount++;
        }
        return true;
    }

    /// <summary>
    /// Device initialisation of one function (spec 3.1.1): reset, ACKNOWLEDGE, DRIVER, the feature
    /// bits both sides know, FEATURES_OK (modern), the configuration, the request queue, DRIVER_OK.
    /// Also the CMD_RESET path (the rings are laid out afresh). False: the function is unusable.
    /// </summary>
    public static bool Start(DevUnit* u)
    {
        VirtioPci* t = &u->Pci;
        if (t->Common == null && t->Bar0 == null)
        {
            t->Modern = t->ProbeModern();
            if (!t->Modern && !t->UseLegacy())
                return false;
        }
        if (!t->Reset())
            return false;
        t->SetStatus(VirtioStatus.Acknowledge);
        t->SetStatus(VirtioStatus.Acknowledge | VirtioStatus.Driver);

        ulong offered = t->DeviceFeatures();
        // MQ is left out on purpose: one queue per device is all a unit task uses on a single-CPU OS.
        ulong wanted = (1ul << VirtioBlkF.SizeMax) | (1ul << VirtioBlkF.SegMax) | (1ul << VirtioBlkF.Geometry)
                     | (1ul << VirtioBlkF.Ro) | (1ul << VirtioBlkF.BlkSize) | (1ul << VirtioBlkF.Topology)
                     | (1ul << VirtioBlkF.Flush) | (1ul << VirtioBlkF.ConfigWce) | (1ul << VirtioBlkF.Discard)
                     | (1ul << VirtioBlkF.WriteZeroes) | (1ul << VirtioF.EventIdx);
        // Legacy devices read indirect tables in their own byte order, so only modern uses them.
        if (t->Modern)
            wanted |= (1ul << VirtioF.Version1) | (1ul << VirtioF.IndirectDesc);
        ulong accepted = offered & wanted;
        if (t->Modern && (accepted & (1ul << VirtioF.Version1)) == 0)
            return Fail(t);
        t->SetDriverFeatures(accepted);
        u->Features = accepted;
        u->EventIdx = Has(u, VirtioF.EventIdx);
        u->UseIndirect = Has(u, VirtioF.IndirectDesc);
        if (t->Modern)
        {
            t->SetStatus(VirtioStatus.Acknowledge | VirtioStatus.Driver | VirtioStatus.FeaturesOk);
            if ((t->GetStatus() & VirtioStatus.FeaturesOk) == 0)
                return Fail(t);
        }
        if (!ReadConfig(u))
            return Fail(t);
        if (!SetupQueue(u))
            return Fail(t);
        byte ok = VirtioStatus.Acknowledge | VirtioStatus.Driver | VirtioStatus.DriverOk;
        if (t->Modern)
            ok |= VirtioStatus.FeaturesOk;
        t->SetStatus(ok);
        return true;
    }

    private static bool Fail(VirtioPci* t)
    {
        t->SetStatus(VirtioStatus.Failed);
        return false;
    }

    /// <summary>True when feature bit <paramref name="bit"/> was negotiated.</summary>
    public static bool Has(DevUnit* u, int bit) => (u->Features & (1ul << bit)) != 0;

    /// <summary>
    /// Reads the configuration fields the negotiated features make valid, all again while the
    /// configuration generation changed meanwhile (spec 2.5.1; legacy has no generation and the
    /// capacity is read until two reads agree). False when the block size is not a power of two of
    /// at least 512 bytes or the configuration never settles.
    /// </summary>
    public static bool ReadConfig(DevUnit* u)
    {
        VirtioPci* t = &u->Pci;
        for (int attempt = 0; attempt < 100; attempt++)
        {
            byte before = t->ConfigGeneration();
            u->Capacity = t->ConfigQuad(VirtioBlkConfig.Capacity);
            u->SizeMax = Has(u, VirtioBlkF.SizeMax) ? t->ConfigLong(VirtioBlkConfig.SizeMax) : 0u;
            u->SegMax = Has(u, VirtioBlkF.SegMax) ? t->ConfigLong(VirtioBlkConfig.SegMax) : 0u;
            u->BlockSize = Has(u, VirtioBlkF.BlkSize) ? t->ConfigLong(VirtioBlkConfig.BlkSize) : VirtioBlkSizes.SectorSize;
            u->Cylinders = Has(u, VirtioBlkF.Geometry) ? t->ConfigWord(VirtioBlkConfig.Cylinders) : (ushort)0;
            u->Heads = Has(u, VirtioBlkF.Geometry) ? t->ConfigByte(VirtioBlkConfig.Heads) : (byte)0;
            u->Sectors = Has(u, VirtioBlkF.Geometry) ? t->ConfigByte(VirtioBlkConfig.Sectors) : (byte)0;
            u->Writeback = Has(u, VirtioBlkF.ConfigWce) ? t->ConfigByte(VirtioBlkConfig.Writeback) : (byte)0;
            u->MaxDiscardSectors = Has(u, VirtioBlkF.Discard) ? t->ConfigLong(VirtioBlkConfig.MaxDiscardSectors) : 0u;
            u->MaxWriteZeroesSectors = Has(u, VirtioBlkF.WriteZeroes) ? t->ConfigLong(VirtioBlkConfig.MaxWriteZeroesSectors) : 0u;
            u->WriteZeroesMayUnmap = Has(u, VirtioBlkF.WriteZeroes) && t->ConfigByte(VirtioBlkConfig.WriteZeroesMayUnmap) != 0;
            if (before == t->ConfigGeneration())
            {
                u->Core.WriteProtected = Has(u, VirtioBlkF.Ro);
                uint bs = u->BlockSize;
                return bs >= VirtioBlkSizes.SectorSize && (bs & (bs - 1)) == 0;
            }
        }
        return false;
    }

    /// <summary>Lays out and hands over request queue 0 (its rings in one DMA block) and sets the segment limit.</summary>
    private static bool SetupQueue(DevUnit* u)
    {
        VirtioPci* t = &u->Pci;
        ushort size = t->QueueSize(0);
        if (size < 4 || (size & (size - 1)) != 0)
            return false;
        uint bytes = (Virtqueue.TotalBytes(size) + Virtqueue.LegacyAlign - 1) & ~(Virtqueue.LegacyAlign - 1);
        if (u->RingMemory == null)
        {
            u->RingBytes = bytes;
            u->RingMemory = DmaMemory.Alloc(bytes, Virtqueue.LegacyAlign);
            u->Cookies = (uint*)Exec.AllocVecTags((uint)(4 * size), Exec.AVT_Type, Exec.MEMF_PRIVATE, Exec.AVT_ClearWithValue, 0, Exec.TAG_DONE);
            if (u->RingMemory == null || u->Cookies == null)
                return false;
            u->RingPhys = DmaMemory.BusAddress(u->RingMemory, bytes, true);
            // The legacy interface takes the rings as a page number: they must start on a 4096 boundary.
            if (u->RingPhys == 0 || (u->RingPhys & (Virtqueue.LegacyAlign - 1)) != 0)
                return false;
        }
        else if (bytes != u->RingBytes)
            return false;
        for (uint i = 0; i < bytes; i++)
            u->RingMemory[i] = 0;
        u->Vq.Init(u->RingMemory, size, 0, u->Cookies, t->Modern, u->EventIdx);
        t->ActivateQueue(&u->Vq, u->RingPhys);
        Exec.CacheClearE(u->RingMemory, bytes, Exec.CACRF_ClearD);
        uint limit = Limits.MaxSg;
        if (u->SegMax != 0 && u->SegMax < limit)
            limit = u->SegMax;
        if (!u->UseIndirect && (uint)(size - 2) < limit)
            limit = (uint)(size - 2);
        u->SegLimit = limit;
        return true;
    }

    /// <summary>Resets the function and frees what <see cref="Start"/> and <see cref="Discover"/> allocated for it.</summary>
    public static void Shutdown(DevUnit* u)
    {
        if (u->Pci.Dev != null && (u->Pci.Modern || u->Pci.Bar0 != null))
            u->Pci.SetStatus(0);
        if (u->RingMemory != null)
        {
            if (u->RingPhys != 0)
                Exec.EndDMA(u->RingMemory, u->RingBytes, Exec.DMA_ReadFromRAM);
            Exec.FreeVec(u->RingMemory);
            u->RingMemory = null;
        }
        if (u->Cookies != null)
            Exec.FreeVec(u->Cookies);
        u->Cookies = null;
        u->Pci.Release();
    }

    /// <summary>
    /// Re-reads the configuration after a configuration-change interrupt. A new capacity is this block
    /// device's media change: TD_CHANGENUM counts it and the TD_ADDCHANGEINT interrupt is caused.
    /// </summary>
    public static void ConfigChanged(DevUnit* u)
    {
        u->ConfigChanged = false;
        ulong before = u->Capacity;
        uint blockSize = u->BlockSize;
        if (!ReadConfig(u))
            u->BlockSize = blockSize;
        if (u->Capacity == before)
            return;
        Commands.MediaChanged(&u->Core);
        if (DebugTrace.Level >= 1)
            Exec.DebugPrintF("virtioblk.device: unit %lu: capacity now %08lx%08lx sectors (change %lu)\n",
                (uint)u->Index, (uint)(u->Capacity >> 32), (uint)u->Capacity, u->Core.ChangeCount);
    }
}
