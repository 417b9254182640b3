using System.Collections.Immutable;
using DriverCompiler.Analyzers;
using DriverCompiler.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DriverCompiler.Diagnostics.Tests;

/// <summary>One reported diagnostic, reduced to what the tests compare.</summary>
public sealed record Found(string Id, DiagnosticSeverity Severity, string? Path, int Line, int Column, string Message)
{
    public override string ToString() => $"{Path}({Line},{Column}): {Severity} {Id}: {Message}";
}

/// <summary>
/// Runs <see cref="SubsetAnalyzer"/> the way drvc does: a compilation from
/// <see cref="DriverCompilation.FromSources"/>, then <see cref="CompilationWithAnalyzers"/>.
/// </summary>
public static class AnalyzerHarness
{
    public const string DriverDeclaration =
        "[assembly: DriverCompiler.Dsl.Driver(\"testdrv\", DriverCompiler.Dsl.DriverTarget.AmigaOS4)]\n";

    /// <summary>Roslyn's own diagnostics (errors and warnings, not hidden) and the analyzer's.</summary>
    public static (IReadOnlyList<Found> Compiler, IReadOnlyList<Found> Analyzer) Run(
        IEnumerable<(string Path, string Text)> sources, string? targetProperty = null)
    {
        var compilation = DriverCompilation.FromSources(sources).CSharp;
        var globals = targetProperty == null
            ? ImmutableDictionary<string, string>.Empty
            : ImmutableDictionary<string, string>.Empty.Add("build_property.DriverCompilerTarget", targetProperty);
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new GlobalOptionsProvider(globals));
        var exceptions = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        var cwa = compilation.WithAnalyzers([new SubsetAnalyzer()],
            new CompilationWithAnalyzersOptions(options, onAnalyzerException: (ex, _, _) => exceptions.Add(ex), concurrentAnalysis: true,
                logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var analyzer = cwa.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        if (!exceptions.IsEmpty)
            throw new InvalidOperationException("the analyzer threw: " + string.Join("\n", exceptions.Select(e => e.ToString())));
        var compiler = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);
        return (Sort(compiler), Sort(analyzer));
    }

    /// <summary>One file, plus a second file declaring the driver unless <paramref name="withDriver"/> is false.</summary>
    public static (IReadOnlyList<Found> Compiler, IReadOnlyList<Found> Analyzer) Run(string source, bool withDriver = true, string? targetProperty = null)
    {
        var files = new List<(string, string)> { ("Test.cs", source) };
        if (withDriver) files.Add(("Driver.cs", DriverDeclaration));
        return Run(files, targetProperty);
    }

    private static IReadOnlyList<Found> Sort(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d =>
        {
            var span = d.Location.GetMappedLineSpan();
            bool has = d.Location.IsInSource;
            return new Found(d.Id, d.Severity, has ? span.Path : null,
                has ? span.StartLinePosition.Line + 1 : 0, has ? span.StartLinePosition.Character + 1 : 0, d.GetMessage());
        })
        .OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Id, StringComparer.Ordinal)
        .ToList();

    private sealed class GlobalOptionsProvider(ImmutableDictionary<string, string> globals) : AnalyzerConfigOptionsProvider
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
