namespace DriverCompiler.Analyzers.Tests;

/// <summary>
/// Whole spans (start and end) of representative rules: what the editor underlines. The
/// Diagnostics tests pin every rule's start position; these pin where the squiggle ends.
/// </summary>
public class SpanTests
{
    [Fact]
    public void Object_creation_underlines_the_whole_expression()
    {
        Harness.AssertMarked("""
            public static class C { public static void M() { var o = {|DRV0001:new object()|}; } }
            """);
    }

    [Fact]
    public void Heap_array_underlines_the_creation_not_the_declaration()
    {
        Harness.AssertMarked("""
            public static class C { public static int M() { var a = {|DRV0002:new byte[16]|}; return a[0]; } }
            """);
    }

    [Fact]
    public void Checked_underlines_the_keyword_only()
    {
        Harness.AssertMarked("""
            public static class C
            {
                public static int M(int a, int b) => {|DRV0011:checked|}(a * b);
                public static void N(ref int x) { {|DRV0011:checked|} { x++; } }
            }
            """);
    }

    [Fact]
    public void Floating_point_underlines_the_type_and_the_literal()
    {
        Harness.AssertMarked("""
            public static class C { public const {|DRV0005:double|} Gain = {|DRV0005:1.5|}; }
            """);
    }

    [Fact]
    public void Generic_field_type_and_instance_class_name()
    {
        Harness.AssertMarked("""
            using System.Collections.Generic;
            public struct Q { public {|DRV0009:List<uint>|} Tags; }
            public class {|DRV0012:Device|} { }
            """);
    }

    [Fact]
    public void Severity_and_help_link_come_with_the_diagnostic()
    {
        var (_, analyzer) = Harness.Run("public static class C { public static void M() { var o = new object(); } }\n");
        var d = Assert.Single(analyzer);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, d.Severity);
        var descriptor = new SubsetAnalyzer().SupportedDiagnostics.Single(x => x.Id == d.Id);
        Assert.Equal("Subset", descriptor.Category);
        Assert.Equal("docs/diagnostics/DRV0001.md", descriptor.HelpLinkUri);
    }
}
