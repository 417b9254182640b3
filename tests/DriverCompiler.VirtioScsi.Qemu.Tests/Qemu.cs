using System.Text.RegularExpressions;

namespace DriverCompiler.VirtioScsi.Qemu.Tests;

/// <summary>One scsi-hd target on the virtio-scsi-pci controller.</summary>
/// <param name="Image">Raw image file.</param>
/// <param name="ScsiId">Target number (LUN 0).</param>
/// <param name="Product">INQUIRY product identification the target reports (up to 16 characters).</param>
/// <param name="BlockSize">Logical and physical block size in bytes.</param>
/// <summary>A scsi-hd on the virtio-scsi controller; <paramref name="DriveOptions"/> is appended to its -drive (the default
/// cache=writeback; a read-only view of another device's image: ",readonly=on,file.locking=off").</summary>
internal sealed record Disk(string Image, int ScsiId, string Product, int BlockSize = 512, string DriveOptions = ",cache=writeback");

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

/// <summary>
/// QEMU's QMP socket, opened on first use: the host side of scenarios the guest asks for with a
/// "host: ..." line (guest/device_tests.c host_request), answered with "ok" or "fail" on stdin.
/// </summary>
internal sealed class Qmp(string socketPath) : IDisposable
{
    private System.Net.Sockets.Socket? socket;
    private StreamReader? reader;
    private StreamWriter? writer;

    /// <summary>Runs one QMP command; true when QEMU answered with "return" (not "error").</summary>
    public bool Execute(string command, object? arguments = null) => Query(command, arguments) is not null;

    /// <summary>Runs one QMP command and returns its "return" value as JSON text, or null when QEMU answered "error".</summary>
    public string? Query(string command, object? arguments = null)
    {
        if (socket is null)
        {
            socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
            socket.Connect(new System.Net.Sockets.UnixDomainSocketEndPoint(socketPath));
            var stream = new System.Net.Sockets.NetworkStream(socket, ownsSocket: false);
            reader = new StreamReader(stream);
            writer = new StreamWriter(stream) { AutoFlush = true, NewLine = "\n" };
            reader.ReadLine(); // greeting
            if (Query("qmp_capabilities") is null) return null;
        }
        var request = arguments is null
            ? System.Text.Json.JsonSerializer.Serialize(new { execute = command })
            : System.Text.Json.JsonSerializer.Serialize(new { execute = command, arguments });
        writer!.WriteLine(request);
        for (string? line; (line = reader!.ReadLine()) is not null;)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(line);
            if (doc.RootElement.TryGetProperty("event", out _)) continue;
            return doc.RootElement.TryGetProperty("return", out var r) ? r.GetRawText() : null;
        }
        return null;
    }

    /// <summary>flush_operations of drive <paramref name="drive"/> from query-blockstats (QEMU's count of flushes
    /// that reached the block layer), or null when QEMU does not list the drive.</summary>
    public long? FlushOperations(string drive)
    {
        var json = Query("query-blockstats");
        if (json is null) return null;
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        foreach (var dev in doc.RootElement.EnumerateArray())
            if (dev.TryGetProperty("device", out var name) && name.GetString() == drive)
                return dev.GetProperty("stats").GetProperty("flush_operations").GetInt64();
        return null;
    }

    private readonly Dictionary<string, long> flushMarks = new();

    /// <summary>
    /// Carries out one guest request line; false for an unknown request or one that failed:
    /// "resize d3 68157440" (QMP block_resize), "flushmark d0" (remember the drive's flush_operations),
    /// "flushed d0" (true when flush_operations grew since the mark).
    /// </summary>
    public bool Serve(string request)
    {
        var parts = request.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 3 && parts[0] == "resize" && long.TryParse(parts[2], out long size))
            return Execute("block_resize", new Dictionary<string, object> { ["device"] = parts[1], ["size"] = size });
        if (parts.Length == 2 && parts[0] == "flushmark" && FlushOperations(parts[1]) is long mark)
        {
            flushMarks[parts[1]] = mark;
            return true;
        }
        if (parts.Length == 2 && parts[0] == "flushed" && flushMarks.TryGetValue(parts[1], out long before))
            return FlushOperations(parts[1]) is long now && now > before;
        return false;
    }

    public void Dispose() { reader?.Dispose(); writer?.Dispose(); socket?.Dispose(); }
}

/// <summary>Starts qemu-system-ppc on one machine with a virtio-scsi-pci controller and its disks.</summary>
internal static class Qemu
{
    /// <param name="extraDevices">Further QEMU arguments (-drive/-device pairs) after the virtio-scsi controller's, e.g. virtio-blk functions.</param>
    public static GuestLog Run(string machine, string kernel, IReadOnlyList<Disk> disks, bool disableModern = false, TimeSpan? timeout = null,
                               IReadOnlyList<string>? extraDevices = null)
    {
        var qmpDir = Directory.CreateTempSubdirectory("drvc-qmp-").FullName;
        try { return Run(machine, kernel, disks, disableModern, timeout, Path.Combine(qmpDir, "qmp.sock"), extraDevices ?? []); }
        finally { Directory.Delete(qmpDir, true); }
    }

    private static GuestLog Run(string machine, string kernel, IReadOnlyList<Disk> disks, bool disableModern, TimeSpan? timeout, string qmpSocket,
                                IReadOnlyList<string> extraDevices)
    {
        var qemu = Tools.Require("qemu-system-ppc", Tools.QemuPackage);
        var args = new List<string>
        {
            // No display and no VGA card: the harness talks over the serial port only, and the default
            // VGA of pegasos2/amigaone needs vgabios-stdvga.bin from seabios, which QEMU does not depend on.
            "-M", machine, "-m", "512", "-display", "none", "-vga", "none", "-monitor", "none", "-serial", "stdio", "-audio", "none",
            "-qmp", $"unix:{qmpSocket},server=on,wait=off",
            "-kernel", kernel,
            "-device", "virtio-scsi-pci,id=scsi0" + (disableModern ? ",disable-modern=on" : ""),
        };
        if (machine == "sam460ex") args.Add("-no-reboot"); // the guest ends the run with a DBCR0 system reset
        foreach (var d in disks)
        {
            var id = "d" + d.ScsiId;
            args.AddRange(["-drive", $"file={d.Image},if=none,id={id},format=raw{d.DriveOptions}"]);
            var dev = $"scsi-hd,drive={id},bus=scsi0.0,channel=0,scsi-id={d.ScsiId},lun=0,vendor=DRVC,product={d.Product}";
            if (d.BlockSize != 512) dev += $",logical_block_size={d.BlockSize},physical_block_size={d.BlockSize}";
            args.AddRange(["-device", dev]);
        }
        args.AddRange(extraDevices);
        using var qmp = new Qmp(qmpSocket);
        var (code, output, timedOut) = Tools.Run(qemu, args, Path.GetDirectoryName(kernel)!, timeout ?? TimeSpan.FromSeconds(120),
            (line, stdin) =>
            {
                if (!line.StartsWith("host: ", StringComparison.Ordinal)) return;
                stdin.Write(qmp.Serve(line["host: ".Length..].TrimEnd('\r')) ? "ok\n" : "fail\n");
            });
        Tools.FailOnMissingFirmware(output);
        if (timedOut) throw new Xunit.Sdk.XunitException($"QEMU {machine} did not finish in time\n--- serial log ---\n{output}");
        if (code != 0) throw new Xunit.Sdk.XunitException($"QEMU {machine} exited with status {code}\n--- output ---\n{output}");
        return GuestLog.Parse(output);
    }
}
