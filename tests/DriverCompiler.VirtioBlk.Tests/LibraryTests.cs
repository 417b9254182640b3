using System.Text.RegularExpressions;
using DriverCompiler.Core;
using DriverCompiler.Testing.CModelChecks;
using Xunit;

namespace DriverCompiler.VirtioBlk.Tests;

/// <summary>
/// VirtioBlk is built on the Virtio and AmigaDevice driver libraries and carries no copy of them: the transport and the split
/// virtqueue come only from the library's own files (their header names "from Virtio/..."), the driver's files
/// define none of them, and every emitted function is reached from the entry points the skeleton calls or
/// the driver's public API (the call graph walked here independently of the compiler's own walk).
/// </summary>
public sealed class LibraryTests
{
    private static readonly Lazy<CompileResult> Result = new(() =>
    {
        var r = DriverCompilation.Load(Tools.RepoPath("drivers", "VirtioBlk")).Build(new BuildOptions());
        Assert.True(r.Success, string.Join("\n", r.Diagnostics.Select(d => d.ToMsBuildString())));
        return r;
    });

    [Fact]
    public void The_virtio_layer_comes_only_from_the_library_files()
    {
        var r = Result.Value;
        var library = r.Model.Where(f => Regex.IsMatch(f.HeaderComment, @"from Virtio/\w+\.cs")).Select(f => f.Name).ToHashSet();
        Assert.Contains("virtqueue.c", library);
        Assert.Contains("virtio_pci.c", library);
        foreach (var f in r.Model.Where(f => !f.IsHeader && !library.Contains(f.Name)))
        {
            var defined = f.Items.OfType<Core.CModel.CFunction>().Where(fn => fn.Body is not null).Select(fn => fn.Name).ToList();
            Assert.DoesNotContain(defined, n => n.StartsWith("vblk_virtqueue_", StringComparison.Ordinal) || n.StartsWith("vblk_virtio_pci_", StringComparison.Ordinal));
        }
        var functions = r.Model.SelectMany(f => f.Items).OfType<Core.CModel.CFunction>().Where(f => f.Body is not null).Select(f => f.Name).ToList();
        // What virtio-blk uses of the library is there: the ring, indirect tables, EVENT_IDX, the configuration under its generation.
        foreach (var used in new[] { "vblk_virtqueue_add_chain", "vblk_virtqueue_add_indirect", "vblk_virtqueue_get_buf", "vblk_virtqueue_arm_interrupt",
                                     "vblk_virtio_pci_find_index", "vblk_virtio_pci_probe_modern", "vblk_virtio_pci_config_quad", "vblk_virtio_pci_config_generation" })
            Assert.Contains(used, functions);
        // Find (the first function only) is VirtioScsi's; this driver enumerates with FindIndex and carries no Find.
        Assert.DoesNotContain("vblk_virtio_pci_find", functions);
    }

    [Fact]
    public void The_exec_device_layer_comes_only_from_the_AmigaDevice_library() =>
        DeviceLayer.ComesOnlyFromTheLibrary(Result.Value, "unit_task.c", "commands.c", "device_query.c", "logical_geometry.c", "dma_memory.c");

    [Fact]
    public void Every_emitted_function_is_reached_from_the_driver_entry_points()
    {
        var r = Result.Value;
        string skeleton = r.Files.Single(f => f.RelativePath == "device_skeleton.c").Content;
        var roots = Regex.Matches(skeleton, "[A-Za-z_][A-Za-z0-9_]*").Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        // Both libraries' functions must be reached from the driver: only the driver's own files give roots.
        var library = r.Model.Where(f => Regex.IsMatch(f.HeaderComment, @"from (Virtio|AmigaDevice)/\w+\.cs")).ToList();
        foreach (var f in r.Model.Where(f => !f.IsHeader).Except(library))
            foreach (var fn in f.Items.OfType<Core.CModel.CFunction>().Where(fn => !fn.IsStatic && fn.Body is not null))
                roots.Add(fn.Name);
        Assert.Contains("vblk_device_entry_begin_io", roots);
        Assert.Empty(CallGraph.Unreachable(r.Model, roots));
    }
}
