using Xunit;

namespace DriverCompiler.Tests;

/// <summary>The drvc command-line contract of issue 2: verbs, exit codes, output handling.</summary>
public class CliContractTests
{
    private static readonly string Sample = Repo.Path("drivers", "Sample");

    [Fact]
    public void VersionPrintsTheToolVersionAndExitsZero()
    {
        var (code, o, _) = Repo.Drvc("--version");
        Assert.Equal(0, code);
        Assert.Matches(@"^drvc \d+\.\d+\.\d+\s*$", o);
    }

    [Fact]
    public void HelpListsTheVerbsAndExitsZero()
    {
        var (code, o, _) = Repo.Drvc("--help");
        Assert.Equal(0, code);
        Assert.Contains("build", o);
        Assert.Contains("check", o);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("build")]
    [InlineData("build", "drivers/Sample", "--target", "amiga3000")]
    [InlineData("build", "drivers/Sample", "--no-such-option")]
    public void UsageErrorsExitTwo(params string[] args)
    {
        var (code, _, e) = Repo.Drvc(args);
        Assert.Equal(2, code);
        Assert.NotEmpty(e);
        Assert.DoesNotContain("   at ", e);
    }

    [Theory]
    [InlineData("drvc: error: unknown verb 'frobnicate'", "usage: drvc <verb>", "frobnicate")]
    [InlineData("drvc: error: no verb given", "usage: drvc <verb>")]
    [InlineData("drvc: error: unknown option '--no-such-option'", "usage: drvc build <driver-dir>", "build", "drivers/Sample", "--no-such-option")]
    [InlineData("drvc: error: missing argument <driver-dir>", "usage: drvc build <driver-dir>", "build")]
    [InlineData("drvc: error: missing argument <DRVnnnn>", "usage: drvc explain <DRVnnnn>", "explain")]
    [InlineData("drvc: error: missing option '--target'", "usage: drvc new <Name>", "new", "X")]
    [InlineData("drvc: error: option '--out' needs a value", "usage: drvc build <driver-dir>", "build", "drivers/Sample", "--out")]
    [InlineData("drvc: error: unknown option '-o'", "usage: drvc build <driver-dir>", "build", "drivers/Sample", "-o")]
    [InlineData("drvc: error: option '--out' needs a value", "usage: drvc build <driver-dir>", "build", "drivers/Sample", "--out", "--force")]
    [InlineData("drvc: error: option '--target' needs a value", "usage: drvc check <driver-dir>", "check", "--target", "--", "drivers/Sample")]
    [InlineData("drvc: error: option '-o' needs a value", "usage: drvc scripts <file.ss>", "scripts", "x.ss", "-o")]
    public void AUsageErrorSaysWhatWasWrongFirst_ThenTheShortUsage(string first, string second, params string[] args)
    {
        var (code, o, e) = Repo.Drvc(args);
        Assert.Equal(2, code);
        Assert.Equal("", o);
        var lines = e.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(first, lines[0]);
        Assert.StartsWith(second, lines[1]);
        Assert.True(lines.Length <= 3, e); // the short usage, not the whole help text
    }

    [Fact]
    public void AnEmptyDriverFolderIsOneErrorAboutCsFiles()
    {
        var dir = Repo.TempDir();
        Directory.CreateDirectory(Path.Combine(dir, "obj"));
        File.WriteAllText(Path.Combine(dir, "obj", "Generated.cs"), "class G {}\n"); // obj/ is not read
        foreach (var verb in new[] { "build", "check" })
        {
            var (code, o, e) = Repo.Drvc(verb, dir);
            Assert.Equal(2, code);
            var lines = e.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Single(lines);
            Assert.StartsWith("drvc: error: ", lines[0]);
            Assert.Contains("has no .cs files", lines[0]);
            Assert.DoesNotContain("DRV0100", e);
            Assert.Equal("", o);
        }
    }

