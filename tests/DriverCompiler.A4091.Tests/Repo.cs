using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DriverCompiler.A4091.Tests;

/// <summary>Repository paths, in-process drvc, external programs, and reading emitted C.</summary>
internal static class Repo
{
    public static readonly string Root = RepoRoot.Path;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string TempDir() => RepoRoot.NewTempDir("a4091");

    public static (int Code, string Out, string Err) Drvc(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = DriverCompiler.Cli.Drvc.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    /// <summary>Runs a program; a missing program fails the test naming the Debian package.</summary>
    public static (int Code, string Output) Run(string file, string args, string workDir, string package)
    {
        var psi = new ProcessStartInfo(file, args)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workDir,
        };
        Process p;
        try { p = Process.Start(psi)!; }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new Xunit.Sdk.XunitException($"'{file}' is not installed: install the Debian package {package} (apt-get install {package})");
        }
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(300_000)) { p.Kill(true); throw new TimeoutException($"{file} {args} timed out"); }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>The A4091 driver emitted once per test run (drvc build drivers/A4091).</summary>
    public static readonly Lazy<string> A4091Out = new(() =>
    {
        var dir = System.IO.Path.Combine(TempDir(), "a4091");
        var (code, _, err) = Drvc("build", Path("drivers", "A4091"), "--out", dir);
        if (code != 0) throw new InvalidOperationException("drvc build drivers/A4091 failed:\n" + err);
        return dir;
    });

    /// <summary>The words of the C array <paramref name="name"/> in emitted C text.</summary>
    public static uint[] ArrayWords(string c, string name)
    {
        var m = Regex.Match(c, @"\b" + Regex.Escape(name) + @"\[\] = \{(?<body>.*?)\};", RegexOptions.Singleline);
        Assert.True(m.Success, $"no array {name}[] in the emitted C");
        string body = Regex.Replace(m.Groups["body"].Value, @"/\*.*?\*/", "", RegexOptions.Singleline);
        return [.. Regex.Matches(body, @"0x([0-9a-fA-F]+)").Select(x => uint.Parse(x.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture))];
    }

    /// <summary>The value of <c>#define name value</c> in emitted C text.</summary>
    public static uint Define(string c, string name)
    {
        var m = Regex.Match(c, @"^#define " + Regex.Escape(name) + @" (0x[0-9a-fA-F]+|\d+)\s*$", RegexOptions.Multiline);
        Assert.True(m.Success, $"no #define {name}");
        string v = m.Groups[1].Value;
        return v.StartsWith("0x", StringComparison.Ordinal) ? uint.Parse(v[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture) : uint.Parse(v, CultureInfo.InvariantCulture);
    }
}
