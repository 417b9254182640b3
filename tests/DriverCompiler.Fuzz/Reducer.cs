using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DriverCompiler.Fuzz;

/// <summary>
/// Shrinks a program while it keeps showing the same finding (C-Reduce's idea, two passes): first
/// statement/line level — remove a line, or a line together with the block it opens — then expression
/// level — replace an operator, cast, conditional or call by one of its operands. Candidates are tested
/// in batches (one harness run each); the removals that each keep the finding are then tried all at
/// once, and kept together when they still do, else the first alone. Stops at a fixpoint or the time limit.
/// <para>
/// What makes the generator's programs terminate is never edited: the recursion budget (the <c>depth &lt;= 0</c>
/// guard, the <c>depth - 1</c> argument) and the loop conditions and steps. A reduced candidate that recursed
/// without end would overflow the stack of the .NET run, which no handler can catch: the campaign process died
/// (seed 410001's reduction, <c>F(depth - 1)</c> reduced to <c>F(depth)</c>); one that looped without end
/// would leave a .NET thread spinning that nothing can stop.
/// </para>
/// </summary>
/// <param name="stillFails">Given candidate sources, says for each whether it still shows the finding.</param>
/// <param name="limit">Time after which the best program so far is returned.</param>
public sealed class Reducer(Func<IReadOnlyList<string>, bool[]> stillFails, TimeSpan limit)
{
    private const int Batch = 16;

    /// <summary>Harness runs made so far.</summary>
    public int Tests { get; private set; }

    /// <summary>The smallest program found that still fails.</summary>
    public string Reduce(string source)
    {
        var clock = Stopwatch.StartNew();
        string best = source;
        bool progress = true;
        while (progress && clock.Elapsed < limit)
        {
            progress = false;
            best = Pass(best, LineCandidates, clock, ref progress);
            best = Pass(best, ExpressionCandidates, clock, ref progress);
        }
        return best;
    }

    /// <summary>One sweep over the candidate edits of <paramref name="candidates"/>, applying the ones that keep the finding.</summary>
    private string Pass(string text, Func<string, List<Edit>> candidates, Stopwatch clock, ref bool progress)
    {
        // Candidates in order (position, then the biggest first); the cursor is the last one tried, so nested
        // expressions are still tried after the one around them failed.
        (int Start, int Length) cursor = (-1, int.MaxValue);
        static bool After(Edit e, (int Start, int Length) c) => e.Start > c.Start || (e.Start == c.Start && e.Length < c.Length);
        while (clock.Elapsed < limit)
        {
            var chosen = candidates(text).Where(e => After(e, cursor)).OrderBy(e => e.Start).ThenByDescending(e => e.Length).Take(Batch).ToList();
            if (chosen.Count == 0) return text;
            var results = Test(chosen.Select(e => Apply(text, [e])).ToList());
            var good = chosen.Where((e, i) => results[i]).ToList();
            if (good.Count == 0)
            {
                cursor = (chosen[^1].Start, chosen[^1].Length);
                continue;
            }
            progress = true;
            // The successes that do not overlap, all at once; if together they lose the finding, the first alone.
            var together = new List<Edit>();
            foreach (var e in good)
                if (together.Count == 0 || e.Start >= together[^1].Start + together[^1].Length) together.Add(e);
            string all = Apply(text, together);
            text = together.Count > 1 && Test([all])[0] ? all : Apply(text, [good[0]]);
            cursor = (good[0].Start - 1, int.MaxValue);
        }
        return text;
    }

    private bool[] Test(IReadOnlyList<string> sources)
    {
        Tests++;
        return stillFails(sources);
    }

    /// <summary>A text replacement.</summary>
    public sealed record Edit(int Start, int Length, string Replacement);

    /// <summary>Applies non-overlapping edits.</summary>
    public static string Apply(string text, IEnumerable<Edit> edits)
    {
        var sb = new System.Text.StringBuilder(text);
        foreach (var e in edits.OrderByDescending(e => e.Start))
        {
            sb.Remove(e.Start, e.Length);
            sb.Insert(e.Start, e.Replacement);
        }
        return sb.ToString();
    }

