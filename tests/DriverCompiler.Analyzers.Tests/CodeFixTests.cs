using System.Collections.Immutable;
using DriverCompiler.CodeFixes;
using DriverCompiler.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DriverCompiler.Analyzers.Tests;

/// <summary>
/// Each code fix applied through a Roslyn workspace, as an IDE applies it: the exact text it
/// produces, and that the result compiles and no longer has the diagnostic (and, where the
/// rewrite is complete, lowers with drvc).
/// </summary>
public class CodeFixTests
{
    private static async Task<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> Analyze(string source)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Default, "Driver", "Driver", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true,
                nullableContextOptions: NullableContextOptions.Disable),
            parseOptions: DriverCompilation.ParseOptions, metadataReferences: DriverCompilation.MetadataReferences));
        var test = workspace.AddDocument(DocumentInfo.Create(DocumentId.CreateNewId(project.Id), "Test.cs",
            loader: TextLoader.From(TextAndVersion.Create(SourceText.From(source), VersionStamp.Default)), filePath: "Test.cs"));
        workspace.AddDocument(DocumentInfo.Create(DocumentId.CreateNewId(project.Id), "Driver.cs",
            loader: TextLoader.From(TextAndVersion.Create(SourceText.From(Harness.DriverDeclaration), VersionStamp.Default)), filePath: "Driver.cs"));
        var document = workspace.CurrentSolution.GetDocument(test.Id)!;
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers([new SubsetAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        return (document, diagnostics);
    }

    /// <summary>Applies the only action <paramref name="fix"/> offers for the first <paramref name="id"/> in Test.cs.</summary>
    private static async Task<string> Apply(CodeFixProvider fix, string source, string id)
    {
        var (document, diagnostics) = await Analyze(source);
        var diagnostic = diagnostics.Where(d => d.Id == id && d.Location.SourceTree?.FilePath == "Test.cs")
            .OrderBy(d => d.Location.SourceSpan.Start).First();
        var actions = new List<CodeAction>();
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
        var action = Assert.Single(actions);
        var apply = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
        var changed = apply.ChangedSolution.GetDocument(document.Id)!;
        return (await changed.GetTextAsync()).ToString();
    }

    private static async Task<int> ActionCount(CodeFixProvider fix, string source, string id)
    {
        var (document, diagnostics) = await Analyze(source);
        int count = 0;
        foreach (var d in diagnostics.Where(d => d.Id == id))
            await fix.RegisterCodeFixesAsync(new CodeFixContext(document, d, (_, _) => count++, CancellationToken.None));
        return count;
    }

    /// <summary>The fixed source compiles, has no DRV error left, and lowers for both targets.</summary>
    private static void AssertCleanAndLowers(string source)
    {
        var (compiler, analyzer) = Harness.Run(source);
        Assert.DoesNotContain(compiler, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(analyzer);
        var files = new[] { ("Test.cs", source), ("Driver.cs", Harness.DriverDeclaration) };
        foreach (var target in new[] { DriverCompiler.Dsl.DriverTarget.AmigaOS4, DriverCompiler.Dsl.DriverTarget.Amix })
        {
            var r = DriverCompilation.FromSources(files).Build(new BuildOptions(target));
            Assert.True(r.Success, string.Join("\n", r.Diagnostics.Select(d => d.ToMsBuildString())));
        }
    }

    [Fact]
    public async Task Heap_array_local_becomes_stackalloc_and_its_length_the_constant()
    {
        const string before = """
            public static class Crc
            {
                public static int Sum(int seed)
                {
                    var table = new byte[16];
                    for (int i = 0; i < table.Length; i++)
                        table[i] = (byte)(seed + i);
                    return table[3] + table.Length;
                }
            }
            """;
        const string after = """
            public static class Crc
            {
                public static unsafe int Sum(int seed)
                {
                    byte* table = stackalloc byte[16];
                    for (int i = 0; i < 16; i++)
                        table[i] = (byte)(seed + i);
                    return table[3] + 16;
                }
            }
            """;
        string fixedText = await Apply(new HeapArrayToStackallocCodeFix(), before, "DRV0002");
        Assert.Equal(after, fixedText);
        AssertCleanAndLowers(fixedText);
    }

    [Fact]
    public async Task Array_initializer_in_an_unsafe_class_becomes_stackalloc_without_another_unsafe()
    {
        const string before = """
            public static unsafe class Tables
            {
                public static uint First()
                {
                    uint[] masks = { 0x1u, 0x2u, 0x4u };
                    return masks[0] | masks[2];
                }
            }
            """;
        const string after = """
            public static unsafe class Tables
            {
                public static uint First()
                {
                    uint* masks = stackalloc uint[] { 0x1u, 0x2u, 0x4u };
                    return masks[0] | masks[2];
                }
            }
            """;
        string fixedText = await Apply(new HeapArrayToStackallocCodeFix(), before, "DRV0002");
        Assert.Equal(after, fixedText);
        AssertCleanAndLowers(fixedText);
    }

    [Fact]
    public async Task No_stackalloc_fix_for_a_size_known_only_at_run_time()
    {
        const string source = """
            public static class C
            {
                public static int M(int n) { var a = new byte[n]; return a[0]; }
            }
            """;
        Assert.Equal(0, await ActionCount(new HeapArrayToStackallocCodeFix(), source, "DRV0002"));
    }

    [Fact]
    public async Task Checked_expression_becomes_unchecked()
    {
        const string before = """
            public static class Counters
            {
                public static uint Next(uint a, uint b) => checked(a + b);
            }
            """;
        string fixedText = await Apply(new CheckedToUncheckedCodeFix(), before, "DRV0011");
        Assert.Equal(before.Replace("checked(a + b)", "unchecked(a + b)"), fixedText);
        AssertCleanAndLowers(fixedText);
    }

    [Fact]
    public async Task Checked_block_becomes_unchecked()
    {
        const string before = """
            public static class Counters
            {
                public static int Bump(int x)
                {
                    checked
                    {
                        x++;
                    }
                    return x;
                }
            }
            """;
        string fixedText = await Apply(new CheckedToUncheckedCodeFix(), before, "DRV0011");
        Assert.Equal(before.Replace("        checked\n", "        unchecked\n"), fixedText);
        AssertCleanAndLowers(fixedText);
    }

    [Fact]
    public async Task List_field_becomes_a_fixed_buffer_with_a_count()
    {
        const string before = """
            using System.Collections.Generic;

            public struct TagQueue
            {
                public uint Head;
                public List<uint> Tags;
            }
            """;
        const string after = """
            using System.Collections.Generic;

            public unsafe struct TagQueue
            {
                public uint Head;
                public const int TagsCapacity = 16;
                public fixed uint Tags[TagsCapacity];
                public int TagsCount;
            }
            """;
        string fixedText = await Apply(new CollectionFieldToFixedBufferCodeFix(), before, "DRV0009");
        Assert.Equal(after, fixedText);
        AssertCleanAndLowers(fixedText);
    }

    [Fact]
    public async Task Array_field_becomes_a_fixed_buffer()
    {
        const string before = """
            internal struct Sense
            {
                internal byte Key;
                internal byte[] Data;
            }
            """;
        const string after = """
            internal unsafe struct Sense
            {
                internal byte Key;
                internal const int DataCapacity = 16;
                internal fixed byte Data[DataCapacity];
            }
            """;
        string fixedText = await Apply(new CollectionFieldToFixedBufferCodeFix(), before, "DRV0013");
        Assert.Equal(after, fixedText);
        AssertCleanAndLowers(fixedText);
    }

    [Fact]
    public async Task No_fixed_buffer_fix_for_struct_elements_or_static_fields()
    {
        const string source = """
            using System.Collections.Generic;
            public struct Item { public int A; }
            public struct Q { public List<Item> Items; }
            public static class S { public static List<int> All; }
            """;
        Assert.Equal(0, await ActionCount(new CollectionFieldToFixedBufferCodeFix(), source, "DRV0009"));
    }

    [Fact]
    public async Task Floating_point_constant_becomes_q16_16()
    {
        const string before = """
            public static class Timing
            {
                public const double Gain = 1.5;
                public static int Scale(int x) => (int)(((long)x * 98304) >> 16);
            }
            """;
        const string after = """
            public static class Timing
            {
                public const int Gain = 98304; // 1.5 in Q16.16 fixed point
                public static int Scale(int x) => (int)(((long)x * 98304) >> 16);
            }
            """;
        string fixedText = await Apply(new FloatConstantToFixedPointCodeFix(), before, "DRV0005");
        Assert.Equal(after, fixedText);
        AssertCleanAndLowers(fixedText);
    }

    [Fact]
    public async Task Negative_and_several_float_constants_in_one_local_declaration()
    {
        const string before = """
            public static class Filter
            {
                public static int M()
                {
                    const float A = -0.25f, B = 2.0f;
                    return 0;
                }
            }
            """;
        const string after = """
            public static class Filter
            {
                public static int M()
                {
                    const int A = -16384 /* -0.25 in Q16.16 fixed point */, B = 131072 /* 2 in Q16.16 fixed point */;
                    return 0;
                }
            }
            """;
        Assert.Equal(after, await Apply(new FloatConstantToFixedPointCodeFix(), before, "DRV0005"));
    }

    [Fact]
    public void Fixed_point_scaling_rounds_to_nearest()
    {
        // 2^16 = 65536: 0.1 * 65536 = 6553.6 -> 6554; -1.5 -> -98304; 1/65536 exactly -> 1.
        Assert.Equal(6554, FloatConstantToFixedPointCodeFix.ToFixed(0.1));
        Assert.Equal(-98304, FloatConstantToFixedPointCodeFix.ToFixed(-1.5));
        Assert.Equal(1, FloatConstantToFixedPointCodeFix.ToFixed(1.0 / 65536));
        Assert.Equal(3L << 32, FloatConstantToFixedPointCodeFix.ToFixed(196608.0));
    }

    [Fact]
    public void Every_fix_is_exported_for_the_ide_and_fixes_a_real_id()
    {
        var ids = new SubsetAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToHashSet();
        var fixes = typeof(CheckedToUncheckedCodeFix).Assembly.GetTypes()
            .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.Equal(4, fixes.Count);
        foreach (var t in fixes)
        {
            Assert.NotNull(t.GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), false).SingleOrDefault());
            var provider = (CodeFixProvider)Activator.CreateInstance(t)!;
            Assert.All(provider.FixableDiagnosticIds, id => Assert.Contains(id, ids));
        }
    }
}
