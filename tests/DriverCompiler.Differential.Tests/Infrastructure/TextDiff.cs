using System.Text;

namespace DriverCompiler.Differential.Tests.Infrastructure;

/// <summary>A line diff (longest common subsequence) of two program outputs, with context.</summary>
public static class TextDiff
{
    private const int Context = 3;
    private const int MaxLines = 60;

    public static string Describe(string expected, string actual, string expectedName, string actualName)
    {
        var a = Lines(expected);
        var b = Lines(actual);
        // LCS table; outputs are at most a few thousand lines.
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
            for (int j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var ops = new List<(char Op, string Line, int LineA, int LineB)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { ops.Add((' ', a[x], x + 1, y + 1)); x++; y++; }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y])) { ops.Add(('+', b[y], x, y + 1)); y++; }
            else { ops.Add(('-', a[x], x + 1, y)); x++; }
        }
        var show = new bool[ops.Count];
        for (int i = 0; i < ops.Count; i++)
            if (ops[i].Op != ' ')
                for (int k = Math.Max(0, i - Context); k <= Math.Min(ops.Count - 1, i + Context); k++) show[k] = true;
        var sb = new StringBuilder();
        sb.AppendLine($"(- {expectedName}, + {actualName}; {a.Length} vs {b.Length} lines)");
        int printed = 0;
        bool gap = false;
        for (int i = 0; i < ops.Count && printed < MaxLines; i++)
        {
            if (!show[i]) { gap = true; continue; }
            if (gap) { sb.AppendLine("  ..."); gap = false; }
            var (op, line, la, lb) = ops[i];
            sb.AppendLine($"{op} {(op == '+' ? lb : la),5}: {Visible(line)}");
            printed++;
        }
        if (printed >= MaxLines) sb.AppendLine("  ... (diff truncated)");
        if (expected.EndsWith('\n') != actual.EndsWith('\n')) sb.AppendLine("  (one output lacks the final newline)");
        return sb.ToString().TrimEnd();
    }

    private static string[] Lines(string s)
    {
        if (s.EndsWith('\n')) s = s[..^1];
        return s.Length == 0 ? [] : s.Split('\n');
    }

    private static string Visible(string s)
    {
        var sb = new StringBuilder();
        foreach (char c in s)
            sb.Append(c < ' ' || c == '\u007f' ? $"\\x{(int)c:x2}" : c.ToString());
        return sb.ToString();
    }
}
