using System.Diagnostics;
using System.Text;

namespace DriverCompiler.VirtioScsi.Qemu.Tests;

/// <summary>Repository paths and external programs; a missing program fails naming its Debian package.</summary>
internal static class Tools
{
    public static readonly string RepoRoot = DriverCompiler.Testing.RepoRoot.Path;

    public const string QemuPackage = "qemu-system-ppc from bookworm-backports (QEMU 10: apt-get install -t bookworm-backports qemu-system-ppc)";

    /// <summary>
    /// Fails naming the Debian package when QEMU could not find a firmware or option ROM file
    /// (<c>failed to find romfile "x"</c>, <c>Could not find ... "x"</c>, <c>could not load ... 'x'</c>).
    /// The files the three machines can ask for and where Debian ships them (QEMU 10 from bookworm-backports).
    /// </summary>
    public static void FailOnMissingFirmware(string qemuOutput)
    {
        var m = System.Text.RegularExpressions.Regex.Match(qemuOutput,
            @"(?:failed to find romfile|[Cc]ould not (?:find|load|open)[^""'\n]*)\s*[""']([^""']+)[""']");
        if (!m.Success) return;
        var file = Path.GetFileName(m.Groups[1].Value);
        var package = file switch
        {
            _ when file.StartsWith("vgabios", StringComparison.Ordinal) || file.StartsWith("bios", StringComparison.Ordinal) => "seabios",
            _ when file.StartsWith("openbios", StringComparison.Ordinal) => "openbios-ppc",
            "vof.bin" or "u-boot-sam460-20100605.bin" or "QEMU,VGA.bin" => "qemu-system-data",
            _ when file.StartsWith("efi-", StringComparison.Ordinal) || file.StartsWith("pxe-", StringComparison.Ordinal) => "ipxe-qemu",
            _ => "qemu-system-data (or the package that ships /usr/share/qemu/" + file + ")",
        };
        throw new Xunit.Sdk.XunitException(
            $"QEMU could not find its firmware file '{file}': install the Debian package {package}\n--- QEMU output ---\n{qemuOutput}");
    }

    /// <summary>Fails the test unless <paramref name="tool"/> is on PATH.</summary>
    public static string Require(string tool, string package)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (dir.Length == 0) continue;
            var p = Path.Combine(dir, tool);
            if (File.Exists(p)) return p;
        }
        throw new Xunit.Sdk.XunitException($"'{tool}' is not installed: install the Debian package {package}");
    }

    /// <summary>
    /// Runs a program to completion: (exit code, stdout + stderr). Kills it after <paramref name="timeout"/>.
    /// With <paramref name="onLine"/>, standard input stays open and each output line is passed to it
    /// with a writer to the program's standard input (to answer it); otherwise input is closed at once.
    /// </summary>
    public static (int Code, string Output, bool TimedOut) Run(string file, IEnumerable<string> args, string workDir, TimeSpan timeout,
                                                               Action<string, TextWriter>? onLine = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
            UseShellExecute = false, WorkingDirectory = workDir,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        if (onLine is null) p.StandardInput.Close();
        else p.StandardInput.AutoFlush = true;
        var output = new StringBuilder();
        var lockObj = new object();
        p.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (lockObj) output.AppendLine(e.Data);
            if (onLine is not null)
            {
                try { onLine(e.Data, p.StandardInput); }
                catch (Exception ex) when (ex is IOException or InvalidOperationException or System.Net.Sockets.SocketException)
                {
                    lock (lockObj) output.AppendLine("host: request failed: " + ex.Message);
                }
            }
        };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (lockObj) output.AppendLine(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        bool timedOut = !p.WaitForExit((int)timeout.TotalMilliseconds);
        if (timedOut) { try { p.Kill(true); } catch (InvalidOperationException) { } p.WaitForExit(); }
        p.WaitForExit();
        lock (lockObj) return (timedOut ? -1 : p.ExitCode, output.ToString(), timedOut);
    }
}
