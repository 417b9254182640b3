using System.Diagnostics;
using System.Globalization;
using DriverCompiler.Fuzz.Generator;

namespace DriverCompiler.Fuzz;

/// <summary>
/// The console entry (<c>dotnet cake --target=Fuzz</c>): a campaign of generated programs in batches,
/// a progress line per batch, each finding reduced and written to the findings folder, and a summary table.
/// </summary>
public static class Campaign
{
    private const string Usage = """
        usage: DriverCompiler.Fuzz [--programs N | --minutes M] [--seed S] [--batch B] [--findings DIR] [--no-reduce]
                                   [--crash N]       also N crash-fuzzing mutants of the drivers' and corpus sources
                                   [--print SEED]    print the program of one seed and stop
        """;

    /// <summary>Runs the campaign the arguments describe; exit code 0 with no findings, 1 with findings, 2 for a usage error.</summary>
    public static int Main(string[] args)
    {
        int programs = 0, batch = 16, crash = 0;
        double minutes = 0;
        ulong seed = 1;
        bool reduce = true;
        string findings = Path.Combine(DriverCompiler.Testing.RepoRoot.Path, "artifacts", "fuzz-findings");
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--programs": programs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--minutes": minutes = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--seed": seed = ulong.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--batch": batch = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--findings": findings = Path.GetFullPath(Next()); break;
                    case "--crash": crash = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--no-reduce": reduce = false; break;
                    case "--print": Console.Write(ProgramGenerator.Generate(ulong.Parse(Next(), CultureInfo.InvariantCulture))); return 0;
                    default: throw new ArgumentException($"unknown option {args[i]}");
                }
            }
            if (programs <= 0 && minutes <= 0 && crash <= 0) programs = 100;
            if (batch <= 0) throw new ArgumentException("--batch must be positive");
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var summary = new CampaignSummary();
        var clock = Stopwatch.StartNew();
        var deadline = minutes > 0 ? TimeSpan.FromMinutes(minutes) : TimeSpan.MaxValue;
        ulong next = seed;
        while ((programs <= 0 || summary.Programs < programs) && clock.Elapsed < deadline && (programs > 0 || minutes > 0))
        {
            int n = programs > 0 ? Math.Min(batch, programs - summary.Programs) : batch;
            var seeds = Enumerable.Range(0, n).Select(k => next + (ulong)k).ToList();
            next += (ulong)n;
            var verdicts = FuzzRunner.RunBatch(seeds.Select(s => (Name(s), ProgramGenerator.Generate(s))).ToList());
            summary.Programs += n;
            for (int k = 0; k < n; k++)
            {
                if (verdicts[k].Kind is not { } kind) continue;
                summary.Add(kind);
                var f = Findings.Record(findings, seeds[k], ProgramGenerator.Generate(seeds[k]), verdicts[k], reduce);
                Console.WriteLine($"  finding: seed {seeds[k]} {verdicts[k].Signature} -> {f}");
            }
            double perHour = summary.Programs / Math.Max(clock.Elapsed.TotalHours, 1e-9);
            string of = programs > 0 ? $"/{programs}" : $" in {clock.Elapsed:hh\\:mm\\:ss}/{TimeSpan.FromMinutes(minutes):hh\\:mm\\:ss}";
            Console.WriteLine($"[fuzz] {summary.Programs}{of} programs (seeds {seed}..{next - 1}), {summary.Total} findings, {perHour:F0} programs/h ({FuzzRunner.LastPhaseTimes})");
        }
        var programTime = clock.Elapsed;

        if (crash > 0)
        {
            var cc = Stopwatch.StartNew();
            var failures = CrashFuzzer.Run(seed, crash, (done, total) => Console.WriteLine($"[crash] {done}/{total} mutants"));
            summary.CrashMutants = crash;
            summary.CrashFailures = failures.Count;
            summary.CrashTime = cc.Elapsed;
            foreach (var f in failures)
            {
                string file = Findings.RecordCrash(findings, f);
                Console.WriteLine($"  crash finding: {f.What} -> {file}");
            }
        }

        Console.WriteLine(summary.Table(programTime));
        return summary.Total + summary.CrashFailures == 0 ? 0 : 1;
    }

    /// <summary>The program name (and assembly name) of a seed.</summary>
    public static string Name(ulong seed) => "P" + seed.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Counts of a campaign, printed as a table at the end.</summary>
public sealed class CampaignSummary
{
    private readonly Dictionary<FindingKind, int> byKind = [];
    /// <summary>Programs run.</summary>
    public int Programs { get; set; }
    /// <summary>Findings of every kind.</summary>
    public int Total => byKind.Values.Sum();
    /// <summary>Crash-fuzzing mutants compiled.</summary>
    public int CrashMutants { get; set; }
    /// <summary>Mutants that made the compiler throw or report DRV0999.</summary>
    public int CrashFailures { get; set; }
    /// <summary>Time spent on crash fuzzing.</summary>
    public TimeSpan CrashTime { get; set; }

    /// <summary>Counts one finding.</summary>
    public void Add(FindingKind kind) => byKind[kind] = byKind.GetValueOrDefault(kind) + 1;

    /// <summary>The summary table.</summary>
    public string Table(TimeSpan elapsed)
    {
        var lines = new List<(string, string)>
        {
            ("programs", Programs.ToString(CultureInfo.InvariantCulture)),
            ("time", $"{elapsed.TotalMinutes:F1} min"),
            ("programs per hour", Programs == 0 ? "-" : (Programs / Math.Max(elapsed.TotalHours, 1e-9)).ToString("F0", CultureInfo.InvariantCulture)),
        };
        foreach (var k in Enum.GetValues<FindingKind>())
            lines.Add(($"findings: {k}", byKind.GetValueOrDefault(k).ToString(CultureInfo.InvariantCulture)));
        lines.Add(("findings: total", Total.ToString(CultureInfo.InvariantCulture)));
        if (CrashMutants > 0)
        {
            lines.Add(("crash mutants", $"{CrashMutants} in {CrashTime.TotalMinutes:F1} min"));
            lines.Add(("crash findings", CrashFailures.ToString(CultureInfo.InvariantCulture)));
        }
        int w = lines.Max(l => l.Item1.Length);
        return "== fuzz summary\n" + string.Concat(lines.Select(l => $"  {l.Item1.PadRight(w)}  {l.Item2}\n"));
    }
}
