using DriverCompiler.Core;
using DriverCompiler.Dsl;
using DriverCompiler.Fuzz.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DriverCompiler.Fuzz;

/// <summary>A mutant the compiler did not answer with diagnostics alone.</summary>
/// <param name="Seed">Campaign seed.</param>
/// <param name="Index">Mutant number under that seed.</param>
/// <param name="What">One line: the exception or DRV0999.</param>
/// <param name="File">The source file that was mutated.</param>
/// <param name="Details">Exception text or the diagnostics.</param>
/// <param name="MutatedSource">The mutated file's text.</param>
public sealed record CrashFailure(ulong Seed, int Index, string What, string File, string Details, string MutatedSource);

/// <summary>
/// Crash fuzzing: mutated and truncated versions of the drivers' and the corpus's sources (tokens deleted,
/// duplicated, swapped or replaced, literals and operators changed, the file cut short) must only ever
/// give CS/DRV diagnostics — never an unhandled exception and never DRV0999, the compiler's own failure.
/// </summary>
public static class CrashFuzzer
{
    /// <summary>The source sets mutants are made from: each driver folder, and each corpus program with the harness's Probe.</summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<(string Path, string Text)> Files)> Sources { get; } = LoadSources();

    private static List<(string, IReadOnlyList<(string, string)>)> LoadSources()
    {
        string root = DriverCompiler.Testing.RepoRoot.Path;
        var sets = new List<(string, IReadOnlyList<(string, string)>)>();
        foreach (var dir in Directory.EnumerateDirectories(Path.Combine(root, "drivers")).Order(StringComparer.Ordinal))
        {
            var files = Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj" or "out"))
                .Order(StringComparer.Ordinal)
                .Select(f => (Path.GetRelativePath(root, f), File.ReadAllText(f))).ToList();
            if (files.Count > 0) sets.Add(("drivers/" + Path.GetFileName(dir), files));
        }
        string harness = Path.Combine(AppContext.BaseDirectory, "Harness");
        var probe = ("Harness/Probe.cs", File.ReadAllText(Path.Combine(harness, "Probe.cs")));
        var info = ("Harness/DriverInfo.cs", File.ReadAllText(Path.Combine(harness, "DriverInfo.cs")));
        string corpus = Path.Combine(root, "tests", "DriverCompiler.Differential.Tests", "Corpus");
        foreach (var f in Directory.EnumerateFiles(corpus, "*.cs").Order(StringComparer.Ordinal))
            sets.Add(("corpus/" + Path.GetFileNameWithoutExtension(f), [probe, info, ($"Corpus/{Path.GetFileName(f)}", File.ReadAllText(f))]));
        return sets;
    }

    /// <summary>Compiles <paramref name="count"/> mutants made from <paramref name="seed"/> (mutant i from seed + i) and returns the failures.</summary>
    public static List<CrashFailure> Run(ulong seed, int count, Action<int, int>? progress = null)
    {
        var failures = new List<CrashFailure>();
        for (int i = 0; i < count; i++)
        {
            if (Check(seed, i) is { } f) failures.Add(f);
            if (progress is not null && ((i + 1) % 25 == 0 || i + 1 == count)) progress(i + 1, count);
        }
        return failures;
    }

    /// <summary>Makes mutant <paramref name="index"/> of <paramref name="seed"/>, builds it for one target, and returns a failure or null.</summary>
    public static CrashFailure? Check(ulong seed, int index)
    {
        var r = new Rng(seed * 1_000_003UL + (ulong)index);
        var (name, files) = r.Pick(Sources);
        // The corpus programs' own file, or any file of a driver.
        int which = name.StartsWith("corpus/", StringComparison.Ordinal) ? files.Count - 1 : r.Below(files.Count);
        string mutated = Mutate(files[which].Text, r);
        var sources = files.Select((f, k) => k == which ? (f.Path, mutated) : f).ToList();
        var target = r.Chance(50) ? DriverTarget.AmigaOS4 : DriverTarget.Amix;
        try
        {
            var compilation = DriverCompilation.FromSources(sources, assemblyName: "Mutant");
            var result = compilation.Build(new BuildOptions(target));
            var internalError = result.Diagnostics.FirstOrDefault(d => d.Id == "DRV0999");
            if (internalError is not null)
                return new(seed, index, $"DRV0999 on a mutant of {name} ({target})", files[which].Path, internalError.ToMsBuildString(), mutated);
            return null;
        }
        catch (Exception e)
        {
            return new(seed, index, $"{e.GetType().Name} escaped on a mutant of {name} ({target})", files[which].Path, e.ToString(), mutated);
        }
    }

