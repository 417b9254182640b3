using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace DriverCompiler.VirtioScsi.Qemu.Tests;

/// <summary>
/// virtioscsi.device's event queue, many LUNs and media change (issue 14) on each machine and transport, with the
/// guest program guest/event_tests.c and the layout of its include/guest/event_config.h: target 0 the harness's
/// disk, target 1 only LUN 3, target 2 LUNs 5 and 300 (flat space), target 3 LUNs 0..255 (null-co drives of
/// (LUN + 1) x 64 KiB, so each unit's capacity names its LUN), target 4 a scsi-cd. The guest asks the host, through
/// the QEMU monitor (QMP): "hotplug" (blockdev-add and device_add of a scsi-hd at target 5), "unplug"
/// (device_del), "eject" and "insert" (eject and blockdev-change-medium of the scsi-cd), "resize d0 &lt;bytes&gt;"
/// (block_resize of unit 0: PARAM_CHANGE with CAPACITY DATA HAS CHANGED). Afterwards every range the guest reported
/// writing is checked in the image files.
/// </summary>
[Trait("Category", "Qemu")]
public sealed class EventTests(ITestOutputHelper output)
{
    /// <summary>Checks the guest program must report (guest/event_tests.c).</summary>
    internal static readonly string[] EventChecks =
    [
        "events.resident_found", "events.init", "events.unit_count",
        "events.lun3_target1.inquiry", "events.lun3_target1.io", "events.lun5_target2.inquiry", "events.lun5_target2.io",
        "events.lun300_target2_flat.inquiry", "events.lun300_target2_flat.io",
        "events.many_luns.inquiry_last", "events.many_luns.capacity_names_the_lun",
        "events.mounter_not_opened_at_init", "events.hotplug.no_unit_before", "events.hotplug.unit_appears", "events.hotplug.inquiry", "events.hotplug.io", "events.hotplug.announced_to_mounter",
        "events.unplug.media_change", "events.unplug.denounced", "events.unplug.requests_fail", "events.unplug.other_units_lose_nothing",
        "events.unplug.remchangeint", "events.unplug.reopen_fails", "events.replug.same_unit_number", "events.replug.announced_again",
        "events.cd.open", "events.cd.medium_a", "events.cd.eject", "events.cd.read_without_medium", "events.cd.passthrough_no_medium_sense",
        "events.cd.medium_b", "events.cd.passthrough_read_toc", "events.cd.passthrough_get_configuration", "events.cd.passthrough_mode_sense_capabilities",
        "events.cd.remchangeint", "events.param_change.open", "events.param_change.capacity", "events.param_change.remchangeint",
        "events.expunge_denounces", "events.expunge_releases_everything", "events.no_exec_misuse",
    ];

    /// <summary>Unit numbers (event_config.h) of the file-backed disks the guest writes: image name by unit.</summary>
    private static readonly Dictionary<int, string> Images = new() { [0] = "t0.img", [1] = "t1l3.img", [2] = "t2l5.img", [3] = "t2l300.img", [261] = "hot.img" };

    private const int ManyLuns = 256, ManyStep = 64 * 1024;
    private const uint CdSeedA = 41, CdSeedB = 42;
    private const int CdBytesA = 1 << 20, CdBytesB = 3 << 20;

