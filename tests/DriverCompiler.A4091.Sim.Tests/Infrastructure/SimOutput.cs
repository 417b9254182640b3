using System.Globalization;

namespace DriverCompiler.A4091.Sim.Tests.Infrastructure;

/// <summary>One request as the simulator's test main reports it (<c>result</c> lines, simmain.c).</summary>
public sealed record SimResult(string Tag, string Op, int Card, int Id, bool Queued, int Completions, string Context, bool Okay, int Status)
{
    /// <summary>Transport success with SCSI status GOOD, completed exactly once.</summary>
    public bool Good => Completions == 1 && Okay && Status == 0;
}

/// <summary>The parsed output of one simulator run: results, data, register access statistics.</summary>
public sealed class SimOutput
{
    public string Command { get; }
    public string Stdout { get; }
    public string Stderr { get; }
    public IReadOnlyDictionary<string, SimResult> Results { get; }
    public IReadOnlyDictionary<string, byte[]> Data { get; }
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Stats { get; }
    public IReadOnlyList<string> Errors { get; }
    public long Int2Count { get; }

    private SimOutput(string command, string stdout, string stderr, Dictionary<string, SimResult> results,
        Dictionary<string, byte[]> data, Dictionary<string, IReadOnlyDictionary<string, long>> stats, List<string> errors, long int2)
    {
        Command = command; Stdout = stdout; Stderr = stderr; Results = results; Data = data; Stats = stats; Errors = errors; Int2Count = int2;
    }

    /// <summary>The result of request <paramref name="tag"/> ("1", "1s" for its REQUEST SENSE, "1r" for the retry).</summary>
    public SimResult this[string tag] =>
        Results.TryGetValue(tag, out var r) ? r : throw new Xunit.Sdk.XunitException($"no result {tag} in the output of {Command}:\n{Describe()}");

    public byte[] DataOf(string tag) =>
        Data.TryGetValue(tag, out var d) ? d : throw new Xunit.Sdk.XunitException($"no data for {tag} in the output of {Command}:\n{Describe()}");

    public long Stat(int card, string key) => Stats[$"card{card}"][key];

    /// <summary>Everything the program printed, for assertion messages.</summary>
    public string Describe()
    {
        var lines = Stdout.Split('\n').Select(l => l.StartsWith("data ") && l.Length > 200 ? l[..200] + "…" : l);
        return $"$ {Command}\n{string.Join('\n', lines)}{(Stderr.Length > 0 ? "\nstderr:\n" + Stderr : "")}";
    }

    public static SimOutput Parse(string command, string stdout, string stderr)
    {
        var results = new Dictionary<string, SimResult>();
        var data = new Dictionary<string, byte[]>();
        var stats = new Dictionary<string, IReadOnlyDictionary<string, long>>();
        var errors = new List<string>();
        long int2 = -1;
        foreach (var line in stdout.Split('\n'))
        {
            var f = line.TrimEnd().Split(' ');
            switch (f[0])
            {
                case "result":
                {
                    var kv = Pairs(f.Skip(2));
                    results[f[1]] = new SimResult(f[1], kv["op"], int.Parse(kv["card"]), int.Parse(kv["id"]), kv["queued"] == "1",
                        int.Parse(kv["completions"]), kv["context"], kv["okay"] == "1", Convert.ToInt32(kv["status"], 16));
                    break;
                }
                case "data":
                    data[f[1]] = f.Length > 2 ? Convert.FromHexString(f[2]) : [];
                    break;
                case "stats":
                    stats[f[1]] = Pairs(f.Skip(2)).ToDictionary(p => p.Key, p => long.Parse(p.Value, CultureInfo.InvariantCulture));
                    break;
                case "error":
                    errors.Add(line);
                    break;
                case "int2":
                    int2 = long.Parse(Pairs(f.Skip(1))["count"], CultureInfo.InvariantCulture);
                    break;
            }
        }
        return new SimOutput(command, stdout, stderr, results, data, stats, errors, int2);
    }

    private static Dictionary<string, string> Pairs(IEnumerable<string> fields) =>
        fields.Where(x => x.Contains('=')).ToDictionary(x => x[..x.IndexOf('=')], x => x[(x.IndexOf('=') + 1)..]);
}
