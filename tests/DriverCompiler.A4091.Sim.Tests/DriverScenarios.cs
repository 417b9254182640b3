using System.Text;
using DriverCompiler.A4091.Sim.Tests.Infrastructure;

namespace DriverCompiler.A4091.Sim.Tests;

/// <summary>
/// The scenarios of issue 4 §4, run against a driver linked into the simulator: requests are
/// built as dd.c builds them (struct sdcom, a4091queue at spl2, cp->intr on completion) and
/// the results are checked against the disk image files on the host and the SCSI-2 standard.
/// </summary>
public abstract class DriverScenarios : IDisposable
{
    protected abstract SimBinary Sim { get; }

    /// <summary>Options for the interrupt-driven runs: the chip advances one instruction per 2 register accesses,
    /// and two clock ticks (level-2 interrupts running int2_tbl) pass before the first request, as on a running system.</summary>
    protected virtual string[] InterruptOptions => ["--irq", "on", "--pace", "2", "--boot-ticks", "2"];

    /// <summary>Options for runs where level-2 interrupts are never taken (the driver must poll).</summary>
    protected virtual string[] PolledOptions => ["--irq", "off", "--pace", "2"];

    /// <summary>Whether the driver under test completes without interrupts (a bounded poll).</summary>
    protected virtual bool SupportsPolling => true;

