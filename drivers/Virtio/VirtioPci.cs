// The VirtIO PCI transport (VirtIO 1.2 section 4.1) for AmigaOS 4: discovery by vendor and device
// id with the firmware fixes a VirtIO function needs, the modern interface found through vendor
// capabilities (4.1.4) with its registers in memory space, and the legacy interface in I/O space
// behind BAR0 (4.1.4.10); the device-specific configuration through either.
using System.Runtime.InteropServices;
using DriverCompiler.Dsl;
using AmigaOS;

namespace Virtio;

/// <summary>struct virtio_pci_common_cfg (spec 4.1.4.3), 0x38 bytes, little-endian.</summary>
[Mmio, StructLayout(LayoutKind.Explicit)]
public struct VirtioPciCommonCfg
{
    [FieldOffset(0x00)] public Le32 DeviceFeatureSelect;
    [FieldOffset(0x04)] public Le32 DeviceFeature;
    [FieldOffset(0x08)] public Le32 DriverFeatureSelect;
    [FieldOffset(0x0C)] public Le32 DriverFeature;
    [FieldOffset(0x10)] public Le16 ConfigMsixVector;
    [FieldOffset(0x12)] public Le16 NumQueues;
    [FieldOffset(0x14)] public byte DeviceStatus;
    [FieldOffset(0x15)] public byte ConfigGeneration;
    [FieldOffset(0x16)] public Le16 QueueSelect;
    [FieldOffset(0x18)] public Le16 QueueSize;
    [FieldOffset(0x1A)] public Le16 QueueMsixVector;
    [FieldOffset(0x1C)] public Le16 QueueEnable;
    [FieldOffset(0x1E)] public Le16 QueueNotifyOff;
    [FieldOffset(0x20)] public Le64 QueueDesc;
    [FieldOffset(0x28)] public Le64 QueueDriver;
    [FieldOffset(0x30)] public Le64 QueueDevice;
}

/// <summary>A queue notification register (spec 4.1.4.4): the queue index, 16 bits little-endian.</summary>
[Mmio]
public struct VirtioPciNotify
{
    public Le16 QueueIndex;
}

/// <summary>An 8-bit field of the device-specific configuration (spec 4.1.4.6).</summary>
[Mmio]
public struct VirtioPciCfgByte
{
    public byte Value;
}

/// <summary>A 16-bit field of the device-specific configuration (spec 4.1.4.6), little-endian on a modern device.</summary>
[Mmio]
public struct VirtioPciCfgWord
{
    public Le16 Value;
}

/// <summary>A 32-bit field of the device-specific configuration (spec 4.1.4.6), little-endian on a modern device.</summary>
[Mmio]
public struct VirtioPciCfgLong
{
    public Le32 Value;
}

/// <summary>The ISR status register (spec 4.1.4.5): bit 0 queue interrupt, bit 1 configuration change; reading clears it.</summary>
[Mmio]
public struct VirtioPciIsr
{
    public byte Status;
}

/// <summary>Legacy I/O-space register offsets (spec 4.1.4.10), relative to BAR0.</summary>
public static class VirtioPciLegacy
{
    public const uint DeviceFeatures = 0x00;
    public const uint DriverFeatures = 0x04;
    public const uint QueueAddress = 0x08;
    public const uint QueueSize = 0x0C;
    public const uint QueueSelect = 0x0E;
    public const uint QueueNotify = 0x10;
    public const uint DeviceStatus = 0x12;
    public const uint IsrStatus = 0x13;
    /// <summary>The device-specific configuration follows the common header (MSI-X is never enabled here, spec 4.1.4.10).</summary>
    public const uint DeviceConfig = 0x14;
    /// <summary>The legacy queue address register holds the bus address shifted right by this.</summary>
    public const int QueueAddressShift = 12;
}

/// <summary>virtio_pci_cap.cfg_type values (spec 4.1.4).</summary>
public static class VirtioPciCap
{
    public const byte CommonCfg = 1;
    public const byte NotifyCfg = 2;
    public const byte IsrCfg = 3;
    public const byte DeviceCfg = 4;
    public const byte PciCfg = 5;
    /// <summary>Offsets inside the capability: cfg_type, bar, offset, length, notify_off_multiplier.</summary>
    public const uint OffType = 3, OffBar = 4, OffOffset = 8, OffLength = 12, OffNotifyMultiplier = 16;
}

