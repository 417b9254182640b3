using System.Reflection;
using System.Text.RegularExpressions;
using DriverCompiler.Analyzers;
using Microsoft.CodeAnalysis;

namespace DriverCompiler.Diagnostics.Tests;

/// <summary>Every descriptor has a help page, and each page's examples do what the page says.</summary>
public class DocsTests
{
    private static string DocsDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "diagnostics");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "DriverCompiler.sln"))) return candidate;
        }
        throw new DirectoryNotFoundException("docs/diagnostics not found above " + AppContext.BaseDirectory);
    }

    public static IEnumerable<DiagnosticDescriptor> AllDescriptors() =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);

    public static TheoryData<string> Ids()
    {
        var d = new TheoryData<string>();
        foreach (var x in AllDescriptors()) d.Add(x.Id);
        return d;
    }

    private static DiagnosticDescriptor Descriptor(string id) => AllDescriptors().Single(d => d.Id == id);

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_descriptor_has_a_complete_page(string id)
    {
        var path = Path.Combine(DocsDir(), id + ".md");
        Assert.True(File.Exists(path), $"missing docs/diagnostics/{id}.md");
        var text = File.ReadAllText(path);
        var d = Descriptor(id);
        Assert.StartsWith($"# {id}: {d.Title}", text);
        Assert.Contains($"| Severity | {d.DefaultSeverity} |", text);
        Assert.Contains("| Targets |", text);
        foreach (var section in new[] { "## What triggers it", "## Example", "## Fixed" })
            Assert.Contains(section, text);
        Assert.Equal(2, Regex.Matches(text, "```csharp").Count);
        Assert.EndsWith(id + ".md", d.HelpLinkUri);
        Assert.Contains($"`{d.MessageFormat}`", text); // the page shows the message as the tool prints it
    }

    /// <summary>
    /// Issue 9: a help link must lead somewhere. Each descriptor's link is the page's path in the
    /// repository (and in the DriverCompiler.Dsl package), and drvc carries the same page for
    /// <c>drvc explain</c>; every page drvc carries has a descriptor.
    /// </summary>
    [Fact]
    public void Every_help_link_resolves_to_a_page_drvc_ships_and_every_shipped_page_has_a_descriptor()
    {
        string root = Path.GetDirectoryName(Path.GetDirectoryName(DocsDir()))!;
        foreach (var d in AllDescriptors())
        {
            Assert.False(Uri.TryCreate(d.HelpLinkUri, UriKind.Absolute, out _), $"{d.Id}: {d.HelpLinkUri} names a host; the pages are served by none");
            string page = Path.Combine(root, d.HelpLinkUri);
            Assert.True(File.Exists(page), $"{d.Id}: help link {d.HelpLinkUri} names no file in the repository");
            Assert.Equal(File.ReadAllText(page), DriverCompiler.Cli.Explain.Page(d.Id));
        }
        Assert.Equal(AllDescriptors().Select(d => d.Id).Order(StringComparer.Ordinal), DriverCompiler.Cli.Explain.Ids);
    }

    [Fact]
    public void No_page_without_a_descriptor()
    {
        var ids = AllDescriptors().Select(d => d.Id).ToHashSet();
        var pages = Directory.GetFiles(DocsDir(), "DRV*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.All(pages, p => Assert.Contains(p!, ids));
    }

    /// <summary>Ids the analyzer reports; DRV0900/DRV0999 come from the lowering and DRV0103 from reading project files: no runnable C# example.</summary>
    public static TheoryData<string> AnalyzerIds()
    {
        var d = new TheoryData<string>();
        foreach (var x in AllDescriptors().Where(x => !Descriptors.NotFromTheAnalyzer.Contains(x.Id))) d.Add(x.Id);
        return d;
    }

    [Theory]
    [MemberData(nameof(AnalyzerIds))]
    public void The_example_reports_the_id_and_the_fixed_version_is_clean(string id)
    {
        var text = File.ReadAllText(Path.Combine(DocsDir(), id + ".md"));
        var blocks = Regex.Matches(text, "```csharp\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        string bad = blocks[0], good = blocks[1];

        var (badCompiler, badAnalyzer) = AnalyzerHarness.Run(bad, withDriver: id != "DRV0100" && !bad.Contains("[assembly:"));
        Assert.Contains(badAnalyzer, d => d.Id == id);
        var allowedErrors = id switch { "DRV0007" => ["CS1980"], "DRV0101" => new[] { "CS0579" }, _ => [] };
        Assert.All(badCompiler.Where(d => d.Severity == DiagnosticSeverity.Error), d => Assert.Contains(d.Id, allowedErrors));

        var (goodCompiler, goodAnalyzer) = AnalyzerHarness.Run(good, withDriver: !good.Contains("[assembly:"));
        Assert.DoesNotContain(goodCompiler, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(goodAnalyzer);
    }
}
