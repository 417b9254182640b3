using System.Collections.Concurrent;

namespace DriverCompiler.VirtioScsi.Qemu.Tests;

/// <summary>
/// Builds tests/VirtioScsi.Qemu for one board with <c>make</c> and the PowerPC cross compiler,
/// once per test run and configuration, into a temporary directory.
/// </summary>
internal static class Harness
{
    public static readonly string[] Boards = ["pegasos2", "amigaone", "sam460ex"];

    private static readonly ConcurrentDictionary<string, Lazy<string>> Images = new();
    private static readonly string BuildRoot = Path.Combine(Path.GetTempPath(), "drvc-qemu-" + Guid.NewGuid().ToString("N")[..10]);

    /// <summary>Path of harness-&lt;board&gt;.elf; <paramref name="driverDir"/> is drvc's output for the driver, or null;
    /// <paramref name="tests"/> the guest program for it (the Makefile's TESTS: "scsi" for VirtioScsi, "blk" for VirtioBlk);
    /// <paramref name="secondDriverDir"/> a second driver linked too (the Makefile's DRIVER2: VirtioScsi beside VirtioBlk,
    /// which the blk benchmark compares).</summary>
    public static string Image(string board, string? driverDir = null, string tests = "scsi", string? secondDriverDir = null)
    {
        var key = board + "|" + (driverDir ?? "") + "|" + tests + "|" + (secondDriverDir ?? "");
        return Images.GetOrAdd(key, _ => new Lazy<string>(() => Build(board, driverDir, tests, secondDriverDir))).Value;
    }

    private static string Build(string board, string? driverDir, string tests, string? secondDriverDir)
    {
        Tools.Require("make", "make");
        Tools.Require("powerpc-linux-gnu-gcc", "gcc-powerpc-linux-gnu");
        var outDir = Path.Combine(BuildRoot, driverDir is null ? "plain" : tests == "scsi" ? "driver" : tests);
        Directory.CreateDirectory(outDir);
        var args = new List<string> { "-s", "-C", Tools.HarnessDir, "BOARD=" + board, "O=" + outDir };
        if (driverDir is not null) args.AddRange(["DRIVER=" + driverDir, "TESTS=" + tests]);
        if (secondDriverDir is not null) args.Add("DRIVER2=" + secondDriverDir);
        // A compile, not a guest: on a loaded 2-core machine the whole harness build has taken over 3 minutes.
        var limit = TimeSpan.FromMinutes(10);
        var (code, output, timedOut) = Tools.Run("make", args, Tools.HarnessDir, limit);
        if (timedOut) throw new Xunit.Sdk.XunitException($"building the {board} harness did not finish in {limit.TotalMinutes} minutes (make was stopped); output so far:\n{output}");
        if (code != 0) throw new Xunit.Sdk.XunitException($"building the {board} harness failed (make exit code {code}):\n{output}");
        return Path.Combine(outDir, $"harness-{board}.elf");
    }
}
