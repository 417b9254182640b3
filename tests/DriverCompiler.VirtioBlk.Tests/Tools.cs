namespace DriverCompiler.VirtioBlk.Tests;

/// <summary>Repository paths, drvc in-process, and external programs (a missing one fails naming its Debian package).</summary>
internal static class Tools
{
    public static readonly string Root = DriverCompiler.Testing.RepoRoot.Path;

    public static string RepoPath(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Emits drivers/VirtioBlk into a fresh directory and returns it; fails the test on any diagnostic error.</summary>
    public static string EmitDriver()
    {
        string outDir = Path.Combine(Path.GetTempPath(), "drvc-virtioblk-" + Guid.NewGuid().ToString("N")[..8], "out");
        var o = new StringWriter();
        var e = new StringWriter();
        int code = DriverCompiler.Cli.Drvc.Run(["build", RepoPath("drivers", "VirtioBlk"), "--out", outDir], o, e);
        if (code != 0) throw new Xunit.Sdk.XunitException($"drvc build drivers/VirtioBlk failed ({code}):\n{o}\n{e}");
        return outDir;
    }

    /// <summary>
    /// Runs a program through the shared runner (<see cref="DriverCompiler.Testing.Proc"/>): (exit code, stdout + stderr).
    /// <paramref name="args"/> is split at spaces (no argument here has one); a missing program fails naming <paramref name="package"/>.
    /// </summary>
    public static (int Code, string Output) Run(string file, string args, string workDir, string package, int timeoutMs = 300_000)
    {
        DriverCompiler.Testing.Proc.Result r;
        try { r = DriverCompiler.Testing.Proc.Run(file, args.Split(' ', StringSplitOptions.RemoveEmptyEntries), workDir, TimeSpan.FromMilliseconds(timeoutMs)); }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new Xunit.Sdk.XunitException($"'{file}' is not installed: install the Debian package {package} (apt-get install {package})");
        }
        if (r.TimedOut) throw new Xunit.Sdk.XunitException($"{file} {args} timed out");
        return (r.ExitCode, r.Stdout + r.Stderr);
    }

    public const string PpcGcc = "powerpc-linux-gnu-gcc", PpcGccPackage = "gcc-powerpc-linux-gnu";
    public const string PpcBinutilsPackage = "binutils-powerpc-linux-gnu";

    /// <summary>The warning and code-generation flags of the device's Makefile (ppc-amigaos-gcc), for powerpc-linux-gnu-gcc.</summary>
    public const string DriverCFlags = "-O2 -std=gnu99 -Wall -Wextra -Werror -fwrapv -fno-tree-loop-distribute-patterns -ffunction-sections -fdata-sections";

    /// <summary>The link flags of the device's Makefile: no C runtime, 4 KiB pages, unused sections dropped with the resident tag kept.</summary>
    public const string DriverLdFlags = "-nostartfiles -nostdlib -Wl,-z,common-page-size=4096 -Wl,-z,max-page-size=4096 -Wl,--gc-sections -Wl,-u,drv_resident";
}
