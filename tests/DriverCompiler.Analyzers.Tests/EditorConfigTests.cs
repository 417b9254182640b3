using DriverCompiler.Cli;

namespace DriverCompiler.Analyzers.Tests;

/// <summary>
/// <c>.editorconfig</c> severities in the drvc host (the IDE/dotnet build host is covered by the
/// packaging test, which builds a project with the same file): <c>none</c> silences a rule,
/// <c>warning</c> downgrades it, and the usual lookup applies (parent folders up to <c>root = true</c>).
/// </summary>
public class EditorConfigTests
{
    private const string Bad = "public static class C { public static void M() { var o = new object(); } }\n"; // DRV0001 at (1,58)

    private static (int Exit, string Out, string Err) Drvc(params string[] args)
    {
        var o = new StringWriter(); var e = new StringWriter();
        int rc = DriverCompiler.Cli.Drvc.Run(args, o, e);
        return (rc, o.ToString(), e.ToString());
    }

    private static TempDir Driver(string? editorconfig, string? parentEditorconfig = null)
    {
        var t = new TempDir();
        t.Write("drv/Test.cs", Bad);
        t.Write("drv/Driver.cs", Harness.DriverDeclaration);
        if (editorconfig != null) t.Write("drv/.editorconfig", editorconfig);
        if (parentEditorconfig != null) t.Write(".editorconfig", parentEditorconfig);
        return t;
    }

    [Fact]
    public void Without_a_config_the_rule_is_an_error()
    {
        using var t = Driver(null);
        var r = Drvc("check", Path.Combine(t.Path, "drv"));
        Assert.Equal(1, r.Exit);
        Assert.Contains("Test.cs(1,58): error DRV0001:", r.Err);
    }

    [Fact]
    public void Severity_none_silences_the_rule()
    {
        using var t = Driver("root = true\n\n[*.cs]\ndotnet_diagnostic.DRV0001.severity = none\n");
        var r = Drvc("check", Path.Combine(t.Path, "drv"));
        Assert.Equal(0, r.Exit);
        Assert.DoesNotContain("DRV0001", r.Err);
        Assert.Contains("0 error(s), 0 warning(s)", r.Out);
    }

    [Fact]
    public void Severity_warning_downgrades_the_rule()
    {
        using var t = Driver("root = true\n[*.cs]\ndotnet_diagnostic.DRV0001.severity = warning\n");
        var r = Drvc("check", Path.Combine(t.Path, "drv"));
        Assert.Equal(0, r.Exit);
        Assert.Contains("Test.cs(1,58): warning DRV0001:", r.Err);
    }

    [Fact]
    public void A_parent_folder_config_applies_unless_the_child_is_root()
    {
        const string silence = "[*.cs]\ndotnet_diagnostic.DRV0001.severity = none\n";
        using (var t = Driver(null, "root = true\n" + silence))
            Assert.Equal(0, Drvc("check", Path.Combine(t.Path, "drv")).Exit);
        using (var t = Driver("root = true\n", "root = true\n" + silence))
            Assert.Equal(1, Drvc("check", Path.Combine(t.Path, "drv")).Exit);
        using (var t = Driver("# mine\ncharset = utf-8\nROOT = TRUE\n", "root = true\n" + silence))
            Assert.Equal(1, Drvc("check", Path.Combine(t.Path, "drv")).Exit);
        // `root` inside a section is just a property: the parent still applies.
        using (var t = Driver("[*.md]\nroot = true\n", "root = true\n" + silence))
            Assert.Equal(0, Drvc("check", Path.Combine(t.Path, "drv")).Exit);
    }

    [Fact]
    public void Sections_match_file_names()
    {
        using var t = Driver("root = true\n[Other.cs]\ndotnet_diagnostic.DRV0001.severity = none\n");
        Assert.Equal(1, Drvc("check", Path.Combine(t.Path, "drv")).Exit);
    }

    [Fact]
    public void Warnings_can_be_made_errors()
    {
        using var t = new TempDir();
        t.Write("drv/Test.cs", "public static class C { public static long M() => 0; }\n");
        t.Write("drv/Driver.cs", Harness.DriverDeclaration.Replace("AmigaOS4", "Amix"));
        Assert.Equal(0, Drvc("check", Path.Combine(t.Path, "drv")).Exit); // DRV0200 is a warning
        t.Write("drv/.editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.DRV0200.severity = error\n");
        var r = Drvc("check", Path.Combine(t.Path, "drv"));
        Assert.Equal(1, r.Exit);
        Assert.Contains("error DRV0200:", r.Err);
    }
}
