using System.Text;

namespace DriverCompiler.Testing.A4091;

/// <summary>
/// What an engine reported for one command (a <c>result</c> line of simmain.c or of the FS-UAE harness):
/// completions of cp->intr, where the first ran, okay, status, and what a GOOD read returned — its length
/// and FNV-1a, and its bytes when the engine printed them (the FS-UAE harness prints bytes up to 64).
/// </summary>
public sealed record Outcome(string Tag, string Op, int Id, int Completions, string Context, bool Okay, int Status, int Length, uint? Fnv, byte[]? Data)
{
    public override string ToString() =>
        $"{Tag} {Op} id {Id}: completions={Completions} context={Context} okay={(Okay ? 1 : 0)} status=0x{Status:x2}" +
        (Fnv is { } f ? $" read {Length} bytes fnv={f:x8}" : "") + (Data is { Length: <= 64 } d ? $" data={Convert.ToHexString(d)}" : "");
}

/// <summary>One engine's run of one scenario: its outcomes by tag ("1", "1s" for REQUEST SENSE, "1r" for the retry) and its log.</summary>
public sealed record EngineRun(string Engine, IReadOnlyDictionary<string, Outcome> Outcomes, string Log);

/// <summary>What a command must come to: transport and status, the bytes or check a GOOD read must meet, and where it may complete.</summary>
public sealed record Expectation(string Tag, Step Step, bool Okay, int Status, string[] Contexts, byte[]? Bytes = null, Func<byte[], string?>? Check = null)
{
    public override string ToString() =>
        $"{Tag} {Step}: okay={(Okay ? 1 : 0)} status=0x{Status:x2} in {string.Join('|', Contexts)}" + (Bytes is { } b ? $" read {b.Length} bytes fnv={Pattern.Fnv(b):x8}" : "");
}

/// <summary>
/// The expected outcome of every command of a scenario, from the SCSI-2 standard and the disk images on the
/// host (not from either engine): GOOD with the image's bytes inside the disk, CHECK CONDITION with ILLEGAL
/// REQUEST / LOGICAL BLOCK ADDRESS OUT OF RANGE (as dd.c senses it: REQUEST SENSE, then one retry) for blocks
/// past its end, okay = FALSE and status 0xff (no status) for an ID with no device.
/// </summary>
public static class Oracle
{
    /// <summary>The expectations in issue order, and the images as the scenario leaves them (ID → bytes), starting from <paramref name="images"/>.</summary>
    public static IReadOnlyList<Expectation> Expect(Scenario s, Dictionary<int, byte[]> images)
    {
        var list = new List<Expectation>();
        int n = 0;
        foreach (var step in s.Steps)
        {
            string tag = (++n).ToString(System.Globalization.CultureInfo.InvariantCulture);
            string[] contexts = s.Mode == Completion.Polled ? ["queue"] : n == 1 ? ["queue", "int2"] : ["int2"];
            string[] later = s.Mode == Completion.Polled ? ["queue"] : ["int2"];
            if (step.Fault == Fault.Hang)
            {
                // Only the driver's watchdog callout (interrupt-driven) or its poll limit (polled) ends the command;
                // drivers/A4091/README.md: "the bus reset, and the command fails" with okay = FALSE, status 0xff.
                list.Add(new(tag, step, false, 0xff, s.Mode == Completion.Polled ? ["queue"] : ["callout"]));
                continue;
            }
            if (!Bench.Disks.ContainsKey(step.Id))
            {
                list.Add(new(tag, step, false, 0xff, contexts));
                continue;
            }
            bool beyond = step.Op is Op.Read10 or Op.Write10 && step.Lba + step.Count > Bench.Blocks;
            if (beyond)
            {
                list.Add(new(tag, step, true, 0x02, contexts));
                list.Add(new(tag + "s", new Step(Op.Inquiry, step.Id, Count: 16), true, 0x00, later, Check: IllegalRequestLbaOutOfRange));
                list.Add(new(tag + "r", step, true, 0x02, later));
                continue;
            }
            var image = images[step.Id];
            switch (step.Op)
            {
                case Op.Inquiry:
                    list.Add(new(tag, step, true, 0, contexts, Check: d => DirectAccessInquiry(d, step.Count)));
                    break;
                case Op.Tur:
                    list.Add(new(tag, step, true, 0, contexts));
                    break;
                case Op.ReadCapacity:
                    list.Add(new(tag, step, true, 0, contexts, Bytes: [.. BigEndian(Bench.Blocks - 1), .. BigEndian(Bench.BlockSize)]));
                    break;
                case Op.Read10:
                    list.Add(new(tag, step, true, 0, contexts, Bytes: image.AsSpan((int)step.Lba * Bench.BlockSize, step.Bytes).ToArray()));
                    break;
                case Op.Write10:
                    Pattern.Bytes(step.Bytes, step.Seed).CopyTo(image, (int)step.Lba * Bench.BlockSize);
                    list.Add(new(tag, step, true, 0, contexts));
                    break;
            }
        }
        return list;
    }

