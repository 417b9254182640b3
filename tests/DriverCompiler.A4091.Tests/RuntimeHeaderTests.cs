using System.Text.RegularExpressions;

namespace DriverCompiler.A4091.Tests;

/// <summary>
/// drvc copies into drv/ only the runtime headers the target's output uses: AmigaOS 4 output gets
/// amigaos4.h and cpu.h, Amix output amix.h, cpu.h and amix_kernel.h (kernel declarations have no
/// business in an AmigaOS 4 build, nor AmigaOS 4 types in a kernel tree).
/// </summary>
public class RuntimeHeaderTests
{
    private static List<string> DrvFiles(string outDir) =>
        [.. Directory.EnumerateFiles(Path.Combine(outDir, "drv")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    /// <summary>The drv/ headers reached from the emitted files through #include, following includes inside drv/.</summary>
    private static SortedSet<string> Included(string outDir)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var work = new Queue<string>(Directory.EnumerateFiles(outDir, "*.*").Where(f => f.EndsWith(".c") || f.EndsWith(".h")));
        while (work.Count > 0)
        {
            string file = work.Dequeue();
            bool inDrv = Path.GetFileName(Path.GetDirectoryName(file)) == "drv";
            foreach (Match m in Regex.Matches(File.ReadAllText(file), @"^#include [<""]([^>""]+)[>""]", RegexOptions.Multiline))
            {
                string inc = m.Groups[1].Value;
                string? name = inc.StartsWith("drv/", StringComparison.Ordinal) ? inc[4..] : inDrv && !inc.Contains('/') ? inc : null;
                if (name is null || !File.Exists(Path.Combine(outDir, "drv", name))) continue;
                if (seen.Add(name)) work.Enqueue(Path.Combine(outDir, "drv", name));
            }
        }
        return seen;
    }

    [Fact]
    public void Amigaos4_output_gets_amigaos4_h_and_cpu_h_only()
    {
        var outDir = Path.Combine(Repo.TempDir(), "sample");
        var (code, _, err) = Repo.Drvc("build", Repo.Path("drivers", "Sample"), "--out", outDir);
        Assert.True(code == 0, err);
        Assert.Equal(["amigaos4.h", "cpu.h"], DrvFiles(outDir));
        Assert.Equal(DrvFiles(outDir), Included(outDir));
    }

    [Fact]
    public void Amix_output_gets_amix_h_cpu_h_and_amix_kernel_h_only()
    {
        string outDir = Repo.A4091Out.Value;
        Assert.Equal(["amix.h", "amix_kernel.h", "cpu.h"], DrvFiles(outDir));
        Assert.Equal(DrvFiles(outDir), Included(outDir));
    }
}
