using System.Globalization;
using System.Text.RegularExpressions;
using DriverCompiler.A4091.Sim.Tests.Infrastructure;

namespace DriverCompiler.A4091.Sim.Tests;

/// <summary>drivers/A4091 as drvc emits it (<c>drvc build drivers/A4091</c>, once per test run).</summary>
public static class A4091Emitted
{
    private static readonly Lazy<string> output = new(() =>
    {
        var dir = Repo.NewTempDir("drvc");
        var o = new StringWriter();
        var e = new StringWriter();
        int rc = DriverCompiler.Cli.Drvc.Run(["build", Path.Combine(Repo.Root, "drivers", "A4091"), "--out", dir], o, e);
        if (rc != 0) throw new InvalidOperationException($"drvc build drivers/A4091 failed ({rc}):\n{e}{o}");
        return dir;
    });

    /// <summary>The output folder (a4091.c, a4091.h, drv/).</summary>
    public static string Output => output.Value;

    /// <summary>The issue's strict flags for a4091.c (C89, -pedantic, -Werror) with DRV_MMIO_HOOKS.</summary>
    public static string[] Flags =>
        ["-m68030", "-std=c89", "-pedantic", "-O2", "-Wall", "-Wextra", "-Werror", "-fwrapv", "-DDRV_MMIO_HOOKS",
         "-I", Output, "-I", Repo.AmixInclude];
}

/// <summary>
/// drivers/A4091 as drvc emits it: a4091.c compiled for the 68030 with the issue's strict flags
/// (C89, -pedantic, -Werror) and DRV_MMIO_HOOKS, linked into the simulator.
/// </summary>
public sealed class A4091DriverFixture
{
    private readonly Lazy<SimBinary> sim = new(() =>
        SimBinary.Build("a4091", [Path.Combine(A4091Emitted.Output, "a4091.c")], A4091Emitted.Flags));

    public SimBinary Sim => sim.Value;
}

/// <summary>
/// The same driver linked so that the static SCRIPTS array <c>a4091_siop_script_program</c> sits at an
/// address that is 2 mod 4 — legal for the 68k ABI, which aligns long arrays to 2 only, and what the
/// Amix <c>cc</c> may well do. a4091.c is compiled with <c>-fdata-sections</c>, the array's section
/// is renamed with objcopy and placed by the linker at <see cref="Address"/>.
/// </summary>
public sealed class A4091MisalignedScriptsFixture
{
    /// <summary>Where the linker puts the array: 2 mod 4, away from every other section of the static executable.</summary>
    public const uint Address = 0x00C00002;
    private const string Array = "a4091_siop_script_program";
    private const string Section = ".a4091scripts";

    private readonly Lazy<SimBinary> sim = new(() => SimBinary.Build("a4091-misaligned",
        [Path.Combine(A4091Emitted.Output, "a4091.c")], [.. A4091Emitted.Flags, "-fdata-sections"],
        driverObject: obj =>
        {
            var objcopy = Tools.RequireBinutils("m68k-linux-gnu-objcopy");
            string[] args = ["--rename-section", $".data.{Array}={Section},alloc,load,data,contents", obj];
            var r = Proc.Run(objcopy, args, Path.GetDirectoryName(obj)!, TimeSpan.FromMinutes(1));
            if (!r.Ok) throw new InvalidOperationException(r.Describe(Proc.Show("m68k-linux-gnu-objcopy", args)));
        },
        linkFlags: [$"-Wl,--section-start={Section}=0x{Address:x8}"]));

    public SimBinary Sim => sim.Value;

