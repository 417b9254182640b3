// The start of a virtio-blk driver on drivers/Virtio (VirtIO 1.2 section 5.2): its own feature bits and
// its device configuration, read through the transport's configuration accessors.
using DriverCompiler.Dsl;
using Virtio;

[assembly: Driver("blkprobe", DriverTarget.AmigaOS4, Prefix = "vblk")]

namespace BlkProbe;

/// <summary>virtio-blk feature bits (spec 5.2.3), bit numbers beside the transport's VirtioF.</summary>
public static class VirtioBlkF
{
    public const int SizeMax = 1;
    public const int SegMax = 2;
    public const int BlkSize = 6;
    public const int Flush = 9;
}

/// <summary>Offsets in struct virtio_blk_config (spec 5.2.4).</summary>
public static class VirtioBlkConfig
{
    public const uint Capacity = 0;
    public const uint SizeMax = 8;
    public const uint SegMax = 12;
    public const uint BlkSize = 20;
}

public static unsafe class Probe
{
    /// <summary>Accepts VERSION_1 and the virtio-blk bits this driver knows, of those the device offers.</summary>
    public static ulong Negotiate(VirtioPci* t)
    {
        ulong wanted = (1ul << VirtioF.Version1) | (1ul << VirtioBlkF.SizeMax) | (1ul << VirtioBlkF.SegMax)
                     | (1ul << VirtioBlkF.BlkSize) | (1ul << VirtioBlkF.Flush);
        ulong accepted = t->DeviceFeatures() & wanted;
        t->SetDriverFeatures(accepted);
        return accepted;
    }

    /// <summary>The capacity in 512-byte sectors (a 64-bit field, read under the configuration generation).</summary>
    public static ulong Capacity(VirtioPci* t) => t->ConfigQuad(VirtioBlkConfig.Capacity);

    /// <summary>The logical block size when the device offers BLK_SIZE, else 512.</summary>
    public static uint BlockSize(VirtioPci* t, ulong accepted) =>
        (accepted & (1ul << VirtioBlkF.BlkSize)) != 0 ? t->ConfigLong(VirtioBlkConfig.BlkSize) : 512u;
}
