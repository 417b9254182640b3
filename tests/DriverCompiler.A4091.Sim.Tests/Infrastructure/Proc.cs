using System.Diagnostics;

namespace DriverCompiler.A4091.Sim.Tests.Infrastructure;

/// <summary>Runs one external process to completion with a timeout, capturing both streams.</summary>
public static class Proc
{
    /// <summary>Exit code (−1 after a timeout), the two streams, and whether the time ran out.</summary>
    public sealed record Result(int ExitCode, string Stdout, string Stderr, bool TimedOut)
    {
        public bool Ok => ExitCode == 0 && !TimedOut;
        public string Describe(string what) =>
            TimedOut ? $"{what}: timed out\n{Stderr}{Tail(Stdout)}" : $"{what}: exit code {ExitCode}\n{Stderr}{Tail(Stdout)}".TrimEnd();
        private static string Tail(string s) => s.Length > 4000 ? "…" + s[^4000..] : s;
    }

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
            p.WaitForExit();
        }
        else p.WaitForExit();
        return new Result(exited ? p.ExitCode : -1, stdout.Result, stderr.Result, !exited);
    }

    /// <summary>The command line as a shell would show it, for failure messages.</summary>
    public static string Show(string file, IEnumerable<string> args) =>
        string.Join(' ', new[] { file }.Concat(args).Select(a => a.Contains(' ') ? $"'{a}'" : a));
}
