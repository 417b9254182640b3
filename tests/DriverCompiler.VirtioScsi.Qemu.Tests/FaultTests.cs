using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace DriverCompiler.VirtioScsi.Qemu.Tests;

/// <summary>
/// virtioscsi.device under injected faults (issue 14) on each machine and transport, with the guest program
/// guest/fault_tests.c and the layout of its include/guest/fault_config.h: unit 0 the harness's disk (drive d0),
/// unit 1 a 16 MiB disk behind QEMU's blkdebug (drive f1) that fails chosen sectors with EIO (once and always, on
/// read and on write) or ENODATA, unit 2 a 4 MiB disk behind blkdebug (drive f2) whose every flush fails with EIO,
/// unit 3 (drive f3) whose flush the host holds with a blkdebug breakpoint ("flushhold f3", "flushresume f3");
/// both with rerror=report,werror=report, so the guest sees the errors (QEMU's scsi-disk: CHECK CONDITION with the
/// sense of scsi/utils.c's scsi_sense_from_errno). The guest asks the host to count what reached QEMU's block layer
/// (query-blockstats: "statmark", "stat &lt;drive&gt; &lt;field&gt; &lt;n&gt;"), so each retry and each flush is
/// counted where it lands. Afterwards every range the guest reported writing, and every range a failed write must
/// have left alone, is checked in the image files.
/// </summary>
[Trait("Category", "Qemu")]
public sealed class FaultTests(ITestOutputHelper output)
{
    /// <summary>Checks the guest program must report (guest/fault_tests.c).</summary>
    internal static readonly string[] FaultChecks =
    [
        "faults.resident_found", "faults.init", "faults.units_open",
        "faults.flush.cmd_update_reaches_qemu", "faults.flush.scsicmd_reaches_qemu", "faults.flush.error_after_retries",
        "faults.flush.timeout", "faults.flush.held_slot_waited_for", "faults.flush.after_timeout",
        "faults.flush.waits_for_earlier_writes", "faults.flush.after_earlier_writes",
        "faults.read_eio_once.retried", "faults.read_eio_always.error_after_retries", "faults.read_medium_error.not_retried",
        "faults.scsicmd.aborted_command_sense", "faults.scsicmd.medium_error_sense",
        "faults.write_eio_once.retried", "faults.write_eio_always.error_after_retries",
        "faults.other_requests_lose_nothing", "faults.expunge_releases_everything", "faults.no_exec_misuse",
    ];

    // fault_config.h: region k of unit 1 is k MiB in, 64 KiB of the pattern of seed 900 + k; the rules by region.
    private const int RegionBytes = 64 * 1024, Regions = 7;
    private const uint Seed = 900;
    private const int ReadEioOnce = 1, ReadEioAlways = 2, WriteEioOnce = 3, WriteEioAlways = 4, ReadEnodata = 5;
    private const int Eio = 5, Enodata = 61; // Linux errno values (asm-generic/errno-base.h, errno.h), as QEMU's host

    private static long Sector(int region) => (long)region * 1024 * 1024 / 512;

    /// <summary>A rule of blkdebug's configuration file (QEMU block/blkdebug.c: an [inject-error] section of event,
    /// iotype, errno, sector and once).</summary>
    private static string Rule(string evt, string iotype, int errno, long? sector, bool once) =>
        $"[inject-error]\nevent = \"{evt}\"\niotype = \"{iotype}\"\nerrno = \"{errno}\"\n"
        + (sector is long s ? $"sector = \"{s}\"\n" : "") + (once ? "once = \"on\"\n" : "") + "\n";

