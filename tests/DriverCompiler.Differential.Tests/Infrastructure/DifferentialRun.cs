using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using DriverCompiler.Core;
using DriverCompiler.Dsl;

namespace DriverCompiler.Differential.Tests.Infrastructure;

/// <summary>What one way of running a program produced: its Probe output, or why there is none.</summary>
/// <param name="Stage">Where it stopped: <c>ran</c>, or lower / compile / link / run.</param>
public sealed record Outcome(string Stage, string? Output, string? Failure)
{
    public static Outcome Failed(string stage, string why) => new(stage, null, why);
}

/// <summary>Everything known about one corpus program after a run of the suite.</summary>
public sealed class ProgramResult(string name, int index)
{
    public string Name { get; } = name;
    /// <summary>Position in the corpus; names the C entry point <c>dc_entry_N</c> it is renamed to.</summary>
    public int Index { get; } = index;
    public string? DotNetOutput { get; set; }
    public string? DotNetError { get; set; }
    /// <summary>Folder the emitted files of each dialect were written to.</summary>
    public ConcurrentDictionary<DriverTarget, string> EmittedDir { get; } = new();
    public ConcurrentDictionary<DriverTarget, string> LowerError { get; } = new();
    public ConcurrentDictionary<Toolchain, Outcome> Outcomes { get; } = new();
    public string Entry => "dc_entry_" + Index;
    /// <summary>The program's C# text when it is not a corpus file (generated programs: the fuzzer);
    /// null to read <c>Corpus/&lt;Name&gt;.cs</c>.</summary>
    public string? Source { get; init; }
}

/// <summary>
/// Runs the whole corpus once: .NET, lowering in both dialects, C compile per toolchain, one linked
/// binary per toolchain that runs every program (re-run from the next program after a crash), and
/// the comparison inputs for each program. Every run works in a fresh temporary folder, kept afterwards
/// only when something failed (reports point into it). Nothing is cached across runs unless
/// <c>DRVC_CORPUS_CACHE</c> names a folder (mutation testing: <see cref="ObjectCache"/>).
/// </summary>
public sealed class DifferentialRun
{
    private const int Workers = 2;
    private static readonly TimeSpan CompileTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    public IReadOnlyList<ProgramResult> Programs { get; }
    public IReadOnlyList<string> MissingTools { get; }
    public string WorkDir { get; }
    public TimeSpan Elapsed { get; private set; }
    public Dictionary<string, TimeSpan> PhaseTimes { get; } = new();

    private readonly string harnessDir = Repo.HarnessDir;
    private readonly string probeText = File.ReadAllText(Path.Combine(Repo.HarnessDir, "Probe.cs"));
    private readonly string driverInfoText = File.ReadAllText(Path.Combine(Repo.HarnessDir, "DriverInfo.cs"));

    /// <summary>
    /// The whole corpus; while iterating, the environment variable <c>DRVC_CORPUS_ONLY</c> (program names,
    /// comma-separated) restricts the run to those programs, and the summary says so.
    /// </summary>
    public DifferentialRun() : this(Repo.ProgramNames().Select((n, i) => new ProgramResult(n, i)).Where(p => Only is null || Only.Contains(p.Name)).ToList()) { }