    private static byte[] BigEndian(int v) => [(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v];

    private static string? DirectAccessInquiry(byte[] d, int length)
    {
        if (d.Length != length) return $"{d.Length} bytes, expected {length}";
        if ((d[0] & 0x1F) != 0) return $"peripheral device type {d[0] & 0x1F}, expected 0 (direct access)";
        if ((d[3] & 0x0F) != 2) return $"response data format {d[3] & 0x0F}, expected 2";
        if (d[4] < 31) return $"additional length {d[4]}, expected at least 31";
        var vendor = Encoding.ASCII.GetString(d, 8, 8);
        return vendor.All(c => c >= 0x20 && c < 0x7F) ? null : $"vendor '{vendor}' is not ASCII";
    }

    private static string? IllegalRequestLbaOutOfRange(byte[] s)
    {
        if (s.Length < 14) return $"{s.Length} sense bytes";
        if ((s[0] & 0x7F) != 0x70) return $"response code 0x{s[0]:x2}, expected 0x70 (current, fixed format)";
        if ((s[2] & 0x0F) != 0x05) return $"sense key 0x{s[2] & 0x0F:x}, expected 0x5 (ILLEGAL REQUEST)";
        if (s[12] != 0x21) return $"ASC 0x{s[12]:x2}, expected 0x21 (LOGICAL BLOCK ADDRESS OUT OF RANGE)";
        return null;
    }

    /// <summary>What is wrong with one outcome (null: nothing).</summary>
    public static string? Problem(Expectation e, Outcome? o)
    {
        if (o is null) return "no result";
        if (o.Completions != 1) return $"completed {o.Completions} times, expected once";
        if (o.Okay != e.Okay || o.Status != e.Status) return $"okay={(o.Okay ? 1 : 0)} status=0x{o.Status:x2}, expected okay={(e.Okay ? 1 : 0)} status=0x{e.Status:x2}";
        if (!e.Contexts.Contains(o.Context)) return $"completed in {o.Context}, expected {string.Join(" or ", e.Contexts)}";
        if (e.Bytes is { } b)
        {
            if (o.Length != b.Length) return $"read {o.Length} bytes, expected {b.Length}";
            if (o.Fnv != Pattern.Fnv(b)) return $"read bytes with fnv {o.Fnv:x8}, the image's have {Pattern.Fnv(b):x8}";
        }
        if (e.Check is { } check)
        {
            if (o.Data is null) return "no data printed";
            if (check(o.Data) is { } why) return why;
        }
        return null;
    }

    /// <summary>Every problem of one engine's run of <paramref name="s"/> against <paramref name="expected"/>, one line each.</summary>
    public static List<string> Problems(IReadOnlyList<Expectation> expected, EngineRun run)
    {
        var problems = new List<string>();
        foreach (var e in expected)
            if (Problem(e, run.Outcomes.GetValueOrDefault(e.Tag)) is { } p) problems.Add($"{e.Tag}: {p}");
        foreach (var tag in run.Outcomes.Keys.Where(t => expected.All(e => e.Tag != t)))
            problems.Add($"{tag}: a command that should not have been issued ({run.Outcomes[tag]})");
        return problems;
    }

    /// <summary>
    /// Where two engines' outcomes differ in what the driver reported (completions, okay, status, bytes read from the
    /// disk), one line per tag. INQUIRY and sense data are the targets' own (vendor strings; the simulator's disk
    /// sets VALID and the INFORMATION field, FS-UAE's does not): the oracle checks the fields the standard fixes.
    /// </summary>
    public static List<string> Disagreements(IReadOnlyList<Expectation> expected, EngineRun a, EngineRun b)
    {
        var lines = new List<string>();
        foreach (var tag in expected.Select(e => e.Tag).Concat(a.Outcomes.Keys).Concat(b.Outcomes.Keys).Distinct())
        {
            var x = a.Outcomes.GetValueOrDefault(tag);
            var y = b.Outcomes.GetValueOrDefault(tag);
            bool same = x is not null && y is not null && x.Completions == y.Completions && x.Okay == y.Okay && x.Status == y.Status
                        && (x.Op is "inquiry" or "request-sense" || (x.Length == y.Length && x.Fnv == y.Fnv));
            if (!same) lines.Add($"{tag}: {a.Engine}: {x?.ToString() ?? "no result"} | {b.Engine}: {y?.ToString() ?? "no result"}");
        }
        return lines;
    }

    /// <summary>A failure message naming the expectations and both engines' results.</summary>
    public static string Describe(Scenario s, IReadOnlyList<Expectation> expected, IEnumerable<(EngineRun Run, List<string> Problems)> runs)
    {
        var sb = new StringBuilder($"scenario {s.Name} ({s.Mode}):\n  expected:\n");
        foreach (var e in expected) sb.Append("    ").Append(e).Append('\n');
        foreach (var (run, problems) in runs)
        {
            sb.Append($"  {run.Engine}: {(problems.Count == 0 ? "as expected" : string.Join("; ", problems))}\n");
            foreach (var o in run.Outcomes.Values) sb.Append("    ").Append(o).Append('\n');
        }
        return sb.ToString();
    }
}
