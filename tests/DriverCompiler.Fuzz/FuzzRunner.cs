using System.Text.RegularExpressions;
using DriverCompiler.Differential.Tests.Infrastructure;

namespace DriverCompiler.Fuzz;

/// <summary>What kind of finding a program is.</summary>
public enum FindingKind
{
    /// <summary>A target printed something else than .NET.</summary>
    Mismatch,
    /// <summary>The driver compiler refused the program with an error diagnostic (valid code refused).</summary>
    Refusal,
    /// <summary>The emitted C drew a warning (an error under -Werror) or did not compile or link.</summary>
    CDiagnostic,
    /// <summary>The driver compiler threw, or reported DRV0999.</summary>
    CompilerException,
    /// <summary>A run did not end in time (.NET or C).</summary>
    Hang,
    /// <summary>The C program stopped abnormally.</summary>
    Crash,
    /// <summary>The program is not valid C# or throws in .NET: a bug of the generator, reported so it gets fixed.</summary>
    InvalidProgram,
}

/// <summary>The verdict on one program: null <see cref="Kind"/> when every target agrees with .NET.</summary>
/// <param name="Name">Program name (unique within a batch).</param>
/// <param name="Kind">The finding, or null.</param>
/// <param name="Signature">Kind plus what distinguishes findings of that kind (the DRV id, the GCC option,
/// the toolchain); the reducer keeps it unchanged.</param>
/// <param name="Detail">The harness's report.</param>
public sealed record ProgramVerdict(string Name, FindingKind? Kind, string Signature, string Detail);

/// <summary>Runs generated programs through the differential harness (.NET, then the emitted C on host gcc,
/// qemu-ppc and qemu-m68k with -Werror) and classifies each outcome.</summary>
public static class FuzzRunner
{
    /// <summary>Where the last batch spent its time (.NET and lowering, C compile, link and run).</summary>
    public static string LastPhaseTimes { get; private set; } = "";

    /// <summary>Runs <paramref name="programs"/> as one batch (one linked executable per toolchain) and returns a verdict per program, in order.
    /// Throws when a toolchain is missing: a fuzzing run without the targets proves nothing.</summary>
    public static IReadOnlyList<ProgramVerdict> RunBatch(IReadOnlyList<(string Name, string Source)> programs)
    {
        var results = programs.Select((p, i) => new ProgramResult(p.Name, i) { Source = p.Source }).ToList();
        var run = new DifferentialRun(results);
        if (run.MissingTools.Count > 0)
            throw new InvalidOperationException("toolchain missing:\n" + string.Join("\n", run.MissingTools));
        try
        {
            run.Execute();
            LastPhaseTimes = string.Join(", ", run.PhaseTimes.Select(kv => $"{kv.Key} {kv.Value.TotalSeconds:F1} s"));
            return results.Select(p => Classify(run, p)).ToList();
        }
        finally
        {
            try { Directory.Delete(run.WorkDir, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>The finding a program's results show, the most telling first (the compiler before C, C before output).</summary>
    public static ProgramVerdict Classify(DifferentialRun run, ProgramResult p)
    {
        string detail = run.Verdict(p) ?? "";
        if (p.DotNetError is not null)
        {
            var kind = p.DotNetError.Contains("did not return within", StringComparison.Ordinal) ? FindingKind.Hang : FindingKind.InvalidProgram;
            string id = Regex.Match(p.DotNetError, @"\b(CS\d{4})\b").Groups[1].Value;
            return new(p.Name, kind, $"{kind} .NET {id}".TrimEnd(), detail);
        }
        if (string.IsNullOrEmpty(p.DotNetOutput)) return new(p.Name, FindingKind.InvalidProgram, "InvalidProgram no output", detail);
        foreach (var t in Toolchain.All)
        {
            if (p.LowerError.TryGetValue(t.Target, out var le))
            {
                bool threw = le.Contains("the compiler threw", StringComparison.Ordinal) || le.Contains("DRV0999", StringComparison.Ordinal)
                             || le.Contains("FromSources threw", StringComparison.Ordinal);
                if (threw) return new(p.Name, FindingKind.CompilerException, $"CompilerException {t.Target}", detail);
                string ids = string.Join(",", Regex.Matches(le, @"error (DRV\d{4}|CS\d{4})").Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal));
                return new(p.Name, FindingKind.Refusal, $"Refusal {t.Target} {ids}", detail);
            }
        }
        foreach (var t in Toolchain.All)
        {
            var o = p.Outcomes.GetValueOrDefault(t);
            if (o?.Failure is null) continue;
            switch (o.Stage)
            {
                case "compile":
                case "link":
                    // The GCC option named in the first diagnostic: -Werror=sign-compare, or the plain error.
                    var m = Regex.Match(o.Failure, @"\[-W(?:error=)?([a-z0-9-]+)\]");
                    string what = m.Success ? m.Groups[1].Value : o.Stage;
                    return new(p.Name, FindingKind.CDiagnostic, $"CDiagnostic {t.Name} {what}", detail);
                case "run":
                    bool timedOut = o.Failure.Contains("timed out", StringComparison.Ordinal);
                    return new(p.Name, timedOut ? FindingKind.Hang : FindingKind.Crash, $"{(timedOut ? "Hang" : "Crash")} {t.Name}", detail);
                case "tools":
                    throw new InvalidOperationException(o.Failure);
                default:
                    return new(p.Name, FindingKind.CompilerException, $"CompilerException {t.Name} {o.Stage}", detail);
            }
        }
        foreach (var t in Toolchain.All)
            if (p.Outcomes.GetValueOrDefault(t)?.Output != p.DotNetOutput)
                return new(p.Name, FindingKind.Mismatch, $"Mismatch {t.Name}", detail);
        return new(p.Name, null, "ok", "");
    }
}
