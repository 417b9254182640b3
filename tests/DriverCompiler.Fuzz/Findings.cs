using System.Globalization;

namespace DriverCompiler.Fuzz;

/// <summary>Writes findings to the findings folder: the original program, its reduced form and the harness's report.</summary>
public static class Findings
{
    /// <summary>Time the reducer may spend on one finding.</summary>
    public static TimeSpan ReduceLimit { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Records a finding of <paramref name="seed"/> (reduced unless <paramref name="reduce"/> is false) in
    /// <c>&lt;dir&gt;/seed-&lt;seed&gt;-&lt;kind&gt;/</c>; returns that folder.</summary>
    public static string Record(string dir, ulong seed, string source, ProgramVerdict verdict, bool reduce)
    {
        string folder = Path.Combine(dir, $"seed-{seed.ToString(CultureInfo.InvariantCulture)}-{verdict.Kind}");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "original.cs"), source);
        string report = $"seed {seed}\nsignature: {verdict.Signature}\n\n{verdict.Detail}";
        if (reduce)
        {
            var (reduced, reducedVerdict, tests) = Reduce(source, verdict.Signature);
            File.WriteAllText(Path.Combine(folder, "reduced.cs"), reduced);
            report += $"\n---- reduced in {tests} harness runs to {reduced.Split('\n').Length} lines (from {source.Split('\n').Length}):\n{reducedVerdict}";
        }
        File.WriteAllText(Path.Combine(folder, "report.txt"), report);
        return folder;
    }

    /// <summary>Reduces <paramref name="source"/> while its verdict keeps <paramref name="signature"/>; returns the
    /// reduced text, its report and the number of harness runs it took.</summary>
    public static (string Reduced, string Report, int Tests) Reduce(string source, string signature)
    {
        int round = 0;
        var reducer = new Reducer(candidates =>
        {
            round++;
            var verdicts = FuzzRunner.RunBatch(candidates.Select((c, i) => ($"R{round}_{i}", c)).ToList());
            return verdicts.Select(v => v.Signature == signature).ToArray();
        }, ReduceLimit);
        string reduced = reducer.Reduce(source);
        var final = FuzzRunner.RunBatch([("Reduced", reduced)])[0];
        return (reduced, final.Detail, reducer.Tests);
    }

    /// <summary>Records a crash-fuzzing failure: the mutated source and what happened; returns the file.</summary>
    public static string RecordCrash(string dir, CrashFailure f)
    {
        Directory.CreateDirectory(dir);
        string file = Path.Combine(dir, $"crash-{f.Seed.ToString(CultureInfo.InvariantCulture)}-{f.Index.ToString(CultureInfo.InvariantCulture)}.txt");
        File.WriteAllText(file, $"{f.What}\nmutated file: {f.File}\n\n{f.Details}\n---- mutated source:\n{f.MutatedSource}");
        return file;
    }
}
