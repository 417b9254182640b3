using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using DriverCompiler.Core;
using DriverCompiler.Dsl;

namespace DriverCompiler.Benchmarks;

/// <summary>
/// Issue 2's figures: check+lower+emit of a generated ~3,000-line driver-like source as a ratio
/// against Roslyn's own binding (GetDiagnostics) of the same source in the same process, and
/// the wall time of a cold `drvc build` of the sample driver.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        // --cold: the cold-start figures only (`dotnet cake --target=Bench --cold`).
        if (args.Contains("--cold")) { ColdBuild(); return 0; }
        // BenchmarkDotNet builds a project of its own before measuring; its default two-minute limit for that build
        // is not enough on a loaded machine (the run then measures nothing).
        var summary = BenchmarkRunner.Run<LoweringBenchmark>(DefaultConfig.Instance.WithOptions(ConfigOptions.DisableOptimizationsValidator)
            .WithBuildTimeout(TimeSpan.FromMinutes(20)), args);
        ColdBuild();
        return summary.HasCriticalValidationErrors ? 1 : 0;
    }

    /// <summary>
    /// Wall time of a cold start (a new process each run: runtime start, assembly loading, JIT and the work
    /// itself) of `drvc build drivers/Sample` and of `drvc scripts` on a 53C710 SCRIPTS file, for two forms of
    /// drvc: as `dotnet build` leaves it (JIT, the baseline) and the tool as a user installs it (the Bench target
    /// packs it and installs it with `dotnet tool install` into artifacts/bench/tool: on linux-x64 the
    /// framework-dependent ReadyToRun package). The same code in both, so the ratio is what precompilation buys at
    /// start-up; the installed tool's own figure is the one issue 15's goal (at most 1.0 s cold) is about. The
    /// forms alternate run by run, so the machine's load falls on both alike.
    /// </summary>
    private static void ColdBuild()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "DriverCompiler.sln"))) root = Path.GetDirectoryName(root)!;
        string exe = OperatingSystem.IsWindows() ? "drvc.exe" : "drvc";
        string jit = Path.Combine(root, "compiler", "DriverCompiler.Cli", "bin", "Release", "net10.0", "drvc.dll");
        var variants = new (string Name, string File, string Prefix)[]
        {
            ("JIT (dotnet bin/Release/net10.0/drvc.dll)", "dotnet", $"\"{jit}\" "),
            ("installed tool (artifacts/bench/tool/drvc)", Path.Combine(root, "artifacts", "bench", "tool", exe), ""),
        };
        if (!File.Exists(jit)) { Console.WriteLine($"cold start: {jit} is missing (run `dotnet cake --target=Bench`)"); return; }
        foreach (var (name, file, _) in variants)
            if (file != "dotnet" && !File.Exists(file)) { Console.WriteLine($"cold start, {name}: {file} is missing (run `dotnet cake --target=Bench`)"); return; }
        int runs = int.TryParse(Environment.GetEnvironmentVariable("DRVC_BENCH_COLD_RUNS"), out int n) && n > 0 ? n : 11;
        string scripts = Path.Combine(root, "tests", "DriverCompiler.A4091.Tests", "Reference", "a4091_siop_script.ss");
        var commands = new (string Name, Func<string, string> Args)[]
        {
            ("drvc build drivers/Sample", outDir => $"build \"{Path.Combine(root, "drivers", "Sample")}\" --out \"{outDir}\""),
            ("drvc scripts a4091_siop_script.ss", outDir => { Directory.CreateDirectory(outDir); return $"scripts \"{scripts}\" -o \"{Path.Combine(outDir, "siop.out")}\""; }),
        };
        Console.WriteLine($"Cold start, {runs} runs per form, forms interleaved; load before: {Load()}");
        foreach (var (command, args) in commands)
        {
            var times = variants.Select(_ => new List<double>()).ToArray();
            var cpu = variants.Select(_ => new List<double>()).ToArray();
            for (int i = 0; i < runs; i++)
                for (int v = 0; v < variants.Length; v++)
                {
                    var (_, file, prefix) = variants[v];
                    string outDir = Path.Combine(Path.GetTempPath(), $"drvc-bench-{v}-{i}");
                    if (Directory.Exists(outDir)) Directory.Delete(outDir, true);
                    double cpu0 = ChildrenCpuMilliseconds();
                    var sw = Stopwatch.StartNew();
                    using var p = Process.Start(new ProcessStartInfo(file, prefix + args(outDir)) { RedirectStandardOutput = true, RedirectStandardError = true })!;
                    string stderr = p.StandardError.ReadToEnd();
                    p.StandardOutput.ReadToEnd();
                    p.WaitForExit();
                    times[v].Add(sw.Elapsed.TotalMilliseconds);
                    cpu[v].Add(ChildrenCpuMilliseconds() - cpu0);
                    if (p.ExitCode != 0) throw new InvalidOperationException($"{command} ({variants[v].Name}) failed ({p.ExitCode}): {stderr}");
                    Directory.Delete(outDir, true);
                }
            for (int v = 0; v < variants.Length; v++)
            {
                var t = times[v].Order().ToList();
                Console.WriteLine($"Cold {command}, {variants[v].Name}: median {Median(t):F0} ms, mean {t.Average():F0} ms, min {t[0]:F0} ms, max {t[^1]:F0} ms"
                    + (OperatingSystem.IsLinux() ? $"; CPU time (user+system) median {Median(cpu[v]):F0} ms, mean {cpu[v].Average():F0} ms" : ""));
            }
            Console.WriteLine($"Cold {command}, installed tool / JIT: {Median(times[1]) / Median(times[0]):F2} (medians), {times[1].Average() / times[0].Average():F2} (means)");
        }
        Console.WriteLine($"Load after: {Load()}");
    }

    private static double Median(List<double> l) => l.Order().ElementAt(l.Count / 2);

    /// <summary>
    /// User plus system CPU time of the reaped child processes so far (getrusage(RUSAGE_CHILDREN), Linux), in ms; the
    /// difference across one run is that run's CPU time. On a loaded machine the wall time grows with the load, the CPU
    /// time much less: it is the work the start does. On an idle machine with several cores the wall time may be lower
    /// than it (the JIT's and the GC's threads run beside the main one). 0 off Linux.
    /// </summary>
    private static double ChildrenCpuMilliseconds()
    {
        if (!OperatingSystem.IsLinux() || getrusage(-1 /* RUSAGE_CHILDREN */, out var u) != 0) return 0;
        return (u.UserSeconds + u.SystemSeconds) * 1000.0 + (u.UserMicroseconds + u.SystemMicroseconds) / 1000.0;
    }

    /// <summary>Linux x86-64/arm64 struct rusage (getrusage(2)): ru_utime and ru_stime (struct timeval), then 14 longs, 144 bytes.</summary>
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential, Size = 144)]
    private struct RUsage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out RUsage usage);

    /// <summary>The 1, 5 and 15 minute load averages (/proc/loadavg), or "n/a" off Linux.</summary>
    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}

