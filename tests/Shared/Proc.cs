using System.Diagnostics;

namespace DriverCompiler.Testing;

/// <summary>Runs one external process to completion with a timeout, capturing both streams (shared by the test projects).</summary>
public static class Proc
{
    /// <summary>Exit code (−1 after a timeout), the two streams, and whether the time ran out.</summary>
    public sealed record Result(int ExitCode, string Stdout, string Stderr, bool TimedOut)
    {
        public bool Ok => ExitCode == 0 && !TimedOut;

        /// <summary>A failure message: the exit code (and the signal that ended the process), stderr, then the tail of stdout.</summary>
        public string Describe(string what) =>
            TimedOut ? $"{what}: timed out\n{Stderr}{Tail(Stdout)}".TrimEnd() : $"{what}: exit code {ExitCode}{Signal()}\n{Stderr}{Tail(Stdout)}".TrimEnd();

        private string Signal() => ExitCode > 128 && ExitCode < 160 ? $" (signal {ExitCode - 128})" : "";
        private static string Tail(string s) => s.Length > 4000 ? "…" + s[^4000..] : s;
    }

    /// <summary>Runs <paramref name="file"/> with <paramref name="args"/> in <paramref name="workDir"/> under LC_ALL=C, stdin closed; kills the process tree after <paramref name="timeout"/>.</summary>
    public static Result Run(string file, IEnumerable<string> args, string workDir, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["LC_ALL"] = "C";
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        bool exited = p.WaitForExit((int)timeout.TotalMilliseconds);
        if (!exited)
        {
            try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        }
        p.WaitForExit(); // drains the asynchronous readers
        return new Result(exited ? p.ExitCode : -1, stdout.Result, stderr.Result, !exited);
    }

    /// <summary>The command line as a shell would show it, for failure messages.</summary>
    public static string Show(string file, IEnumerable<string> args) =>
        string.Join(' ', new[] { file }.Concat(args).Select(a => a.Contains(' ') ? $"'{a}'" : a));
}
