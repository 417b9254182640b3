using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace DriverCompiler.VirtioScsi.Tests;

/// <summary>
/// The emitted driver with its skeleton compiles with powerpc-linux-gnu-gcc -O2 -Wall -Wextra -Werror
/// against the SDK-compatible declarations in tests/include/amigaos4, links as the Makefile links a
/// Kickstart module (no C runtime, libgcc only), and its stripped .text size is reported.
/// </summary>
public sealed class CrossCompileTests(ITestOutputHelper output)
{
    [Fact]
    public void Emitted_driver_compiles_and_links_for_ppc_with_Werror()
    {
        string dir = Tools.EmitDriver();
        string include = Tools.RepoPath("tests", "include", "amigaos4");
        var sources = Directory.GetFiles(dir, "*.c").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Contains("device_skeleton.c", sources);
        var objects = new List<string>();
        foreach (var c in sources)
        {
            string o = Path.ChangeExtension(c!, ".o");
            var (code, diagnostics) = Tools.Run(Tools.PpcGcc, $"{Tools.DriverCFlags} -I. -I{include} -c -o {o} {c}", dir, Tools.PpcGccPackage);
            Assert.True(code == 0, $"{c}:\n{diagnostics}");
            Assert.DoesNotContain("warning", diagnostics);
            objects.Add(o);
        }
        objects.Remove("device_skeleton.o");
        objects.Insert(0, "device_skeleton.o");
        var (lc, ltext) = Tools.Run(Tools.PpcGcc, Tools.DriverLdFlags + " -o virtioscsi.device.debug "
            + string.Join(" ", objects) + " -lgcc", dir, Tools.PpcGccPackage);
        Assert.True(lc == 0, "link:\n" + ltext);
        var (sc, stext) = Tools.Run("powerpc-linux-gnu-strip", "--strip-all -R.comment -o virtioscsi.device virtioscsi.device.debug", dir, Tools.PpcBinutilsPackage);
        Assert.True(sc == 0, stext);
        var (zc, size) = Tools.Run("powerpc-linux-gnu-size", "virtioscsi.device", dir, Tools.PpcBinutilsPackage);
        Assert.Equal(0, zc);
        output.WriteLine(size);
        var m = Regex.Match(size, @"^\s*(\d+)\s+(\d+)\s+(\d+)", RegexOptions.Multiline);
        Assert.True(m.Success, size);
        int text = int.Parse(m.Groups[1].Value);
        output.WriteLine($"stripped .text of virtioscsi.device at -O2: {text} bytes (the original v1.12 is about 41 KB)");
        Assert.InRange(text, 4096, 64 * 1024);

        // The resident tag is in writable data and the entry is the shell guard.
        var (nc, syms) = Tools.Run("powerpc-linux-gnu-objdump", "-t virtioscsi.device.debug", dir, Tools.PpcBinutilsPackage);
        Assert.Equal(0, nc);
        Assert.Matches(@"\s\.data\s+0*1a\s+drv_resident", syms);
        var (hc, header) = Tools.Run("powerpc-linux-gnu-readelf", "-h -s virtioscsi.device.debug", dir, Tools.PpcBinutilsPackage);
        Assert.Equal(0, hc);
        string entry = Regex.Match(header, @"Entry point address:\s+0x([0-9a-f]+)").Groups[1].Value;
        Assert.Matches(@"\s0*" + entry + @"\s+\d+\s+FUNC\s+GLOBAL\s+DEFAULT\s+\d+\s+_start", header);
    }
}