    private void Run(string machine, bool legacy)
    {
        var kernel = Harness.Image(machine, Driver.Dir, "faults");
        var dir = Directory.CreateTempSubdirectory("drvc-qemu-faults-").FullName;
        try
        {
            string Sparse(string name, long bytes)
            {
                var path = Path.Combine(dir, name);
                using var f = File.Create(path);
                f.SetLength(bytes);
                return path;
            }
            var images = new Dictionary<int, string>
            {
                [0] = Sparse("d0.img", 16 << 20), [1] = Sparse("f1.img", 16 << 20), [2] = Sparse("f2.img", 4 << 20), [3] = Sparse("f3.img", 4 << 20),
            };
            using (var f = File.OpenWrite(images[1]))
            {
                for (int k = 1; k < Regions; k++)
                {
                    f.Position = (long)k << 20;
                    f.Write(DiskSet.Pattern(Seed + (uint)k, RegionBytes));
                }
            }
            var f1Rules = Path.Combine(dir, "f1.conf");
            File.WriteAllText(f1Rules,
                Rule("read_aio", "read", Eio, Sector(ReadEioOnce), once: true)
                + Rule("read_aio", "read", Eio, Sector(ReadEioAlways), once: false)
                + Rule("read_aio", "read", Enodata, Sector(ReadEnodata), once: false)
                + Rule("write_aio", "write", Eio, Sector(WriteEioOnce), once: true)
                + Rule("write_aio", "write", Eio, Sector(WriteEioAlways), once: false));
            var f2Rules = Path.Combine(dir, "f2.conf");
            File.WriteAllText(f2Rules, Rule("flush_to_os", "flush", Eio, null, once: false));
            var args = new List<string>();
            void Faulty(string id, int target, string image, string rules, string product)
            {
                args.AddRange(["-drive", $"file.driver=blkdebug,file.config={rules},file.image.filename={image},if=none,id={id},format=raw,cache=writeback,rerror=report,werror=report"]);
                args.AddRange(["-device", $"scsi-hd,drive={id},bus=scsi0.0,channel=0,scsi-id={target},lun=0,vendor=DRVC,product={product}"]);
            }
            Faulty("f1", 1, images[1], f1Rules, "VSCSI-FAULTY");
            Faulty("f2", 2, images[2], f2Rules, "VSCSI-NOFLUSH");
            var f3Rules = Path.Combine(dir, "f3.conf");
            File.WriteAllText(f3Rules, "");
            Faulty("f3", 3, images[3], f3Rules, "VSCSI-SLOWFLUSH");
            // A blkdebug breakpoint (qemu-io's "break <event> <tag>" through HMP) suspends the drive's next flush where
            // it reaches blkdebug; "resume <tag>" lets it go on.
            var actions = new Dictionary<string, Func<Qmp, bool>>
            {
                ["flushhold f3"] = q => q.Hmp("qemu-io f3 \"break flush_to_os held\"") == "",
                ["flushresume f3"] = q => q.Hmp("qemu-io f3 \"resume held\"") == "",
                ["writehold f3"] = q => q.Hmp("qemu-io f3 \"break write_aio heldw\"") == "",
                ["writeresume f3"] = q => q.Hmp("qemu-io f3 \"resume heldw\"") == "",
            };
            var served = new List<string>();
            var log = Qemu.Run(machine, kernel, [new Disk(images[0], 0, "VSCSI-T0")], disableModern: legacy, timeout: TimeSpan.FromSeconds(240),
                extraDevices: args, actions: actions, served: served);
            var mode = $"{machine} {(legacy ? "legacy" : "modern")}";
            foreach (var s in served) output.WriteLine($"{mode}: host {s}");
            output.WriteLine($"{mode}: {log.Passed} passed, {log.Failed} failed");
            var hostProblems = new List<string>();
            int wrote = VerifyRanges(log.Text, Wrote, images, hostProblems);
            int kept = VerifyRanges(log.Text, Kept, images, hostProblems);
            output.WriteLine($"{mode}: {wrote} written and {kept} untouched ranges checked in the image files");
            if (wrote < 9) hostProblems.Add($"host: the guest reported only {wrote} written ranges (expected at least 9)");
            if (kept < 1) hostProblems.Add("host: the guest reported no range a failed write left alone");
            log.AssertAllPassed([.. HarnessTests.SelfChecks, .. FaultChecks], hostProblems);
        }
        finally { try { Directory.Delete(dir, true); } catch (IOException) { } }
    }

    private static readonly Regex Wrote = new(@"^wrote unit (\d+) offset (\d+) length (\d+) seed (\d+)\r?$", RegexOptions.Multiline);
    private static readonly Regex Kept = new(@"^kept unit (\d+) offset (\d+) length (\d+) seed (\d+)\r?$", RegexOptions.Multiline);

    /// <summary>Each range the guest named holds the pattern of its seed in the unit's image file. Returns the number of ranges.</summary>
    private static int VerifyRanges(string log, Regex lines, Dictionary<int, string> images, List<string> problems)
    {
        int count = 0;
        foreach (Match m in lines.Matches(log))
        {
            int unit = int.Parse(m.Groups[1].Value);
            long offset = long.Parse(m.Groups[2].Value);
            int length = int.Parse(m.Groups[3].Value);
            uint seed = uint.Parse(m.Groups[4].Value);
            count++;
            if (!images.TryGetValue(unit, out var path)) { problems.Add($"host: the guest named unit {unit}, which has no image file"); continue; }
            using var f = File.OpenRead(path);
            var actual = new byte[length];
            f.Position = offset;
            f.ReadExactly(actual);
            if (!actual.AsSpan().SequenceEqual(DiskSet.Pattern(seed, length)))
                problems.Add($"host: {m.Value.TrimEnd()}: the image differs");
        }
        return count;
    }

    [Fact] public void Pegasos2_Modern() => Run("pegasos2", legacy: false);
    [Fact] public void Pegasos2_Legacy() => Run("pegasos2", legacy: true);
    [Fact] public void AmigaOne_Modern() => Run("amigaone", legacy: false);
    [Fact] public void AmigaOne_Legacy() => Run("amigaone", legacy: true);
    [Fact] public void Sam460ex_Modern() => Run("sam460ex", legacy: false);
    [Fact] public void Sam460ex_Legacy() => Run("sam460ex", legacy: true);
}
