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
        var summary = BenchmarkRunner.Run<LoweringBenchmark>(DefaultConfig.Instance.WithOptions(ConfigOptions.DisableOptimizationsValidator), args);
        ColdBuild();
        return summary.HasCriticalValidationErrors ? 1 : 0;
    }

    /// <summary>
    /// Wall time of `drvc build drivers/Sample` in a new process each run (runtime start, assembly
    /// loading, JIT and the build itself), for the CLI as `dotnet build` leaves it (JIT, the baseline)
    /// and for the tool as a user installs it (the Bench target packs and installs it into
    /// artifacts/bench/tool: on linux-x64 the ReadyToRun package). The two alternate run by run, so
    /// the machine's load falls on both alike; the ratio is the figure to compare.
    /// </summary>
    private static void ColdBuild()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "DriverCompiler.sln"))) root = Path.GetDirectoryName(root)!;
        string jit = Path.Combine(root, "compiler", "DriverCompiler.Cli", "bin", "Release", "net10.0", "drvc.dll");
        string tool = Path.Combine(root, "artifacts", "bench", "tool", OperatingSystem.IsWindows() ? "drvc.exe" : "drvc");
        var variants = new (string Name, string File, string Prefix)[]
        {
            ("JIT (dotnet bin/Release/net10.0/drvc.dll)", "dotnet", $"\"{jit}\" "),
            ("installed tool (artifacts/bench/tool/drvc)", tool, ""),
        };
        var times = variants.Select(_ => new List<double>()).ToArray();
        for (int i = 0; i < 9; i++)
            for (int v = 0; v < variants.Length; v++)
            {
                var (name, file, prefix) = variants[v];
                if (file != "dotnet" && !File.Exists(file)) { Console.WriteLine($"cold build, {name}: {file} is missing (run `dotnet cake --target=Bench`)"); return; }
                string outDir = Path.Combine(Path.GetTempPath(), $"drvc-bench-{v}-{i}");
                if (Directory.Exists(outDir)) Directory.Delete(outDir, true);
                var sw = Stopwatch.StartNew();
                using var p = Process.Start(new ProcessStartInfo(file, $"{prefix}build \"{Path.Combine(root, "drivers", "Sample")}\" --out \"{outDir}\"") { RedirectStandardOutput = true, RedirectStandardError = true })!;
                p.WaitForExit();
                times[v].Add(sw.Elapsed.TotalMilliseconds);
                if (p.ExitCode != 0) throw new InvalidOperationException($"drvc build failed ({p.ExitCode}): {p.StandardError.ReadToEnd()}");
            }
        for (int v = 0; v < variants.Length; v++)
        {
            var t = times[v].Order().ToList();
            Console.WriteLine($"Cold drvc build of drivers/Sample, {variants[v].Name} (new process each, {t.Count} runs): median {t[t.Count / 2]:F0} ms, min {t[0]:F0} ms, max {t[^1]:F0} ms");
        }
        double Median(List<double> l) => l.Order().ElementAt(l.Count / 2);
        Console.WriteLine($"Cold build ratio installed tool / JIT: {Median(times[1]) / Median(times[0]):F2} (medians)");
    }
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
