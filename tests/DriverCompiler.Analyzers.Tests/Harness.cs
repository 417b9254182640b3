using System.Collections.Immutable;
using System.Text;
using DriverCompiler.Analyzers;
using DriverCompiler.Dsl;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DriverCompiler.Analyzers.Tests;

/// <summary>One diagnostic with its whole span (1-based lines and columns; end exclusive).</summary>
public sealed record Found(string Id, DiagnosticSeverity Severity, string? Path, int Line, int Column, int EndLine, int EndColumn, string Message)
{
    public string Spot => $"{Path}({Line},{Column})-({EndLine},{EndColumn}) {Id}";
    public override string ToString() => $"{Spot} {Severity}: {Message}";
}

/// <summary>
/// Source with expected diagnostics marked Roslyn-test style: <c>{|DRV0110:text|}</c> expects
/// DRV0110 exactly over <c>text</c>. Positions come from the marked text, never from the tool.
/// </summary>
public sealed class MarkedSource
{
    public MarkedSource(string text, string path = "Test.cs")
    {
        var clean = new StringBuilder();
        var open = new Stack<(string Id, int Line, int Col)>();
        var spots = new List<string>();
        int line = 1, col = 1;
        for (int i = 0; i < text.Length;)
        {
            if (string.CompareOrdinal(text, i, "{|", 0, 2) == 0)
            {
                int colon = text.IndexOf(':', i);
                open.Push((text.Substring(i + 2, colon - i - 2), line, col));
                i = colon + 1;
                continue;
            }
            if (string.CompareOrdinal(text, i, "|}", 0, 2) == 0 && open.Count > 0)
            {
                var (id, l, c) = open.Pop();
                spots.Add($"{path}({l},{c})-({line},{col}) {id}");
                i += 2;
                continue;
            }
            char ch = text[i++];
            clean.Append(ch);
            if (ch == '\n') { line++; col = 1; } else col++;
        }
        Source = clean.ToString();
        Expected = spots.OrderBy(s => s, StringComparer.Ordinal).ToList();
        Path = path;
    }

    public string Source { get; }
    public string Path { get; }
    /// <summary>Expected <see cref="Found.Spot"/>s, ordinal order.</summary>
    public IReadOnlyList<string> Expected { get; }
}

