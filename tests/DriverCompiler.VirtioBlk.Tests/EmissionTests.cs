using System.Text.RegularExpressions;
using Xunit;

namespace DriverCompiler.VirtioBlk.Tests;

/// <summary>
/// `drvc build drivers/VirtioBlk`: the driver's C, the device skeleton and the Makefile. The skeleton's
/// shape comes from the AmigaOS 4 SDK (exec/resident.h, the __device manager interface, the 68k table).
/// </summary>
public sealed class EmissionTests
{
    private static readonly Lazy<string> Emitted = new(Tools.EmitDriver);

    private static string Read(string name) => File.ReadAllText(Path.Combine(Emitted.Value, name));

    [Fact]
    public void Build_emits_the_device_files()
    {
        var files = Directory.GetFiles(Emitted.Value, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Emitted.Value, f).Replace('\\', '/')).ToHashSet();
        foreach (var f in new[] { "virtioblk.h", "device_skeleton.c", "device_skeleton.h", "Makefile", "virtqueue.c", "virtio_pci.c",
                                  "units.c", "requests.c", "scsi_layer.c", "geometry.c", "device_query.c", "device_entry.c", "drv/amigaos4.h" })
            Assert.Contains(f, files);
    }

    [Fact]
    public void Build_is_deterministic()
    {
        string again = Tools.EmitDriver();
        foreach (var f in Directory.GetFiles(Emitted.Value, "*", SearchOption.AllDirectories))
            Assert.Equal(File.ReadAllText(f), File.ReadAllText(Path.Combine(again, Path.GetRelativePath(Emitted.Value, f))));
    }

    [Fact]
    public void Skeleton_names_the_device_its_entry_points_and_its_interrupt_server()
    {
        string c = Read("device_skeleton.c");
        Assert.Contains("\"$VER: virtioblk.device 53.1 (\" DRV_BUILD_DATE \")\"", c);
        Assert.Contains("{ CLT_DataSize, sizeof(struct vblk_virtio_blk_base) }", c);
        Assert.Contains("vblk_device_entry_begin_io(io);", c);
        Assert.Contains("vblk_device_entry_init((struct vblk_virtio_blk_base *)library)", c);
        Assert.Contains("return vblk_device_entry_interrupt(data) ? 1 : 0;", c);
        // One server per interrupt line: the units are separate PCI functions that may sit on different lines.
        Assert.Contains("static struct Interrupt drv_interrupt[DRV_INT_SERVERS];", c);
        Assert.Contains("IExec->RemIntServer(irq, &drv_interrupt[i]);", c);
    }

    [Fact]
    public void Discovery_is_the_library_s_with_the_virtio_blk_ids()
    {
        // VirtIO 1.2 4.1.2.1: transitional virtio-blk is 1AF4:1001, modern-only 0x1040 + 2.
        string h = Read("virtioblk.h");
        Assert.Matches(@"#define VBLK_VIRTIO_BLK_PCI_DEVICE_TRANSITIONAL 0x1001u?\b|#define VBLK_VIRTIO_BLK_PCI_DEVICE_TRANSITIONAL 4097u?\b", h);
        Assert.Matches(@"#define VBLK_VIRTIO_BLK_PCI_DEVICE_MODERN (0x1042|4162)u?\b", h);
        string units = Read("units.c");
        Assert.Contains("vblk_virtio_pci_find_index(&u->pci, VBLK_VIRTIO_BLK_PCI_DEVICE_TRANSITIONAL, VBLK_VIRTIO_BLK_PCI_DEVICE_MODERN, index)", units);
        Assert.Contains("IPCI->FindDeviceTags(FDT_VendorID, VBLK_VIRTIO_PCI_VENDOR_ID, FDT_DeviceID, transitional_id, FDT_Index, index, TAG_DONE)", Read("virtio_pci.c"));
    }

    [Fact]
    public void Makefile_builds_a_kickstart_module_with_the_flags_the_cross_compile_test_uses()
    {
        string mk = Read("Makefile");
        Assert.Contains("virtioblk.device: $(OBJECTS)", mk);
        string Variable(string name) => Regex.Match(mk, @"^" + name + @"\s*=\s*((?:.*\\\n)*.*)$", RegexOptions.Multiline).Groups[1].Value;
        Assert.All(Tools.DriverCFlags.Split(' '), f => Assert.Contains(" " + f + " ", " " + Variable("CFLAGS").Replace("\\\n", " ") + " "));
        Assert.All(Tools.DriverLdFlags.Split(' '), f => Assert.Contains(" " + f + " ", " " + Variable("LDFLAGS").Replace("\\\n", " ") + " "));
    }
}