/// <summary>
/// One VirtIO PCI function on AmigaOS 4: modern (memory-mapped common, notify, ISR and device
/// structures, addresses from the BAR's CPU-visible BaseAddress) or legacy (I/O ports through the
/// PCIDevice's In/Out methods at BAR0's bus address).
/// </summary>
/// <remarks>
/// <para>The transport is what every VirtIO device shares; what one device type adds stays in its
/// driver, on top of this struct rather than inside it (the DSL has no inheritance):</para>
/// <list type="bullet">
/// <item>Its own feature bits: the driver names them as bit numbers beside <see cref="VirtioF"/>
/// (virtio-blk: <c>const int SizeMax = 1, SegMax = 2, BlkSize = 6, Flush = 9</c>, spec 5.2.3), offers
/// <c>DeviceFeatures() &amp; wanted</c> to <see cref="SetDriverFeatures"/>, and keeps the accepted set.</item>
/// <item>Its configuration structure (spec 4.1.4.6): <see cref="ProbeModern"/> records the
/// VIRTIO_PCI_CAP_DEVICE_CFG capability as <see cref="DeviceCfg"/>, and <see cref="ConfigByte"/>,
/// <see cref="ConfigWord"/>, <see cref="ConfigLong"/> and <see cref="ConfigQuad"/> read a field at its
/// offset in the device's configuration on either interface (virtio-blk's capacity:
/// <c>ConfigQuad(0)</c>; blk_size: <c>ConfigLong(20)</c>). A field of more than 32 bits, or several
/// fields that must agree, are read under <see cref="ConfigGeneration"/> as <see cref="ConfigQuad"/>
/// does (spec 2.5.1).</item>
/// <item>Its queues: as many <see cref="Virtqueue"/>s as it needs, each set up with
/// <see cref="QueueSize"/>, <see cref="Virtqueue.Init"/> and <see cref="ActivateQueue"/>.</item>
/// </list>
/// <para>A driver library is lowered into each driver that uses it, and only the functions the
/// driver reaches are emitted: a driver that never reads its configuration carries none of it.</para>
/// </remarks>
public unsafe struct VirtioPci
{
    public PCIDevice* Dev;
    public bool Modern;
    public VirtioPciCommonCfg* Common;
    public VirtioPciIsr* Isr;
    public byte* NotifyBase;
    public uint NotifyOffMultiplier;
    /// <summary>The device-specific configuration on a modern device (null when it has none), and its length.</summary>
    public byte* DeviceCfg;
    public uint DeviceCfgLength;
    public uint IoBase;
    public PCIResourceRange* Bar0;

    /// <summary>The PCI vendor id of every VirtIO device (spec 4.1.2).</summary>
    public const uint VendorId = 0x1AF4;

    /// <summary>
    /// Finds the first function 1AF4:<paramref name="transitionalId"/>, else 1AF4:<paramref name="modernId"/>,
    /// and readies it for either interface: firmware that sizes the 64-bit BAR4 may leave its high half
    /// (BAR5) at all ones, outside every bridge window (AmigaOne), so BAR5 is cleared (an address above
    /// 4 GiB is unusable here anyway); I/O, memory and bus mastering are enabled. False: no such device.
    /// </summary>
    public bool Find(uint transitionalId, uint modernId) => FindIndex(transitionalId, modernId, 0);

