using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DriverCompiler.Core;

/// <summary>
/// The <c>.editorconfig</c> files that apply to a driver folder, as <c>dotnet build</c> and the IDE
/// read them: every <c>.editorconfig</c> from the folder up to the file-system root, stopping
/// after one that says <c>root = true</c>. Their <c>dotnet_diagnostic.&lt;id&gt;.severity</c>
/// entries reach Roslyn through the compilation's <see cref="SyntaxTreeOptionsProvider"/>, so
/// drvc honours them for compiler and analyzer diagnostics alike (Roslyn's
/// <see cref="AnalyzerConfigSet"/> does the section matching).
/// </summary>
internal static partial class EditorConfigOptions
{
    [GeneratedRegex(@"^\s*root\s*=\s*true\s*$", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex RootPreamble();

    /// <summary><paramref name="compilation"/> with the severities of the <c>.editorconfig</c> files above <paramref name="directory"/>.</summary>
    public static CSharpCompilation Apply(CSharpCompilation compilation, string directory)
    {
        var configs = new List<AnalyzerConfig>();
        for (var dir = new DirectoryInfo(Path.GetFullPath(directory)); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, ".editorconfig");
            if (!File.Exists(path)) continue;
            string text = File.ReadAllText(path).Replace("\r\n", "\n");
            configs.Add(AnalyzerConfig.Parse(text, path));
            if (RootPreamble().IsMatch(PreambleOf(text))) break;
        }
        if (configs.Count == 0) return compilation;
        var set = AnalyzerConfigSet.Create(configs);
        var perTree = compilation.SyntaxTrees.ToDictionary(t => t, t => set.GetOptionsForSourcePath(Path.GetFullPath(t.FilePath)).TreeOptions);
        var provider = new Provider(perTree, set.GlobalConfigOptions.TreeOptions);
        return compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(provider));
    }

    /// <summary>The lines before the first section header, where <c>root = true</c> must be.</summary>
    private static string PreambleOf(string text)
    {
        int section = text.IndexOf("\n[", StringComparison.Ordinal);
        if (text.StartsWith('[')) return "";
        return section < 0 ? text : text[..section];
    }

    private sealed class Provider(Dictionary<SyntaxTree, ImmutableDictionary<string, ReportDiagnostic>> perTree,
        ImmutableDictionary<string, ReportDiagnostic> global) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            if (perTree.TryGetValue(tree, out var options) && options.TryGetValue(diagnosticId, out severity)) return true;
            severity = ReportDiagnostic.Default;
            return false;
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            global.TryGetValue(diagnosticId, out severity);
    }
}
