using System.Text.RegularExpressions;

namespace DriverCompiler.VirtioScsi.Qemu.Tests;

/// <summary>One scsi-hd target on the virtio-scsi-pci controller.</summary>
/// <param name="Image">Raw image file.</param>
/// <param name="ScsiId">Target number (LUN 0).</param>
/// <param name="Product">INQUIRY product identification the target reports (up to 16 characters).</param>
/// <param name="BlockSize">Logical and physical block size in bytes.</param>
internal sealed record Disk(string Image, int ScsiId, string Product, int BlockSize = 512);

/// <summary>What the guest printed: its check lines and its summary.</summary>
internal sealed class GuestLog
{
    public required string Text { get; init; }
    public int? Passed { get; init; }
    public int? Failed { get; init; }
    public required IReadOnlyDictionary<string, string> Checks { get; init; } // name -> "ok" or failure detail

    private static readonly Regex Summary = new(@"^(\d+) passed, (\d+) failed\r?$", RegexOptions.Multiline);
    private static readonly Regex CheckLine = new(@"^(ok|FAIL) ([^\s:]+)(?:: (.*))?\r?$", RegexOptions.Multiline);

    public static GuestLog Parse(string text)
    {
        var checks = new Dictionary<string, string>();
        foreach (Match m in CheckLine.Matches(text))
            checks[m.Groups[2].Value] = m.Groups[1].Value == "ok" ? "ok" : "FAIL: " + m.Groups[3].Value;
        var s = Summary.Matches(text).LastOrDefault();
        return new GuestLog
        {
            Text = text, Checks = checks,
            Passed = s is null ? null : int.Parse(s.Groups[1].Value),
            Failed = s is null ? null : int.Parse(s.Groups[2].Value),
        };
    }

    /// <summary>Fails unless the run ended normally, every check passed and every expected check ran.</summary>
    public void AssertAllPassed(IEnumerable<string> expectedChecks, IEnumerable<string>? hostProblems = null)
    {
        var problems = new List<string>(hostProblems ?? []);
        if (Text.Contains("HARNESS-FATAL")) problems.Add("the harness stopped on a fatal error");
        if (Passed is null) problems.Add("no 'N passed, M failed' summary line");
        if (Failed is > 0) problems.Add($"{Failed} guest check(s) failed");
        foreach (var (name, result) in Checks.Where(c => c.Value != "ok")) problems.Add($"guest {name}: {result}");
        foreach (var name in expectedChecks.Where(n => !Checks.ContainsKey(n))) problems.Add($"check '{name}' did not run");
        if (Passed is not null && Passed != Checks.Count(c => c.Value == "ok"))
            problems.Add($"summary says {Passed} passed but {Checks.Count(c => c.Value == "ok")} ok lines were printed");
        if (problems.Count > 0)
            throw new Xunit.Sdk.XunitException(string.Join("\n", problems) + "\n--- serial log ---\n" + Text);
    }
}

/// <summary>Starts qemu-system-ppc on one machine with a virtio-scsi-pci controller and its disks.</summary>
internal static class Qemu
{
    public static GuestLog Run(string machine, string kernel, IReadOnlyList<Disk> disks, bool disableModern = false, TimeSpan? timeout = null)
    {
        var qemu = Tools.Require("qemu-system-ppc", Tools.QemuPackage);
        var args = new List<string>
        {
            // No display and no VGA card: the harness talks over the serial port only, and the default
            // VGA of pegasos2/amigaone needs vgabios-stdvga.bin from seabios, which QEMU does not depend on.
            "-M", machine, "-m", "512", "-display", "none", "-vga", "none", "-monitor", "none", "-serial", "stdio", "-audio", "none",
            "-kernel", kernel,
            "-device", "virtio-scsi-pci,id=scsi0" + (disableModern ? ",disable-modern=on" : ""),
        };
        if (machine == "sam460ex") args.Add("-no-reboot"); // the guest ends the run with a DBCR0 system reset
        foreach (var d in disks)
        {
            var id = "d" + d.ScsiId;
            args.AddRange(["-drive", $"file={d.Image},if=none,id={id},format=raw,cache=writeback"]);
            var dev = $"scsi-hd,drive={id},bus=scsi0.0,channel=0,scsi-id={d.ScsiId},lun=0,vendor=DRVC,product={d.Product}";
            if (d.BlockSize != 512) dev += $",logical_block_size={d.BlockSize},physical_block_size={d.BlockSize}";
            args.AddRange(["-device", dev]);
        }
        var (code, output, timedOut) = Tools.Run(qemu, args, Path.GetDirectoryName(kernel)!, timeout ?? TimeSpan.FromSeconds(120));
        Tools.FailOnMissingFirmware(output);
        if (timedOut) throw new Xunit.Sdk.XunitException($"QEMU {machine} did not finish in time\n--- serial log ---\n{output}");
        if (code != 0) throw new Xunit.Sdk.XunitException($"QEMU {machine} exited with status {code}\n--- output ---\n{output}");
        return GuestLog.Parse(output);
    }
}
