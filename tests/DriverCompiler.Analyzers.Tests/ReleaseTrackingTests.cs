using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace DriverCompiler.Analyzers.Tests;

/// <summary>
/// Every rule is tracked with its category and default severity, links to its page, and the
/// page states the same category and severity. The build's RS2000 catches an id missing from the
/// release files, but not a changed severity or category: Descriptors.cs creates descriptors
/// through its Error/Warning helpers, where RS2001 does not see them (tried: a wrong severity in
/// Unshipped.md builds cleanly). This test catches both.
/// </summary>
public class ReleaseTrackingTests
{
    private static IReadOnlyList<DiagnosticDescriptor> Descriptors() =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!).ToList();

    private static List<(string Id, string Category, string Severity)> Tracked()
    {
        var rows = new List<(string, string, string)>();
        foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
            foreach (var line in File.ReadLines(Path.Combine(Repo.Root, "compiler", "DriverCompiler.Analyzers", file)))
            {
                var m = Regex.Match(line, @"^(DRV\d{4})\s*\|\s*(\w+)\s*\|\s*(\w+)\s*\|");
                if (m.Success) rows.Add((m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value));
            }
        return rows;
    }

    [Fact]
    public void Every_descriptor_is_tracked_once_with_its_category_and_severity()
    {
        var tracked = Tracked();
        Assert.Equal(tracked.Count, tracked.Select(r => r.Id).Distinct().Count());
        foreach (var d in Descriptors())
        {
            var row = Assert.Single(tracked, r => r.Id == d.Id);
            Assert.Equal(d.Category, row.Category);
            Assert.Equal(d.DefaultSeverity.ToString(), row.Severity);
        }
        Assert.Equal(Descriptors().Select(d => d.Id).Order(StringComparer.Ordinal), tracked.Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Categories_are_the_documented_ranges()
    {
        // Descriptors.cs: 0001-0099 subset, 0100-0199 driver declaration and layout, 0200-0299 target,
        // 0300-0349 SCRIPTS, exported names and Amix registration, 0900-0999 compiler.
        foreach (var d in Descriptors())
        {
            int n = int.Parse(d.Id[3..]);
            string[] allowed = n switch
            {
                < 100 => ["Subset"],
                < 200 => ["Driver", "Layout"],
                < 300 => ["Target"],
                < 350 => ["Scripts"],
                >= 900 => ["Compiler"],
                _ => [],
            };
            Assert.Contains(d.Category, allowed);
            Assert.True(d.IsEnabledByDefault, d.Id);
        }
    }

    [Fact]
    public void Help_links_point_at_the_page_and_the_page_agrees()
    {
        foreach (var d in Descriptors())
        {
            Assert.Equal(DriverCompiler.Analyzers.Descriptors.HelpBase + d.Id + ".md", d.HelpLinkUri);
            Assert.Equal("docs/diagnostics/", DriverCompiler.Analyzers.Descriptors.HelpBase); // the pages' path in the repository and the package
            var page = Path.Combine(Repo.Root, "docs", "diagnostics", d.Id + ".md");
            Assert.True(File.Exists(page), "missing " + page);
            var text = File.ReadAllText(page);
            Assert.Contains($"| Severity | {d.DefaultSeverity} |", text);
            Assert.Contains($"| Category | {d.Category} |", text);
        }
    }
}