[MemoryDiagnoser]
public class LoweringBenchmark
{
    private string source = "";

    [GlobalSetup]
    public void Setup() => source = DriverSourceGenerator.Generate(lines: 3000);

    /// <summary>Baseline: Roslyn parses and binds the source and reports its diagnostics.</summary>
    [Benchmark(Baseline = true)]
    public int RoslynBinding() => DriverCompilation.FromSources([("Generated.cs", source)]).CSharp.GetDiagnostics().Length;

    /// <summary>The same parse and bind, plus the subset rules, lowering and printing.</summary>
    [Benchmark]
    public int CheckLowerEmit()
    {
        var r = DriverCompilation.FromSources([("Generated.cs", source)]).Build(new BuildOptions(DriverTarget.AmigaOS4));
        if (!r.Success) throw new InvalidOperationException(string.Join("\n", r.Diagnostics.Take(5).Select(d => d.ToMsBuildString())));
        return r.Files.Count;
    }
}

/// <summary>Driver-like C#: register structs, ring arithmetic, switches, loops over tables.</summary>
public static class DriverSourceGenerator
{
    public static string Generate(int lines)
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("using System.Runtime.InteropServices;\nusing DriverCompiler.Dsl;\n[assembly: Driver(\"bench\", DriverTarget.AmigaOS4)]\nnamespace Bench;");
        int n = 0;
        while (sb.ToString().Split('\n').Length < lines)
        {
            sb.AppendLine($$"""
            [Mmio] public struct Regs{{n}} { public Le32 Status; public Le32 Control; public Le16 Index; public byte Isr; public byte Pad; }
            public struct Desc{{n}} { public Le64 Addr; public Le32 Len; public Le16 Flags; public Le16 Next; }
            public static unsafe class Unit{{n}}
            {
                public const uint Enable = 1u << {{n % 31}};
                private static readonly byte[] Table = { 1, 2, 3, 5, 8, 13, 21, 34 };
                private static ushort head;
                public static int Submit(Regs{{n}}* r, Desc{{n}}* ring, ulong addr, uint len)
                {
                    int slot = head % 16;
                    ring[slot].Addr = addr;
                    ring[slot].Len = len;
                    ring[slot].Flags = (ushort)(len > 4096 ? 1 : 0);
                    Barrier.Full();
                    head++;
                    r->Control = Enable | (uint)slot;
                    return slot;
                }
                public static int Classify(int key, uint mask)
                {
                    int acc = 0;
                    for (int i = 0; i < 8; i++)
                    {
                        switch ((key + i) & 7)
                        {
                            case 0: acc += Table[i]; break;
                            case 1: case 2: acc ^= (int)(mask >> i); break;
                            case 3: acc -= i * 3; break;
                            default: acc = (acc << 1) | (acc >> 31); break;
                        }
                    }
                    long wide = (long)acc * key + mask;
                    return (int)(wide % 1000) + (acc < mask ? 1 : 0);
                }
                public static bool Poll(Regs{{n}}* r)
                {
                    for (int spin = 0; spin < 100; spin++)
                        if ((r->Status & 1u) != 0) return true;
                    return false;
                }
            }
            """);
            n++;
        }
        return sb.ToString();
    }
}
