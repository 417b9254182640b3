using System.Reflection;
using DriverCompiler.Analyzers;
using Microsoft.CodeAnalysis;

namespace DriverCompiler.Diagnostics.Tests;

/// <summary>The analyzer on its own, as drvc hosts it: one test per bad construct, exact spots.</summary>
public class AnalyzerTests
{
    public static TheoryData<string> BadCases => Cases.Names(Cases.All);
    public static TheoryData<string> LayoutCases => Cases.Names(Cases.Layout);

    [Theory]
    [MemberData(nameof(BadCases))]
    public void Reports_exactly_the_marked_diagnostics(string name) => AssertCase(Cases.Get(name));

    [Theory]
    [MemberData(nameof(LayoutCases))]
    public void Reports_layout_problems_at_the_field(string name) => AssertCase(Cases.Get(name));

    internal static void AssertCase(BadCase c)
    {
        var m = c.Marked;
        var (compiler, analyzer) = AnalyzerHarness.Run(m.Source, c.WithDriver, c.Target);
        Assert.Equal(c.CompilerErrors ?? [], compiler.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).Distinct());
        var expected = m.Spots.Select(s => $"Test.cs({s.Line},{s.Column}) {s.Id}").ToList();
        var actual = analyzer.Select(d => $"{d.Path}({d.Line},{d.Column}) {d.Id}").ToList();
        Assert.Equal(expected, actual);
        // Every message is formatted (no unfilled placeholders) and names something.
        foreach (var d in analyzer)
            Assert.DoesNotMatch(@"\{\d\}", d.Message);
        // The case is about its id, and reports it with the descriptor's severity.
        Assert.Contains(analyzer, d => d.Id == c.Id);
    }

    /// <summary>Issue 10: DRV0111 after a Pack = 2 SDK mirror names the padding field (34-byte struct Device: 2 bytes, to offset 36).</summary>
    [Fact]
    public void Misaligned_field_after_an_sdk_mirror_suggests_the_padding_field()
    {
        var c = Cases.Get("MisalignedAfterSdkMirror");
        var (_, analyzer) = AnalyzerHarness.Run(c.Marked.Source, c.WithDriver, c.Target);
        var d = Assert.Single(analyzer, x => x.Id == "DRV0111");
        Assert.Contains("at offset 34, not a multiple of its alignment 4", d.Message);
        Assert.Contains("after 'Dev' (34 bytes, an SDK mirror packed to 2)", d.Message);
        Assert.Contains("('public ushort Pad;') so that it is at offset 36", d.Message);
        Assert.Contains("remove Pack = 2", d.Message);
        // an explicit layout is told where to move the field instead
        var (_, explicitLayout) = AnalyzerHarness.Run(Cases.Get("Misaligned").Marked.Source);
        Assert.Contains("move it to offset 4 ([FieldOffset(4)])", Assert.Single(explicitLayout).Message);
    }

    [Fact]
    public void Every_descriptor_the_analyzer_reports_has_a_bad_case()
    {
        // DRV0100 has its own tests below; DRV0900/DRV0999 come from the lowering, not the analyzer.
        var exempt = Descriptors.NotFromTheAnalyzer.Append("DRV0100").ToArray(); // reported by drvc outside the analyzer (Descriptors.NotFromTheAnalyzer)
        var covered = Cases.Every.SelectMany(c => c.Marked.Spots.Select(s => s.Id)).ToHashSet();
        var missing = new SubsetAnalyzer().SupportedDiagnostics.Select(d => d.Id)
            .Where(id => !exempt.Contains(id) && !covered.Contains(id)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Supported_diagnostics_are_every_descriptor_once()
    {
        var fields = typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor)).Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id).ToList();
        var supported = new SubsetAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToList();
        Assert.Equal(fields.Count, fields.Distinct().Count());
        Assert.Equal(fields.OrderBy(x => x, StringComparer.Ordinal), supported);
        Assert.All(supported, id => Assert.Matches("^DRV[0-9]{4}$", id));
    }

    [Fact]
    public void No_driver_gives_one_warning_without_location_naming_the_assembly()
    {
        var (_, analyzer) = AnalyzerHarness.Run("static class C { static void M() { } }", withDriver: false);
        var d = Assert.Single(analyzer);
        Assert.Equal("DRV0100", d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Null(d.Path);
        Assert.Contains("'Driver'", d.Message);
    }

    [Fact]
    public void No_driver_still_reports_every_violation()
    {
        var m = new Marked("""
            class /*!DRV0012*/A { }
            static class B {
                static /*!DRV0005*/double D;
                static void M() { var x = /*!DRV0001*/new A(); /*!DRV0003*/throw null!; }
            }
            """);
        var (_, analyzer) = AnalyzerHarness.Run(m.Source, withDriver: false);
        var expected = m.Spots.Select(s => $"Test.cs({s.Line},{s.Column}) {s.Id}").Prepend("(0,0) DRV0100").ToList();
        Assert.Equal(expected, analyzer.Select(d => $"{d.Path}({d.Line},{d.Column}) {d.Id}"));
    }

    [Fact]
    public void Syntax_errors_come_back_as_CS_diagnostics_with_locations()
    {
        var m = new Marked("static class C { static void M() { int x = 1 /*!*/} }");
        var (compiler, _) = AnalyzerHarness.Run(m.Source);
        var error = Assert.Single(compiler, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CS1002", error.Id); // ; expected
        Assert.Equal(("Test.cs", m.Spots[0].Line, m.Spots[0].Column), (error.Path!, error.Line, error.Column));
    }

    [Fact]
    public void Build_property_target_overrides_the_attribute()
    {
        const string src = "static class C { static long X; }";
        Assert.Empty(AnalyzerHarness.Run(src, targetProperty: "amigaos4").Analyzer);
        Assert.Single(AnalyzerHarness.Run(src, targetProperty: "AMIX").Analyzer, d => d.Id == "DRV0200");
        Assert.Empty(AnalyzerHarness.Run(src).Analyzer); // the attribute says AmigaOS4
    }

    [Fact]
    public void Results_are_deterministic()
    {
        var sources = Cases.All.Where(c => c.WithDriver && c.Target == null)
            .Select((c, i) => ($"F{i:D3}.cs", c.Marked.Source.Replace("static class C", $"static class C{i}")
                .Replace("struct S ", $"struct S{i} ").Replace("struct D ", $"struct D{i} "))).ToList();
        var first = AnalyzerHarness.Run(sources).Analyzer.Select(d => d.ToString()).ToList();
        for (int i = 0; i < 3; i++)
            Assert.Equal(first, AnalyzerHarness.Run(sources).Analyzer.Select(d => d.ToString()).ToList());
        Assert.NotEmpty(first);
    }
}