    private static readonly string[] Operators = ["+", "-", "*", "/", "%", "<<", ">>", ">>>", "&", "|", "^", "==", "!=", "<", ">", "&&", "||", "!", "~", "++", "--", "=", "+=", "?", ":", ".", "->", "&", "*"];
    private static readonly string[] Literals = ["0", "-1", "1", "2147483647", "-2147483648", "4294967295u", "65536", "0x80000000", "9223372036854775807L", "18446744073709551615UL", "255", "(byte)300", "1.5", "'x'", "\"s\"", "null", "default"];
    private static readonly string[] Keywords = ["ref", "out", "in", "static", "unsafe", "fixed", "stackalloc", "volatile", "goto", "case", "default", "break", "return", "new", "struct", "class", "sizeof", "checked", "unchecked", "this", "base", "var", "dynamic", "async", "await", "yield", "lock", "try", "throw", "delegate*", "void", "long", "ulong", "bool", "string", "object", "float", "[Mmio]", "[Dma]"];

    /// <summary>One to three random mutations of <paramref name="text"/> at token level, or a truncation.</summary>
    public static string Mutate(string text, Rng r)
    {
        int n = r.Between(1, 3);
        for (int m = 0; m < n; m++)
        {
            var tokens = SyntaxFactory.ParseTokens(text).Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToList();
            if (tokens.Count == 0) return text;
            var t = tokens[r.Below(tokens.Count)];
            var span = t.Span;
            switch (r.Below(9))
            {
                case 0: // truncate
                    return text[..r.Below(text.Length + 1)];
                case 1: // delete a token
                    text = text.Remove(span.Start, span.Length);
                    break;
                case 2: // delete a run of tokens
                {
                    int k = tokens.IndexOf(t), e = Math.Min(tokens.Count - 1, k + r.Between(1, 12));
                    text = text.Remove(span.Start, tokens[e].Span.End - span.Start);
                    break;
                }
                case 3: // duplicate a token
                    text = text.Insert(span.End, " " + t.Text);
                    break;
                case 4: // replace with another token of the file
                    text = text.Remove(span.Start, span.Length).Insert(span.Start, tokens[r.Below(tokens.Count)].Text);
                    break;
                case 5: // swap with the next token
                {
                    int k = tokens.IndexOf(t);
                    if (k + 1 >= tokens.Count) break;
                    var u = tokens[k + 1];
                    text = text.Remove(u.Span.Start, u.Span.Length).Insert(u.Span.Start, t.Text);
                    text = text.Remove(span.Start, span.Length).Insert(span.Start, u.Text);
                    break;
                }
                case 6: // a literal at an edge, or of another type
                {
                    var lits = tokens.Where(x => x.IsKind(SyntaxKind.NumericLiteralToken)).ToList();
                    var target = lits.Count > 0 ? lits[r.Below(lits.Count)] : t;
                    text = text.Remove(target.SpanStart, target.Span.Length).Insert(target.SpanStart, r.Pick(Literals));
                    break;
                }
                case 7: // an operator
                {
                    var ops = tokens.Where(x => Operators.Contains(x.Text)).ToList();
                    var target = ops.Count > 0 ? ops[r.Below(ops.Count)] : t;
                    text = text.Remove(target.SpanStart, target.Span.Length).Insert(target.SpanStart, r.Pick(Operators));
                    break;
                }
                default: // a keyword or construct the subset refuses
                    text = text.Insert(span.Start, r.Pick(Keywords) + " ");
                    break;
            }
        }
        return text;
    }
}