/// <summary>
/// Runs <see cref="SubsetAnalyzer"/> as a compiler host does, over a compilation built the way
/// <c>dotnet build</c> builds a driver project (net10.0 reference assemblies from the SDK's
/// targeting pack plus DriverCompiler.Dsl; unsafe on, overflow checks off) — independently of
/// drvc's own loader, so comparing the two hosts means something.
/// </summary>
public static class Harness
{
    public const string DriverDeclaration =
        "[assembly: DriverCompiler.Dsl.Driver(\"testdrv\", DriverCompiler.Dsl.DriverTarget.AmigaOS4)]\n";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>The net10.0 reference assemblies (Microsoft.NETCore.App.Ref) next to the running runtime.</summary>
    public static string ReferencePackDirectory()
    {
        // <dotnet>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
        var runtimeDir = new DirectoryInfo(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        string dotnetRoot = runtimeDir.Parent!.Parent!.Parent!.FullName;
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var dir = Directory.Exists(packs)
            ? Directory.GetDirectories(packs).Select(v => Path.Combine(v, "ref", "net10.0")).Where(Directory.Exists)
                .OrderByDescending(p => p, StringComparer.Ordinal).FirstOrDefault()
            : null;
        return dir ?? throw new DirectoryNotFoundException(
            $"no Microsoft.NETCore.App.Ref/*/ref/net10.0 under {packs}: these tests need the .NET 10 SDK (Debian package dotnet-sdk-10.0), not only the runtime");
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var refs = Directory.GetFiles(ReferencePackDirectory(), "*.dll").OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
        refs.Add(MetadataReference.CreateFromFile(typeof(DriverAttribute).Assembly.Location));
        // The OS binding libraries, as drvc and a driver project reference them.
        refs.Add(MetadataReference.CreateFromFile(typeof(AmigaOS.Exec).Assembly.Location));
        refs.Add(MetadataReference.CreateFromFile(typeof(Amix.Kernel).Assembly.Location));
        return [.. refs];
    }

    /// <summary>A compilation of <paramref name="sources"/> as a driver project's csc would see it.</summary>
    public static CSharpCompilation Compile(IEnumerable<(string Path, string Text)> sources)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, s.Path)).ToArray();
        return CSharpCompilation.Create("Driver", trees, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, checkOverflow: false,
                nullableContextOptions: NullableContextOptions.Disable));
    }

    /// <summary>Roslyn's errors and warnings, and the analyzer's diagnostics, each sorted.</summary>
    public static (IReadOnlyList<Found> Compiler, IReadOnlyList<Found> Analyzer) Run(
        IEnumerable<(string Path, string Text)> sources, IReadOnlyDictionary<string, string>? buildProperties = null)
    {
        var compilation = Compile(sources);
        var globals = (buildProperties ?? new Dictionary<string, string>()).ToImmutableDictionary(kv => "build_property." + kv.Key, kv => kv.Value);
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new OptionsProvider(globals));
        var exceptions = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        var cwa = compilation.WithAnalyzers([new SubsetAnalyzer()],
            new CompilationWithAnalyzersOptions(options, onAnalyzerException: (ex, _, _) => exceptions.Add(ex), concurrentAnalysis: true,
                logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var analyzer = cwa.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        if (!exceptions.IsEmpty)
            throw new InvalidOperationException("the analyzer threw: " + string.Join("\n", exceptions));
        var compiler = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);
        return (Sort(compiler), Sort(analyzer));
    }

    /// <summary>One file (Test.cs) plus the driver declaration in Driver.cs.</summary>
    public static (IReadOnlyList<Found> Compiler, IReadOnlyList<Found> Analyzer) Run(string source, bool withDriver = true)
    {
        var files = new List<(string, string)> { ("Test.cs", source) };
        if (withDriver) files.Add(("Driver.cs", DriverDeclaration));
        return Run(files);
    }

    /// <summary>Asserts the analyzer reports exactly the marked diagnostics and Roslyn no errors.</summary>
    public static IReadOnlyList<Found> AssertMarked(string markedText)
    {
        var m = new MarkedSource(markedText);
        var (compiler, analyzer) = Run(m.Source);
        Assert.DoesNotContain(compiler, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(m.Expected, analyzer.Select(d => d.Spot).OrderBy(s => s, StringComparer.Ordinal).ToList());
        Assert.All(analyzer, d => Assert.DoesNotMatch(@"\{\d\}", d.Message));
        return analyzer;
    }

    public static IReadOnlyList<Found> Sort(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d =>
        {
            bool has = d.Location.IsInSource;
            var span = d.Location.GetLineSpan();
            return new Found(d.Id, d.Severity, has ? span.Path : null,
                has ? span.StartLinePosition.Line + 1 : 0, has ? span.StartLinePosition.Character + 1 : 0,
                has ? span.EndLinePosition.Line + 1 : 0, has ? span.EndLinePosition.Character + 1 : 0,
                d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        })
        .OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Id, StringComparer.Ordinal)
        .ToList();

    private sealed class OptionsProvider(ImmutableDictionary<string, string> globals) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(globals);
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(ImmutableDictionary<string, string>.Empty);
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(ImmutableDictionary<string, string>.Empty);
    }

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}

/// <summary>The repository root (the folder with DriverCompiler.sln above the test binaries).</summary>
public static class Repo
{
    public static string Root { get; } = DriverCompiler.Testing.RepoRoot.Path;
}

/// <summary>A temporary folder, deleted on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir(string prefix = "drv-analyzers-")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relative, string text)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