    [Fact]
    public void ABuildWithoutADriverDeclarationReportsItOnceNamingTheFolder()
    {
        var dir = Path.Combine(Repo.TempDir(), "Lonely");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "L.cs"), "public static class L { public static int F() { return 1; } }\n");
        var (code, _, e) = Repo.Drvc("build", dir, "--out", Path.Combine(dir, "out"));
        Assert.Equal(1, code);
        var lines = e.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("drvc: error DRV0100: No [assembly: Driver(...)] in 'Lonely': there is nothing to build (docs/diagnostics/DRV0100.md)", Assert.Single(lines));
    }

    [Fact]
    public void CheckPrintsTheCompilersFormat_FullPathAndHelpLink()
    {
        // csc prints the full path and appends " (helpLinkUri)" to an analyzer's message; dotnet build adds " [project]".
        var dir = Repo.TempDir();
        File.WriteAllText(Path.Combine(dir, "Driver.cs"), "using DriverCompiler.Dsl;\n[assembly: Driver(\"d\", DriverTarget.AmigaOS4)]\n");
        File.WriteAllText(Path.Combine(dir, "P.cs"), "public static class P\n{\n    public static int[] Make() { return new int[4]; }\n}\n");
        string relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), dir);
        var (code, _, e) = Repo.Drvc("check", relative);
        Assert.Equal(1, code);
        string line = e.Split('\n').Single(l => l.Contains("DRV0002", StringComparison.Ordinal));
        Assert.StartsWith(Path.Combine(dir, "P.cs") + "(3,41): error DRV0002: 'new int[4]' allocates an array on the heap", line);
        Assert.EndsWith(" (docs/diagnostics/DRV0002.md)", line.TrimEnd('\r'));
    }

    [Theory]
    [InlineData("DRV0002")]
    [InlineData("drv0002")]
    [InlineData("2")]
    public void ExplainPrintsTheShippedPage(string id)
    {
        var (code, o, e) = Repo.Drvc("explain", id);
        Assert.True(code == 0, e);
        Assert.Equal(File.ReadAllText(Repo.Path("docs", "diagnostics", "DRV0002.md")), o);
    }

    [Fact]
    public void ExplainOfAnUnknownIdIsAUsageError()
    {
        var (code, o, e) = Repo.Drvc("explain", "DRV9998");
        Assert.Equal(2, code);
        Assert.Equal("", o);
        Assert.StartsWith("drvc: error: no diagnostic 'DRV9998'", e);
    }

    [Fact]
    public void MissingDriverFolderIsAnIoErrorExitTwo()
    {
        var (code, _, e) = Repo.Drvc("build", Path.Combine(Repo.TempDir(), "nope"));
        Assert.Equal(2, code);
        Assert.Contains("does not exist", e);
    }

    [Theory]
    [InlineData("amigaos4")]
    [InlineData("amix")]
    public void BuildWritesHeaderSourcesMakefileAndRuntimeHeaders(string target)
    {
        var outDir = Path.Combine(Repo.TempDir(), "sample");
        var (code, o, e) = Repo.Drvc("build", Sample, "--target", target, "--out", outDir);
        Assert.True(code == 0, e);
        Assert.Contains($"for {target}", o);
        foreach (var f in new[] { "sample.h", "sample.c", "Makefile", "drv/cpu.h", $"drv/{target}.h" })
            Assert.True(File.Exists(Path.Combine(outDir, f)), f + " missing");
        string c = File.ReadAllText(Path.Combine(outDir, "sample.c"));
        Assert.Contains("Generated by DriverCompiler " + DriverCompiler.Cli.Drvc.Version + " from Sample.cs", c);
    }

    [Fact]
    public void TwoBuildsAreByteIdentical()
    {
        var a = Path.Combine(Repo.TempDir(), "a");
        var b = Path.Combine(Repo.TempDir(), "b");
        Assert.Equal(0, Repo.Drvc("build", Sample, "--out", a).Code);
        Assert.Equal(0, Repo.Drvc("build", Sample, "--out", b).Code);
        var sa = Repo.Snapshot(a);
        var sb = Repo.Snapshot(b);
        Assert.Equal(sa.Keys.OrderBy(k => k), sb.Keys.OrderBy(k => k));
        foreach (var k in sa.Keys) Assert.True(sa[k].AsSpan().SequenceEqual(sb[k]), k + " differs between runs");
    }

    [Fact]
    public void AFailedBuildLeavesTheOutputFolderUntouched()
    {
        var driver = Repo.TempDir();
        File.WriteAllText(Path.Combine(driver, "Bad.cs"),
            "using DriverCompiler.Dsl;\n[assembly: Driver(\"bad\", DriverTarget.AmigaOS4)]\npublic static class B { public static object O() { return new object(); } }\n");
        var outDir = Path.Combine(Repo.TempDir(), "out");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "keep.txt"), "previous build");
        var before = Repo.Snapshot(outDir);
        var (code, _, e) = Repo.Drvc("build", driver, "--out", outDir);
        Assert.Equal(1, code);
        Assert.Contains("error", e);
        Assert.Equal(before.Keys, Repo.Snapshot(outDir).Keys);
        Assert.DoesNotContain(Directory.GetDirectories(Path.GetDirectoryName(outDir)!), d => Path.GetFileName(d).StartsWith('.'));
        var fresh = Path.Combine(Repo.TempDir(), "fresh");
        Assert.Equal(1, Repo.Drvc("build", driver, "--out", fresh).Code);
        Assert.False(Directory.Exists(fresh));
    }

    [Fact]
    public void CSharpSyntaxErrorsAreReportedInMsBuildFormat()
    {
        var driver = Repo.TempDir();
        File.WriteAllText(Path.Combine(driver, "Broken.cs"), "public static class X {\n    public static int F( { return 1; }\n}\n");
        var (code, _, e) = Repo.Drvc("check", driver);
        Assert.Equal(1, code);
        Assert.Matches(@"Broken\.cs\(2,\d+\): error CS\d{4}: ", e);
        Assert.DoesNotContain("   at ", e);
    }

    [Fact]
    public void LineDirectivesPointAtTheCSharpSource()
    {
        var outDir = Path.Combine(Repo.TempDir(), "l");
        Assert.Equal(0, Repo.Drvc("build", Sample, "--line-directives", "--out", outDir).Code);
        string c = File.ReadAllText(Path.Combine(outDir, "sample.c"));
        var sourceLines = File.ReadAllLines(Path.Combine(Sample, "Sample.cs"));
        // The directive before the doorbell write names the C# line that writes the doorbell.
        int at = c.IndexOf("DRV_MMIO_WRITE_LE32(&smp_ring_regs->doorbell", StringComparison.Ordinal);
        int directive = c.LastIndexOf("#line ", at, StringComparison.Ordinal);
        var m = System.Text.RegularExpressions.Regex.Match(c[directive..at], "#line (\\d+) \"([^\"]+)\"");
        Assert.True(m.Success);
        Assert.EndsWith("Sample.cs", m.Groups[2].Value);
        Assert.Contains("regs->Doorbell = head", sourceLines[int.Parse(m.Groups[1].Value) - 1]);
    }

    [Fact]
    public void CheckWritesNothing()
    {
        var cwd = Directory.GetCurrentDirectory();
        var (code, o, _) = Repo.Drvc("check", Sample);
        Assert.Equal(0, code);
        Assert.Contains("0 error(s)", o);
        Assert.False(Directory.Exists(Path.Combine(cwd, "out", "sample")));
    }
}