    /// <summary>
    /// As <see cref="Find"/>, for the function number <paramref name="index"/> (0-based) of a device type
    /// that can be present several times (virtio-blk: one PCI function per disk): the transitional
    /// functions 1AF4:<paramref name="transitionalId"/> count first, in expansion.library's order
    /// (FDT_Index), then the modern-only 1AF4:<paramref name="modernId"/> ones. False: fewer functions.
    /// </summary>
    public bool FindIndex(uint transitionalId, uint modernId, uint index)
    {
        PCIDevice* dev = Pci.FindDeviceTags(Pci.FDT_VendorID, VendorId, Pci.FDT_DeviceID, transitionalId, Pci.FDT_Index, index, Exec.TAG_DONE);
        if (dev == null)
        {
            // How many transitional functions there are: the modern-only ones are numbered after them.
            uint transitional = 0;
            while (transitional < index)
            {
                PCIDevice* other = Pci.FindDeviceTags(Pci.FDT_VendorID, VendorId, Pci.FDT_DeviceID, transitionalId, Pci.FDT_Index, transitional, Exec.TAG_DONE);
                if (other == null)
                    break;
                Pci.FreeDevice(other);
                transitional++;
            }
            dev = Pci.FindDeviceTags(Pci.FDT_VendorID, VendorId, Pci.FDT_DeviceID, modernId, Pci.FDT_Index, index - transitional, Exec.TAG_DONE);
        }
        if (dev == null)
            return false;
        Dev = dev;
        if (Pci.ReadConfigLong(dev, Pci.PCI_BASE_ADDRESS_5) == 0xFFFFFFFF)
            Pci.WriteConfigLong(dev, Pci.PCI_BASE_ADDRESS_5, 0);
        ushort command = Pci.ReadConfigWord(dev, Pci.PCI_COMMAND);
        ushort wanted = (ushort)(command | Pci.PCI_COMMAND_IO | Pci.PCI_COMMAND_MEMORY | Pci.PCI_COMMAND_MASTER);
        if (wanted != command)
            Pci.WriteConfigWord(dev, Pci.PCI_COMMAND, wanted);
        return true;
    }

    /// <summary>The function's interrupt number (0: none, poll instead).</summary>
    public uint MapInterrupt() => Pci.MapInterrupt(Dev);

    /// <summary>Gives back BAR0's range and the function <see cref="Find"/> obtained; safe to call twice.</summary>
    public void Release()
    {
        if (Bar0 != null)
            Pci.FreeResourceRange(Dev, Bar0);
        Bar0 = null;
        if (Dev != null)
            Pci.FreeDevice(Dev);
        Dev = null;
    }

    /// <summary>
    /// Finds the modern register blocks through the vendor capabilities (spec 4.1.4) and checks
    /// that the common configuration answers (status written and read back). False: use legacy.
    /// </summary>
    public bool ProbeModern()
    {
        Common = null;
        Isr = null;
        NotifyBase = null;
        DeviceCfg = null;
        DeviceCfgLength = 0;
        int guard = 0;
        for (PCICapability* cap = Pci.GetFirstCapability(Dev); cap != null && guard < 32; cap = Pci.GetNextCapability(Dev, cap))
        {
            guard++;
            if (cap->Type != Pci.PCI_CAPABILITYID_VENDOR)
                continue;
            uint at = cap->CapOffset;
            byte type = Pci.ReadConfigByte(Dev, at + VirtioPciCap.OffType);
            byte bar = Pci.ReadConfigByte(Dev, at + VirtioPciCap.OffBar);
            uint offset = Pci.ReadConfigLong(Dev, at + VirtioPciCap.OffOffset);
            if (bar > 5)
                continue;
            PCIResourceRange* range = Pci.GetResourceRange(Dev, bar);
            if (range == null)
                continue;
            byte* address = (byte*)(range->BaseAddress + offset);
            Pci.FreeResourceRange(Dev, range);
            if (type == VirtioPciCap.CommonCfg && Common == null)
                Common = (VirtioPciCommonCfg*)address;
            else if (type == VirtioPciCap.NotifyCfg && NotifyBase == null)
            {
                NotifyBase = address;
                NotifyOffMultiplier = Pci.ReadConfigLong(Dev, at + VirtioPciCap.OffNotifyMultiplier);
            }
            else if (type == VirtioPciCap.IsrCfg && Isr == null)
                Isr = (VirtioPciIsr*)address;
            else if (type == VirtioPciCap.DeviceCfg && DeviceCfg == null)
            {
                DeviceCfg = address;
                DeviceCfgLength = Pci.ReadConfigLong(Dev, at + VirtioPciCap.OffLength);
            }
        }
        if (Common == null || NotifyBase == null || Isr == null)
            return false;
        // The memory window must really reach the device: a reset device reads back what we write.
        Common->DeviceStatus = 0;
        Common->DeviceStatus = VirtioStatus.Acknowledge;
        bool answers = Common->DeviceStatus == VirtioStatus.Acknowledge;
        Common->DeviceStatus = 0;
        return answers;
    }

