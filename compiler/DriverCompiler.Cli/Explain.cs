using System.Reflection;
using System.Text.RegularExpressions;

namespace DriverCompiler.Cli;

/// <summary>
/// <c>drvc explain DRVnnnn</c>: prints a diagnostic's help page. The pages are the files of
/// <c>docs/diagnostics/</c>, embedded in drvc at build time, so they ship with the tool and the
/// help link of every diagnostic (<c>docs/diagnostics/DRVnnnn.md</c>) names a page drvc can print.
/// </summary>
public static partial class Explain
{
    private const string Prefix = "diagnostics/";

    [GeneratedRegex("^(?:DRV)?(\\d{1,4})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    /// <summary>The ids of every page embedded in drvc, in order.</summary>
    public static IReadOnlyList<string> Ids { get; } =
        typeof(Explain).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^3]).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The page of <paramref name="id"/> as shipped, or null when drvc has none.</summary>
    /// <param name="id">A diagnostic id such as <c>DRV0001</c>.</param>
    public static string? Page(string id)
    {
        using var stream = typeof(Explain).Assembly.GetManifestResourceStream(Prefix + id + ".md");
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Runs the verb: the page on stdout and 0, or 2 for an id drvc has no page for.</summary>
    /// <param name="id">The id as typed: <c>DRV0001</c>, <c>drv0001</c> or <c>1</c>.</param>
    /// <param name="stdout">Receives the page.</param>
    /// <param name="stderr">Receives the error for an unknown id.</param>
    public static int Run(string id, TextWriter stdout, TextWriter stderr)
    {
        var m = IdPattern().Match(id.Trim());
        string? page = m.Success ? Page("DRV" + m.Groups[1].Value.PadLeft(4, '0')) : null;
        if (page is null)
        {
            stderr.WriteLine($"drvc: error: no diagnostic '{id}'; drvc explains {string.Join(", ", Ids)}");
            return Drvc.Usage;
        }
        stdout.Write(page);
        if (!page.EndsWith('\n')) stdout.WriteLine();
        return Drvc.Success;
    }
}
