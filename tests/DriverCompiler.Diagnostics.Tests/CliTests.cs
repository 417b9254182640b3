using System.Text.RegularExpressions;
using DriverCompiler.Cli;

namespace DriverCompiler.Diagnostics.Tests;

/// <summary>A driver folder on disk, deleted afterwards.</summary>
public sealed class TempDriver : IDisposable
{
    public TempDriver(params (string Name, string Text)[] files)
    {
        Dir = Path.Combine(Path.GetTempPath(), "drvc-diag-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Dir);
        foreach (var (name, text) in files) File.WriteAllText(Path.Combine(Dir, name), text);
        Out = Path.Combine(Dir, "out");
    }

    public string Dir { get; }
    public string Out { get; }
    public void Dispose() { try { Directory.Delete(Dir, recursive: true); } catch (IOException) { } }
}

/// <summary>What one in-process drvc run printed.</summary>
public sealed record CliRun(int Exit, string Stdout, string Stderr)
{
    private static readonly Regex Line = new(@"^(?<path>.+)\((?<line>\d+),(?<col>\d+)\): (?<sev>error|warning|info) (?<id>[A-Z]+\d+): (?<msg>.*)$");
    private static readonly Regex NoLocation = new(@"^drvc: (?<sev>error|warning|info) (?<id>[A-Z]+\d+): (?<msg>.*)$");

    public static CliRun Of(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int exit = Drvc.Run(args, o, e);
        return new CliRun(exit, o.ToString(), e.ToString());
    }

    /// <summary>(file name, line, column, id) of each located diagnostic on stderr.</summary>
    public IReadOnlyList<(string File, int Line, int Column, string Id, string Severity)> Diagnostics =>
        Stderr.Split('\n').Select(l => Line.Match(l.TrimEnd('\r'))).Where(m => m.Success)
            .Select(m => (Path.GetFileName(m.Groups["path"].Value), int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["col"].Value),
                          m.Groups["id"].Value, m.Groups["sev"].Value)).ToList();

    public IReadOnlyList<string> UnlocatedIds =>
        Stderr.Split('\n').Select(l => NoLocation.Match(l.TrimEnd('\r'))).Where(m => m.Success).Select(m => m.Groups["id"].Value).ToList();

    /// <summary>No stack trace and no exception type name anywhere in the output.</summary>
    public void AssertNoCrashOutput()
    {
        foreach (var text in new[] { Stdout, Stderr })
        {
            Assert.DoesNotMatch(@"(?m)^\s+at \S", text);
            // an exception's ToString() ("System.InvalidOperationException: ...") or the runtime's report
            Assert.DoesNotMatch(@"(?m)(^|\s)[\w.]*Exception: |Unhandled exception", text);
            Assert.DoesNotContain("DRV0999", text); // internal compiler error
            Assert.DoesNotContain("AD0001", text);  // analyzer crash
        }
    }
}

/// <summary>The same bad drivers through the drvc command line, as a driver author meets them.</summary>
public class CliTests
{
    public static TheoryData<string> BadCases => Cases.Names(Cases.Every);

    [Theory]
    [MemberData(nameof(BadCases))]
    public void Build_reports_each_diagnostic_at_its_spot_and_writes_nothing(string name)
    {
        var c = Cases.Get(name);
        var m = c.Marked;
        var files = new List<(string, string)> { ("Test.cs", m.Source) };
        if (c.WithDriver) files.Add(("Driver.cs", AnalyzerHarness.DriverDeclaration));
        using var dir = new TempDriver([.. files]);
        bool errors = m.Spots.Any(s => !s.Id.StartsWith("DRV02", StringComparison.Ordinal)) || c.CompilerErrors != null;
        var args = new List<string>();
        if (errors) args.AddRange(["build", dir.Dir, "--out", dir.Out]);
        else args.AddRange(["check", dir.Dir]); // warnings only: a build would succeed and write
        if (c.Target != null) args.AddRange(["--target", c.Target]);

        var run = CliRun.Of([.. args]);

        run.AssertNoCrashOutput();
        Assert.Equal(errors ? 1 : 0, run.Exit);
        Assert.False(Directory.Exists(dir.Out), "--out must not be created on error");
        var found = run.Diagnostics.Where(d => d.Id.StartsWith("DRV", StringComparison.Ordinal))
            .Select(d => $"{d.File}({d.Line},{d.Column}) {d.Id}").ToList();
        foreach (var s in m.Spots)
            Assert.Contains($"Test.cs({s.Line},{s.Column}) {s.Id}", found);
        Assert.All(run.Diagnostics.Where(d => d.Id.StartsWith("DRV02", StringComparison.Ordinal)), d => Assert.Equal("warning", d.Severity));
    }