    /// <summary>The array's address in the linked executable, read back with nm.</summary>
    public uint LinkedAddress()
    {
        var nm = Tools.RequireBinutils("m68k-linux-gnu-nm");
        var r = Proc.Run(nm, [Sim.Executable], Sim.WorkDir, TimeSpan.FromMinutes(1));
        if (!r.Ok) throw new InvalidOperationException(r.Describe("m68k-linux-gnu-nm"));
        var m = Regex.Match(r.Stdout, @"(?m)^([0-9a-f]{8}) [Dd] " + Array + "$");
        if (!m.Success) throw new Xunit.Sdk.XunitException($"{Array} is not in the symbol table of the executable");
        return uint.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// Every scenario with the emitted A4091 driver. Its first command is polled (the driver does not
/// yet know that level-2 interrupts are taken); the callout that first call arms runs on the next
/// clock tick, and every later command completes in a4091intr.
/// </summary>
public sealed class A4091DriverTests(A4091DriverFixture fixture) : DriverScenarios, IClassFixture<A4091DriverFixture>
{
    protected override SimBinary Sim => fixture.Sim;

    [Fact]
    public void The_first_command_is_polled_and_the_later_ones_complete_in_a4091intr_for_the_boards_interrupt()
    {
        var disk = DiskImage.Create(Dir, "d3.img", 256, 21);
        var o = Sim.Run(Dir, [.. InterruptOptions, "--disk", $"0:3:{disk.Path}",
            "tur", "0", "3", "inquiry", "0", "3", "read10", "0", "3", "10", "16", "tur", "0", "3"]);
        foreach (var tag in new[] { "1", "2", "3", "4" }) Assert.True(o[tag].Good, $"request {tag}: {o[tag]}\n{o.Describe()}");
        Assert.True(o["1"].Context == "queue", $"the first command must be polled inside a4091queue: {o["1"]}\n{o.Describe()}");
        foreach (var tag in new[] { "2", "3", "4" })
            Assert.True(o[tag].Context == "int2", $"request {tag} must complete in a4091intr called for the board's INT2: {o[tag]}\n{o.Describe()}");
        // Counted over the run: three completions in int2_tbl calls made for the board's interrupt, none from a
        // clock tick's call of the same handler, none from a callout (the watchdog), one polled.
        Assert.Equal(3, o.Counter("completions", "int2"));
        Assert.Equal(0, o.Counter("completions", "clock"));
        Assert.Equal(0, o.Counter("completions", "callout"));
        Assert.Equal(1, o.Counter("completions", "queue"));
        Assert.True(o.Int2Count >= 3, $"the board's INT2 must have been taken for each command\n{o.Describe()}");
    }

    [Fact]
    public void Without_level_2_interrupts_every_command_stays_polled()
    {
        var disk = DiskImage.Create(Dir, "d3.img", 256, 22);
        // --irq off: neither the board's INT2 nor the clock is ever taken, so the driver's probe callout never runs.
        var o = Sim.Run(Dir, [.. PolledOptions, "--disk", $"0:3:{disk.Path}", "tur", "0", "3", "inquiry", "0", "3", "tur", "0", "3"]);
        foreach (var tag in new[] { "1", "2", "3" })
        {
            Assert.True(o[tag].Good, $"request {tag}: {o[tag]}\n{o.Describe()}");
            Assert.Equal("queue", o[tag].Context);
        }
        Assert.Equal(3, o.Counter("completions", "queue"));
    }

    [Fact]
    public void An_interrupt_driven_command_whose_target_hangs_is_failed_by_the_watchdog_and_the_bus_recovers()
    {
        var disk = DiskImage.Create(Dir, "d3.img", 256, 23);
        // Request 1 (polled) switches the driver to interrupts; request 2's target takes the CDB and then never
        // asserts REQ again. Only the watchdog callout (600 ticks) can end it; request 3 must then work.
        var o = Sim.Run(Dir, [.. InterruptOptions, "--disk", $"0:3:{disk.Path}", "--fault", "0:3:hang@2",
            "tur", "0", "3", "inquiry", "0", "3", "read10", "0", "3", "7", "2"]);
        Assert.True(o["1"].Good, $"{o["1"]}\n{o.Describe()}");
        var hung = o["2"];
        Assert.True(hung.Completions == 1 && !hung.Okay && hung.Status == 0xff, $"the hung command must fail once with okay = FALSE, status 0xff: {hung}\n{o.Describe()}");
        Assert.True(hung.Context == "callout", $"only the watchdog callout can end it: {hung}\n{o.Describe()}");
        Assert.True(hung.Idle >= 590, $"the watchdog fired after {hung.Idle} idle ticks, expected about 600 (10 s at HZ 60)\n{o.Describe()}");
        Assert.True(o["3"].Good && o["3"].Context == "int2", $"after the bus reset the next command works, interrupt-driven: {o["3"]}\n{o.Describe()}");
        AssertBytesEqual(disk.Read(7, 2), o.DataOf("3"));
        // The recovery the README documents: SCRIPTS aborted (ISTAT ABRT) and the SCSI bus reset (SCNTL1 RST), which is
        // what frees the target. Two bus resets in the run: the card's first mapping, and the watchdog's.
        Assert.Equal(2, o.Stat(0, "bus_resets"));
        Assert.True(o.Stat(0, "aborts") >= 2, $"the watchdog's recovery must abort SCRIPTS\n{o.Describe()}");
    }

    [Fact]
    public void A_card_that_keeps_interrupting_with_no_command_is_masked_and_works_again_for_the_next_one()
    {
        var disk = DiskImage.Create(Dir, "d3.img", 64, 25);
        // After two commands (the second interrupt-driven), another device resets the SCSI bus on each of 200
        // ticks while nothing is queued. Each reset raises SSTAT0 RST, an enabled interrupt; a4091intr clears it,
        // but after SpuriousLimit (16) in a row with nothing to complete the card's interrupts are masked.
        var o = Sim.Run(Dir, [.. InterruptOptions, "--disk", $"0:3:{disk.Path}",
            "tur", "0", "3", "tur", "0", "3", "storm", "0", "200", "read10", "0", "3", "5", "2"]);
        Assert.True(o["1"].Good && o["2"].Good, o.Describe());
        long during = o.Counter("storm", "int2");
        Assert.True(during is >= 1 and <= 16, $"{during} level-2 interrupts from the card during 200 spurious resets; expected at most 16\n{o.Describe()}");
        Assert.True(o["3"].Good && o["3"].Context == "int2", $"the next command unmasks the card and completes from its interrupt: {o["3"]}\n{o.Describe()}");
        AssertBytesEqual(disk.Read(5, 2), o.DataOf("3"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(40)]
    public void Commands_complete_however_long_the_target_takes_to_assert_REQ(int reqDelay)
    {
        // The program waits (WHEN) wherever the target has just changed phase, so neither a target that
        // asserts REQ at once nor one that takes 40 chip steps changes the outcome (default: 3 steps).
        var disk = DiskImage.Create(Dir, "d3.img", 64, 26);
        var data = Path.Combine(Dir, "w.bin");
        File.WriteAllBytes(data, [.. Enumerable.Range(0, 1024).Select(i => (byte)(i * 7 + reqDelay))]);
        var o = Sim.Run(Dir, [.. InterruptOptions, "--req-delay", reqDelay.ToString(CultureInfo.InvariantCulture), "--disk", $"0:3:{disk.Path}",
            "inquiry", "0", "3", "write10", "0", "3", "9", "2", data, "read10", "0", "3", "9", "2", "read10", "0", "3", "64", "1"]);
        foreach (var tag in new[] { "1", "2", "3" }) Assert.True(o[tag].Good, $"request {tag}: {o[tag]}\n{o.Describe()}");
        AssertBytesEqual(File.ReadAllBytes(data), o.DataOf("3"));
        AssertBytesEqual(File.ReadAllBytes(data), disk.Read(9, 2));
        // READ past the end: CHECK CONDITION, then dd's REQUEST SENSE says ILLEGAL REQUEST.
        Assert.True(o["4"].Okay && o["4"].Status == 0x02, $"{o["4"]}\n{o.Describe()}");
        Assert.Equal(0x05, o.DataOf("4s")[2] & 0x0F);
    }

    private static void AssertBytesEqual(byte[] expected, byte[] actual) => Assert.True(expected.AsSpan().SequenceEqual(actual), "data differs from the image");

    [Fact]
    public void The_chip_runs_scripts_and_reads_the_dsa_table_from_one_page_of_kernel_ram_per_card()
    {
        var a = DiskImage.Create(Dir, "a.img", 64, 24);
        var o = Sim.Run(Dir, [.. InterruptOptions, "--board", "0x40000000", "--board", "0x41000000",
            "--disk", $"0:3:{a.Path}", "--disk", $"1:3:{a.Path}", "inquiry", "0", "3", "inquiry", "1", "3"]);
        Assert.True(o["1"].Good && o["2"].Good, o.Describe());
        Assert.Equal(2, o.Counter("int2", "ram_pages"));
        Assert.Equal(0, o.Stat(0, "bus_faults"));
        Assert.Equal(0, o.Stat(1, "bus_faults"));
    }
}

/// <summary>
/// Every scenario again with the static SCRIPTS array at an address 2 mod 4: the driver gives the chip
/// its page-aligned copy, so nothing depends on where the C compiler put the array.
/// </summary>
public sealed class A4091MisalignedScriptsTests(A4091MisalignedScriptsFixture fixture) : DriverScenarios, IClassFixture<A4091MisalignedScriptsFixture>
{
    protected override SimBinary Sim => fixture.Sim;

    [Fact]
    public void The_static_scripts_array_really_is_at_an_address_2_mod_4()
    {
        uint address = fixture.LinkedAddress();
        Assert.Equal(A4091MisalignedScriptsFixture.Address, address);
        Assert.Equal(2u, address % 4);
    }
}
