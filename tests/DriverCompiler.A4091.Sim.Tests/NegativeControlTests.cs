using DriverCompiler.A4091.Sim.Tests.Infrastructure;

namespace DriverCompiler.A4091.Sim.Tests;

/// <summary>
/// The scenarios must catch real driver mistakes: each test builds the self-test driver with one
/// deliberate defect and checks that the simulator exposes it.
/// </summary>
public sealed class NegativeControlTests : IDisposable
{
    private readonly string dir = Repo.NewTempDir("mutant");

    public void Dispose()
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void A_single_istat_read_misses_completion_when_the_chip_takes_time()
    {
        var sim = SelfTestDriverFixture.Build("MINIDRV_SINGLE_ISTAT_READ");
        var disk = DiskImage.Create(dir, "d.img", 64, 1);
        var o = sim.Run(dir, "--irq", "off", "--pace", "2", "--disk", $"0:3:{disk.Path}", "inquiry", "0", "3");
        Assert.False(o["1"].Okay, $"one ISTAT read right after the start must not see completion\n{o.Describe()}");
        var instant = sim.Run(dir, "--irq", "off", "--pace", "0", "--disk", $"0:3:{disk.Path}", "inquiry", "0", "3");
        Assert.True(instant["1"].Good, $"with an instant chip (as in the emulator the original was tested on) it works\n{instant.Describe()}");
    }

    [Fact]
    public void Writes_at_offset_0_are_reported()
    {
        var sim = SelfTestDriverFixture.Build("MINIDRV_DIRECT_WRITES");
        var disk = DiskImage.Create(dir, "d.img", 64, 2);
        var o = sim.Run(dir, "--disk", $"0:3:{disk.Path}", "inquiry", "0", "3");
        Assert.True(o["1"].Good);
        Assert.True(o.Stat(0, "direct_writes") > 0 && o.Stat(0, "shadow_writes") == 0, o.Describe());
    }

    [Fact]
    public void Without_a_bus_reset_the_target_keeps_the_bus_after_an_unexpected_phase()
    {
        var sim = SelfTestDriverFixture.Build("MINIDRV_NO_BUS_RESET");
        var disk = DiskImage.Create(dir, "d.img", 64, 3);
        var o = sim.Run(dir, "--irq", "on", "--pace", "2", "--limit", "2000", "--disk", $"0:3:{disk.Path}", "--fault", "0:3:msgin",
            "inquiry", "0", "3", "inquiry", "0", "3");
        Assert.False(o["1"].Okay);
        Assert.True(o["2"].Completions == 0, $"the next SELECT must wait for a bus that never becomes free\n{o.Describe()}");
        Assert.NotEmpty(o.Errors);
    }
}
