using System.Text.RegularExpressions;
using DriverCompiler.A4091.Sim.Tests.Infrastructure;

namespace DriverCompiler.A4091.Sim.Tests;

/// <summary>drivers/A4091 built with its disconnect option on (<c>-DA4091_SCSI_DISCONNECT=1</c>): IDENTIFY grants the disconnect privilege.</summary>
public sealed class A4091DisconnectFixture
{
    private readonly Lazy<SimBinary> sim = new(() =>
        SimBinary.Build("a4091-disconnect", [Path.Combine(A4091Emitted.Output, "a4091.c")], [.. A4091Emitted.Flags, "-DA4091_SCSI_DISCONNECT=1"]));

    public SimBinary Sim => sim.Value;
}

/// <summary>
/// Disconnect/reselect (SCSI-2: the DISCONNECT and SAVE DATA POINTER messages, IDENTIFY with DiscPriv, the RESELECTION phase) with the simulator's
/// targets that disconnect after the command phase (<c>--disconnect CARD:ID:STEPS</c>: SAVE DATA POINTER, DISCONNECT,
/// bus free, reselection STEPS chip steps later with IDENTIFY) and a <c>pair</c> of READ(10)s queued together at
/// sdspl. The expected data is the disk images on the host; the overlap is what the simulator counted (the most
/// commands in progress at once, reselections) and the order the two completed in.
/// </summary>
public sealed class DisconnectTests(A4091DisconnectFixture disconnect, A4091DriverFixture plain)
    : IClassFixture<A4091DisconnectFixture>, IClassFixture<A4091DriverFixture>, IDisposable
{
    private readonly string dir = Repo.NewTempDir("disc");

    public void Dispose()
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    private static readonly string[] Interrupts = ["--irq", "on", "--pace", "2", "--boot-ticks", "2"];

    private static (string First, string Second) Order(SimOutput o, int n)
    {
        var m = Regex.Match(o.Stdout, $@"(?m)^order {n} (\S+) (\S+)$");
        Assert.True(m.Success, $"no order line for the pair at {n}\n{o.Describe()}");
        return (m.Groups[1].Value, m.Groups[2].Value);
    }

    private static void AssertRead(SimOutput o, string tag, DiskImage disk, long lba, int blocks)
    {
        Assert.True(o[tag].Good, $"request {tag}: {o[tag]}\n{o.Describe()}");
        Assert.True(disk.Read(lba, blocks).AsSpan().SequenceEqual(o.DataOf(tag)), $"request {tag}: data differs from the image\n{o.Describe()}");
    }

    [Fact]
    public void A_command_to_a_second_target_runs_while_the_first_target_is_disconnected()
    {
        var d3 = DiskImage.Create(dir, "d3.img", 256, 51);
        var d5 = DiskImage.Create(dir, "d5.img", 256, 52);
        // ID 3 disconnects after each CDB and comes back 400 chip steps later; ID 5 never disconnects. Request 1
        // (polled) switches the driver to interrupts; then READ ID 3 and READ ID 5 are queued together, ID 3 first.
        var o = disconnect.Sim.Run(dir, [.. Interrupts, "--disk", $"0:3:{d3.Path}", "--disk", $"0:5:{d5.Path}", "--disconnect", "0:3:400",
            "tur", "0", "5", "pair", "0", "3", "10", "4", "5", "20", "8"]);
        Assert.True(o["1"].Good, o.Describe());
        AssertRead(o, "2", d3, 10, 4);
        AssertRead(o, "3", d5, 20, 8);
        Assert.True(o["2"].Context == "int2" && o["3"].Context == "int2", $"both complete from the board's interrupt\n{o.Describe()}");
        // While ID 3 was off the bus the driver started ID 5's command, which finished first.
        Assert.Equal(("3", "2"), Order(o, 2));
        Assert.Equal(2, o.Stat(0, "max_nexus"));
        Assert.Equal(1, o.Stat(0, "reselections"));
        Assert.Equal(1, o.Stat(0, "bus_resets"));   // the card's first mapping only: no error recovery
    }

    [Fact]
    public void Two_disconnecting_targets_reselect_in_their_own_order_and_each_continues_its_own_command()
    {
        var d3 = DiskImage.Create(dir, "d3.img", 256, 53);
        var d5 = DiskImage.Create(dir, "d5.img", 256, 54);
        var data = Path.Combine(dir, "w.bin");
        File.WriteAllBytes(data, [.. Enumerable.Range(0, 1024).Select(i => (byte)(i * 13 + 5))]);
        // Both disconnect; ID 3 (queued first) stays away longer, so ID 5 reselects first. A WRITE through the same
        // path before, read back after, shows DATA OUT after reselection lands in the right place too.
        var o = disconnect.Sim.Run(dir, [.. Interrupts, "--disk", $"0:3:{d3.Path}", "--disk", $"0:5:{d5.Path}",
            "--disconnect", "0:3:300", "--disconnect", "0:5:60",
            "write10", "0", "3", "40", "2", data, "pair", "0", "3", "40", "2", "5", "100", "16"]);
        Assert.True(o["1"].Good, $"{o["1"]}\n{o.Describe()}");
        Assert.True(File.ReadAllBytes(data).AsSpan().SequenceEqual(d3.Read(40, 2)), "the WRITE after reselection is not in the image");
        AssertRead(o, "2", d3, 40, 2);
        AssertRead(o, "3", d5, 100, 16);
        Assert.Equal(("3", "2"), Order(o, 2));
        Assert.Equal(2, o.Stat(0, "max_nexus"));
        Assert.Equal(3, o.Stat(0, "reselections"));  // the WRITE's, then ID 5's, then ID 3's
    }

    [Fact]
    public void A_command_queued_while_the_chip_waits_for_reselection_wakes_it_with_SIGP()
    {
        var d3 = DiskImage.Create(dir, "d3.img", 256, 59);
        var d5 = DiskImage.Create(dir, "d5.img", 256, 60);
        // ID 3's READ is queued alone; its target disconnects and the chip is left in WAIT RESELECT. 100 idle
        // iterations later ID 5's READ is queued: the driver sets ISTAT SIGP, WAIT RESELECT ends at its alternate
        // address, and the driver starts it while ID 3 is still away (400 chip steps).
        var o = disconnect.Sim.Run(dir, [.. Interrupts, "--disk", $"0:3:{d3.Path}", "--disk", $"0:5:{d5.Path}", "--disconnect", "0:3:400",
            "tur", "0", "5", "pair", "0", "3", "7", "3", "5", "9", "1", "100"]);
        AssertRead(o, "2", d3, 7, 3);
        AssertRead(o, "3", d5, 9, 1);
        Assert.Equal(("3", "2"), Order(o, 2));
        Assert.Equal(1, o.Stat(0, "sigp_wakeups"));
        Assert.Equal(1, o.Stat(0, "reselections"));
        Assert.Equal(2, o.Stat(0, "max_nexus"));
    }

    [Fact]
    public void A_disconnected_target_that_does_not_come_back_is_failed_by_the_watchdog_and_the_next_command_works()
    {
        var d3 = DiskImage.Create(dir, "d3.img", 64, 61);
        var d5 = DiskImage.Create(dir, "d5.img", 64, 62);
        // ID 3 would reselect only after 5000 chip steps (about one per clock tick here), well past the watchdog's
        // 600 ticks: the disconnected command fails in the callout (okay = FALSE, status 0xff), the bus reset frees
        // the target, and the next command (ID 5) works.
        var o = disconnect.Sim.Run(dir, [.. Interrupts, "--disk", $"0:3:{d3.Path}", "--disk", $"0:5:{d5.Path}", "--disconnect", "0:3:5000",
            "tur", "0", "5", "read10", "0", "3", "4", "1", "read10", "0", "5", "6", "2"]);
        var lost = o["2"];
        Assert.True(lost.Completions == 1 && !lost.Okay && lost.Status == 0xff && lost.Context == "callout", $"{lost}\n{o.Describe()}");
        Assert.True(lost.Idle >= 590, $"failed after {lost.Idle} idle ticks, expected the 600-tick watchdog\n{o.Describe()}");
        AssertRead(o, "3", d5, 6, 2);
        Assert.Equal(0, o.Stat(0, "reselections"));
        Assert.Equal(2, o.Stat(0, "bus_resets"));
    }

    [Fact]
    public void Disconnecting_targets_work_while_the_driver_polls_one_command_at_a_time()
    {
        // Polled (level-2 interrupts never taken), a4091queue returns only when the card has nothing outstanding:
        // each target disconnects and reselects, but the second command is queued after the first has finished.
        var d3 = DiskImage.Create(dir, "d3.img", 64, 55);
        var d5 = DiskImage.Create(dir, "d5.img", 64, 56);
        var o = disconnect.Sim.Run(dir, ["--irq", "off", "--pace", "2", "--disk", $"0:3:{d3.Path}", "--disk", $"0:5:{d5.Path}",
            "--disconnect", "0:3:300", "--disconnect", "0:5:30", "pair", "0", "3", "1", "2", "5", "2", "2"]);
        AssertRead(o, "1", d3, 1, 2);
        AssertRead(o, "2", d5, 2, 2);
        Assert.Equal("queue", o["1"].Context);
        Assert.Equal("queue", o["2"].Context);
        Assert.Equal(("1", "2"), Order(o, 1));
        Assert.Equal(2, o.Stat(0, "reselections"));
        Assert.Equal(1, o.Stat(0, "max_nexus"));
    }

    [Fact]
    public void Without_the_option_IDENTIFY_grants_no_disconnect_and_the_commands_run_one_after_the_other()
    {
        var d3 = DiskImage.Create(dir, "d3.img", 256, 57);
        var d5 = DiskImage.Create(dir, "d5.img", 256, 58);
        // The same targets, the default build: a target may disconnect only if IDENTIFY allowed it (SCSI-2 6.6.7).
        var o = plain.Sim.Run(dir, [.. Interrupts, "--disk", $"0:3:{d3.Path}", "--disk", $"0:5:{d5.Path}", "--disconnect", "0:3:400",
            "tur", "0", "5", "pair", "0", "3", "10", "4", "5", "20", "8"]);
        AssertRead(o, "2", d3, 10, 4);
        AssertRead(o, "3", d5, 20, 8);
        Assert.Equal(("2", "3"), Order(o, 2));
        Assert.Equal(1, o.Stat(0, "max_nexus"));
        Assert.Equal(0, o.Stat(0, "reselections"));
    }
}
