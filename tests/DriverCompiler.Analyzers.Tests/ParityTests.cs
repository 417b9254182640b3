using System.Text.RegularExpressions;

namespace DriverCompiler.Analyzers.Tests;

/// <summary>
/// One rule set, two hosts: drvc (its own loader, references and CompilationWithAnalyzers) and
/// the analyzer over a compilation built as a driver project's csc builds it (<see cref="Harness"/>)
/// report the same DRV diagnostics — id, file, line, column, severity, message — on the same
/// inputs: the example of every diagnostics page, the fixed versions, and the drivers in drivers/.
/// </summary>
public class ParityTests
{
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var page in Directory.GetFiles(Path.Combine(Repo.Root, "docs", "diagnostics"), "DRV*.md").Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileNameWithoutExtension(page);
            // Reported by the lowering (DRV0307: the SCRIPTS assembler runs there), which neither host runs for a check,
            // or from reading the driver's project file (DRV0103, a ProjectReference), which the analyzer never sees.
            if (Descriptors.NotFromTheAnalyzer.Contains(id)) continue;
            data.Add(id + " example");
            data.Add(id + " fixed");
        }
        foreach (var dir in Directory.GetDirectories(Path.Combine(Repo.Root, "drivers")).Order(StringComparer.Ordinal))
            data.Add("driver " + Path.GetFileName(dir));
        return data;
    }

    private static List<(string Path, string Text)> Sources(string input)
    {
        if (input.StartsWith("driver ", StringComparison.Ordinal))
        {
            var dir = Path.Combine(Repo.Root, "drivers", input["driver ".Length..]);
            return Directory.GetFiles(dir, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
                .Select(f => (Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllText(f))).OrderBy(s => s.Item1, StringComparer.Ordinal).ToList();
        }
        var (id, which) = (input[..7], input[8..]);
        var text = File.ReadAllText(Path.Combine(Repo.Root, "docs", "diagnostics", id + ".md"));
        var blocks = Regex.Matches(text, "```csharp\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        var code = which == "example" ? blocks[0] : blocks[1];
        var files = new List<(string, string)> { ("Test.cs", code) };
        if (id != "DRV0100" && !code.Contains("[assembly:")) files.Add(("Driver.cs", Harness.DriverDeclaration));
        return files;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Drvc_and_the_analyzer_report_the_same(string input)
    {
        var sources = Sources(input);
        using var t = new TempDir();
        foreach (var (path, text) in sources) t.Write(Path.Combine("drv", path), text);

        var o = new StringWriter(); var e = new StringWriter();
        DriverCompiler.Cli.Drvc.Run(["check", Path.Combine(t.Path, "drv")], o, e);
        string prefix = Path.Combine(t.Path, "drv") + Path.DirectorySeparatorChar;
        var cli = e.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => Regex.IsMatch(l, @"(error|warning|info) DRV\d{4}:"))
            .Select(l => l.TrimEnd('\r').Replace(prefix, "").Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToList();

        var (_, analyzer) = Harness.Run(sources);
        // As csc prints an analyzer's diagnostic: the message, then " (help link)".
        var ide = analyzer.Select(d => d.Path is null
                ? $"drvc: {Lower(d.Severity)} {d.Id}: {d.Message} (docs/diagnostics/{d.Id}.md)"
                : $"{d.Path}({d.Line},{d.Column}): {Lower(d.Severity)} {d.Id}: {d.Message} (docs/diagnostics/{d.Id}.md)")
            // The harness's assembly is "Driver"; drvc names it after the folder, as dotnet build after the project.
            .Select(l => l.Replace("in 'Driver'", "in 'drv'", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();

        Assert.Equal(ide, cli);
        if (input.EndsWith(" example", StringComparison.Ordinal))
            Assert.Contains(cli, l => l.Contains(" " + input[..7] + ":", StringComparison.Ordinal));
    }

    private static string Lower(Microsoft.CodeAnalysis.DiagnosticSeverity s) => s.ToString().ToLowerInvariant();
}