    private void Run(string machine, bool legacy)
    {
        var kernel = Harness.Image(machine, Driver.Dir, "events");
        var dir = Directory.CreateTempSubdirectory("drvc-qemu-events-").FullName;
        try
        {
            string Sparse(string name, long bytes)
            {
                var path = Path.Combine(dir, name);
                using var f = File.Create(path);
                f.SetLength(bytes);
                return path;
            }
            var t0 = Sparse("t0.img", 16 << 20);
            var args = new List<string>();
            void Hd(string image, string id, int target, int lun, string product)
            {
                args.AddRange(["-drive", $"file={image},if=none,id={id},format=raw,cache=writeback"]);
                args.AddRange(["-device", $"scsi-hd,drive={id},bus=scsi0.0,channel=0,scsi-id={target},lun={lun},vendor=DRVC,product={product}"]);
            }
            Hd(Sparse("t1l3.img", 4 << 20), "t1l3", 1, 3, "VSCSI-T1L3");
            Hd(Sparse("t2l5.img", 4 << 20), "t2l5", 2, 5, "VSCSI-T2L5");
            Hd(Sparse("t2l300.img", 4 << 20), "t2l300", 2, 300, "VSCSI-T2L300");
            for (int lun = 0; lun < ManyLuns; lun++)
            {
                args.AddRange(["-blockdev", $"driver=null-co,node-name=n3l{lun},size={(lun + 1) * ManyStep},read-zeroes=on"]);
                args.AddRange(["-device", $"scsi-hd,drive=n3l{lun},bus=scsi0.0,channel=0,scsi-id=3,lun={lun},vendor=DRVC,product=VSCSI-T3L{lun}"]);
            }
            var cdA = Path.Combine(dir, "cd-a.iso");
            var cdB = Path.Combine(dir, "cd-b.iso");
            File.WriteAllBytes(cdA, DiskSet.Pattern(CdSeedA, CdBytesA));
            File.WriteAllBytes(cdB, DiskSet.Pattern(CdSeedB, CdBytesB));
            args.AddRange(["-drive", $"file={cdA},if=none,id=cdmedia,format=raw,media=cdrom,readonly=on"]);
            args.AddRange(["-device", "scsi-cd,drive=cdmedia,id=cd0,bus=scsi0.0,channel=0,scsi-id=4,lun=0,vendor=DRVC,product=VSCSI-CD"]);
            var hot = Sparse("hot.img", 4 << 20);
            // Each plug gets a fresh node and device id (QEMU may finish deleting the old ones after device_del returns);
            // the nodes share the image, unlocked, so a replug sees what was written before the unplug.
            int plugs = 0;
            var actions = new Dictionary<string, Func<Qmp, bool>>
            {
                ["hotplug"] = q =>
                {
                    plugs++;
                    return q.Execute("blockdev-add", new Dictionary<string, object>
                        {
                            ["driver"] = "raw", ["node-name"] = $"hot{plugs}",
                            ["file"] = new Dictionary<string, object> { ["driver"] = "file", ["filename"] = hot, ["locking"] = "off" },
                        })
                        && Retry(() => q.Execute("device_add", new Dictionary<string, object>
                        {
                            ["driver"] = "scsi-hd", ["id"] = $"hotdisk{plugs}", ["drive"] = $"hot{plugs}", ["bus"] = "scsi0.0",
                            ["scsi-id"] = 5, ["lun"] = 0, ["vendor"] = "DRVC", ["product"] = "VSCSI-HOT",
                        }));
                },
                ["unplug"] = q => q.Execute("device_del", new Dictionary<string, object> { ["id"] = $"hotdisk{plugs}" }),
                ["eject"] = q => q.Execute("eject", new Dictionary<string, object> { ["id"] = "cd0", ["force"] = true }),
                ["insert"] = q => q.Execute("blockdev-change-medium", new Dictionary<string, object>
                {
                    ["id"] = "cd0", ["filename"] = cdB, ["format"] = "raw", ["read-only-mode"] = "read-only",
                }),
            };
            var log = Qemu.Run(machine, kernel, [new Disk(t0, 0, "VSCSI-T0")], disableModern: legacy, timeout: TimeSpan.FromSeconds(240),
                extraDevices: args, actions: actions);
            foreach (Match m in Regex.Matches(log.Text, @"^(debug: .*(event|added|removed|back|units).*|events: .*)\r?$", RegexOptions.Multiline))
                output.WriteLine($"{machine} {(legacy ? "legacy" : "modern")}: {m.Value.TrimEnd()}");
            output.WriteLine($"{machine} {(legacy ? "legacy" : "modern")}: {log.Passed} passed, {log.Failed} failed");
            var hostProblems = new List<string>();
            int ranges = VerifyWrites(log.Text, dir, hostProblems);
            output.WriteLine($"{machine}: {ranges} written ranges verified in the image files");
            if (ranges < 9) hostProblems.Add($"host: the guest reported only {ranges} written ranges (expected at least 9)");
            log.AssertAllPassed([.. HarnessTests.SelfChecks, .. EventChecks], hostProblems);
        }
        finally { try { Directory.Delete(dir, true); } catch (IOException) { } }
    }

    /// <summary>Runs <paramref name="action"/> until it succeeds, for up to 5 s: QEMU may refuse a device_add at target 5
    /// for a moment after the device_del of the disk there (a permission conflict on the image while the old device is
    /// still being released, seen once on s19-vscsi2).</summary>
    private static bool Retry(Func<bool> action)
    {
        for (int i = 0; i < 50; i++)
        {
            if (action()) return true;
            Thread.Sleep(100);
        }
        return false;
    }

    private static readonly Regex Wrote = new(@"^wrote unit (\d+) offset (\d+) length (\d+) seed (\d+)\r?$", RegexOptions.Multiline);

    /// <summary>Each range the guest wrote holds its pattern in the unit's image file. Returns the number of ranges.</summary>
    private static int VerifyWrites(string log, string dir, List<string> problems)
    {
        int count = 0;
        foreach (Match m in Wrote.Matches(log))
        {
            int unit = int.Parse(m.Groups[1].Value);
            long offset = long.Parse(m.Groups[2].Value);
            int length = int.Parse(m.Groups[3].Value);
            uint seed = uint.Parse(m.Groups[4].Value);
            count++;
            if (!Images.TryGetValue(unit, out var name)) { problems.Add($"host: the guest wrote unit {unit}, which has no image file"); continue; }
            using var f = File.OpenRead(Path.Combine(dir, name));
            var actual = new byte[length];
            f.Position = offset;
            f.ReadExactly(actual);
            if (!actual.AsSpan().SequenceEqual(DiskSet.Pattern(seed, length)))
                problems.Add($"host: unit {unit} ({name}) offset {offset} length {length} seed {seed}: the image differs");
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