    /// <summary>The programs named in <c>DRVC_CORPUS_ONLY</c>, or null for the whole corpus.</summary>
    public static IReadOnlySet<string>? Only { get; } = Environment.GetEnvironmentVariable("DRVC_CORPUS_ONLY") is { Length: > 0 } only
        ? only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal)
        : null;

    /// <summary>A run over given programs; <see cref="ExecuteC"/> alone needs only their emitted folders.</summary>
    public DifferentialRun(IReadOnlyList<ProgramResult> programs)
    {
        Programs = programs;
        MissingTools = Toolchain.MissingTools();
        WorkDir = Path.Combine(Path.GetTempPath(), "drvc-diff-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(WorkDir);
    }

    public void Execute()
    {
        var total = Stopwatch.StartNew();
        Phase("dotnet+lower", () => Parallel.ForEach(Programs, new ParallelOptions { MaxDegreeOfParallelism = Workers }, RunDotNetAndLower));
        ExecuteC();
        foreach (var p in Programs)
            foreach (var t in Toolchain.All)
                if (!p.Outcomes.ContainsKey(t))
                    p.Outcomes[t] = p.LowerError.TryGetValue(t.Target, out var le)
                        ? Outcome.Failed("lower", le)
                        : Outcome.Failed("lower", "no lowering result");
        Elapsed = total.Elapsed;
    }

    /// <summary>Compiles, links and runs the emitted C of every program that has some.</summary>
    public void ExecuteC()
    {
        if (MissingTools.Count > 0)
        {
            string why = "toolchain missing:\n" + string.Join("\n", MissingTools);
            foreach (var p in Programs)
                foreach (var t in Toolchain.All) p.Outcomes[t] = Outcome.Failed("tools", why);
        }
        else
        {
            var jobs = Toolchain.All.SelectMany(t => Programs.Where(p => p.EmittedDir.ContainsKey(t.Target)).Select(p => (t, p))).ToList();
            var objects = new ConcurrentDictionary<(Toolchain, ProgramResult), string>();
            Phase("c-compile", () => Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = Workers }, job =>
            {
                var obj = CompileProgram(job.t, job.p);
                if (obj is not null) objects[job] = obj;
            }));
            Phase("link+run", () => Parallel.ForEach(Toolchain.All, new ParallelOptions { MaxDegreeOfParallelism = Workers }, t =>
                LinkAndRun(t, Programs.Where(p => objects.ContainsKey((t, p))).ToDictionary(p => p, p => objects[(t, p)]))));
        }
    }

    private void Phase(string name, Action a)
    {
        var sw = Stopwatch.StartNew();
        a();
        PhaseTimes[name] = sw.Elapsed;
    }

    // ---- .NET and lowering -------------------------------------------------------------------

    private void RunDotNetAndLower(ProgramResult p)
    {
        DriverCompilation compilation;
        try
        {
            string text = p.Source ?? File.ReadAllText(Path.Combine(Repo.CorpusDir, p.Name + ".cs"));
            compilation = DriverCompilation.FromSources(
                [("Harness/Probe.cs", probeText), ("Harness/DriverInfo.cs", driverInfoText), ($"Corpus/{p.Name}.cs", text)],
                assemblyName: p.Name);
        }
        catch (Exception e)
        {
            p.DotNetError = "DriverCompilation.FromSources threw: " + e;
            foreach (var t in new[] { DriverTarget.AmigaOS4, DriverTarget.Amix }) p.LowerError[t] = p.DotNetError;
            return;
        }

        var (output, error) = DotNetRunner.Run(compilation);
        p.DotNetOutput = output;
        p.DotNetError = error;

        foreach (var target in new[] { DriverTarget.AmigaOS4, DriverTarget.Amix })
        {
            try
            {
                var result = compilation.Build(new BuildOptions(target));
                if (!result.Success)
                {
                    p.LowerError[target] = "the compiler reported errors:\n" + string.Join("\n",
                        result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToMsBuildString()));
                    continue;
                }
                string dir = Path.Combine(WorkDir, target == DriverTarget.AmigaOS4 ? "amigaos4" : "amix", p.Name);
                foreach (var f in result.Files)
                {
                    string path = Path.GetFullPath(Path.Combine(dir, f.RelativePath));
                    if (!path.StartsWith(dir + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                        throw new InvalidOperationException($"emitted path escapes the output folder: {f.RelativePath}");
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.WriteAllText(path, f.Content);
                }
                if (!result.Files.Any(f => f.RelativePath.EndsWith(".c", StringComparison.Ordinal)))
                {
                    p.LowerError[target] = $"the compiler emitted no .c file (files: {string.Join(", ", result.Files.Select(f => f.RelativePath))})";
                    continue;
                }
                p.EmittedDir[target] = dir;
            }
            catch (Exception e)
            {
                p.LowerError[target] = $"the compiler threw {e.GetType().Name}: {e.Message}\n{FirstFrames(e)}";
            }
        }
    }

    private static string FirstFrames(Exception e) =>
        string.Join("\n", (e.StackTrace ?? "").Split('\n').Take(4).Select(l => l.TrimEnd()));

    // ---- C compile ---------------------------------------------------------------------------

    private string Includes(Toolchain t, string emittedDir) =>
        string.Join('\0', "-I", Path.Combine(Repo.Root, "runtime-headers"),
            "-I", Path.Combine(Repo.Root, "tests", "include", t.IncludeDir),
            "-I", harnessDir, "-I", emittedDir);

    private string ToolDir(Toolchain t)
    {
        string d = Path.Combine(WorkDir, "build", t.Name.Replace('/', '_'));
        Directory.CreateDirectory(d);
        return d;
    }

    /// <summary>Compiles every emitted <c>.c</c> of the program with the strict flags into one
    /// relocatable object whose only global definition is the renamed entry point, so all programs
    /// can share one executable. Returns the object, or null after recording why not.</summary>
    private string? CompileProgram(Toolchain t, ProgramResult p)
    {
        string dir = p.EmittedDir[t.Target];
        var cFiles = Directory.EnumerateFiles(dir, "*.c", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList();
        string obj = Path.Combine(ToolDir(t), p.Name + ".o");
        string? cacheKey = ObjectCache.Key(t, p.Entry,
            [Path.Combine(Repo.Root, "runtime-headers"), Path.Combine(Repo.Root, "tests", "include", t.IncludeDir), harnessDir], dir);
        if (cacheKey is not null && ObjectCache.TryGet(cacheKey, obj)) return obj;
        var args = new List<string>(t.StrictFlags);
        args.AddRange(Includes(t, dir).Split('\0'));
        args.Add($"-Dt_program_run={p.Entry}");
        args.AddRange(["-r", "-nostdlib", "-o", obj]);
        args.AddRange(cFiles);
        var r = Proc.Run(t.Gcc, args, dir, CompileTimeout);
        if (!r.Ok || r.Stderr.Length > 0)
        {
            p.Outcomes[t] = Outcome.Failed("compile", $"{Proc.Show(t.Gcc, args)}\n" + r.Describe(t.Gcc));
            return null;
        }
        var oc = Proc.Run(t.Objcopy, [$"--keep-global-symbol={p.Entry}", obj], dir, CompileTimeout);
        if (!oc.Ok)
        {
            p.Outcomes[t] = Outcome.Failed("compile", oc.Describe(t.Objcopy));
            return null;
        }
        if (cacheKey is not null && oc.Stderr.Length == 0) ObjectCache.Put(cacheKey, obj);
        return obj;
    }

    // ---- link and run ------------------------------------------------------------------------

    private void LinkAndRun(Toolchain t, Dictionary<ProgramResult, string> objects)
    {
        if (objects.Count == 0) return;
        string dir = ToolDir(t);
        var included = objects.Keys.OrderBy(p => p.Index).ToList();
        string? exe = Link(t, dir, "all", included, objects, out string linkError);
        if (exe is null)
        {
            // Find the programs that cannot link on their own, drop them, link the rest.
            var good = new List<ProgramResult>();
            foreach (var p in included)
            {
                if (Link(t, Path.Combine(dir, "single", p.Name), p.Name, [p], objects, out string why) is null)
                    p.Outcomes[t] = Outcome.Failed("link", why);
                else good.Add(p);
            }
            included = good;
            if (included.Count == 0) return;
            exe = Link(t, dir, "all", included, objects, out linkError);
            if (exe is null)
            {
                foreach (var p in included) p.Outcomes[t] = Outcome.Failed("link", "links alone but not with the others:\n" + linkError);
                return;
            }
        }
        RunAll(t, dir, exe, included);
    }

    private string? Link(Toolchain t, string dir, string exeName, IReadOnlyList<ProgramResult> programs,
        Dictionary<ProgramResult, string> objects, out string error)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "dispatch.inc"),
            string.Concat(programs.Select(p => $"X(\"{p.Name}\", {p.Entry})\n")));
        string exe = Path.Combine(dir, exeName + ".exe");
        var args = new List<string>(t.HarnessFlags) { "-I", dir, "-I", harnessDir, "-o", exe,
            Path.Combine(harnessDir, "main.c"), Path.Combine(harnessDir, "probe.c") };
        args.AddRange(programs.Select(p => objects[p]));
        var r = Proc.Run(t.Gcc, args, dir, CompileTimeout);
        error = r.Ok ? "" : r.Describe(Proc.Show(t.Gcc, args));
        return r.Ok ? exe : null;
    }

    private void RunAll(Toolchain t, string dir, string exe, List<ProgramResult> programs)
    {
        var remaining = new List<ProgramResult>(programs);
        while (remaining.Count > 0)
        {
            string file = t.Emulator ?? exe;
            var args = new List<string>();
            if (t.Emulator is not null) { args.AddRange(t.EmulatorFlags ?? []); args.Add(exe); }
            args.AddRange(remaining.Select(p => p.Name));
            var r = Proc.Run(file, args, dir, RunTimeout);
            var (completed, crashed, partial) = ParseRun(r.Stdout);
            var byName = remaining.ToDictionary(p => p.Name);
            foreach (var (name, output) in completed)
                if (byName.TryGetValue(name, out var p)) p.Outcomes[t] = new Outcome("ran", output, null);
            if (crashed is not null && byName.TryGetValue(crashed, out var c))
                c.Outcomes[t] = Outcome.Failed("run", r.Describe($"{t.Name} run of {crashed}") +
                    $"\noutput before it stopped:\n{partial}");
            var started = completed.Select(x => x.Name).Append(crashed).Where(n => n is not null).ToHashSet();
            var rest = remaining.Where(p => !started.Contains(p.Name)).ToList();
            if (rest.Count == 0) return;
            if (started.Count == 0 || (crashed is null && r.Ok))
            {
                foreach (var p in rest)
                    p.Outcomes[t] = Outcome.Failed("run", r.Describe($"{Proc.Show(file, args.Take(3))} ...") + "\n" + r.Stdout);
                return;
            }
            remaining = rest;
        }
    }

    /// <summary>Splits the harness output at its \001 marker lines.</summary>
    internal static (List<(string Name, string Output)> Completed, string? Crashed, string Partial) ParseRun(string stdout)
    {
        var completed = new List<(string, string)>();
        string? current = null;
        var text = new StringBuilder();
        var parts = stdout.Split('\u0001');
        foreach (var part in parts.Skip(1))
        {
            int nl = part.IndexOf('\n');
            string marker = nl < 0 ? part : part[..nl];
            string after = nl < 0 ? "" : part[(nl + 1)..];
            if (marker.StartsWith("BEGIN ", StringComparison.Ordinal))
            {
                current = marker[6..];
                text.Clear();
                text.Append(after);
            }
            else if (marker.StartsWith("END ", StringComparison.Ordinal) && current == marker[4..])
            {
                completed.Add((current, text.ToString()));
                current = null;
            }
            else
            {
                text.Append('\u0001').Append(part);
            }
        }
        return (completed, current, text.ToString());
    }

    // ---- reporting ---------------------------------------------------------------------------

    /// <summary>Null when every way agrees with .NET; otherwise the report for this program.</summary>
    public string? Verdict(ProgramResult p)
    {
        var sb = new StringBuilder();
        if (p.DotNetError is not null)
            sb.Append($"Corpus program {p.Name} has no .NET result (fix the program):\n{p.DotNetError}\n");
        else if (string.IsNullOrEmpty(p.DotNetOutput))
            sb.Append($"Corpus program {p.Name} printed nothing in .NET: it proves nothing\n");
        foreach (var t in Toolchain.All)
        {
            var o = p.Outcomes.GetValueOrDefault(t) ?? Outcome.Failed("?", "not run");
            p.EmittedDir.TryGetValue(t.Target, out var emitted);
            if (o.Failure is not null)
                sb.Append($"--- {p.Name} on {t.Name}: failed at {o.Stage}{(emitted is null ? "" : $" (emitted C: {emitted})")}\n{o.Failure.TrimEnd()}\n");
            else if (p.DotNetOutput is not null && o.Output != p.DotNetOutput)
                sb.Append($"--- {p.Name} on {t.Name}: output differs from .NET (emitted C: {emitted})\n{TextDiff.Describe(p.DotNetOutput, o.Output!, ".NET", t.Name)}\n");
        }
        return sb.Length == 0 ? null : sb.ToString();
    }

    public bool Agrees(ProgramResult p, Toolchain t) =>
        p.DotNetError is null && !string.IsNullOrEmpty(p.DotNetOutput)
        && p.Outcomes.TryGetValue(t, out var o) && o.Failure is null && o.Output == p.DotNetOutput;

    public string Summary()
    {
        var sb = new StringBuilder();
        int n = Programs.Count;
        int netOk = Programs.Count(p => p.DotNetError is null && !string.IsNullOrEmpty(p.DotNetOutput));
        int all = Programs.Count(p => Toolchain.All.All(t => Agrees(p, t)));
        if (Only is not null) sb.AppendLine($"SUBSET ONLY (DRVC_CORPUS_ONLY): {string.Join(", ", Only.Order(StringComparer.Ordinal))}");
        sb.AppendLine($"Differential corpus: {n} programs, {netOk} ran in .NET, {all} agree on every target " +
                      $"({Elapsed.TotalSeconds:F1} s; {string.Join(", ", PhaseTimes.Select(kv => $"{kv.Key} {kv.Value.TotalSeconds:F1} s"))})");
        foreach (var t in Toolchain.All)
        {
            int agree = Programs.Count(p => Agrees(p, t));
            var stages = Programs.Where(p => !Agrees(p, t))
                .Select(p => p.Outcomes.TryGetValue(t, out var o) && o.Failure is not null ? o.Stage
                          : p.DotNetError is not null ? "dotnet" : "mismatch")
                .GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
            sb.AppendLine($"  {t.Name,-18} {agree,4}/{n} agree; failures: {string.Join(", ", stages.DefaultIfEmpty("none"))}");
        }
        if (MissingTools.Count > 0) sb.AppendLine("  " + string.Join("\n  ", MissingTools));
        sb.AppendLine($"  work folder: {WorkDir}");
        return sb.ToString();
    }
}
