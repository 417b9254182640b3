using DriverCompiler.Core;

namespace DriverCompiler.Analyzers.Tests;

/// <summary><c>drvc new</c> in-process (the packaging tests run it as the installed tool), and <c>build --no-warnings</c>.</summary>
public class DrvcNewTests
{
    private static (int Exit, string Out, string Err) Drvc(params string[] args)
    {
        var o = new StringWriter(); var e = new StringWriter();
        int rc = DriverCompiler.Cli.Drvc.Run(args, o, e);
        return (rc, o.ToString(), e.ToString());
    }

    [Theory]
    [InlineData("amigaos4", "Le32")]
    [InlineData("amix", "Be32")]
    public void Scaffolds_a_project_that_passes_the_subset_and_lowers(string target, string registerType)
    {
        using var t = new TempDir();
        string dir = Path.Combine(t.Path, "Net_Card2");
        var r = Drvc("new", "Net_Card2", "--target", target, "--output", dir);
        Assert.Equal(0, r.Exit);
        Assert.Equal(["Driver.cs", "Net_Card2.csproj", "README.md"], Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var csproj = File.ReadAllText(Path.Combine(dir, "Net_Card2.csproj"));
        Assert.Contains("<PackageReference Include=\"DriverCompiler.Dsl\" Version=\"" + DriverCompiler.Cli.Drvc.Version + "\" />", csproj);
        Assert.Contains("<ImplicitUsings>disable</ImplicitUsings>", csproj);
        Assert.Contains("<DriverCompilerEmit>true</DriverCompilerEmit>", csproj);
        var driver = File.ReadAllText(Path.Combine(dir, "Driver.cs"));
        Assert.Contains($"[assembly: Driver(\"net_card2\", DriverTarget.{(target == "amix" ? "Amix" : "AmigaOS4")}", driver);
        Assert.Contains("namespace Net_Card2;", driver);
        Assert.Contains("public " + registerType + " Status;", driver);

        // The skeleton is clean for the analyzer as a compiler host sees it, and drvc lowers it.
        var (compiler, analyzer) = Harness.Run([("Driver.cs", driver)]);
        Assert.DoesNotContain(compiler, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        Assert.Empty(analyzer);
        var build = DriverCompilation.Load(dir).Build(new BuildOptions());
        Assert.True(build.Success, string.Join("\n", build.Diagnostics.Select(d => d.ToMsBuildString())));
        Assert.Contains(build.Files, f => f.RelativePath == "net_card2.h");
    }

    /// <summary>
    /// Issue 13: each Amix kind scaffolds a driver the analyzer accepts and drvc lowers, with its table rows at the free
    /// majors the scaffold starts at (cdevsw 51, bdevsw 24; free in the stock master.d/kernel.c) in the stock column order.
    /// </summary>
    [Theory]
    [InlineData("char", "cdevsw", "lpxopen, lpxclose, lpxread, lpxwrite, lpxioctl,\n\t\tnodev, nodev, nodev, nodev, nodev, notty, nostr, nullflag,\t/*51=lpx*/")]
    [InlineData("block", "bdevsw", "lpxopen, lpxclose, lpxstrategy, lpxprint, lpxsize, nodev, nodev, nullflag,\t/*24=lpx*/")]
    [InlineData("streams", "cdevsw", "nodev, nodev, nodev, nodev, nodev, nodev, nodev, nodev, nodev, nodev, notty, &lpxinfo, nullflag,\t/*51=lpx*/")]
    public void Scaffolds_each_amix_kind_with_its_table_row(string kind, string table, string row)
    {
        using var t = new TempDir();
        string dir = Path.Combine(t.Path, "Lpx");
        var r = Drvc("new", "Lpx", "--target", "amix", "--kind", kind, "--output", dir);
        Assert.Equal(0, r.Exit);
        var driver = File.ReadAllText(Path.Combine(dir, "Driver.cs"));
        var (compiler, analyzer) = Harness.Run([("Driver.cs", driver)]);
        Assert.DoesNotContain(compiler, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        Assert.Empty(analyzer);
        var build = DriverCompilation.Load(dir).Build(new BuildOptions());
        Assert.True(build.Success, string.Join("\n", build.Diagnostics.Select(d => d.ToMsBuildString())));
        string kernel = build.Files.Single(f => f.RelativePath == "patches/kernel.c.txt").Content;
        Assert.Contains("struct " + table + " " + table + "[]", kernel);
        Assert.Contains(row, kernel);
        if (kind == "char")
        {
            // the [InterruptHandler] goes into int2_tbl[], the Init entry point into init_tbl[]
            Assert.Contains("extern void lpxintr();", kernel);
            Assert.Contains("lpxintr, 0 };", kernel);
            Assert.Contains("lpxinit, 0 };", kernel);
        }
        if (kind == "streams") Assert.Contains(build.Files, f => f.RelativePath == "lpx_streamtab.c" && f.Content.Contains("struct streamtab lpxinfo = { &lpxrinit, &lpxwinit, 0, 0 };"));
        if (kind == "block") Assert.Contains("mknod /dev/rdsk/lpx c 51 0", build.Files.Single(f => f.RelativePath == "patches/INSTALL").Content);
    }

    /// <summary><c>--kind device</c>: an AmigaOS 4 exec device the analyzer accepts and drvc wraps in the device skeleton
    /// (it runs in DriverCompiler.Tests' SkeletonInterfaceTests against a host exec model).</summary>
    [Fact]
    public void Scaffolds_an_amigaos4_exec_device()
    {
        using var t = new TempDir();
        string dir = Path.Combine(t.Path, "RamDev");
        var r = Drvc("new", "RamDev", "--target", "amigaos4", "--kind", "device", "--output", dir);
        Assert.Equal(0, r.Exit);
        var driver = File.ReadAllText(Path.Combine(dir, "Driver.cs"));
        Assert.Contains("[DeviceEntry(DeviceEntryPoint.BeginIO)]", driver);
        var (compiler, analyzer) = Harness.Run([("Driver.cs", driver)]);
        Assert.DoesNotContain(compiler, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        Assert.Empty(analyzer);
        var build = DriverCompilation.Load(dir).Build(new BuildOptions());
        Assert.True(build.Success, string.Join("\n", build.Diagnostics.Select(d => d.ToMsBuildString())));
        Assert.Empty(build.Diagnostics);
        Assert.Contains(build.Files, f => f.RelativePath == "device_skeleton.c" && f.Content.Contains("static const char drv_device_name[] = \"ramdev.device\";"));
    }

    [Fact]
    public void Rejects_an_amix_kind_for_amigaos4_and_an_unknown_kind()
    {
        using var t = new TempDir();
        Assert.Equal(2, Drvc("new", "Card", "--target", "amigaos4", "--kind", "char", "--output", Path.Combine(t.Path, "x")).Exit);
        Assert.Equal(2, Drvc("new", "Card", "--target", "amix", "--kind", "tty", "--output", Path.Combine(t.Path, "y")).Exit);
        Assert.Equal(2, Drvc("new", "Card", "--target", "amix", "--kind", "device", "--output", Path.Combine(t.Path, "z")).Exit);
        Assert.Empty(Directory.GetFileSystemEntries(t.Path));
    }

    [Theory]
    [InlineData("9lives")]
    [InlineData("has-dash")]
    [InlineData("class")]
    [InlineData("")]
    [InlineData("Barrier")]
    [InlineData("Le32")]
    [InlineData("Mmio")]
    public void Rejects_names_that_are_not_identifiers(string name)
    {
        using var t = new TempDir();
        var r = Drvc("new", name, "--target", "amix", "--output", Path.Combine(t.Path, "x"));
        Assert.Equal(2, r.Exit);
        Assert.False(Directory.Exists(Path.Combine(t.Path, "x")));
    }

    [Fact]
    public void Rejects_an_unknown_target_and_a_missing_one()
    {
        using var t = new TempDir();
        Assert.Equal(2, Drvc("new", "Card", "--target", "amigaos3", "--output", Path.Combine(t.Path, "x")).Exit);
        Assert.Equal(2, Drvc("new", "Card", "--output", Path.Combine(t.Path, "y")).Exit);
        Assert.Empty(Directory.GetFileSystemEntries(t.Path));
    }

    [Fact]
    public void Never_writes_into_a_folder_that_has_files()
    {
        using var t = new TempDir();
        var mine = t.Write("Card/Driver.cs", "// mine\n");
        var r = Drvc("new", "Card", "--target", "amigaos4", "--output", Path.Combine(t.Path, "Card"));
        Assert.Equal(2, r.Exit);
        Assert.Contains("already exists", r.Err);
        Assert.Equal("// mine\n", File.ReadAllText(mine));
        Assert.Single(Directory.GetFiles(Path.Combine(t.Path, "Card")));
    }

    [Fact]
    public void Build_with_no_warnings_prints_errors_only_and_still_writes()
    {
        using var t = new TempDir();
        t.Write("drv/Test.cs", "public static class C { public static long M() => 0; }\n");
        t.Write("drv/Driver.cs", Harness.DriverDeclaration.Replace("AmigaOS4", "Amix"));
        var plain = Drvc("build", Path.Combine(t.Path, "drv"), "--out", Path.Combine(t.Path, "o1"));
        Assert.Equal(0, plain.Exit);
        Assert.Contains("warning DRV0200", plain.Err);
        var quiet = Drvc("build", Path.Combine(t.Path, "drv"), "--out", Path.Combine(t.Path, "o2"), "--no-warnings");
        Assert.Equal(0, quiet.Exit);
        Assert.DoesNotContain("DRV0200", quiet.Err);
        Assert.True(File.Exists(Path.Combine(t.Path, "o2", "testdrv.h")));
    }
}
