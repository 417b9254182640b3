using System.Text;
using Microsoft.CodeAnalysis;

namespace DriverCompiler.Diagnostics.Tests;

/// <summary>
/// Malformed and odd sources: the analyzer must neither throw nor hang, and (through the CLI)
/// drvc must exit 0 or 1 without a stack trace. Inputs are generated from fixed seeds.
/// </summary>
public class FuzzTests
{
    private static readonly string[] Tokens =
    [
        "static", "class", "struct", "enum", "unsafe", "void", "int", "uint", "byte*", "long", "string", "float", "object",
        "dynamic", "var", "new", "ref", "out", "in", "params", "delegate*<int, int>", "fixed", "stackalloc", "checked",
        "unchecked", "try", "catch", "finally", "throw", "lock", "using", "yield", "return", "await", "async", "goto",
        "case", "default", "switch", "if", "else", "while", "for", "foreach", "do", "break", "continue", "is", "as",
        "=>", "(", ")", "{", "}", "[", "]", "<", ">", ";", ",", ".", "->", "*", "&", "+", "-", "/", "%", "<<", ">>",
        "==", "!=", "=", "+=", "?", ":", "??", "?.", "!", "~", "^", "..", "x", "y", "M", "S", "C", "0", "1", "0xFF",
        "1.5", "'c'", "\"s\"", "$\"{x}\"", "null", "this", "base", "typeof", "sizeof", "nameof", "operator",
        "[assembly: DriverCompiler.Dsl.Driver(\"f\", DriverCompiler.Dsl.DriverTarget.Amix)]", "#if", "#endif", "/*", "*/", "//",
    ];

    /// <summary>(name, source) pairs: truncations, token soup, deep nesting, odd but valid shapes.</summary>
    public static IEnumerable<(string Name, string Text)> Inputs()
    {
        var valid = ValidProgramTests.Everything;
        for (int cut = 0; cut < valid.Length; cut += 331)
            yield return ($"truncated-everything-{cut}", valid[..cut]);
        foreach (var c in Cases.All)
        {
            var src = c.Marked.Source;
            yield return ($"truncated-{c.Name}", src[..(src.Length * 2 / 3)]);
        }
        var rng = new Random(20261121);
        for (int i = 0; i < 60; i++)
        {
            var sb = new StringBuilder();
            int n = rng.Next(5, 300);
            for (int t = 0; t < n; t++) sb.Append(Tokens[rng.Next(Tokens.Length)]).Append(rng.Next(4) == 0 ? "\n" : " ");
            yield return ($"soup-{i}", sb.ToString());
            // soup inside a method body, where the operation walk sees it
            yield return ($"soup-in-body-{i}", "static unsafe class C { static int x; static void M(int y, byte* p) { " + sb + " } }");
        }
        yield return ("deep-parens", "static class C { static int M(int x) => " + new string('(', 3000) + "x" + new string(')', 3000) + "; }");
        yield return ("long-sum", "static class C { static int M(int x) => " + string.Join(" + ", Enumerable.Repeat("x", 5000)) + "; }");
        yield return ("deep-unary", "static class C { static int M(int x) => " + string.Concat(Enumerable.Repeat("-~", 2000)) + "x; }");
        yield return ("deep-blocks", "static class C { static void M() " + new string('{', 2000) + new string('}', 2000) + " }");
        yield return ("deep-ifs", "static class C { static void M(int x) { " + string.Concat(Enumerable.Repeat("if (x > 0) ", 2000)) + "x++; } }");
        yield return ("deep-conditional", "static class C { static int M(int x) => " + string.Concat(Enumerable.Repeat("x > 0 ? x : ", 1500)) + "0; }");
        yield return ("deep-calls", "static class C { static int F(int x) => x; static int M(int x) => " + string.Concat(Enumerable.Repeat("F(", 1500)) + "x" + new string(')', 1500) + "; }");
        yield return ("deep-lambdas", "static class C { static void M() { System.Func<int, int> f = " + string.Concat(Enumerable.Repeat("a => ", 500)) + "1; } }");
        yield return ("deep-nested-types", string.Concat(Enumerable.Repeat("static class N { ", 300)) + new string('}', 300));
        yield return ("empty", "");
        yield return ("only-comment", "// nothing\n/* at all */");
        yield return ("bom-and-nul", "\uFEFFstatic class C { }\0\0");
        yield return ("unterminated-string", "static class C { static string S = \"abc");
        yield return ("unterminated-comment", "static class C { /* static int X; ");
        yield return ("preprocessor", "#if DRIVERCOMPILER\nstatic class C { }\n#else\nclass D { }\n#endif\n#error stop");
        yield return ("huge-literal", "static class C { static ulong X = 999999999999999999999999999999; }");
        yield return ("unicode-identifiers", "static class Ĉ { static int ŝ = 1; static int M() => ŝ; }");
        yield return ("self-referencing-struct", "struct S { public S Inner; }");
        yield return ("cyclic-structs", "struct A { public B b; } struct B { public A a; }");
        yield return ("huge-fixed-buffer", "unsafe struct S { public fixed byte B[int.MaxValue]; }");
        yield return ("explicit-negative-offset", "using System.Runtime.InteropServices; [StructLayout(LayoutKind.Explicit)] struct S { [FieldOffset(-4)] public int A; }");
        yield return ("inline-array-zero", "[System.Runtime.CompilerServices.InlineArray(0)] struct S { int e; }");
        yield return ("driver-attribute-garbage", "[assembly: DriverCompiler.Dsl.Driver(null, (DriverCompiler.Dsl.DriverTarget)77, Prefix = \"\")]");
        yield return ("driver-attribute-missing-args", "[assembly: DriverCompiler.Dsl.Driver()]");
        yield return ("stackalloc-huge", "static unsafe class C { static void M() { byte* p = stackalloc byte[int.MaxValue]; } }");
        yield return ("generic-struct-recursion", "struct S<T> { public T V; } static class C { static S<S<S<int>>> X; }");
    }

    public static TheoryData<string> Names()
    {
        var d = new TheoryData<string>();
        foreach (var (n, _) in Inputs()) d.Add(n);
        return d;
    }

    private static string Get(string name) => Inputs().First(i => i.Name == name).Text;

    [Theory]
    [MemberData(nameof(Names))]
    public void Analyzer_never_throws(string name)
    {
        // AnalyzerHarness.Run throws if the analyzer threw; located diagnostics are inside the text.
        var text = Get(name);
        var (_, analyzer) = AnalyzerHarness.Run(text, withDriver: name.Length % 2 == 0, targetProperty: name.Length % 3 == 0 ? "amix" : null);
        Assert.All(analyzer, d => Assert.StartsWith("DRV", d.Id));
        Assert.All(analyzer, d => Assert.DoesNotContain("DRV0999", d.Id));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Cli_exits_0_or_1_without_a_stack_trace(string name)
    {
        using var dir = new TempDriver(("Fuzz.cs", Get(name)));
        var run = CliRun.Of("build", dir.Dir, "--out", dir.Out);
        run.AssertNoCrashOutput();
        Assert.InRange(run.Exit, 0, 1);
        if (run.Exit == 1) Assert.False(Directory.Exists(dir.Out), "--out must not be created on error");
    }
}
