namespace DriverCompiler.Diagnostics.Tests;

/// <summary>
/// A test source with markers where diagnostics are expected to start: <c>/*!*/</c> for the
/// case's own id, <c>/*!DRV0013*/</c> for another. The markers are removed and their 1-based line
/// and column computed from the text itself, so expectations never come from the tool's output.
/// </summary>
public sealed class Marked
{
    public Marked(string text, string defaultId = "")
    {
        var clean = new System.Text.StringBuilder(text.Length);
        var spots = new List<(string, int, int)>();
        int line = 1, col = 1;
        for (int i = 0; i < text.Length;)
        {
            if (string.CompareOrdinal(text, i, "/*!", 0, 3) == 0)
            {
                int end = text.IndexOf("*/", i + 3, StringComparison.Ordinal);
                string id = text.Substring(i + 3, end - i - 3);
                spots.Add((id.Length == 0 ? defaultId : id, line, col));
                i = end + 2;
                continue;
            }
            char c = text[i++];
            clean.Append(c);
            if (c == '\n') { line++; col = 1; } else col++;
        }
        Source = clean.ToString();
        Spots = spots;
    }

    /// <summary>The source without markers.</summary>
    public string Source { get; }
    /// <summary>(id, line, column) of each marker, 1-based, in source order.</summary>
    public IReadOnlyList<(string Id, int Line, int Column)> Spots { get; }
}
