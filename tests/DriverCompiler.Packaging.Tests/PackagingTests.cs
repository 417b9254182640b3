using System.ComponentModel;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace DriverCompiler.Packaging.Tests;

/// <summary>One diagnostic line from dotnet build or drvc: file name (no folder), position, severity, id, message.</summary>
public sealed record Reported(string File, int Line, int Column, string Severity, string Id, string Message)
{
    public string Spot => $"{File}({Line},{Column}) {Id}";
}

/// <summary>
/// The install path of a driver author, end to end: pack, tool install, <c>drvc new</c>, build
/// with the analyzer from the package, diagnostics at their spots, .editorconfig, emit.
/// </summary>
public class PackagingTests(Toolchain tc) : IClassFixture<Toolchain>
{
    private static readonly Regex DiagnosticLine = new(
        @"^(?<path>.+?)\((?<line>\d+),(?<col>\d+)\): (?<sev>error|warning) (?<id>DRV\d{4}): (?<msg>.*?)(?: \(docs/diagnostics/DRV\d{4}\.md\))?(?: \[[^\]]*\])?\s*$",
        RegexOptions.Multiline);

    private static List<Reported> Diagnostics(string output) =>
        DiagnosticLine.Matches(output).Select(m => new Reported(Path.GetFileName(m.Groups["path"].Value.Trim()), int.Parse(m.Groups["line"].Value),
                int.Parse(m.Groups["col"].Value), m.Groups["sev"].Value, m.Groups["id"].Value, m.Groups["msg"].Value))
            .Distinct().OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();

    /// <summary>1-based (line, column) of the first occurrence of <paramref name="needle"/>: expectations come from the text.</summary>
    private static (int Line, int Column) Find(string text, string needle)
    {
        int at = text.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(at >= 0, needle);
        int line = 1 + text[..at].Count(c => c == '\n');
        int lineStart = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
        return (line, at - lineStart + 1);
    }

    private string Scaffold(string name, string target)
    {
        string parent = tc.NewFolder(name);
        var r = tc.Exec(parent, tc.Drvc, ["new", name, "--target", target]);
        Assert.True(r.Exit == 0, r.ToString());
        return Path.Combine(parent, name);
    }

    private Run Build(string project, params string[] extra) =>
        tc.Exec(project, Toolchain.Dotnet, ["build", "--nologo", "-v:minimal", .. extra]);