    /// <summary>Uses the legacy interface in I/O space at BAR0; false when there is no BAR0.</summary>
    public bool UseLegacy()
    {
        Modern = false;
        Bar0 = Pci.GetResourceRange(Dev, 0);
        if (Bar0 == null)
            return false;
        IoBase = Bar0->Physical;
        return true;
    }

    public byte GetStatus() => Modern ? Common->DeviceStatus : Pci.InByte(Dev, IoBase + VirtioPciLegacy.DeviceStatus);

    public void SetStatus(byte status)
    {
        if (Modern)
            Common->DeviceStatus = status;
        else
            Pci.OutByte(Dev, IoBase + VirtioPciLegacy.DeviceStatus, status);
    }

    /// <summary>Resets the device (status 0) and waits until it reads back 0 (spec 4.1.4.3.2).</summary>
    public bool Reset()
    {
        SetStatus(0);
        for (int i = 0; i < 100000; i++)
        {
            if (GetStatus() == 0)
                return true;
        }
        return false;
    }

    /// <summary>The device's feature bits: 64 on modern, the low 32 on legacy.</summary>
    public ulong DeviceFeatures()
    {
        if (!Modern)
            return Pci.InLong(Dev, IoBase + VirtioPciLegacy.DeviceFeatures);
        Common->DeviceFeatureSelect = 0;
        ulong low = Common->DeviceFeature;
        Common->DeviceFeatureSelect = 1;
        ulong high = Common->DeviceFeature;
        return low | (high << 32);
    }

    public void SetDriverFeatures(ulong features)
    {
        if (!Modern)
        {
            Pci.OutLong(Dev, IoBase + VirtioPciLegacy.DriverFeatures, (uint)features);
            return;
        }
        Common->DriverFeatureSelect = 0;
        Common->DriverFeature = (uint)features;
        Common->DriverFeatureSelect = 1;
        Common->DriverFeature = (uint)(features >> 32);
    }

    /// <summary>Selects queue <paramref name="index"/> and returns its size (0: no such queue).</summary>
    public ushort QueueSize(ushort index)
    {
        if (!Modern)
        {
            Pci.OutWord(Dev, IoBase + VirtioPciLegacy.QueueSelect, index);
            return Pci.InWord(Dev, IoBase + VirtioPciLegacy.QueueSize);
        }
        Common->QueueSelect = index;
        return Common->QueueSize;
    }

    /// <summary>
    /// Hands the selected queue's rings to the device: modern writes the three areas' addresses and
    /// enables the queue; legacy writes the page number of the 4096-aligned block (rings laid out as
    /// <see cref="Virtqueue.Init"/> does). Also sets where <see cref="Notify"/> rings for it.
    /// </summary>
    public void ActivateQueue(Virtqueue* vq, ulong ringPhys)
    {
        if (!Modern)
        {
            Pci.OutWord(Dev, IoBase + VirtioPciLegacy.QueueSelect, vq->Index);
            Pci.OutLong(Dev, IoBase + VirtioPciLegacy.QueueAddress, (uint)(ringPhys >> VirtioPciLegacy.QueueAddressShift));
            vq->NotifyAddr = null;
            return;
        }
        Common->QueueSelect = vq->Index;
        Common->QueueSize = vq->Size;
        Common->QueueDesc = ringPhys;
        Common->QueueDriver = ringPhys + 16u * vq->Size;
        Common->QueueDevice = ringPhys + Virtqueue.UsedOffset(vq->Size);
        ushort notifyOff = Common->QueueNotifyOff;
        vq->NotifyAddr = NotifyBase + (uint)notifyOff * NotifyOffMultiplier;
        Common->QueueEnable = 1;
    }

    /// <summary>Tells the device that queue <paramref name="vq"/> has new buffers (spec 4.1.4.4 / legacy QUEUE_NOTIFY).</summary>
    public void Notify(Virtqueue* vq)
    {
        // Ring updates before the doorbell.
        Barrier.Full();
        if (Modern)
            ((VirtioPciNotify*)vq->NotifyAddr)->QueueIndex = vq->Index;
        else
            Pci.OutWord(Dev, IoBase + VirtioPciLegacy.QueueNotify, vq->Index);
    }

