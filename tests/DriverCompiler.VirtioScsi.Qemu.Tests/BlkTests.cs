using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace DriverCompiler.VirtioScsi.Qemu.Tests;

/// <summary>
/// virtioblk.device (drivers/VirtioBlk, emitted by drvc) booted by the same harness on each machine with
/// six virtio-blk-pci functions, one per unit (drives b0..b5, one of them a sparse 3 TiB image) (the guest's include/guest/blk_config.h holds the same
/// table), on the modern transport only (disable-legacy=on: the 1AF4:1042 function) and the legacy one
/// only (disable-modern=on: 1AF4:1001 without the VirtIO 1 capabilities). A virtio-scsi controller with one
/// disk stays attached for the harness's own self-tests. The guest uses the device only through exec's
/// device calls; afterwards the image files are checked on the host: every write the guest reported holds
/// its pattern, every range it had discarded or written as zeroes is zero, the 4 KiB around each is
/// untouched, and the read-only image still holds the host's pattern.
/// </summary>
[Trait("Category", "Qemu")]
public sealed class BlkTests(ITestOutputHelper output)
{
    /// <summary>The devices, in unit order: serial, logical block size, image bytes, read-only, queue size.</summary>
    internal static readonly (string Serial, int BlockSize, long Bytes, bool ReadOnly, int QueueSize)[] Layout =
    [
        ("DRVC-BLK-0", 512, 64L << 20, false, 256),
        ("DRVC-BLK-1", 512, 64L << 20, false, 8),
        ("DRVC-4KN", 4096, 16L << 20, false, 256),
        ("DRVC-RO", 512, 16L << 20, true, 256),
        ("DRVC-GROW", 512, 16L << 20, false, 256),
        ("DRVC-3TIB", 512, 3L << 40, false, 256),
    ];

    /// <summary>
    /// blkdebug's rules for unit 1 (QEMU docs/devel/blkdebug, "inject-error"): EIO (errno 5) for every read that
    /// touches sector 120000 and every write that touches sector 120200, not only the first (once off).
    /// </summary>
    private const string BlkdebugRules =
        "[inject-error]\nevent = \"read_aio\"\nerrno = \"5\"\nsector = \"120000\"\nonce = \"off\"\n\n" +
        "[inject-error]\nevent = \"write_aio\"\nerrno = \"5\"\nsector = \"120200\"\nonce = \"off\"\n";

    /// <summary>The seed of the pattern the host writes over the read-only image (BLK_RO_SEED in the guest).</summary>
    private const uint ReadOnlySeed = 777;

    /// <summary>Checks the guest program must report (guest/blk_tests.c), on either transport.</summary>
    internal static readonly string[] BlkChecks =
    [
        "blk.resident_found", "blk.resident_flags", "blk.init",
        .. Enumerable.Range(0, 6).Select(u => $"blk.open_unit{u}"), "blk.open_missing_unit_fails",
        .. Enumerable.Range(0, 6).SelectMany(u => new[] { $"blk.unit{u}.geometry", $"blk.unit{u}.geometry64", $"blk.unit{u}.protstatus", $"blk.unit{u}.get_id_serial", $"blk.unit{u}.vpd83_designator" }),
        "blk.nscmd_devicequery",
        "blk.io.512B_at_0", "blk.io.4KiB", "blk.io.64KiB", "blk.io.64KiB_plus_512B", "blk.io.1MiB", "blk.io.3MiB_windows",
        "blk.io.unaligned_buffer_4KiB", "blk.io.unaligned_buffer_200KiB", "blk.io.last_blocks", "blk.io.td64_commands",
        "blk.io.nscmd_td64_commands", "blk.io.td_format",
        "blk.4kn.4KiB_at_0", "blk.4kn.68KiB", "blk.4kn.1MiB", "blk.4kn.last_blocks", "blk.4kn.512B_offset_refused",
        "blk.split.1MiB_over_seg_max", "blk.split.unaligned_260KiB", "blk.split.4kn_1MiB",
        "blk.flush_reaches_qemu", "blk.etd_update", "blk.scsi.synchronize_cache_flushes",
        "blk.discard_unmap", "blk.write_zeroes", "blk.write_same_nonzero_refused",
        "blk.scsi.read_capacity10", "blk.scsi.read_capacity16", "blk.scsi.read10_matches_cmd_read",
        "blk.scsi.unknown_opcode_check_condition", "blk.scsi.read16_past_end_lba_out_of_range",
        "blk.scsi.request_sense_returns_pending_sense", "blk.scsi.request_sense_clears_it",
        "blk.scsi.pending_sense_cleared_by_next_command_and_by_autosense", "blk.scsi.vpd_b1_block_device_characteristics",
        "blk.readonly_write_protected",
        "blk.bad.null_buffer", "blk.bad.zero_length", "blk.bad.unaligned_offset", "blk.bad.partial_block_length",
        "blk.bad.read_past_end", "blk.bad.write_across_end", "blk.bad.read64_far_past_end", "blk.bad.unknown_command",
        "blk.bad.unaligned_buffer_is_fine",
        "blk.concurrency.all_completed_intact", "blk.concurrency.completions_by_interrupt", "blk.concurrency.more_than_16_in_flight",
        "blk.abortio_queued_request", "blk.cmd_reset", "blk.io_after_reset", "blk.cmd_clear",
        "blk.capacity_change_is_media_change", "blk.io_in_grown_space", "blk.remchangeint",
        "blk.3tib.above_lba_2pow32_td64", "blk.3tib.above_lba_2pow32_nscmd64", "blk.3tib.last_blocks",
        "blk.3tib.read_capacity10_saturates", "blk.3tib.read16_above_lba_2pow32", "blk.3tib.cmd_read_low",
        "blk.eio.block_commands", "blk.eio.scsicmd_medium_error", "blk.eio.others_in_flight_intact",
        "blk.expunge_releases_everything", "blk.no_exec_misuse",
        "blk.polled.init", "blk.polled.open_without_interrupt", "blk.polled.64KiB", "blk.polled.1MiB",
        "blk.polled.requests_in_flight_complete", "blk.polled.cmd_update", "blk.polled.expunge_releases_everything",
        "blkbench.all_requests_succeeded", "blkbench.expunges_release_everything",
    ];

