using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace DriverCompiler.VirtioScsi.Qemu.Tests;

/// <summary>
/// virtioscsi.device (drivers/VirtioScsi, emitted by drvc) booted by the harness on each machine
/// with eight scsi-hd targets, on the modern transport and with the legacy one forced
/// (disable-modern=on). The guest program uses the device only through exec's device calls and
/// reports one line per check; afterwards the image files are checked on the host.
/// </summary>
[Trait("Category", "Qemu")]
public sealed class DeviceTests(ITestOutputHelper output)
{
    /// <summary>Checks the guest program must report (guest/device_tests.c), on either transport.</summary>
    internal static readonly string[] DeviceChecks =
    [
        "device.resident_found", "device.resident_flags", "device.init",
        .. Enumerable.Range(0, 8).Select(u => $"device.open_unit{u}"),
        "device.open_unit8_fails", "device.open_unit1000_fails",
        .. Enumerable.Range(0, 8).SelectMany(u => new[] { $"device.unit{u}.inquiry", $"device.unit{u}.geometry", $"device.unit{u}.geometry64" }),
        "device.nscmd_devicequery",
        "device.io.512B_at_0", "device.io.4KiB", "device.io.64KiB", "device.io.64KiB_plus_512B", "device.io.1MiB",
        "device.io.33MiB_read16_by_count", "device.io.unaligned_buffer_4KiB", "device.io.unaligned_buffer_64KiB_plus_512B",
        "device.io.last_blocks", "device.io.td64_commands", "device.io.nscmd_td64_commands",
        "device.3tib.512B_at_0", "device.3tib.above_lba_2pow32_td64", "device.3tib.above_lba_2pow32_nscmd64", "device.3tib.last_blocks",
        "device.4kn.4KiB_at_0", "device.4kn.68KiB", "device.4kn.1MiB", "device.4kn.last_blocks",
        "device.cmd_update_and_flush",
        "device.scsi.test_unit_ready", "device.scsi.read10_matches_cmd_read", "device.scsi.read10_128KiB_scatter_gather",
        "device.scsi.write10_then_cmd_read", "device.scsi.read16_above_lba_2pow32", "device.scsi.check_condition_autosense",
        "device.scsi.sense_only_with_autosense", "device.scsi.sense_cut_to_buffer", "device.scsi.residual_read_capacity",
        "device.scsi.bad_scsicmd", "device.scsi.log_sense_supported_pages", "device.scsi.log_sense_informational_exceptions",
        "device.scsi.ata_smart_read_data", "device.scsi.ata_smart_return_status", "device.scsi.ata_identify_aborted",
        "device.scsi.unsupported_opcode_sense",
        "device.bad.null_buffer", "device.bad.zero_length", "device.bad.unaligned_buffer_read", "device.bad.read_past_end",
        "device.bad.read_across_end", "device.bad.unknown_command",
        "device.idle_request_completes_by_interrupt", "device.concurrency.all_completed_intact", "device.concurrency.completions_by_interrupt",
        "device.concurrency.more_than_16_in_flight", "device.multiqueue.every_queue_used", "device.abortio", "device.ring.exhausted_requests_complete_intact",
        "device.ua.block_read_retried", "device.ua.scsicmd_not_retried",
        "device.expunge_releases_everything", "device.no_exec_misuse", "bench.all_requests_succeeded",
    ];

    /// <summary>num_queues of the controller in these runs.</summary>
    private const int RequestQueues = 3;

    private void Run(string machine, bool legacy)
    {
        var kernel = Harness.Image(machine, Driver.Dir);
        using var disks = new DiskSet();
        // Three request queues: the driver spreads its units over them (unit number modulo 3), and the guest asks the
        // host whether each one completed requests during the concurrency test (device.multiqueue.every_queue_used).
        var log = Qemu.Run(machine, kernel, disks.Disks, disableModern: legacy, timeout: TimeSpan.FromSeconds(150), requestQueues: RequestQueues);
        Assert.Contains($"request queues {RequestQueues}", log.Text);
        foreach (Match m in Regex.Matches(log.Text, @"^(bench .*|device: .*|concurrency: .*)\r?$", RegexOptions.Multiline))
            output.WriteLine($"{machine} {(legacy ? "legacy" : "modern")}: {m.Value.TrimEnd()}");
        output.WriteLine($"{machine} {(legacy ? "legacy" : "modern")}: {log.Passed} passed, {log.Failed} failed");
        var hostProblems = new List<string>();
        try
        {
            int ranges = disks.VerifyWrites(log.Text);
            output.WriteLine($"{machine}: {ranges} written ranges verified in the image files");
            if (ranges < 40) hostProblems.Add($"host: the guest reported only {ranges} written ranges (expected at least 40)");
        }
        catch (Xunit.Sdk.XunitException e) { hostProblems.Add("host: " + e.Message); }
        string[] transport = [legacy ? "device.transport_legacy" : "device.transport_modern",
                              .. machine == "amigaone" && !legacy ? ["device.amigaone_bar5_high_dword_cleared"] : Array.Empty<string>()];
        log.AssertAllPassed([.. HarnessTests.SelfChecks, .. DeviceChecks, .. transport], hostProblems);
    }

    [Fact] public void Pegasos2_Modern() => Run("pegasos2", legacy: false);
    [Fact] public void Pegasos2_Legacy() => Run("pegasos2", legacy: true);
    [Fact] public void AmigaOne_Modern() => Run("amigaone", legacy: false);
    [Fact] public void AmigaOne_Legacy() => Run("amigaone", legacy: true);
    [Fact] public void Sam460ex_Modern() => Run("sam460ex", legacy: false);
    [Fact] public void Sam460ex_Legacy() => Run("sam460ex", legacy: true);
}
