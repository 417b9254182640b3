using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace DriverCompiler.VirtioScsi.Qemu.Tests;

/// <summary>
/// Builds tests/VirtioScsi.Qemu for one board with <c>make</c> and the PowerPC cross compiler,
/// once per test run and configuration, into a temporary directory. Every image of a run is built
/// from one snapshot of the harness sources (tests/VirtioScsi.Qemu and tests/include), taken on first
/// use and checked unchanged while it was copied: a build that reads the working tree while someone
/// edits it links objects compiled against two versions of a header (issue 9: the selftest read
/// SysBase's value as exec_stats.errors, "1118500 misuse reports").
/// </summary>
internal static class Harness
{
    public static readonly string[] Boards = ["pegasos2", "amigaone", "sam460ex"];

    /// <summary>The folders, relative to the repository root, that the harness Makefile reads.</summary>
    public static readonly string[] SourceDirs = [Path.Combine("tests", "VirtioScsi.Qemu"), Path.Combine("tests", "include")];

    private static readonly ConcurrentDictionary<string, Lazy<string>> Images = new();
    private static readonly string BuildRoot = Path.Combine(Path.GetTempPath(), "drvc-qemu-" + Guid.NewGuid().ToString("N")[..10]);
    private static readonly Lazy<string> Sources = new(() => SourceSnapshot.Take(Tools.RepoRoot, SourceDirs, Path.Combine(BuildRoot, "src")));

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
        var harnessDir = Path.Combine(Sources.Value, "tests", "VirtioScsi.Qemu");
        var (code, output, timedOut) = Make(harnessDir, board, outDir, driverDir, tests,
            secondDriverDir is null ? null : ["DRIVER2=" + secondDriverDir]);
        if (timedOut) throw new Xunit.Sdk.XunitException($"building the {board} harness did not finish in {MakeLimit.TotalMinutes} minutes (make was stopped); output so far:\n{output}");
        if (code != 0) throw new Xunit.Sdk.XunitException($"building the {board} harness failed (make exit code {code}):\n{output}");
        return Path.Combine(outDir, $"harness-{board}.elf");
    }

    // A compile, not a guest: on a loaded 2-core machine the whole harness build has taken over 3 minutes.
    private static readonly TimeSpan MakeLimit = TimeSpan.FromMinutes(10);

    /// <summary>Runs the harness Makefile in <paramref name="harnessDir"/> for one board into <paramref name="outDir"/>;
    /// <paramref name="extraArgs"/> go to make as they are (e.g. <c>-o FILE</c>).</summary>
    public static (int Code, string Output, bool TimedOut) Make(string harnessDir, string board, string outDir, string? driverDir = null, string tests = "scsi",
                                                                IEnumerable<string>? extraArgs = null)
    {
        var args = new List<string> { "-s", "-C", harnessDir, "BOARD=" + board, "O=" + outDir };
        if (driverDir is not null) args.AddRange(["DRIVER=" + driverDir, "TESTS=" + tests]);
        args.AddRange(extraArgs ?? []);
        return Tools.Run("make", args, harnessDir, MakeLimit);
    }
}

/// <summary>
/// A copy of some folders of a tree that is known to be one state of them: the files are hashed
/// (SHA-256 over relative path and content, in ordinal path order) before and after the copy, and the
/// copy is taken again while the two differ, as when an editor or a merge writes the tree meanwhile.
/// </summary>
internal static class SourceSnapshot
{
    /// <summary>Copies <paramref name="dirs"/> (relative to <paramref name="root"/>) under <paramref name="destination"/>,
    /// keeping their relative paths, and returns <paramref name="destination"/>. Build output folders named
    /// <c>build</c> are left out. Throws when the tree did not hold still for any of <paramref name="attempts"/> copies.
    /// <paramref name="afterCopy"/> runs between the copy and the second hash (for tests).</summary>
    public static string Take(string root, IReadOnlyList<string> dirs, string destination, int attempts = 5, Action? afterCopy = null)
    {
        for (int attempt = 1; attempt <= attempts; attempt++)
        {
            if (Directory.Exists(destination)) Directory.Delete(destination, true);
            var before = Hash(root, dirs);
            foreach (var dir in dirs) Copy(Path.Combine(root, dir), Path.Combine(destination, dir));
            afterCopy?.Invoke();
            var after = Hash(root, dirs);
            if (before == after && Hash(destination, dirs) == after) return destination;
        }
        throw new Xunit.Sdk.XunitException($"{string.Join(", ", dirs)} under {root} changed during each of {attempts} copies; stop editing them while the tests run");
    }

    /// <summary>SHA-256 (hex) over every file's relative path and bytes under <paramref name="dirs"/> of <paramref name="root"/>.</summary>
    public static string Hash(string root, IReadOnlyList<string> dirs)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in dirs.SelectMany(d => Files(Path.Combine(root, d))).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(file.Replace('\\', '/') + "\0"));
            byte[] bytes;
            try { bytes = File.ReadAllBytes(Path.Combine(root, file)); }
            catch (FileNotFoundException) { bytes = []; }       // removed meanwhile: the hashes differ anyway
            sha.AppendData(BitConverter.GetBytes(bytes.Length));
            sha.AppendData(bytes);
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private static IEnumerable<string> Files(string dir) =>
        Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir).Concat(Directory.EnumerateDirectories(dir).Where(d => Path.GetFileName(d) != "build").SelectMany(Files))
            : [];

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)), true);
        foreach (var dir in Directory.EnumerateDirectories(from).Where(d => Path.GetFileName(d) != "build"))
            Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