    private void Run(string machine, bool legacy)
    {
        // virtioscsi.device is linked too: the benchmark compares the two drivers on the same image file.
        var kernel = Harness.Image(machine, Driver.BlkDir, "blk", Driver.Dir);
        var dir = Directory.CreateTempSubdirectory("drvc-qemu-blk-").FullName;
        try
        {
            var images = new List<string>();
            var devices = new List<string>();
            for (int i = 0; i < Layout.Length; i++)
            {
                var (serial, blockSize, bytes, readOnly, queueSize) = Layout[i];
                var image = Path.Combine(dir, $"b{i}.img");
                if (readOnly) File.WriteAllBytes(image, DiskSet.Pattern(ReadOnlySeed, (int)bytes));
                else using (var f = File.Create(image)) f.SetLength(bytes); // sparse
                images.Add(image);
                // Unit 1's drive goes through blkdebug: EIO for reads at sector 120000 and writes at 120200 (BLK_EIO_* in the guest).
                var file = image;
                if (i == 1)
                {
                    var rules = Path.Combine(dir, "blkdebug.conf");
                    File.WriteAllText(rules, BlkdebugRules);
                    file = $"blkdebug:{rules}:{image}";
                }
                devices.AddRange(["-drive", $"file={file},if=none,id=b{i},format=raw" + (readOnly ? ",readonly=on" : ",cache=writeback,discard=unmap")]);
                var dev = $"virtio-blk-pci,drive=b{i},serial={serial}" + (legacy ? ",disable-modern=on" : ",disable-legacy=on");
                if (blockSize != 512) dev += $",logical_block_size={blockSize},physical_block_size={blockSize}";
                if (queueSize != 256) dev += $",queue-size={queueSize}";
                devices.AddRange(["-device", dev]);
            }
            // SCSI target 0 is unit 0's image, read-only and without QEMU's file lock (virtio-blk holds it read-write):
            // the same bytes through virtio-scsi for the benchmark's comparison. The controller runs the blk devices' transport.
            var scsiView = new Disk(images[0], 0, "VSCSI-T0", DriveOptions: ",readonly=on,file.locking=off");
            var log = Qemu.Run(machine, kernel, [scsiView], disableModern: legacy, timeout: TimeSpan.FromSeconds(300), extraDevices: devices);
            foreach (Match m in Regex.Matches(log.Text, @"^(\[driver\] .*|blk: .*|bench .*)\r?$", RegexOptions.Multiline))
                output.WriteLine($"{machine} {(legacy ? "legacy" : "modern")}: {m.Value.TrimEnd()}");
            output.WriteLine($"{machine} {(legacy ? "legacy" : "modern")}: {log.Passed} passed, {log.Failed} failed");
            var hostProblems = new List<string>();
            try
            {
                var (written, zeroed) = VerifyImages(log.Text, images);
                output.WriteLine($"{machine}: {written} written and {zeroed} zeroed ranges verified in the image files, read-only image unchanged");
                if (written < 40) hostProblems.Add($"host: the guest reported only {written} written ranges (expected at least 40)");
                if (zeroed < 4) hostProblems.Add($"host: the guest reported only {zeroed} zeroed ranges (expected 4)");
            }
            catch (Xunit.Sdk.XunitException e) { hostProblems.Add("host: " + e.Message); }
            string[] transport = [legacy ? "blk.transport_legacy" : "blk.transport_modern",
                                  .. machine == "amigaone" && !legacy ? ["blk.amigaone_bar5_high_dword_cleared"] : Array.Empty<string>()];
            log.AssertAllPassed([.. HarnessTests.SelfChecks, .. BlkChecks, .. transport], hostProblems);
        }
        finally { try { Directory.Delete(dir, true); } catch (IOException) { } }
    }

