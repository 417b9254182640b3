using System.Collections.Concurrent;
using DriverCompiler.A4091.Sim.Tests.Infrastructure;
using DriverCompiler.Testing.A4091;

namespace DriverCompiler.A4091.Uae.Tests;

/// <summary>
/// What the tier builds once per test run: drivers/A4091 emitted by drvc, the ROM (tests/Amix.Uae + the emitted
/// a4091.c, unchanged, + the whole scenario table), one FS-UAE boot per model, the simulator with the same
/// driver, and the simulator's run of each scenario.
/// </summary>
public sealed class UaeFixture : IDisposable
{
    /// <summary>The emulated machines: FS-UAE's A3000 (68030) and A4000/040 (68040), both with the A4091 in Zorro III.</summary>
    public static readonly string[] Models = ["A3000", "A4000/040"];

    private readonly string work = Repo.NewTempDir("uae");
    private readonly Lazy<string> emitted;
    private readonly Lazy<UaeRom> rom;
    private readonly Lazy<SimBinary> sim;
    private readonly ConcurrentDictionary<string, Lazy<UaeResult>> boots = new();
    private readonly ConcurrentDictionary<string, Lazy<(EngineRun Run, IReadOnlyDictionary<int, string> Images)>> simRuns = new();

    public UaeFixture()
    {
        emitted = new(() =>
        {
            var dir = Path.Combine(work, "drvc");
            var o = new StringWriter();
            var e = new StringWriter();
            int rc = DriverCompiler.Cli.Drvc.Run(["build", Path.Combine(RepoRoot.Path, "drivers", "A4091"), "--out", dir], o, e);
            if (rc != 0) throw new InvalidOperationException($"drvc build drivers/A4091 failed ({rc}):\n{e}{o}");
            return dir;
        });
        rom = new(() =>
        {
            var dir = Path.Combine(work, "rom");
            Directory.CreateDirectory(dir);
            return UaeRom.Build(emitted.Value, ScenarioTable.OnFsUae, dir);
        });
        sim = new(() => SimBinary.Build("a4091-table", [Path.Combine(emitted.Value, "a4091.c")],
            ["-m68030", "-std=c89", "-pedantic", "-O2", "-Wall", "-Wextra", "-Werror", "-fwrapv", "-DDRV_MMIO_HOOKS",
             "-I", emitted.Value, "-I", Repo.AmixInclude]));
    }

    public UaeRom Rom => rom.Value;

    /// <summary>The boot of <paramref name="model"/> (run once, on first use).</summary>
    public UaeResult Boot(string model) => boots.GetOrAdd(model, m => new Lazy<UaeResult>(() =>
    {
        var dir = Path.Combine(work, m.Replace('/', '-'));
        Directory.CreateDirectory(dir);
        return UaeMachine.Run(Rom, m, dir, TimeSpan.FromSeconds(120));
    })).Value;

    /// <summary>The simulator's run of <paramref name="s"/> on fresh images (once per scenario).</summary>
    public (EngineRun Run, IReadOnlyDictionary<int, string> Images) Simulate(Scenario s) => simRuns.GetOrAdd(s.Name, _ => new(() =>
    {
        var dir = Path.Combine(work, "sim-" + s.Name);
        Directory.CreateDirectory(dir);
        return SimEngine.Run(sim.Value, s, dir);
    })).Value;

    public void Dispose()
    {
        try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>
/// The scenario table on FS-UAE's 53C710 (WinUAE's model, independent of the project's simulator): each
/// scenario's outcomes against the <see cref="Oracle"/> and against the simulator's outcomes for the same
/// scenario; where they differ the failure names both. Then the disk image files on the host after the boot.
/// </summary>
public sealed class UaeScenarioTests(UaeFixture fixture) : IClassFixture<UaeFixture>
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var m in UaeFixture.Models)
            foreach (var s in ScenarioTable.OnFsUae) data.Add(m, s.Name);
        return data;
    }

    [Fact]
    public void Only_the_scenarios_that_need_a_misbehaving_target_stay_off_fs_uae()
    {
        // FS-UAE's targets finish every command inside the CDB's block move (ScenarioTable.OnFsUae says where in its
        // source): the watchdog scenario runs on the simulator only, and nothing else may be left out.
        var off = ScenarioTable.All.Except(ScenarioTable.OnFsUae).Select(s => s.Name).ToList();
        Assert.Equal(["watchdog-hung-target"], off);
        Assert.All(ScenarioTable.All, s => Assert.Equal(s.NeedsTargetFaults, off.Contains(s.Name)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scenario_on_fs_uae_agrees_with_the_oracle_and_the_simulator(string model, string name)
    {
        var s = ScenarioTable.Named(name);
        var boot = fixture.Boot(model);
        Assert.True(boot.Scenarios.TryGetValue(name, out var uae), $"no output for scenario {name} on FS-UAE {model}:\n{boot.Serial}");
        var (sim, _) = fixture.Simulate(s);
        var expected = Oracle.Expect(s, Bench.Disks.Keys.ToDictionary(id => id, Bench.Image));
        var uaeProblems = Oracle.Problems(expected, uae!);
        var simProblems = Oracle.Problems(expected, sim);
        var disagreements = Oracle.Disagreements(expected, uae!, sim);
        Assert.True(uaeProblems.Count == 0 && simProblems.Count == 0 && disagreements.Count == 0,
            Oracle.Describe(s, expected, [(uae!, uaeProblems), (sim, simProblems)]) +
            (disagreements.Count > 0 ? "  the engines disagree:\n    " + string.Join("\n    ", disagreements) + "\n" : "") +
            $"--- FS-UAE {model} ---\n{uae!.Log}\n--- simulator ---\n{sim.Log}");
    }

    public static TheoryData<string> ModelNames() => [.. UaeFixture.Models];

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void After_the_boot_the_image_files_hold_exactly_the_tables_writes(string model)
    {
        var boot = fixture.Boot(model);
        var images = Bench.Disks.Keys.ToDictionary(id => id, Bench.Image);
        foreach (var s in fixture.Rom.Scenarios) Oracle.Expect(s, images);   // the writes, in the order the ROM ran them
        foreach (var (id, path) in boot.Images)
        {
            var actual = File.ReadAllBytes(path);
            Assert.Equal(images[id].Length, actual.Length);
            int i = 0;
            while (i < actual.Length && actual[i] == images[id][i]) i++;
            Assert.True(i == actual.Length, $"FS-UAE {model}: the image of ID {id} differs from the expected one first at byte {i} (LBA {i / Bench.BlockSize})\n{boot.Serial}");
        }
        Assert.True(boot.Elapsed < TimeSpan.FromSeconds(60), $"the boot took {boot.Elapsed.TotalSeconds:0.0} s");
    }
}