    /// <summary>Removal of each line, and of each line that opens a block together with the whole block (to the line that closes it).</summary>
    public static List<Edit> LineCandidates(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++) if (text[i] == '\n' && i + 1 < text.Length) starts.Add(i + 1);
        int LineEnd(int k) => k + 1 < starts.Count ? starts[k + 1] : text.Length;
        var edits = new List<Edit>();
        for (int k = 0; k < starts.Count; k++)
        {
            string line = text[starts[k]..LineEnd(k)];
            if (line.TrimStart().StartsWith("namespace", StringComparison.Ordinal)) continue;
            if (line.Contains("depth <= 0", StringComparison.Ordinal)) continue; // the recursion budget's guard
            // The block this line starts: the header line, then lines until the braces balance again.
            int depth = 0, j = k;
            bool opened = false;
            for (; j < starts.Count; j++)
            {
                foreach (char c in text[starts[j]..LineEnd(j)])
                {
                    if (c == '{') { depth++; opened = true; }
                    else if (c == '}') depth--;
                }
                if (depth <= 0 && (opened || j > k + 1 || !NextOpens(j))) break;
            }
            if (j > k && j < starts.Count) edits.Add(new Edit(starts[k], LineEnd(j) - starts[k], ""));
            if (line.Trim().Length > 0 && line.Trim() != "{" && line.Trim() != "}") edits.Add(new Edit(starts[k], LineEnd(k) - starts[k], ""));
        }
        return edits;

        bool NextOpens(int j) => j + 1 < starts.Count && text[starts[j + 1]..LineEnd(j + 1)].Trim() == "{";
    }

    /// <summary>Replacement of an operator, cast, parenthesis, conditional, unary operator or call by one of its operands,
    /// and of a literal by <c>0</c>; biggest expressions first.</summary>
    public static List<Edit> ExpressionCandidates(string text)
    {
        var root = CSharpSyntaxTree.ParseText(text).GetRoot();
        var edits = new List<Edit>();
        foreach (var node in root.DescendantNodes().OfType<ExpressionSyntax>())
        {
            if (ControlsTermination(node)) continue;
            IEnumerable<SyntaxNode> parts = node switch
            {
                BinaryExpressionSyntax b => [b.Left, b.Right],
                ParenthesizedExpressionSyntax p => [p.Expression],
                CastExpressionSyntax c => [c.Expression],
                ConditionalExpressionSyntax c => [c.WhenTrue, c.WhenFalse],
                PrefixUnaryExpressionSyntax u => [u.Operand],
                PostfixUnaryExpressionSyntax u => [u.Operand],
                AssignmentExpressionSyntax a when a.Parent is not ExpressionStatementSyntax => [a.Left, a.Right],
                InvocationExpressionSyntax i when i.Expression.ToString() != "Probe.I" => i.ArgumentList.Arguments.Select(a => a.Expression),
                _ => [],
            };
            TextSpan span = node.Span;
            foreach (var part in parts)
                edits.Add(new Edit(span.Start, span.Length, part.ToString()));
            if (node is LiteralExpressionSyntax lit && lit.IsKind(SyntaxKind.NumericLiteralExpression) && lit.Token.Text is not "0" and not "1")
                edits.Add(new Edit(span.Start, span.Length, "0"));
            if (node is MemberAccessExpressionSyntax { Name.Identifier.Text: "MinValue" or "MaxValue" } ma && ma.Expression is PredefinedTypeSyntax)
                edits.Add(new Edit(span.Start, span.Length, "0"));
        }
        return edits;
    }

    /// <summary>True for an expression inside a loop's condition or step, or inside the recursion budget's <c>depth - 1</c>.</summary>
    private static bool ControlsTermination(ExpressionSyntax node)
    {
        foreach (var a in node.AncestorsAndSelf())
        {
            if (a is BinaryExpressionSyntax { Left: IdentifierNameSyntax { Identifier.Text: "depth" } }) return true;
            switch (a)
            {
                case WhileStatementSyntax w when w.Condition.Span.Contains(node.Span): return true;
                case DoStatementSyntax d when d.Condition.Span.Contains(node.Span): return true;
                case ForStatementSyntax f when (f.Condition?.Span.Contains(node.Span) ?? false) || f.Incrementors.Any(i => i.Span.Contains(node.Span)): return true;
                case StatementSyntax: return false;
            }
        }
        return false;
    }
}
