namespace DriverCompiler.VirtioScsi.Qemu.Tests;

/// <summary>
/// drivers/VirtioScsi lowered by <c>drvc build</c> (in-process, the same command a user runs) into a
/// temporary directory, once per test run; the harness compiles that output unchanged.
/// </summary>
internal static class Driver
{
    private static readonly Lazy<string> Output = new(() => Build("VirtioScsi"));
    private static readonly Lazy<string> BlkOutput = new(() => Build("VirtioBlk"));

    /// <summary>drvc's output for drivers/VirtioScsi.</summary>
    public static string Dir => Output.Value;

    /// <summary>drvc's output for drivers/VirtioBlk.</summary>
    public static string BlkDir => BlkOutput.Value;

    private static string Build(string driver)
    {
        var project = Path.Combine(Tools.RepoRoot, "drivers", driver);
        if (!Directory.Exists(project))
            throw new Xunit.Sdk.XunitException($"drivers/{driver} does not exist in this tree ({project}): nothing to boot");
        var outDir = Path.Combine(Path.GetTempPath(), "drvc-qemu-driver-" + Guid.NewGuid().ToString("N")[..10]);
        var o = new StringWriter();
        var e = new StringWriter();
        int code = DriverCompiler.Cli.Drvc.Run(["build", project, "--target", "amigaos4", "--out", outDir], o, e);
        if (code != 0) throw new Xunit.Sdk.XunitException($"drvc build drivers/{driver} failed with exit code {code}:\n{o}{e}");
        return outDir;
    }
}