    private static readonly Regex Event = new(@"^(wrote|zeroed) unit (\d+) offset (\d+) length (\d+)(?: seed (\d+))?\r?$", RegexOptions.Multiline);

    /// <summary>
    /// Checks the images against the guest's log, in its order: a written range holds the pattern of its
    /// seed except where a later "zeroed" range covers it, a zeroed range is all zeros, and the 4 KiB
    /// either side of each range (when no other range covers them) is still zero. The read-only image must
    /// still hold the host's pattern. Returns the counts of written and zeroed ranges.
    /// </summary>
    internal static (int Written, int Zeroed) VerifyImages(string log, IReadOnlyList<string> images)
    {
        var events = Event.Matches(log).Select(m => (Zero: m.Groups[1].Value == "zeroed", Unit: int.Parse(m.Groups[2].Value),
            Offset: long.Parse(m.Groups[3].Value), Length: int.Parse(m.Groups[4].Value),
            Seed: m.Groups[5].Success ? uint.Parse(m.Groups[5].Value) : 0u)).ToList();
        var problems = new List<string>();
        for (int i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Unit < 0 || e.Unit >= images.Count) { problems.Add($"unit {e.Unit}: no such image"); continue; }
            using var f = File.OpenRead(images[e.Unit]);
            var actual = new byte[e.Length];
            f.Position = e.Offset;
            f.ReadExactly(actual);
            var expected = e.Zero ? new byte[e.Length] : DiskSet.Pattern(e.Seed, e.Length);
            foreach (var later in events.Skip(i + 1).Where(o => o.Zero && o.Unit == e.Unit))
            {
                long from = Math.Max(later.Offset, e.Offset), to = Math.Min(later.Offset + later.Length, e.Offset + e.Length);
                for (long b = from; b < to; b++) expected[b - e.Offset] = 0;
            }
            int diff = -1;
            for (int b = 0; b < e.Length; b++) if (expected[b] != actual[b]) { diff = b; break; }
            if (diff >= 0) problems.Add($"{(e.Zero ? "zeroed" : "wrote")} unit {e.Unit} offset {e.Offset} length {e.Length}: image differs at byte {diff}");
            foreach (var (start, len) in new[] { (e.Offset - 4096, 4096L), (e.Offset + e.Length, 4096L) })
            {
                if (start < 0 || start + len > f.Length) continue;
                if (events.Any(o => o.Unit == e.Unit && o.Offset < start + len && start < o.Offset + o.Length)) continue;
                var around = new byte[len];
                f.Position = start;
                f.ReadExactly(around);
                if (around.Any(b => b != 0)) problems.Add($"unit {e.Unit}: nonzero bytes in [{start}, {start + len}) next to a range");
            }
        }
        for (int i = 0; i < Layout.Length && i < images.Count; i++)
        {
            if (!Layout[i].ReadOnly) continue;
            var now = File.ReadAllBytes(images[i]);
            if (!now.AsSpan().SequenceEqual(DiskSet.Pattern(ReadOnlySeed, (int)Layout[i].Bytes)))
                problems.Add($"unit {i}: the read-only image changed");
        }
        if (problems.Count > 0) throw new Xunit.Sdk.XunitException("host-side image check failed:\n" + string.Join("\n", problems));
        return (events.Count(e => !e.Zero), events.Count(e => e.Zero));
    }

    [Fact] public void Pegasos2_Modern() => Run("pegasos2", legacy: false);
    [Fact] public void Pegasos2_Legacy() => Run("pegasos2", legacy: true);
    [Fact] public void AmigaOne_Modern() => Run("amigaone", legacy: false);
    [Fact] public void AmigaOne_Legacy() => Run("amigaone", legacy: true);
    [Fact] public void Sam460ex_Modern() => Run("sam460ex", legacy: false);
    [Fact] public void Sam460ex_Legacy() => Run("sam460ex", legacy: true);
}
