using DriverCompiler.A4091.Sim.Tests.Infrastructure;
using DriverCompiler.Testing.A4091;

namespace DriverCompiler.A4091.Sim.Tests;

/// <summary>
/// The scenario table of issue 12 (tests/Shared/A4091Scenarios) on the simulator, with the emitted driver:
/// every command's outcome against the <see cref="Oracle"/>, and the images after the scenario's writes
/// byte for byte against the images the oracle computes. DriverCompiler.A4091.Uae.Tests runs the same
/// table on FS-UAE and compares the two engines.
/// </summary>
public sealed class TableScenarioTests(A4091DriverFixture fixture, A4091DisconnectFixture disconnect)
    : IClassFixture<A4091DriverFixture>, IClassFixture<A4091DisconnectFixture>, IDisposable
{
    private readonly string dir = Repo.NewTempDir("table");

    public void Dispose()
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    public static TheoryData<string> Scenarios => ScenarioTable.Names();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_on_the_simulator(string name) => Check(name, fixture.Sim, 0);

    /// <summary>
    /// The same table with the driver built with <c>-DA4091_SCSI_DISCONNECT=1</c> and every disk disconnecting after
    /// each command phase, reselecting 40 chip steps later: the outcomes must not change (the hung target of the
    /// watchdog scenario hangs instead of disconnecting).
    /// </summary>
    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_on_the_simulator_with_targets_that_disconnect(string name) => Check(name, disconnect.Sim, 40);

    private void Check(string name, SimBinary sim, int disconnectSteps)
    {
        var s = ScenarioTable.Named(name);
        var images = Bench.Disks.Keys.ToDictionary(id => id, Bench.Image);
        var expected = Oracle.Expect(s, images);
        var (run, files) = SimEngine.Run(sim, s, dir, disconnectSteps);
        var problems = Oracle.Problems(expected, run);
        foreach (var (id, path) in files)
            if (!File.ReadAllBytes(path).AsSpan().SequenceEqual(images[id])) problems.Add($"the image of ID {id} differs from the one the scenario's writes should leave");
        Assert.True(problems.Count == 0, Oracle.Describe(s, expected, [(run, problems)]) + "\n" + run.Log);
        if (disconnectSteps > 0)
        {
            // Every scenario sends at least one command to a disk: the targets really disconnected and came back.
            var m = System.Text.RegularExpressions.Regex.Match(run.Log, @"reselections=(\d+)");
            Assert.True(m.Success && int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 0,
                $"no reselection in the run\n{run.Log}");
        }
    }

    [Fact]
    public void The_table_lets_each_scenario_run_on_fresh_images_or_all_on_one_set()
    {
        // FS-UAE runs the whole table in one boot on one set of images, the simulator each scenario on fresh
        // ones: that only agrees when no scenario reads a block another one wrote. Polled scenarios come first.
        var written = new List<(string Scenario, int Id, long From, long To)>();
        foreach (var s in ScenarioTable.All)
            foreach (var w in s.Steps.Where(x => x.Op == Op.Write10))
                written.Add((s.Name, w.Id, w.Lba, w.Lba + w.Count));
        foreach (var s in ScenarioTable.All)
            foreach (var r in s.Steps.Where(x => x.Op is Op.Read10 or Op.Write10))
                foreach (var w in written.Where(w => w.Scenario != s.Name && w.Id == r.Id))
                    Assert.False(r.Lba < w.To && w.From < r.Lba + r.Count, $"{s.Name}: {r} touches blocks {w.Scenario} writes");
        var modes = ScenarioTable.All.Select(s => s.Mode).ToList();
        Assert.Equal(modes.OrderBy(m => m), modes);
        Assert.Equal(ScenarioTable.All.Length, ScenarioTable.All.Select(s => s.Name).Distinct().Count());
    }
}