    [Fact]
    public void A_SCRIPTS_program_the_assembler_rejects_is_DRV0307_at_the_instruction()
    {
        var m = new Marked("""
            using DriverCompiler.Dsl;
            static class C
            {
                [Scripts(Arch = 700)]
                static void P()
                {
                    Scripts.Nop();
                    /*!DRV0307*/Scripts.Move(Scripts.Dsa(4), Scripts.When(ScsiPhase.DataIn));
                    Scripts.Move(/*!DRV0307*/0x1000000, 0, Scripts.When(ScsiPhase.DataIn));
                }
            }
            """);
        using var dir = new TempDriver(("Test.cs", m.Source), ("Driver.cs", AnalyzerHarness.DriverDeclaration));
        var run = CliRun.Of("build", dir.Dir, "--out", dir.Out);
        run.AssertNoCrashOutput();
        Assert.Equal(1, run.Exit);
        Assert.False(Directory.Exists(dir.Out));
        Assert.Equal(m.Spots.Select(s => $"Test.cs({s.Line},{s.Column}) {s.Id}"),
            run.Diagnostics.Select(d => $"{d.File}({d.Line},{d.Column}) {d.Id}"));
        Assert.Contains("SCR0007", run.Stderr); // table indirection needs the 53C710
        Assert.Contains("SCR0005", run.Stderr); // byte count beyond 24 bits
        // The analyzer alone accepts it: only the assembler knows the chip's limits.
        Assert.Empty(AnalyzerHarness.Run(m.Source).Analyzer);
    }

    [Fact]
    public void Check_on_a_folder_without_a_driver_reports_every_violation_and_says_so()
    {
        var m = new Marked("""
            class /*!DRV0012*/A { }
            static class B {
                static /*!DRV0005*/double D;
                static void M() { var x = /*!DRV0001*/new A(); /*!DRV0003*/throw null!; }
            }
            """);
        using var dir = new TempDriver(("Bad.cs", m.Source));
        var run = CliRun.Of("check", dir.Dir);
        run.AssertNoCrashOutput();
        Assert.Equal(1, run.Exit);
        var found = run.Diagnostics.Where(d => d.Id.StartsWith("DRV", StringComparison.Ordinal))
            .Select(d => $"{d.File}({d.Line},{d.Column}) {d.Id}").ToList();
        Assert.Equal(m.Spots.Select(s => $"Bad.cs({s.Line},{s.Column}) {s.Id}"), found);
        Assert.Contains("DRV0100", run.UnlocatedIds);
    }

    [Fact]
    public void Check_on_a_valid_folder_without_a_driver_only_warns()
    {
        using var dir = new TempDriver(("Ok.cs", "static class B { static int M(int x) => x + 1; }"));
        var run = CliRun.Of("check", dir.Dir);
        run.AssertNoCrashOutput();
        Assert.Equal(0, run.Exit);
        Assert.Equal(["DRV0100"], run.UnlocatedIds);
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void Syntax_errors_are_reported_as_CS_diagnostics_with_locations()
    {
        var m = new Marked("static class C { static void M() { int x = 1 /*!*/} }");
        using var dir = new TempDriver(("Broken.cs", m.Source), ("Driver.cs", AnalyzerHarness.DriverDeclaration));
        var run = CliRun.Of("build", dir.Dir, "--out", dir.Out);
        run.AssertNoCrashOutput();
        Assert.Equal(1, run.Exit);
        Assert.False(Directory.Exists(dir.Out));
        Assert.Contains(("Broken.cs", m.Spots[0].Line, m.Spots[0].Column, "CS1002", "error"), run.Diagnostics);
    }

    [Fact]
    public void The_valid_program_passes_check()
    {
        using var dir = new TempDriver(("Everything.cs", ValidProgramTests.Everything));
        var run = CliRun.Of("check", dir.Dir);
        run.AssertNoCrashOutput();
        Assert.DoesNotContain(run.Diagnostics, d => d.Id.StartsWith("DRV", StringComparison.Ordinal));
        Assert.Equal(0, run.Exit);
    }
}