    protected readonly string Dir = Repo.NewTempDir("run");

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }

    private SimOutput Run(string[] mode, params string[] args) => Sim.Run(Dir, [.. mode, .. args]);

    private static void AssertGood(SimOutput o, string tag)
    {
        var r = o[tag];
        Assert.True(r.Good, $"request {tag} did not complete with GOOD: {r}\n{o.Describe()}");
    }

    private static void AssertBytes(byte[] expected, byte[] actual, string what, SimOutput o)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: {actual.Length} bytes, expected {expected.Length}\n{o.Describe()}");
        int i = 0;
        while (i < expected.Length && expected[i] == actual[i]) i++;
        Assert.True(i == expected.Length, $"{what}: first difference at byte {i}\n{o.Describe()}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Inquiry_returns_standard_data_of_a_direct_access_device(bool interrupts)
    {
        if (!interrupts && !SupportsPolling) throw new Xunit.Sdk.XunitException("the driver under test has no polled completion mode (see the report)");
        var disk = DiskImage.Create(Dir, "d3.img", 2048, 1);
        var o = Run(interrupts ? InterruptOptions : PolledOptions, "--disk", $"0:3:{disk.Path}", "inquiry", "0", "3");
        AssertGood(o, "1");
        var d = o.DataOf("1");
        Assert.Equal(36, d.Length);
        Assert.Equal(0x00, d[0] & 0x1F);        // peripheral device type: direct access (SCSI-2 8.2.5.1)
        Assert.Equal(0x02, d[3] & 0x0F);        // response data format 2
        Assert.Equal(31, d[4]);                 // additional length: 36 - 5
        Assert.Equal("DRVCSIM ", Encoding.ASCII.GetString(d, 8, 8));
        Assert.StartsWith("SIMDISK ID3", Encoding.ASCII.GetString(d, 16, 16));
    }

    [Fact]
    public void Read_capacity_reports_the_image_size()
    {
        var disk = DiskImage.Create(Dir, "d3.img", 3000, 2);
        var o = Run(InterruptOptions, "--disk", $"0:3:{disk.Path}", "readcap", "0", "3");
        AssertGood(o, "1");
        var d = o.DataOf("1");
        Assert.Equal(2999u, (uint)(d[0] << 24 | d[1] << 16 | d[2] << 8 | d[3]));   // last LBA
        Assert.Equal(512u, (uint)(d[4] << 24 | d[5] << 16 | d[6] << 8 | d[7]));    // block length
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(7, 8)]
    [InlineData(100, 64)]
    [InlineData(1919, 128)]
    public void Read10_returns_the_image_bytes(int lba, int blocks)
    {
        var disk = DiskImage.Create(Dir, "d3.img", 2048, 3);
        var o = Run(InterruptOptions, "--disk", $"0:3:{disk.Path}", "read10", "0", "3", $"{lba}", $"{blocks}");
        AssertGood(o, "1");
        AssertBytes(disk.Read(lba, blocks), o.DataOf("1"), $"READ(10) lba {lba} x {blocks}", o);
    }

    [Theory]
    [InlineData(1)]      // 512 B
    [InlineData(2)]
    [InlineData(8)]      // 4 KiB
    [InlineData(33)]
    [InlineData(127)]
    [InlineData(128)]    // 64 KiB
    public void Write10_then_read10_round_trips_through_the_image(int blocks)
    {
        var disk = DiskImage.Create(Dir, "d3.img", 1024, 4);
        const int lba = 300;
        var before = disk.Read(lba - 1, blocks + 2);
        var file = Path.Combine(Dir, "w.bin");
        var data = DiskImage.DataFile(file, blocks, 100 + blocks);
        var o = Run(InterruptOptions, "--disk", $"0:3:{disk.Path}",
            "write10", "0", "3", $"{lba}", $"{blocks}", file, "read10", "0", "3", $"{lba}", $"{blocks}");
        AssertGood(o, "1");
        AssertGood(o, "2");
        AssertBytes(data, disk.Read(lba, blocks), "image after WRITE(10)", o);
        AssertBytes(data, o.DataOf("2"), "READ(10) after WRITE(10)", o);
        AssertBytes(before[..512], disk.Read(lba - 1, 1), "the block before the write", o);
        AssertBytes(before[^512..], disk.Read(lba + blocks, 1), "the block after the write", o);
    }

    [Fact]
    public void Read6_and_write6_address_the_same_blocks()
    {
        var disk = DiskImage.Create(Dir, "d3.img", 600, 5);
        var file = Path.Combine(Dir, "w.bin");
        var data = DiskImage.DataFile(file, 4, 6);
        var o = Run(InterruptOptions, "--disk", $"0:3:{disk.Path}",
            "read6", "0", "3", "17", "3", "write6", "0", "3", "500", "4", file, "read6", "0", "3", "500", "4");
        AssertGood(o, "1");
        AssertGood(o, "2");
        AssertGood(o, "3");
        AssertBytes(disk.Read(17, 3), o.DataOf("1"), "READ(6)", o);
        AssertBytes(data, disk.Read(500, 4), "image after WRITE(6)", o);
        AssertBytes(data, o.DataOf("3"), "READ(6) after WRITE(6)", o);
    }

    [Fact]
    public void Selection_of_an_absent_target_times_out_and_the_bus_stays_usable()
    {
        var disk = DiskImage.Create(Dir, "d3.img", 64, 7);
        var o = Run(InterruptOptions, "--sto", "50", "--disk", $"0:3:{disk.Path}", "tur", "0", "4", "inquiry", "0", "3");
        var r = o["1"];
        Assert.True(r.Completions == 1 && !r.Okay, $"TEST UNIT READY to absent ID 4 must complete once with okay = FALSE: {r}\n{o.Describe()}");
        Assert.False(o.Results.ContainsKey("1s"), "no REQUEST SENSE after a transport failure (dd.c only senses okay commands)");
        AssertGood(o, "2");
    }

    [Fact]
    public void Unexpected_phase_fails_the_command_and_the_next_one_succeeds()
    {
        var disk = DiskImage.Create(Dir, "d3.img", 64, 8);
        var o = Run(InterruptOptions, "--disk", $"0:3:{disk.Path}", "--fault", "0:3:msgin",
            "inquiry", "0", "3", "read10", "0", "3", "5", "2");
        var r = o["1"];
        Assert.True(r.Completions == 1 && !r.Okay, $"MSG IN after the CDB must fail the command (okay = FALSE): {r}\n{o.Describe()}");
        AssertGood(o, "2");
        AssertBytes(disk.Read(5, 2), o.DataOf("2"), "READ(10) after the recovery", o);
    }

    [Fact]
    public void Check_condition_for_an_lba_beyond_the_image_is_sensed_as_dd_does()
    {
        var disk = DiskImage.Create(Dir, "d3.img", 100, 9);
        var o = Run(InterruptOptions, "--disk", $"0:3:{disk.Path}", "read10", "0", "3", "99", "2");
        var r = o["1"];
        Assert.True(r.Completions == 1 && r.Okay && r.Status == 0x02, $"expected okay = TRUE, status CHECK CONDITION: {r}\n{o.Describe()}");
        AssertGood(o, "1s");
        var s = o.DataOf("1s");
        Assert.Equal(0x70, s[0] & 0x7F);          // fixed-format current error
        Assert.Equal(0x05, s[2] & 0x0F);          // ILLEGAL REQUEST
        Assert.Equal(0x21, s[12]);                // LOGICAL BLOCK ADDRESS OUT OF RANGE
        Assert.Equal(0x02, o["1r"].Status);       // the retry fails the same way
    }

    /// <summary>
    /// The sense data's INFORMATION field after a READ(10) that runs past the last block. SCSI-2 (X3.131-1994)
    /// 8.2.14.3: a VALID bit of one says INFORMATION is as the standard defines it, and for a direct-access device
    /// (type 0) INFORMATION is "the unsigned logical block address associated with the sense key". The ILLEGAL
    /// REQUEST / LOGICAL BLOCK ADDRESS OUT OF RANGE (ASC 0x21) is about the first block that does not exist: the
    /// capacity (one past the last LBA, READ CAPACITY's answer + 1) for a transfer that starts inside the medium
    /// and crosses its end, the starting LBA for one that starts past it.
    /// </summary>
    [Theory]
    [InlineData(99, 2, 100)]       // starts on the last block (99), block 100 is the first that does not exist
    [InlineData(60, 50, 100)]      // starts inside, crosses the end: 100
    [InlineData(100, 1, 100)]      // starts just past the end
    [InlineData(150, 3, 150)]      // starts well past the end: the starting LBA
    public void Sense_information_after_a_read_past_the_end_is_the_first_block_that_does_not_exist(int lba, int blocks, int expected)
    {
        var disk = DiskImage.Create(Dir, "d3.img", 100, 9);
        var o = Run(InterruptOptions, "--disk", $"0:3:{disk.Path}", "read10", "0", "3", $"{lba}", $"{blocks}");
        Assert.True(o["1"].Okay && o["1"].Status == 0x02, $"expected CHECK CONDITION: {o["1"]}\n{o.Describe()}");
        var s = o.DataOf("1s");
        Assert.True(s.Length >= 7, $"sense data too short: {s.Length} bytes\n{o.Describe()}");
        Assert.True((s[0] & 0x80) != 0, $"VALID must be set: INFORMATION holds an LBA (sense byte 0 = 0x{s[0]:x2})");
        Assert.Equal(0x70, s[0] & 0x7F);
        Assert.Equal(0x05, s[2] & 0x0F);
        Assert.Equal(0x21, s[12]);
        uint information = (uint)(s[3] << 24 | s[4] << 16 | s[5] << 8 | s[6]);
        Assert.Equal((uint)expected, information);
    }

    [Fact]
    public void Check_condition_for_an_unknown_opcode_carries_invalid_command_sense()
    {
        var disk = DiskImage.Create(Dir, "d3.img", 100, 10);
        var o = Run(InterruptOptions, "--disk", $"0:3:{disk.Path}", "cdb", "0", "3", "0", "c1000000000000000000");
        Assert.True(o["1"].Okay && o["1"].Status == 0x02, $"{o["1"]}\n{o.Describe()}");
        var s = o.DataOf("1s");
        Assert.Equal(0x05, s[2] & 0x0F);
        Assert.Equal(0x20, s[12]);                // INVALID COMMAND OPERATION CODE
        Assert.True((s[0] & 0x80) == 0, "VALID must be clear: no logical block goes with an invalid opcode (SCSI-2 8.2.14.3)");
    }

    [Fact]
    public void Interrupt_driven_completion_runs_in_a4091intr_called_for_the_boards_interrupt()
    {
        var disk = DiskImage.Create(Dir, "d3.img", 256, 11);
        // Request 1 may be polled (a driver may wait until it knows level-2 interrupts are taken); the system
        // then runs, and requests 2-4 must each complete in a4091intr called because the board asserted INT2 —
        // not in a clock tick's call of the same handler (Amix calls every int2_tbl entry on each level-2
        // interrupt), which would complete commands even with the chip's interrupts never enabled.
        var o = Run(InterruptOptions, "--disk", $"0:3:{disk.Path}", "tur", "0", "3", "inquiry", "0", "3", "read10", "0", "3", "10", "16", "tur", "0", "3");
        AssertGood(o, "1");
        foreach (var tag in new[] { "2", "3", "4" })
        {
            AssertGood(o, tag);
            Assert.True(o[tag].Context == "int2", $"request {tag} completed in context {o[tag].Context}, not in a4091intr for the board's interrupt\n{o.Describe()}");
        }
        Assert.True(o.Counter("completions", "int2") >= 3, $"a4091intr calls for the board's INT2 that completed requests: {o.Counter("completions", "int2")}\n{o.Describe()}");
        Assert.Equal(0, o.Counter("completions", "clock"));
        Assert.True(o.Int2Count >= 3, $"expected at least 3 level-2 interrupts from the board, saw {o.Int2Count}\n{o.Describe()}");
        AssertBytes(disk.Read(10, 16), o.DataOf("3"), "READ(10)", o);
    }

    [Fact]
    public void Polled_completion_works_without_interrupts()
    {
        if (!SupportsPolling) throw new Xunit.Sdk.XunitException("the driver under test has no polled completion mode (see the report)");
        var disk = DiskImage.Create(Dir, "d3.img", 256, 12);
        var o = Run(PolledOptions, "--sto", "40", "--disk", $"0:3:{disk.Path}", "inquiry", "0", "3", "read10", "0", "3", "10", "16", "tur", "0", "6");
        AssertGood(o, "1");
        AssertGood(o, "2");
        Assert.True(o["3"].Completions == 1 && !o["3"].Okay, $"{o["3"]}\n{o.Describe()}");
        foreach (var tag in new[] { "1", "2", "3" })
            Assert.True(o[tag].Context == "queue", $"request {tag}: completed in {o[tag].Context}, expected inside a4091queue\n{o.Describe()}");
        Assert.Equal(0, o.Int2Count);
        Assert.Equal(3, o.Counter("completions", "queue"));
        // The chip needs time (one instruction per 2 accesses): a single ISTAT read cannot have seen completion.
        Assert.True(o.Stat(0, "reads8") > 3 * 10, $"the driver did not poll ISTAT repeatedly\n{o.Describe()}");
        AssertBytes(disk.Read(10, 16), o.DataOf("2"), "READ(10)", o);
    }

    [Fact]
    public void Two_cards_each_reach_their_own_disks()
    {
        var a = DiskImage.Create(Dir, "a.img", 128, 13);
        var b = DiskImage.Create(Dir, "b.img", 128, 14);
        var o = Run(InterruptOptions, "--board", "0x40000000", "--board", "0x41000000",
            "--disk", $"0:3:{a.Path}", "--disk", $"1:3:{b.Path}", "--disk", $"1:5:{a.Path}",
            "read10", "0", "3", "20", "4", "read10", "1", "3", "20", "4", "read10", "1", "5", "40", "1", "tur", "0", "5");
        AssertGood(o, "1");
        AssertGood(o, "2");
        AssertGood(o, "3");
        AssertBytes(a.Read(20, 4), o.DataOf("1"), "card 0 ID 3", o);
        AssertBytes(b.Read(20, 4), o.DataOf("2"), "card 1 ID 3", o);
        AssertBytes(a.Read(40, 1), o.DataOf("3"), "card 1 ID 5", o);
        Assert.True(o["4"].Completions == 1 && !o["4"].Okay, $"ID 5 is only on card 1's bus: {o["4"]}\n{o.Describe()}");
        Assert.True(o.Stat(0, "starts") >= 2 && o.Stat(1, "starts") >= 2, $"each card must run its own commands\n{o.Describe()}");
    }

    [Fact]
    public void Register_accesses_are_8_or_32_bit_writes_go_through_the_shadow_and_only_istat_is_touched_while_scripts_run()
    {
        var disk = DiskImage.Create(Dir, "d3.img", 256, 15);
        var o = Run(InterruptOptions, "--disk", $"0:3:{disk.Path}", "inquiry", "0", "3", "read10", "0", "3", "1", "8", "tur", "0", "2");
        Assert.Equal(0, o.Stat(0, "bad_width"));
        Assert.Equal(0, o.Stat(0, "outside"));
        Assert.Equal(0, o.Stat(0, "direct_writes"));
        Assert.True(o.Stat(0, "shadow_writes") > 0);
        Assert.True(o.Stat(0, "unsafe") == 0, $"registers other than ISTAT were accessed while SCRIPTS ran\n{o.Describe()}");
    }
}
