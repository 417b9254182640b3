using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace DriverCompiler.VirtioScsi.Tests;

/// <summary>
/// The whole emitted device (driver and skeleton), cross-compiled for PowerPC and run under qemu-ppc
/// against Host/device_sim.c: a user-mode exec (cooperative tasks, signals, ports, mutexes, memory
/// with leak tracking, StartDMA splitting buffers) and a legacy virtio-scsi PCI function with four
/// targets (48 MiB disk, 4 KiB-sector disk, sparse 3 TiB disk, CD-ROM). The device is loaded through
/// its resident tag and CreateLibrary tags and used only through the __device manager interface.
/// The checks (one line each on failure) are the simulation's; this test requires all to pass.
/// </summary>
public sealed class SimulationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("legacy")]
    [InlineData("modern")]
    public void Emitted_device_runs_against_a_simulated_virtio_scsi_function(string transport)
    {
        string dir = Tools.EmitDriver();
        string include = Tools.RepoPath("tests", "include", "amigaos4");
        string sim = Path.Combine(AppContext.BaseDirectory, "Host", "device_sim.c");
        string hooks = Path.Combine(AppContext.BaseDirectory, "Host", "sim-include");
        string flags = $"{Tools.DriverCFlags} -I{hooks} -I. -I{include}";
        var objects = new List<string>();
        foreach (var c in Directory.GetFiles(dir, "*.c").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal))
        {
            string o = Path.ChangeExtension(c!, ".o");
            var (code, text) = Tools.Run(Tools.PpcGcc, $"{flags} -c -o {o} {c}", dir, Tools.PpcGccPackage);
            Assert.True(code == 0, $"{c}:\n{text}");
            objects.Add(o);
        }
        // Linked into a Linux program: the shell guard and the skeleton's mem* helpers step aside for the C library's.
        var (rc, rtext) = Tools.Run("powerpc-linux-gnu-objcopy", "--redefine-sym _start=drv_shell_start --redefine-sym memcpy=drv_memcpy "
            + "--redefine-sym memset=drv_memset --redefine-sym memmove=drv_memmove --redefine-sym memcmp=drv_memcmp device_skeleton.o", dir, Tools.PpcBinutilsPackage);
        Assert.True(rc == 0, rtext);
        var (cc, ctext) = Tools.Run(Tools.PpcGcc, $"{flags} -c -o device_sim.o {sim}", dir, Tools.PpcGccPackage);
        Assert.True(cc == 0, ctext);
        var (lc, ltext) = Tools.Run(Tools.PpcGcc, "-static -o device_sim device_sim.o " + string.Join(" ", objects), dir, Tools.PpcGccPackage);
        Assert.True(lc == 0, ltext);
        var (code2, log) = Tools.Run("qemu-ppc", "device_sim " + transport, dir, "qemu-user", timeoutMs: 600_000);
        output.WriteLine(log);
        var m = Regex.Match(log, @"^(\d+) passed, (\d+) failed$", RegexOptions.Multiline);
        Assert.True(m.Success, "no summary line; the simulation crashed (exit " + code2 + ")");
        Assert.Equal("0", m.Groups[2].Value);
        Assert.True(int.Parse(m.Groups[1].Value) >= 190, "fewer checks ran than the simulation has: " + m.Value);
        Assert.Equal(0, code2);
        Assert.Matches(@"transport " + transport + @", interrupts [1-9]\d*, unit tasks", log);
    }
}