    /// <summary>Reads (and so acknowledges) the ISR status: bit 0 a used buffer, bit 1 a configuration change.</summary>
    public byte ReadIsr() => Modern ? Isr->Status : Pci.InByte(Dev, IoBase + VirtioPciLegacy.IsrStatus);
    // ---- the device-specific configuration (spec 4.1.4.6; legacy: after the common header) ----

    /// <summary>The configuration generation (spec 4.1.4.3): changes whenever the device changes its configuration.
    /// Always 0 on legacy, which has none: <see cref="ConfigQuad"/> compares the value itself there.</summary>
    public byte ConfigGeneration() => Modern ? Common->ConfigGeneration : (byte)0;

    /// <summary>The 8-bit configuration field at <paramref name="offset"/> (0 on a modern device without the capability or past its end).</summary>
    public byte ConfigByte(uint offset)
    {
        if (!Modern)
            return Pci.InByte(Dev, IoBase + VirtioPciLegacy.DeviceConfig + offset);
        if (DeviceCfg == null || offset + 1 > DeviceCfgLength)
            return 0;
        return ((VirtioPciCfgByte*)(DeviceCfg + offset))->Value;
    }

    /// <summary>The 16-bit configuration field at <paramref name="offset"/>: little-endian on modern, guest-native on legacy.</summary>
    /// <remarks>A legacy device lays its configuration out in the guest's byte order, byte for byte as in memory
    /// (spec 4.1.4.10 and 2.5.3, "Legacy Interface: Device Configuration Space"), while InWord/InLong read the
    /// bus little-endian: on a big-endian CPU the value read is byte-swapped, so it is swapped back
    /// (CpuToLe16/32 is the swap there and nothing on a little-endian CPU).</remarks>
    public ushort ConfigWord(uint offset)
    {
        if (!Modern)
            return VirtioEndian.CpuToLe16(Pci.InWord(Dev, IoBase + VirtioPciLegacy.DeviceConfig + offset));
        if (DeviceCfg == null || offset + 2 > DeviceCfgLength)
            return 0;
        return ((VirtioPciCfgWord*)(DeviceCfg + offset))->Value;
    }

    /// <summary>The 32-bit configuration field at <paramref name="offset"/>: little-endian on modern, guest-native on legacy.</summary>
    /// <remarks>Legacy: swapped back on a big-endian CPU as <see cref="ConfigWord"/> explains.</remarks>
    public uint ConfigLong(uint offset)
    {
        if (!Modern)
            return VirtioEndian.CpuToLe32(Pci.InLong(Dev, IoBase + VirtioPciLegacy.DeviceConfig + offset));
        if (DeviceCfg == null || offset + 4 > DeviceCfgLength)
            return 0;
        return ((VirtioPciCfgLong*)(DeviceCfg + offset))->Value;
    }

    /// <summary>
    /// The 64-bit configuration field at <paramref name="offset"/>, read as one value: again while the
    /// configuration generation changed meanwhile (modern, spec 2.5.1), or until two reads agree (legacy,
    /// which has no generation). Modern fields are little-endian, so the low half comes first; a legacy
    /// device keeps the field in the guest's byte order (spec 4.1.4.10 note), so on a big-endian CPU
    /// (PowerPC) the high half is the one at <paramref name="offset"/>.
    /// </summary>
    public ulong ConfigQuad(uint offset)
    {
        uint lowAt = offset;
        uint highAt = offset + 4;
        if (!Modern && VirtioEndian.CpuToLe16(1) != 1)
        {
            lowAt = offset + 4;
            highAt = offset;
        }
        ulong value = 0;
        for (int attempt = 0; attempt < 100; attempt++)
        {
            byte before = ConfigGeneration();
            value = ConfigLong(lowAt) | ((ulong)ConfigLong(highAt) << 32);
            byte after = ConfigGeneration();
            if (before != after)
                continue;
            if (Modern || value == (ConfigLong(lowAt) | ((ulong)ConfigLong(highAt) << 32)))
                break;
        }
        return value;
    }
}
