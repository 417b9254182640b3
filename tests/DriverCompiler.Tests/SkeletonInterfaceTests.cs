using Xunit;
using Xunit.Abstractions;

namespace DriverCompiler.Tests;

/// <summary>
/// The interfaces an AmigaOS 4 device skeleton obtains for the driver's bindings, run: Libraries/TimerDevice calls
/// ITimer->GetUpTime in its Init, so the skeleton must open timer.device (a device, not a library: OpenDevice on a
/// struct TimeRequest it keeps, then GetInterface on the request's io_Device, as the SDK's timer.device autodoc
/// describes) before the driver's Init runs, and drop the interface and close the device on Expunge or when
/// initialisation fails. The emitted device is linked with Host/skeleton_host.c, which plays exec and
/// timer.device, and run under qemu-ppc; the program's checks are listed in that file.
/// </summary>
public sealed class SkeletonInterfaceTests(ITestOutputHelper output)
{
    private const string Cc = "powerpc-linux-gnu-gcc", CcPackage = "gcc-powerpc-linux-gnu";
    private const string Flags = "-std=gnu99 -mcpu=7450 -mno-altivec -O2 -Wall -Wextra -Werror -fwrapv -fno-tree-loop-distribute-patterns";

    private static readonly Lazy<string> Program = new(() => BuildProgram(Repo.Path("tests", "DriverCompiler.Tests", "Libraries", "TimerDevice")));

    /// <summary>The device `drvc new RamDev --target amigaos4 --kind device` scaffolds, built unchanged.</summary>
    private static readonly Lazy<string> Scaffold = new(() =>
    {
        string project = Path.Combine(Repo.TempDir(), "RamDev");
        var (code, _, e) = Repo.Drvc("new", "RamDev", "--target", "amigaos4", "--kind", "device", "--output", project);
        Assert.True(code == 0, e);
        return BuildProgram(project);
    });

    private static string BuildProgram(string project)
    {
        string dir = Path.Combine(Repo.TempDir(), "device");
        var (code, _, e) = Repo.Drvc("build", project, "--out", dir);
        Assert.True(code == 0, e);
        string include = Repo.Path("tests", "include", "amigaos4");
        var objects = new List<string>();
        foreach (var c in Directory.GetFiles(dir, "*.c").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal))
        {
            string o = Path.ChangeExtension(c!, ".o");
            var (rc, text) = Repo.Run(Cc, $"{Flags} -I. -I{include} -c -o {o} {c}", dir, CcPackage);
            Assert.True(rc == 0, $"{c}:\n{text}");
            objects.Add(o);
        }
        // Linked into a Linux program: the shell guard and the skeleton's mem* helpers step aside for the C library's.
        var (oc, otext) = Repo.Run("powerpc-linux-gnu-objcopy", "--redefine-sym _start=drv_shell_start --redefine-sym memcpy=drv_memcpy "
            + "--redefine-sym memset=drv_memset --redefine-sym memmove=drv_memmove --redefine-sym memcmp=drv_memcmp device_skeleton.o", dir, "binutils-powerpc-linux-gnu");
        Assert.True(oc == 0, otext);
        string host = Repo.Path("tests", "DriverCompiler.Tests", "Host", "skeleton_host.c");
        var (hc, htext) = Repo.Run(Cc, $"{Flags} -I{include} -c -o skeleton_host.o {host}", dir, CcPackage);
        Assert.True(hc == 0, htext);
        var (lc, ltext) = Repo.Run(Cc, "-static -o skeleton_host skeleton_host.o " + string.Join(" ", objects), dir, CcPackage);
        Assert.True(lc == 0, ltext);
        return dir;
    }

    [Theory]
    [InlineData("ok", 8)]
    [InlineData("open-fails", 3)]
    [InlineData("iface-fails", 3)]
    [InlineData("zero-time", 3)]
    public void The_skeleton_opens_timer_device_for_ITimer_and_releases_it(string mode, int checks)
    {
        var (code, log) = Repo.Run("qemu-ppc", "skeleton_host " + mode, Program.Value, "qemu-user");
        output.WriteLine(log);
        Assert.Contains($"{checks} passed, 0 failed", log);
        Assert.Equal(0, code);
    }

    /// <summary>The scaffolded RAM disk device, loaded from its resident tag and used through the __device manager
    /// interface: open, write and read back, bad requests, geometry, NSCMD_DEVICEQUERY, close and expunge.</summary>
    [Fact]
    public void The_scaffolded_exec_device_runs()
    {
        var (code, log) = Repo.Run("qemu-ppc", "skeleton_host ramdisk", Scaffold.Value, "qemu-user");
        output.WriteLine(log);
        Assert.Contains("12 passed, 0 failed", log);
        Assert.Equal(0, code);
    }

    [Fact]
    public void The_skeleton_names_timer_device_and_its_unit_in_the_C()
    {
        string c = File.ReadAllText(Path.Combine(Program.Value, "device_skeleton.c"));
        Assert.Contains("struct TimerIFace *ITimer;", c);
        Assert.Contains("IExec->OpenDevice(\"timer.device\", UNIT_MICROHZ, (struct IORequest *)&drv_ITimer_request, 0)", c);
        Assert.DoesNotContain("OpenLibrary(\"timer.device\"", c);
        Assert.Contains("#include <interfaces/timer.h>", File.ReadAllText(Path.Combine(Program.Value, "device_skeleton.h")));
    }
}
