using System.Globalization;
using DriverCompiler.A4091.Sim.Tests.Infrastructure;

namespace DriverCompiler.Testing.A4091;

/// <summary>
/// Runs a table scenario on the 53C710 simulator (tests/Ncr53c710.Sim under qemu-m68k): fresh images of the
/// <see cref="Bench"/> disks, one simmain run with the scenario's commands (grouped steps one after the other).
/// </summary>
public static class SimEngine
{
    /// <summary>simmain options of each mode: as DriverScenarios' (one SCRIPTS instruction per 2 register accesses; 50-step selection timeout).</summary>
    public static string[] Options(Completion mode) => mode == Completion.Polled
        ? ["--irq", "off", "--pace", "2", "--sto", "50"]
        : ["--irq", "on", "--pace", "2", "--boot-ticks", "2", "--sto", "50"];

    /// <summary>
    /// The run, and the images as the scenario left them (ID → file path). <paramref name="disconnectSteps"/> above 0
    /// makes every disk disconnect after each command phase that allows it and reselect that many chip steps later
    /// (simmain's <c>--disconnect</c>).
    /// </summary>
    public static (EngineRun Run, IReadOnlyDictionary<int, string> Images) Run(SimBinary sim, Scenario s, string dir, int disconnectSteps = 0)
    {
        var args = new List<string>(Options(s.Mode));
        var images = new Dictionary<int, string>();
        foreach (var (id, _) in Bench.Disks)
        {
            var path = Path.Combine(dir, $"disk{id}.img");
            File.WriteAllBytes(path, Bench.Image(id));
            images[id] = path;
            args.AddRange(["--disk", $"0:{id}:{path}"]);
            if (disconnectSteps > 0) args.AddRange(["--disconnect", $"0:{id}:{disconnectSteps}"]);
        }
        int w = 0, options = args.Count;   // a --fault goes after the --disk it applies to, before the commands
        var commands = new Dictionary<int, int>();   // commands each target has been sent so far (dd.c's sense and retry count)
        foreach (var step in s.Steps)
        {
            string id = step.Id.ToString(CultureInfo.InvariantCulture);
            int nth = commands.GetValueOrDefault(step.Id) + 1;
            bool beyond = step.Op is Op.Read10 or Op.Write10 && step.Lba + step.Count > Bench.Blocks;
            commands[step.Id] = nth - 1 + (beyond && step.Fault == Fault.None ? 3 : 1);
            if (step.Fault == Fault.Hang) args.InsertRange(options, ["--fault", $"0:{id}:hang@{nth}"]);
            switch (step.Op)
            {
                case Op.Inquiry: args.AddRange(["inquiry", "0", id, $"{step.Count}"]); break;
                case Op.Tur: args.AddRange(["tur", "0", id]); break;
                case Op.ReadCapacity: args.AddRange(["readcap", "0", id]); break;
                case Op.Read10: args.AddRange(["read10", "0", id, $"{step.Lba}", $"{step.Count}"]); break;
                case Op.Write10:
                    var file = Path.Combine(dir, $"write{++w}.bin");
                    File.WriteAllBytes(file, Pattern.Bytes(step.Bytes, step.Seed));
                    args.AddRange(["write10", "0", id, $"{step.Lba}", $"{step.Count}", file]);
                    break;
            }
        }
        var o = sim.Run(dir, [.. args]);
        var outcomes = o.Results.Values.ToDictionary(r => r.Tag, r =>
        {
            byte[]? data = o.Data.GetValueOrDefault(r.Tag);
            return new Outcome(r.Tag, r.Op, r.Id, r.Completions, r.Context, r.Okay, r.Status, data?.Length ?? 0,
                data is null ? null : Pattern.Fnv(data), data);
        });
        return (new EngineRun("simulator", outcomes, o.Describe()), images);
    }
}
