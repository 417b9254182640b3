using System.Diagnostics;
using System.Text;

namespace DriverCompiler.Packaging.Tests;

/// <summary>Result of one child process.</summary>
public sealed record Run(string Command, int Exit, string Output)
{
    public override string ToString() => $"$ {Command}\n(exit {Exit})\n{Output}";
}

/// <summary>
/// Packs DriverCompiler.Dsl and DriverCompiler.Cli from the repository into a temporary folder
/// feed and installs drvc from it into a temporary tool path, once per test run. Everything a
/// driver project restores comes from that feed only: a nuget.config in the work folder clears
/// every other source, and NUGET_PACKAGES points at an empty folder, so a package left in the
/// user's cache by an earlier pack of the same version cannot stand in for this one.
/// </summary>
public sealed class Toolchain : IDisposable
{
    public string Work { get; }
    public string Feed { get; }
    public string ToolPath { get; }
    public string Drvc { get; }
    public string PackagesCache { get; }
    public string RepoRoot { get; }
    public string Version { get; }

    public Toolchain()
    {
        RepoRoot = DriverCompiler.Testing.RepoRoot.Path;
        Work = Path.Combine(Path.GetTempPath(), "drv-packaging-" + Guid.NewGuid().ToString("N")[..10]);
        Feed = Path.Combine(Work, "feed");
        ToolPath = Path.Combine(Work, "tools");
        PackagesCache = Path.Combine(Work, "nuget-packages");
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(PackagesCache);
        File.WriteAllText(Path.Combine(Work, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="drivercompiler-local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);

        // Pack uses the machine's usual sources and cache for the compiler's own dependencies (Roslyn, ...).
        foreach (var project in new[] { "compiler/DriverCompiler.Dsl", "compiler/DriverCompiler.Cli" })
        {
            var r = Exec(RepoRoot, Dotnet, ["pack", Path.Combine(RepoRoot, project), "-c", "Release", "-o", Feed, "--nologo", "-v:minimal"], isolated: false,
                timeoutSeconds: 900); // the CLI's linux-x64 package is compiled ReadyToRun (Roslyn included): minutes on a loaded 2-core machine
            if (r.Exit != 0) throw new InvalidOperationException("dotnet pack failed:\n" + r);
        }
        // The tool is packed per runtime identifier (DriverCompiler.Cli.linux-x64.*, DriverCompiler.Cli.any.*) behind
        // one pointer package, DriverCompiler.Cli.<version>, which is what a user installs.
        Version = Directory.GetFiles(Feed, "DriverCompiler.Cli.*.nupkg")
            .Select(f => Path.GetFileNameWithoutExtension(f)["DriverCompiler.Cli.".Length..])
            .Single(v => char.IsAsciiDigit(v[0]));

        var install = Exec(Work, Dotnet, ["tool", "install", "--tool-path", ToolPath, "--add-source", Feed,
            "--configfile", Path.Combine(Work, "nuget.config"), "--version", Version, "DriverCompiler.Cli"]);
        if (install.Exit != 0) throw new InvalidOperationException("dotnet tool install failed:\n" + install);
        Drvc = Path.Combine(ToolPath, OperatingSystem.IsWindows() ? "drvc.exe" : "drvc");
        if (!File.Exists(Drvc)) throw new FileNotFoundException("the tool install did not create " + Drvc + "\n" + install);
    }

    /// <summary>The dotnet host running the tests (DOTNET_HOST_PATH), else dotnet on PATH.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } p && File.Exists(p) ? p : "dotnet";

    /// <summary>A fresh folder under the work folder (so the feed-only nuget.config applies to it).</summary>
    public string NewFolder(string name)
    {
        var dir = Path.Combine(Work, name + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Runs a program with the tool path first on PATH; <paramref name="isolated"/> uses the empty package cache.</summary>
    public Run Exec(string workingDirectory, string file, IEnumerable<string> args, bool isolated = true, int timeoutSeconds = 240)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1"; // no MSBuild nodes left running after the test
        psi.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        if (isolated) psi.Environment["NUGET_PACKAGES"] = PackagesCache;
        psi.Environment["PATH"] = (ToolPath ?? "") + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        var output = new StringBuilder();
        using var p = new Process { StartInfo = psi };
        p.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        if (!p.WaitForExit(timeoutSeconds * 1000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in {timeoutSeconds} s:\n{output}");
        }
        p.WaitForExit();
        return new Run(file + " " + string.Join(' ', args), p.ExitCode, output.ToString());
    }

    public void Dispose()
    {
        try { Directory.Delete(Work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
