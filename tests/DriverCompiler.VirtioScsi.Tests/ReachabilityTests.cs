using System.Text.RegularExpressions;
using DriverCompiler.Core;
using DriverCompiler.Testing.CModelChecks;
using Xunit;

namespace DriverCompiler.VirtioScsi.Tests;

/// <summary>
/// Issue 10 point 3: VirtioScsi is built on the Virtio driver library (and the AmigaDevice library since issue 14), and its C carries only what its
/// entry points reach. The entry points are what the device skeleton (generated beside the driver's C,
/// outside the C model) calls and the driver's own non-static functions (its public API, which the host
/// tests call); from them the call graph of the C model, walked here independently of the compiler's own
/// walk, must reach every function the model holds: no private function and no library function that
/// nothing calls.
/// </summary>
public sealed class ReachabilityTests
{
    [Fact]
    public void Every_emitted_function_is_reached_from_the_driver_entry_points()
    {
        var result = DriverCompilation.Load(Tools.RepoPath("drivers", "VirtioScsi")).Build(new BuildOptions());
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Select(d => d.ToMsBuildString())));
        string skeleton = result.Files.Single(f => f.RelativePath == "device_skeleton.c").Content;
        var roots = Regex.Matches(skeleton, "[A-Za-z_][A-Za-z0-9_]*").Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        // The driver's own files say where they come from; the library's name it ("from Virtio/Virtqueue.cs").
        var libraryFiles = result.Model.Where(f => Regex.IsMatch(f.HeaderComment, @"from (Virtio|AmigaDevice)/\w+\.cs")).ToList();
        Assert.Contains(libraryFiles, f => f.Name == "virtqueue.c");
        Assert.Contains(libraryFiles, f => f.Name == "virtio_pci.c");
        Assert.Contains(libraryFiles, f => f.Name == "unit_task.c");
        foreach (var f in result.Model.Where(f => !f.IsHeader).Except(libraryFiles))
            foreach (var fn in f.Items.OfType<Core.CModel.CFunction>().Where(fn => !fn.IsStatic && fn.Body is not null))
                roots.Add(fn.Name);
        var functions = result.Model.SelectMany(f => f.Items).OfType<Core.CModel.CFunction>().Where(f => f.Body is not null).Select(f => f.Name).ToList();
        // The graph is not empty and the library is in it: a model that lost its functions must not pass.
        Assert.Contains("vscsi_virtqueue_add_chain", functions);
        Assert.Contains("vscsi_virtio_pci_probe_modern", functions);
        Assert.Empty(CallGraph.Unreachable(result.Model, roots));
    }

    [Fact]
    public void The_exec_device_layer_comes_only_from_the_AmigaDevice_library()
    {
        var result = DriverCompilation.Load(Tools.RepoPath("drivers", "VirtioScsi")).Build(new BuildOptions());
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Select(d => d.ToMsBuildString())));
        DeviceLayer.ComesOnlyFromTheLibrary(result, "unit_task.c", "commands.c", "device_query.c", "logical_geometry.c", "dma_memory.c");
    }

    [Fact]
    public void Library_functions_the_driver_never_calls_are_not_emitted()
    {
        // The transport's device-configuration readers exist for devices with a configuration (virtio-blk);
        // virtio-scsi's driver reads two 16- and 32-bit fields (max_target, max_lun) and no byte or 64-bit one, nor
        // the generation, so those readers are not in its C, neither definition nor prototype.
        var result = DriverCompilation.Load(Tools.RepoPath("drivers", "VirtioScsi")).Build(new BuildOptions());
        Assert.True(result.Success);
        var names = result.Model.SelectMany(f => f.Items).OfType<Core.CModel.CFunction>().Select(f => f.Name).ToList();
        foreach (var unused in new[] { "vscsi_virtio_pci_config_byte", "vscsi_virtio_pci_config_quad", "vscsi_virtio_pci_config_generation" })
            Assert.DoesNotContain(unused, names);
        Assert.Contains("vscsi_virtio_pci_config_word", names);
        Assert.Contains("vscsi_virtio_pci_config_long", names);
        Assert.All(result.Files.Where(f => f.RelativePath.EndsWith(".c") || f.RelativePath.EndsWith(".h")),
            f => Assert.DoesNotContain("virtio_pci_config_quad", f.Content));
    }
}
