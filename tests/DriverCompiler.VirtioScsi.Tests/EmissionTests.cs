using System.Text.RegularExpressions;
using Xunit;

namespace DriverCompiler.VirtioScsi.Tests;

/// <summary>
/// `drvc build drivers/VirtioScsi`: the driver's C, the device skeleton and the Makefile. The
/// skeleton's required shape comes from the AmigaOS 4 SDK (exec/resident.h, exec/exectags.h,
/// DeviceManagerInterface) and the facts of the public virtioscsi.device (resident flags,
/// priority 0, the 68k table that puts BeginIO at -30, the shell guard).
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
        foreach (var f in new[] { "virtioscsi.h", "device_skeleton.c", "device_skeleton.h", "Makefile", "virtqueue.c", "virtio_pci.c",
                                  "cdb.c", "sense.c", "controller.c", "device_entry.c", "requests.c", "units.c", "drv/amigaos4.h",
                                  "unit_task.c", "commands.c", "device_query.c", "logical_geometry.c", "dma_memory.c" })
            Assert.Contains(f, files);
    }

    [Fact]
    public void Build_is_deterministic()
    {
        string again = Tools.EmitDriver();
        foreach (var f in Directory.GetFiles(Emitted.Value, "*", SearchOption.AllDirectories))
        {
            string rel = Path.GetRelativePath(Emitted.Value, f);
            Assert.Equal(File.ReadAllText(f), File.ReadAllText(Path.Combine(again, rel)));
        }
    }

    [Fact]
    public void Resident_tag_is_writable_native_coldstart_autoinit_device_at_priority_0()
    {
        string c = Read("device_skeleton.c");
        var m = Regex.Match(c, @"struct Resident drv_resident __attribute__\(\(used\)\) = \{(?<body>[^;]*)\};");
        Assert.True(m.Success, "no writable (non-const) struct Resident");
        var fields = m.Groups["body"].Value.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
        Assert.Equal(10, fields.Length);
        Assert.Equal("RTC_MATCHWORD", fields[0]);
        Assert.Equal("&drv_resident", fields[1]);
        Assert.Equal("&drv_resident + 1", fields[2]);
        Assert.Equal("RTF_NATIVE | RTF_COLDSTART | RTF_AUTOINIT", fields[3]);
        Assert.Equal("DRV_DEVICE_VERSION", fields[4]);
        Assert.Equal("NT_DEVICE", fields[5]);
        Assert.Equal("0", fields[6]);
        Assert.Equal("drv_create_library_tags", fields[9]);
        Assert.Contains("#define DRV_DEVICE_VERSION 53", c);
        Assert.Contains("#define DRV_DEVICE_REVISION 12", c);
        Assert.DoesNotContain("const struct Resident", c);
    }

    [Fact]
    public void Manager_interface_and_68k_jump_table()
    {
        string c = Read("device_skeleton.c");
        Assert.Contains("{ MIT_Name, (Tag)\"__device\" }", c);
        var vectors = Entries(c, "drv_manager_vectors");
        Assert.Equal(new[] { "(APTR)drv_manager_obtain", "(APTR)drv_manager_release", "NULL", "NULL", "(APTR)drv_manager_open", "(APTR)drv_manager_close",
            "(APTR)drv_manager_expunge", "NULL", "(APTR)drv_manager_begin_io", "(APTR)drv_manager_abort_io", "(APTR)-1" }, vectors);
        // LVOs -6, -12, -18, -24, -30, -36: BeginIO is the fifth entry (-30), AbortIO the sixth (-36).
        var lvo = Entries(c, "drv_vectors_68k");
        Assert.Equal(7, lvo.Length);
        Assert.Equal("(APTR)drv_manager_begin_io", lvo[4]);
        Assert.Equal("(APTR)drv_manager_abort_io", lvo[5]);
        Assert.Equal("(APTR)-1", lvo[6]);
        Assert.Contains("{ CLT_DataSize, sizeof(struct vscsi_virtio_scsi_base) }", c);
        Assert.Contains("{ CLT_Vector68K, (Tag)drv_vectors_68k }", c);
        Assert.Contains("{ CLT_InitFunc, (Tag)drv_manager_init }", c);
        Assert.Contains("{ CLT_NoLegacyIFace, FALSE }", c);
        // The entry points the skeleton calls are the driver's [DeviceEntry] methods.
        Assert.Contains("vscsi_device_entry_begin_io(io);", c);
        Assert.Contains("vscsi_device_entry_init((struct vscsi_virtio_scsi_base *)library)", c);
        Assert.Contains("return vscsi_controller_interrupt(data) ? 1 : 0;", c);
        Assert.Contains("IExec->AddIntServer(irq, is)", c);
    }

    [Fact]
    public void Version_string_shell_guard_and_interfaces()
    {
        string c = Read("device_skeleton.c");
        Assert.Contains("\"$VER: virtioscsi.device 53.12 (\" DRV_BUILD_DATE \")\"", c);
        Assert.Contains("int32 _start(STRPTR argstring, int32 arglen, struct ExecBase *sysbase)", c);
        Assert.Contains("cannot be executed from a shell", c);
        Assert.Contains("return RETURN_FAIL;", c);
        Assert.Contains("IExec->OpenLibrary(\"expansion.library\", 53)", c);
        Assert.Contains("IExec->GetInterface(drv_IPCI_library, \"pci\", 1, NULL)", c);
        string h = Read("device_skeleton.h");
        Assert.Contains("extern struct PCIIFace *IPCI;", h);
        Assert.Contains("extern struct ExecIFace *IExec;", h);
    }

    [Fact]
    public void Makefile_builds_a_kickstart_module_with_ppc_amigaos_gcc()
    {
        string mk = Read("Makefile");
        Assert.Contains("CC         = ppc-amigaos-gcc", mk);
        Assert.Contains("-nostartfiles", mk);
        Assert.Contains("-fno-tree-loop-distribute-patterns", mk);
        Assert.Contains("-Wall -Wextra -Werror", mk);
        Assert.Matches(@"OBJECTS = device_skeleton\.o ", mk);
        Assert.Contains("virtioscsi.device: $(OBJECTS)", mk);
        // CrossCompileTests builds with Tools' flags: they must be the Makefile's, unused sections dropped included.
        string Variable(string name) => Regex.Match(mk, @"^" + name + @"\s*=\s*((?:.*\\\n)*.*)$", RegexOptions.Multiline).Groups[1].Value;
        Assert.All(Tools.DriverCFlags.Split(' '), f => Assert.Contains(" " + f + " ", " " + Variable("CFLAGS").Replace("\\\n", " ") + " "));
        Assert.All(Tools.DriverLdFlags.Split(' '), f => Assert.Contains(" " + f + " ", " " + Variable("LDFLAGS").Replace("\\\n", " ") + " "));
    }

    [Fact]
    public void Driver_calls_through_sdk_interfaces_with_sdk_names()
    {
        string pci = Read("virtio_pci.c");
        Assert.Contains("self->dev->ReadConfigByte(", pci);
        Assert.Contains("self->dev->OutWord(", pci);
        // Discovery is the Virtio library's (lowered into this driver); the driver names its own device ids.
        Assert.Contains("IPCI->FindDeviceTags(FDT_VendorID, VSCSI_VIRTIO_PCI_VENDOR_ID, FDT_DeviceID, transitional_id, FDT_Index, index, TAG_DONE)", pci);
        string ctl = Read("controller.c");
        Assert.Contains("vscsi_virtio_pci_find(&b->pci, VSCSI_VIRTIO_SCSI_PCI_DEVICE_TRANSITIONAL, VSCSI_VIRTIO_SCSI_PCI_DEVICE_MODERN)", ctl);
        Assert.Contains("IExec->CacheClearE(", ctl);
        Assert.Contains("IExec->StartDMA(", Read("requests.c"));
        string entry = Read("device_entry.c");
        Assert.Contains("case TD_GETGEOMETRY:", entry);
        Assert.Contains("io->io_Command", entry);
        // The commands every unit knows are the AmigaDevice library's, lowered into this driver.
        Assert.Contains("case NSCMD_TD_READ64:", Read("commands.c"));
        Assert.Contains("case NSCMD_TD_READ64:", Read("unit_task.c"));
        // SDK constants are the SDK's macros, not redefined by the driver.
        string h = Read("virtioscsi.h");
        Assert.DoesNotMatch(@"#define\s+\w*CMD_READ\b", h);
        Assert.DoesNotMatch(@"#define\s+\w*TDERR_", h);
    }

    private static string[] Entries(string c, string array)
    {
        var m = Regex.Match(c, @"static APTR " + array + @"\[\] = \{(?<body>[^;]*)\};");
        Assert.True(m.Success, "no table " + array);
        return m.Groups["body"].Value.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
    }
}