    private static void CompileC(string outDir, string target, string repoRoot)
    {
        var (cc, flags, package) = target == "amix"
            ? ("m68k-linux-gnu-gcc", new[] { "-m68030", "-std=c89", "-pedantic" }, "gcc-m68k-linux-gnu")
            : ("gcc", new[] { "-std=gnu99" }, "gcc");
        foreach (var c in Directory.GetFiles(outDir, "*.c"))
        {
            var psi = new System.Diagnostics.ProcessStartInfo(cc) { WorkingDirectory = outDir, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in flags.Concat(["-O2", "-Wall", "-Wextra", "-Werror", "-fwrapv", "-I.", "-I" + Path.Combine(repoRoot, "tests", "include", target), "-c", Path.GetFileName(c), "-o", "/dev/null"]))
                psi.ArgumentList.Add(a);
            System.Diagnostics.Process p;
            try { p = System.Diagnostics.Process.Start(psi)!; }
            catch (Win32Exception) { throw new Xunit.Sdk.XunitException($"'{cc}' is not installed: install the Debian package {package} (apt-get install {package})"); }
            string err = p.StandardError.ReadToEnd() + p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, $"{cc} rejected {c}:\n{err}");
        }
    }

    [Fact]
    public void The_packages_have_the_documented_layout()
    {
        using (var dsl = ZipFile.OpenRead(Path.Combine(tc.Feed, $"DriverCompiler.Dsl.{tc.Version}.nupkg")))
        {
            var names = dsl.Entries.Select(e => e.FullName).ToHashSet();
            foreach (var expected in new[] { "lib/netstandard2.0/DriverCompiler.Dsl.dll", "analyzers/dotnet/cs/DriverCompiler.Analyzers.dll",
                         "analyzers/dotnet/cs/DriverCompiler.CodeFixes.dll", "build/DriverCompiler.Dsl.props", "build/DriverCompiler.Dsl.targets",
                         "docs/diagnostics/DRV0001.md", "docs/diagnostics/DRV0999.md",
                         // the OS binding libraries travel with the DSL: a driver referencing the package references them
                         "lib/netstandard2.0/DriverCompiler.AmigaOS.dll", "lib/netstandard2.0/DriverCompiler.AmigaOS.xml",
                         "lib/netstandard2.0/DriverCompiler.Amix.dll", "lib/netstandard2.0/DriverCompiler.Amix.xml" })
                Assert.Contains(expected, names);
            // The analyzer projects are not lib/ dependencies of driver projects.
            using var nuspec = dsl.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
            var deps = XDocument.Load(nuspec).Descendants().Where(e => e.Name.LocalName == "dependency").ToList();
            Assert.Empty(deps);
        }
        // The pointer package names one package per runtime identifier (.NET 10 RID-specific tools).
        using (var cli = ZipFile.OpenRead(Path.Combine(tc.Feed, $"DriverCompiler.Cli.{tc.Version}.nupkg")))
        {
            var settings = cli.Entries.Single(e => e.FullName == "tools/any/any/DotnetToolSettings.xml");
            using var stream = settings.Open();
            var rids = XDocument.Load(stream).Descendants().Where(e => e.Name.LocalName == "RuntimeIdentifierPackage")
                .ToDictionary(e => (string)e.Attribute("RuntimeIdentifier")!, e => (string)e.Attribute("Id")!);
            Assert.Equal("DriverCompiler.Cli.linux-x64", rids["linux-x64"]);
            Assert.Equal("DriverCompiler.Cli.any", rids["any"]);
        }
        // linux-x64 gets drvc and Roslyn compiled ReadyToRun (the cold start); every other platform the portable IL.
        Assert.True(IsReadyToRun(tc.Feed, $"DriverCompiler.Cli.linux-x64.{tc.Version}.nupkg", "tools/net10.0/linux-x64/drvc.dll"));
        Assert.True(IsReadyToRun(tc.Feed, $"DriverCompiler.Cli.linux-x64.{tc.Version}.nupkg", "tools/net10.0/linux-x64/Microsoft.CodeAnalysis.CSharp.dll"));
        Assert.False(IsReadyToRun(tc.Feed, $"DriverCompiler.Cli.any.{tc.Version}.nupkg", "tools/net10.0/any/drvc.dll"));
        if (System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier == "linux-x64")
            Assert.True(Directory.GetFiles(tc.ToolPath, "drvc.dll", SearchOption.AllDirectories).Any(f => f.Contains($"{Path.DirectorySeparatorChar}linux-x64{Path.DirectorySeparatorChar}", StringComparison.Ordinal)),
                "on linux-x64 the tool install should pick the ReadyToRun package");
        var version = tc.Exec(tc.Work, tc.Drvc, ["--version"]);
        Assert.Equal(0, version.Exit);
        Assert.Equal("drvc " + tc.Version, version.Output.Trim());
    }

    /// <summary>True when <paramref name="entry"/> in the package carries ReadyToRun native code (a managed native header, ECMA-335 II.25.3.3).</summary>
    private static bool IsReadyToRun(string feed, string package, string entry)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(feed, package));
        var e = zip.Entries.SingleOrDefault(x => x.FullName == entry) ?? throw new Xunit.Sdk.XunitException($"{package} has no {entry}");
        using var ms = new MemoryStream();
        using (var s = e.Open()) s.CopyTo(ms);
        ms.Position = 0;
        using var pe = new System.Reflection.PortableExecutable.PEReader(ms);
        return pe.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }

    [Theory]
    [InlineData("Widget", "amigaos4", "widget.h")]
    [InlineData("Zorro", "amix", "zorro.h")]
    public void Drvc_new_builds_and_emits_out_of_the_box(string name, string target, string header)
    {
        string project = Scaffold(name, target);
        Assert.True(File.Exists(Path.Combine(project, name + ".csproj")));
        Assert.True(File.Exists(Path.Combine(project, "README.md")));
        var csproj = File.ReadAllText(Path.Combine(project, name + ".csproj"));
        Assert.Contains($"<PackageReference Include=\"DriverCompiler.Dsl\" Version=\"{tc.Version}\" />", csproj);
        Assert.Contains("<ImplicitUsings>disable</ImplicitUsings>", csproj);

        var build = Build(project);
        Assert.True(build.Exit == 0, build.ToString());
        Assert.Empty(Diagnostics(build.Output));
        // The package came from the feed, into the test's own cache, not from anywhere else.
        Assert.True(Directory.Exists(Path.Combine(tc.PackagesCache, "drivercompiler.dsl", tc.Version)));

        string outDir = Path.Combine(project, "out");
        foreach (var f in new[] { header, "driver.c", "Makefile", "drv/cpu.h" })
            Assert.True(File.Exists(Path.Combine(outDir, f)), $"out/{f} missing after dotnet build:\n{build}");
        Assert.Contains($"({target})", File.ReadAllText(Path.Combine(outDir, "driver.c")));
        CompileC(outDir, target, tc.RepoRoot);
    }

    private const string BadSource = """
        namespace Widget;

        public static class Stats
        {
            public static int Sum(int seed)
            {
                var table = new int[4];
                int total = 0;
                for (int i = 0; i < 4; i++)
                    total += table[i] + seed;
                return checked(total * 2);
            }
        }
        """;

    private const string FixedSource = """
        namespace Widget;

        public static class Stats
        {
            public static unsafe int Sum(int seed)
            {
                int* table = stackalloc int[4];
                int total = 0;
                for (int i = 0; i < 4; i++)
                    total += table[i] + seed;
                return unchecked(total * 2);
            }
        }
        """;

    [Fact]
    public void A_subset_violation_shows_at_its_spot_in_dotnet_build_and_in_drvc_then_the_fix_emits_C()
    {
        string project = Scaffold("Widget", "amigaos4");
        File.WriteAllText(Path.Combine(project, "Stats.cs"), BadSource);
        var (l1, c1) = Find(BadSource, "new int[4]");
        var (l2, c2) = Find(BadSource, "checked(");
        var expected = new[] { $"Stats.cs({l1},{c1}) DRV0002", $"Stats.cs({l2},{c2}) DRV0011" };

        var build = Build(project);
        Assert.NotEqual(0, build.Exit);
        var fromBuild = Diagnostics(build.Output);
        Assert.Equal(expected, fromBuild.Select(d => d.Spot));
        Assert.All(fromBuild, d => Assert.Equal("error", d.Severity));
        Assert.False(Directory.Exists(Path.Combine(project, "out")), "no C may be emitted when the build fails");

        // The same diagnostics from drvc, the other host of the same rules.
        var check = tc.Exec(project, tc.Drvc, ["check", "."]);
        Assert.Equal(1, check.Exit);
        Assert.Equal(fromBuild, Diagnostics(check.Output));
        // Not only the same spots: the same text, full path and help link, as dotnet build prints it before " [project]".
        var drvcLines = check.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains(": error DRV", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, drvcLines.Count);
        Assert.All(drvcLines, l => Assert.Contains(l + " [", build.Output));

        // Fixed, plus a register block whose offset comment disagrees with its layout: a warning
        // (DRV0113) at the comment, reported once — by the compiler step, not again by the emit step.
        File.WriteAllText(Path.Combine(project, "Stats.cs"), FixedSource);
        File.WriteAllText(Path.Combine(project, "Window.cs"), WindowSource);
        var (wl, wc) = Find(WindowSource, "// 0x08");
        var rebuilt = Build(project);
        Assert.True(rebuilt.Exit == 0, rebuilt.ToString());
        var warnings = Diagnostics(rebuilt.Output);
        Assert.Equal([$"Window.cs({wl},{wc}) DRV0113"], warnings.Select(d => d.Spot));
        Assert.Equal("warning", warnings[0].Severity);
        var lines = rebuilt.Output.Split('\n').Where(l => l.Contains("DRV0113", StringComparison.Ordinal)).ToList();
        Assert.All(lines, l => Assert.Contains("(docs/diagnostics/DRV0113.md)", l)); // the help link, a page the package and drvc explain carry

        var stats = Path.Combine(project, "out", "stats.c");
        Assert.True(File.Exists(stats), rebuilt.ToString());
        Assert.Contains("widget_stats_sum", File.ReadAllText(stats));
        Assert.Contains("struct widget_window {", File.ReadAllText(Path.Combine(project, "out", "widget.h")));
        CompileC(Path.Combine(project, "out"), "amigaos4", tc.RepoRoot);
    }

    private const string WindowSource = """
        using DriverCompiler.Dsl;

        namespace Widget;

        [Mmio]
        public struct Window
        {
            public Le32 Id;         // 0x00
            public Le32 Doorbell;   // 0x08
        }
        """;

    [Fact]
    public void An_editorconfig_severity_applies_in_dotnet_build_and_in_drvc()
    {
        string project = Scaffold("Widget", "amigaos4");
        const string source = "namespace Widget;\n\npublic static class Pool\n{\n    public static void Make() { var o = new object(); }\n}\n";
        File.WriteAllText(Path.Combine(project, "Pool.cs"), source);
        var (line, col) = Find(source, "new object()");

        // Without a config it is an error in both hosts (drvc here; dotnet build as in the test above).
        var before = tc.Exec(project, tc.Drvc, ["check", "."]);
        Assert.Equal(1, before.Exit);
        Assert.Equal([$"Pool.cs({line},{col}) DRV0001"], Diagnostics(before.Output).Select(d => d.Spot));

        File.WriteAllText(Path.Combine(project, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.DRV0001.severity = none\n");
        var after = Build(project, "-p:DriverCompilerEmit=false");
        Assert.True(after.Exit == 0, after.ToString());
        Assert.DoesNotContain("DRV0001", after.Output);
        var check = tc.Exec(project, tc.Drvc, ["check", "."]);
        Assert.True(check.Exit == 0, check.ToString());
        Assert.DoesNotContain("DRV0001", check.Output);

        File.WriteAllText(Path.Combine(project, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.DRV0001.severity = warning\n");
        var warned = tc.Exec(project, tc.Drvc, ["check", "."]);
        Assert.True(warned.Exit == 0, warned.ToString());
        Assert.Equal([$"Pool.cs({line},{col}) DRV0001"], Diagnostics(warned.Output).Select(d => d.Spot));
        Assert.Equal("warning", Diagnostics(warned.Output).Single().Severity);
    }

    /// <summary>Every file under <paramref name="dir"/> and its bytes.</summary>
    private static Dictionary<string, byte[]> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllBytes);

    private static void AssertUnchanged(Dictionary<string, byte[]> before, string dir, Func<string, bool> mine)
    {
        var after = Snapshot(dir).Where(f => mine(f.Key)).ToDictionary();
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        foreach (var (k, v) in before) Assert.True(v.AsSpan().SequenceEqual(after[k]), k + " changed");
    }

    [Fact]
    public void The_emit_target_never_deletes_what_drvc_did_not_write()
    {
        string project = Scaffold("Widget", "amigaos4");
        // The user's files: the sources and the project, outside bin/ and obj/ (which dotnet build writes).
        static bool Users(string rel) => !rel.StartsWith("bin/", StringComparison.Ordinal) && !rel.StartsWith("obj/", StringComparison.Ordinal);
        var sources = Snapshot(project).Where(f => Users(f.Key)).ToDictionary();

        // DriverCompilerOutDir = the project folder: refused, the build fails, the sources are intact.
        var intoSources = Build(project, $"-p:DriverCompilerOutDir={project}/");
        Assert.NotEqual(0, intoSources.Exit);
        Assert.Contains("is the driver folder", intoSources.Output);
        AssertUnchanged(sources, project, Users);

        // A folder with someone else's files: refused, the files are intact.
        string foreign = tc.NewFolder("foreign");
        File.WriteAllText(Path.Combine(foreign, "NOTES.txt"), "my notes\n");
        Directory.CreateDirectory(Path.Combine(foreign, "sub"));
        File.WriteAllText(Path.Combine(foreign, "sub", "keep.c"), "int keep;\n");
        var theirs = Snapshot(foreign);
        var intoForeign = Build(project, $"-p:DriverCompilerOutDir={foreign}");
        Assert.NotEqual(0, intoForeign.Exit);
        Assert.Contains("drvc did not create it", intoForeign.Output);
        AssertUnchanged(theirs, foreign, _ => true);

        // The default out/: emitted; a note the user puts there survives the next emit.
        var first = Build(project);
        Assert.True(first.Exit == 0, first.ToString());
        string outDir = Path.Combine(project, "out");
        Assert.True(File.Exists(Path.Combine(outDir, ".drvc-manifest")));
        File.WriteAllText(Path.Combine(outDir, "NOTES.txt"), "my notes\n");
        File.AppendAllText(Path.Combine(project, "Driver.cs"), "\n// touched\n");
        var second = Build(project);
        Assert.True(second.Exit == 0, second.ToString());
        Assert.Contains("-> " + outDir, second.Output); // the emit step ran again
        Assert.Equal("my notes\n", File.ReadAllText(Path.Combine(outDir, "NOTES.txt")));
    }
}
