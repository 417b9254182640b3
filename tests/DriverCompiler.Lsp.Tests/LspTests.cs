using System.Text.Json.Nodes;

namespace DriverCompiler.Lsp.Tests;

/// <summary>
/// The analyzer and the code fixes as an editor sees them: csharp-ls serves a project made by
/// <c>drvc new</c> (DriverCompiler.Dsl restored from a feed packed from this repository). The
/// diagnostics must sit at the spots of the offending code in the text the editor holds — not
/// the file on disk — and follow its edits; each code fix must come back as a code action whose
/// edits, applied to that text, give the fixed source, which the server then reports clean.
/// Expected ranges are computed from the source text, never copied from the server's output.
/// </summary>
public class LspTests(Editor editor) : IClassFixture<Editor>
{
    private LspClient Server => editor.Server;

    // A heap array (DRV0002) and a checked expression (DRV0011), the violations of the
    // packaging test, in the buffer of Stats.cs (the file on disk holds an empty class).
    private const string Bad = """
        namespace Widget;

        public static class Stats
        {
            public static int Sum(int seed)
            {
                var table = new int[4];
                int total = 0;
                for (int i = 0; i < 4; i++)
                    total += table[i] + seed;
                return checked(total * 2);
            }
        }
        """;

    /// <summary>0-based LSP range (UTF-16 columns) of the first <paramref name="needle"/> in <paramref name="text"/>,
    /// or of its first <paramref name="length"/> characters; <paramref name="occurrence"/> 2 is the second one.</summary>
    private static (int Line, int Character, int EndLine, int EndCharacter) Span(string text, string needle, int? length = null, int occurrence = 1)
    {
        int at = text.IndexOf(needle, StringComparison.Ordinal);
        for (int n = 1; n < occurrence && at >= 0; n++) at = text.IndexOf(needle, at + 1, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{needle}' is not in the text");
        int end = at + (length ?? needle.Length);
        return (Line(text, at), Column(text, at), Line(text, end), Column(text, end));
        static int Line(string t, int offset) => t[..offset].Count(c => c == '\n');
        static int Column(string t, int offset) => offset - (offset == 0 ? 0 : t.LastIndexOf('\n', offset - 1) + 1);
    }

    private static string Expect(string id, string text, string needle, int? length = null, int occurrence = 1)
    {
        var (l, c, el, ec) = Span(text, needle, length, occurrence);
        return $"{id}@{l}:{c}-{el}:{ec}";
    }

    private static JsonObject TextDocument(string uri) => new() { ["uri"] = uri };

    private void Open(string uri, string text) =>
        Server.Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = text },
        });

    /// <summary>A whole-document change, as an editor with full sync sends it (incremental servers accept it too).</summary>
    private void Change(string uri, int version, string text) =>
        Server.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
        });

    /// <summary>The document's diagnostics for its current text (LSP pull diagnostics).</summary>
    private async Task<List<Squiggle>> Diagnostics(string uri)
    {
        var result = await Server.Request("textDocument/diagnostic", new JsonObject { ["textDocument"] = TextDocument(uri) }, Editor.RequestTimeout);
        var items = result?["items"]?.AsArray() ?? [];
        return items.Select(ToSquiggle).OrderBy(s => s.StartLine).ThenBy(s => s.StartCharacter).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
    }

    private static Squiggle ToSquiggle(JsonNode? d)
    {
        var r = d!["range"]!;
        string id = d["code"] is JsonValue v ? v.ToString() : "";
        return new Squiggle(id, d["severity"]?.GetValue<int>() ?? 0,
            r["start"]!["line"]!.GetValue<int>(), r["start"]!["character"]!.GetValue<int>(),
            r["end"]!["line"]!.GetValue<int>(), r["end"]!["character"]!.GetValue<int>()) { Raw = d.DeepClone() };
    }

    private static List<string> Drv(IEnumerable<Squiggle> all) =>
        all.Where(s => s.Id.StartsWith("DRV", StringComparison.Ordinal)).Select(s => s.ToString()).ToList();

    /// <summary>
    /// Right after the server starts, csharp-ls may answer for the document before MSBuild has
    /// loaded the project (no analyzer yet): ask until a DRV diagnostic shows, bounded by the load timeout.
    /// </summary>
    private async Task<List<Squiggle>> DiagnosticsOnceLoaded(string uri)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        List<Squiggle> last = [];
        while (clock.Elapsed < Editor.LoadTimeout)
        {
            last = await Diagnostics(uri);
            if (last.Any(s => s.Id.StartsWith("DRV", StringComparison.Ordinal))) return last;
            await Task.Delay(2000);
        }
        throw new TimeoutException($"no DRV diagnostic for {uri} in {Editor.LoadTimeout.TotalSeconds:0} s; the last answer: " +
            $"[{string.Join(", ", last)}]\nLast server messages:\n{Server.RecentMessages()}");
    }

    [Fact]
    public async Task Diagnostics_sit_at_the_offending_code_and_follow_the_edits()
    {
        string uri = editor.Uri("Stats.cs");
        Open(uri, Bad);
        var opened = await DiagnosticsOnceLoaded(uri);
        Assert.Equal([Expect("DRV0002", Bad, "new int[4]"), Expect("DRV0011", Bad, "checked", "checked".Length)], Drv(opened));
        Assert.All(opened.Where(s => s.Id.StartsWith("DRV", StringComparison.Ordinal)), s => Assert.Equal(1, s.Severity)); // errors

        // New violations two lines above the others (a managed local, DRV0013 at its type; a heap
        // object, DRV0001): they appear, and the old ones move down with their code.
        string moved = Bad.Replace("        var table", "        object o = new object();\n        o = null;\n        var table", StringComparison.Ordinal);
        Change(uri, 2, moved);
        var afterInsert = await Diagnostics(uri);
        Assert.Equal([Expect("DRV0013", moved, "object o", "object".Length), Expect("DRV0001", moved, "new object()"), Expect("DRV0002", moved, "new int[4]"),
            Expect("DRV0011", moved, "checked", "checked".Length)], Drv(afterInsert));

        // The checked expression made unchecked: its diagnostic goes, the others stay where they are.
        string unchecked_ = moved.Replace("checked(", "unchecked(", StringComparison.Ordinal);
        Change(uri, 3, unchecked_);
        Assert.Equal([Expect("DRV0013", unchecked_, "object o", "object".Length), Expect("DRV0001", unchecked_, "new object()"),
            Expect("DRV0002", unchecked_, "new int[4]")], Drv(await Diagnostics(uri)));

        // All fixed by hand: no DRV diagnostic and no error of any kind.
        string clean = """
            namespace Widget;

            public static class Stats
            {
                public static unsafe int Sum(int seed)
                {
                    int* table = stackalloc int[4];
                    int total = 0;
                    for (int i = 0; i < 4; i++)
                        total += table[i] + seed;
                    return unchecked(total * 2);
                }
            }
            """;
        Change(uri, 4, clean);
        var fixedUp = await Diagnostics(uri);
        Assert.Empty(Drv(fixedUp));
        Assert.DoesNotContain(fixedUp, s => s.Severity == 1);
    }

    /// <summary>The code actions the server offers for <paramref name="diagnostic"/>, resolved to their edits.</summary>
    private async Task<JsonNode> CodeAction(string uri, Squiggle diagnostic, string title)
    {
        var result = await Server.Request("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = TextDocument(uri),
            ["range"] = diagnostic.Raw!["range"]!.DeepClone(),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(diagnostic.Raw!.DeepClone()), ["triggerKind"] = 1 },
        }, Editor.RequestTimeout);
        var actions = result?.AsArray() ?? [];
        var titles = actions.Select(a => a?["title"]?.ToString()).ToList();
        var action = actions.FirstOrDefault(a => a?["title"]?.ToString() == title);
        Assert.True(action != null, $"no code action '{title}' for {diagnostic}; the server offered: [{string.Join(" | ", titles)}]");
        if (action["edit"] == null)
            action = await Server.Request("codeAction/resolve", action.DeepClone(), Editor.RequestTimeout);
        Assert.True(action?["edit"] != null, $"code action '{title}' has no edit after resolve: {action?.ToJsonString()}");
        return action!["edit"]!;
    }

    /// <summary>Applies a WorkspaceEdit's text edits for <paramref name="uri"/> to <paramref name="text"/> (LSP semantics: all ranges refer to the original text).</summary>
    private static string Apply(JsonNode edit, string uri, string text)
    {
        var edits = new List<JsonNode>();
        if (edit["changes"] is JsonObject changes)
        {
            foreach (var (u, list) in changes)
                if (u == uri) edits.AddRange(list!.AsArray()!.Select(e => e!));
        }
        if (edit["documentChanges"] is JsonArray documentChanges)
        {
            foreach (var dc in documentChanges)
                if (dc?["textDocument"]?["uri"]?.ToString() == uri) edits.AddRange(dc["edits"]!.AsArray().Select(e => e!));
        }
        Assert.True(edits.Count > 0, "the edit does not change " + uri + ": " + edit.ToJsonString());
        var lineStarts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++) if (text[i] == '\n') lineStarts.Add(i + 1);
        int Offset(JsonNode p) => lineStarts[p["line"]!.GetValue<int>()] + p["character"]!.GetValue<int>();
        var spans = edits.Select(e => (Start: Offset(e["range"]!["start"]!), End: Offset(e["range"]!["end"]!), New: e["newText"]!.GetValue<string>()))
            .OrderByDescending(s => s.Start).ToList();
        foreach (var (start, end, replacement) in spans)
            text = text[..start] + replacement + text[end..];
        return text;
    }

    [Fact(Skip = "csharp-ls 0.28.0 does not offer the package's code fixes: for DRV0002 its textDocument/codeAction answers only Roslyn's own refactorings (Introduce local, Extract method, ...), though it runs the package's analyzer. Issue 15 note; unskip when the server (or another) offers them.")]
    public async Task Code_fixes_come_back_as_code_actions_whose_edits_give_the_fixed_source()
    {
        string uri = editor.Uri("Table.cs");
        const string before = """
            namespace Widget;

            public static class Table
            {
                public static int Sum(int seed)
                {
                    var table = new byte[16];
                    for (int i = 0; i < table.Length; i++)
                        table[i] = (byte)(seed + i);
                    return checked(table[3] + table.Length);
                }
            }
            """;
        Open(uri, before);
        var diagnostics = await DiagnosticsOnceLoaded(uri);
        // The array's Length is DRV0022 (twice); the stackalloc fix replaces it with the constant.
        Assert.Equal([Expect("DRV0002", before, "new byte[16]"), Expect("DRV0022", before, "table.Length"), Expect("DRV0011", before, "checked", "checked".Length),
            Expect("DRV0022", before, "table.Length", occurrence: 2)], Drv(diagnostics));

        // Heap array local → stackalloc: the local becomes a pointer, its Length the constant 16,
        // and the method unsafe (the fix's documented rewrite).
        var heap = diagnostics.Single(s => s.Id == "DRV0002");
        string onStack = Apply(await CodeAction(uri, heap, "Allocate the array on the stack (stackalloc)"), uri, before);
        Assert.Equal("""
            namespace Widget;

            public static class Table
            {
                public static unsafe int Sum(int seed)
                {
                    byte* table = stackalloc byte[16];
                    for (int i = 0; i < 16; i++)
                        table[i] = (byte)(seed + i);
                    return checked(table[3] + 16);
                }
            }
            """, onStack);
        Change(uri, 2, onStack);
        var afterFirst = await Diagnostics(uri);
        Assert.Equal([Expect("DRV0011", onStack, "checked", "checked".Length)], Drv(afterFirst));

        // checked → unchecked, from the diagnostic as re-published for the edited text.
        var overflow = afterFirst.Single(s => s.Id == "DRV0011");
        string both = Apply(await CodeAction(uri, overflow, "Make the wraparound explicit: unchecked"), uri, onStack);
        Assert.Equal(onStack.Replace("return checked(", "return unchecked(", StringComparison.Ordinal), both);
        Change(uri, 3, both);
        var afterBoth = await Diagnostics(uri);
        Assert.Empty(Drv(afterBoth));
        Assert.True(!afterBoth.Any(s => s.Severity == 1), "the fixed source does not compile: " + string.Join(", ", afterBoth));
    }
}
