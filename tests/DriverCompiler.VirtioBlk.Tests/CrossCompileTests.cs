using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace DriverCompiler.VirtioBlk.Tests;

/// <summary>
/// The emitted driver with its skeleton compiles with powerpc-linux-gnu-gcc -O2 -Wall -Wextra -Werror and
/// -nostdinc (only GCC's freestanding headers and the SDK-compatible declarations in tests/include/amigaos4
/// are visible), links as the Makefile links a Kickstart module, and its stripped .text size is reported.
/// Also with every trace compiled in: the trace level is a build option (-DVBLK_DEBUG_TRACE_LEVEL=3), so the
/// level-3 traces are C the default build never compiles.
/// </summary>
public sealed class CrossCompileTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("")]
    [InlineData("-DVBLK_DEBUG_TRACE_LEVEL=3")]
    public void Emitted_driver_compiles_nostdinc_with_Werror_and_links_for_ppc(string defines)
    {
        string dir = Tools.EmitDriver();
        string include = Tools.RepoPath("tests", "include", "amigaos4");
        var (gc, gccInclude) = Tools.Run(Tools.PpcGcc, "-print-file-name=include", dir, Tools.PpcGccPackage);
        Assert.Equal(0, gc);
        var sources = Directory.GetFiles(dir, "*.c").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Contains("device_skeleton.c", sources);
        var objects = new List<string>();
        foreach (var c in sources)
        {
            string o = Path.ChangeExtension(c!, ".o");
            var (code, diagnostics) = Tools.Run(Tools.PpcGcc,
                $"{Tools.DriverCFlags} {defines} -nostdinc -isystem {gccInclude.Trim()} -I. -I{include} -c -o {o} {c}", dir, Tools.PpcGccPackage);
            Assert.True(code == 0, $"{c}:\n{diagnostics}");
            Assert.DoesNotContain("warning", diagnostics);
            objects.Add(o);
        }
        objects.Remove("device_skeleton.o");
        objects.Insert(0, "device_skeleton.o");
        var (lc, ltext) = Tools.Run(Tools.PpcGcc, Tools.DriverLdFlags + " -o virtioblk.device.debug " + string.Join(" ", objects) + " -lgcc", dir, Tools.PpcGccPackage);
        Assert.True(lc == 0, "link:\n" + ltext);
        var (sc, stext) = Tools.Run("powerpc-linux-gnu-strip", "--strip-all -R.comment -o virtioblk.device virtioblk.device.debug", dir, Tools.PpcBinutilsPackage);
        Assert.True(sc == 0, stext);
        var (zc, size) = Tools.Run("powerpc-linux-gnu-size", "virtioblk.device", dir, Tools.PpcBinutilsPackage);
        Assert.Equal(0, zc);
        var m = Regex.Match(size, @"^\s*(\d+)\s+(\d+)\s+(\d+)", RegexOptions.Multiline);
        Assert.True(m.Success, size);
        int text = int.Parse(m.Groups[1].Value);
        output.WriteLine($"stripped .text of virtioblk.device at -O2 {defines}: {text} bytes");
        Assert.InRange(text, 4096, 64 * 1024);
        var (nc, syms) = Tools.Run("powerpc-linux-gnu-objdump", "-t virtioblk.device.debug", dir, Tools.PpcBinutilsPackage);
        Assert.Equal(0, nc);
        Assert.Matches(@"\s\.data\s+0*1a\s+drv_resident", syms);
    }
}
