using System.Diagnostics;

namespace DriverCompiler.Tests;

/// <summary>Paths in the repository and small process helpers for tests.</summary>
internal static class Repo
{
    public static readonly string Root = RepoRoot.Path;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string TempDir() => RepoRoot.NewTempDir("test");

    /// <summary>Runs drvc in-process: (exit code, stdout, stderr).</summary>
    public static (int Code, string Out, string Err) Drvc(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = DriverCompiler.Cli.Drvc.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    /// <summary>Runs a program; fails the test naming the Debian package when the program is missing.</summary>
    public static (int Code, string Output) Run(string file, string args, string? workDir = null, string? package = null, int timeoutMs = 300_000)
    {
        var psi = new ProcessStartInfo(file, args)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = workDir ?? Root,
        };
        Process p;
        try { p = Process.Start(psi)!; }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new Xunit.Sdk.XunitException($"'{file}' is not installed" + (package is null ? "" : $": install the Debian package {package} (apt-get install {package})"));
        }
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutMs)) { p.Kill(true); throw new TimeoutException($"{file} {args} timed out"); }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    public static Dictionary<string, byte[]> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => System.IO.Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllBytes);
}
