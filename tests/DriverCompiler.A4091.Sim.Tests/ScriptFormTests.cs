using System.Text.RegularExpressions;
using DriverCompiler.A4091.Sim.Tests.Infrastructure;

namespace DriverCompiler.A4091.Sim.Tests;

/// <summary>Builds SelfTest/formtest.c: the bare chip model running SelfTest/forms.ss.</summary>
public sealed class FormTestFixture
{
    private readonly Lazy<SimBinary> sim = new(() => SimBinary.Build("forms",
        [Path.Combine(Repo.SelfTestDir, "formtest.c")], SimBinary.HarnessCFlags,
        work => SelfTestDriverFixture.Assemble("forms.ss", work),
        harness: ["ncr710.c", "scsi_disk.c"]));

    public SimBinary Sim => sim.Value;
}

/// <summary>
/// SCRIPTS instruction forms on the chip model alone, one entry point of forms.ss each. The
/// expected values follow from the 53C710 semantics of each instruction (comments in forms.ss),
/// not from running the model.
/// </summary>
public sealed class ScriptFormTests(FormTestFixture fixture) : IClassFixture<FormTestFixture>, IDisposable
{
    private readonly string dir = Repo.NewTempDir("forms");

    public void Dispose()
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    private Dictionary<string, string> Run(params string[] args)
    {
        var o = fixture.Sim.Run(dir, args);
        var values = Regex.Matches(o.Stdout, @"(\w+)=([0-9a-f]+)").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        values["_"] = o.Stdout;
        return values;
    }

    private static void Done(Dictionary<string, string> v)
    {
        Assert.True(v["DSPS"] == "0000600d", $"expected INT 0x600d:\n{v["_"]}");
        Assert.True(v["DSTAT"] == "84" && (Convert.ToInt32(v["ISTAT"], 16) & 0x03) == 0x01, $"expected DSTAT SIR (+DFE) and ISTAT DIP:\n{v["_"]}");
    }

    [Fact]
    public void Register_moves_call_return_and_data_compares()
    {
        var v = Run("alu");
        Done(v);
        // SCRATCH3..0: SHR 0x11 = 0x08; SFBR 0x02 | 0x33 & 0x33 = 0x33; 0x0f ^ 0xff | 0x01 = 0xf1; 0x81 << 1 = 0x02.
        Assert.Equal("0833f102", v["SCRATCH"]);
    }

    [Fact]
    public void Memory_move_copies_between_relocated_external_addresses()
    {
        var v = Run("memmove");
        Done(v);
        Assert.Equal("0102030405060708", v["dst"]);
    }

    [Fact]
    public void Direct_select_indirect_move_and_phase_with_data_compare_run_a_command()
    {
        var disk = DiskImage.Create(dir, "d.img", 16, 1);
        var v = Run("direct", disk.Path);
        Done(v);
        Assert.Equal("00", v["status"]);   // TEST UNIT READY: GOOD
        Assert.Equal("00", v["msg"]);      // COMMAND COMPLETE
    }

    [Fact]
    public void Wait_reselect_takes_the_alternate_address_when_sigp_is_set()
    {
        Done(Run("reselect"));
        var waiting = Run("reselect-nosigp");
        Assert.True(waiting["running"] == "1" && waiting["ISTAT"] == "00", $"without SIGP and no reselection the chip must still wait:\n{waiting["_"]}");
    }

    [Fact]
    public void Block_move_WITH_right_after_selection_is_a_phase_mismatch()
    {
        // 53C710: a block move with bit 27 clear (WITH) does not wait for REQ; the target has not yet
        // asserted REQ for MESSAGE OUT, so the phase latched before (0 after reset) is compared: SSTAT0 M/A,
        // no byte moved. The same move with WHEN (entry "direct") waits and sends IDENTIFY.
        var disk = DiskImage.Create(dir, "d.img", 16, 1);
        var v = Run("with_after_select", disk.Path);
        Assert.True(v["SSTAT0"] == "80", $"expected SSTAT0 M/A only:\n{v["_"]}");
        Assert.True((Convert.ToInt32(v["ISTAT"], 16) & 0x0a) == 0x0a, $"expected ISTAT SIP with the target still connected:\n{v["_"]}");
        Assert.True(v["DSPS"] != "0000bad6", $"the mismatch must stop SCRIPTS at the move:\n{v["_"]}");
    }

    [Fact]
    public void IF_compares_the_latched_phase_and_WHEN_waits_for_REQ()
    {
        // After the CDB the target goes to STATUS but asserts REQ later: IF STATUS is false and IF NOT CMD is
        // false (the latched phase is still COMMAND); WHEN STATUS waits for REQ and is taken; the WITH
        // move after it then runs, since REQ is asserted and the phase latched.
        var disk = DiskImage.Create(dir, "d.img", 16, 1);
        var v = Run("if_after_command", disk.Path);
        Done(v);
        Assert.Equal("00", v["status"]);
        Assert.Equal("00", v["msg"]);
    }

    [Fact]
    public void Block_move_of_zero_bytes_is_an_illegal_instruction()
    {
        var v = Run("zero_count");
        Assert.Equal("81", v["DSTAT"]);    // IID (+DFE)
        Assert.Equal("01", v["ISTAT"]);
    }

    [Fact]
    public void Access_to_the_first_page_is_a_bus_fault()
    {
        var v = Run("bus_fault");
        Assert.Equal("a0", v["DSTAT"]);    // BF (+DFE)
        Assert.Equal("01", v["ISTAT"]);
    }
}
