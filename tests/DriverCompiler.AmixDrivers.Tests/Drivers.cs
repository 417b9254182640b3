using System.Text;
using System.Text.RegularExpressions;

namespace DriverCompiler.AmixDrivers.Tests;

/// <summary>
/// The two drivers emitted once per test run (in-process <c>drvc build</c>), the kernel tables built from their
/// generated kernel.c rows, and the tools: a missing compiler or emulator fails naming its Debian package.
/// </summary>
internal static class Drivers
{
    /// <summary>The majors the drivers declare: Ditto's par is cdevsw[21] (par(7A): <c>mknod /dev/par c 21 0</c>); the RAM
    /// disk takes bdevsw[24] and cdevsw[51], rows the stock master.d/kernel.c leaves empty.</summary>
    public const int ParMajor = 21, RamBlockMajor = 24, RamCharMajor = 51;

    public static string Include => System.IO.Path.Combine(RepoRoot.Path, "tests", "include", "amix");

    public static readonly Lazy<string> Par = new(() => Emit("AmixPar", "amixpar"));
    public static readonly Lazy<string> RamDisk = new(() => Emit("AmixRamDisk", "amixrd"));

    private static readonly Lazy<string> Work = new(() => RepoRoot.NewTempDir("amixdrivers"));

    private static string Emit(string folder, string name)
    {
        var dir = System.IO.Path.Combine(Work.Value, name);
        var o = new StringWriter();
        var e = new StringWriter();
        int code = DriverCompiler.Cli.Drvc.Run(["build", System.IO.Path.Combine(RepoRoot.Path, "drivers", folder), "--out", dir], o, e);
        if (code != 0) throw new InvalidOperationException($"drvc build drivers/{folder} failed:\n{e}");
        return dir;
    }

    public static string Read(string dir, string file) => File.ReadAllText(System.IO.Path.Combine(dir, file));

    /// <summary>The rows of one generated kernel.c.txt: (table, major, row text), and the rest of the text (externs, the
    /// init_tbl/int2_tbl definitions), which is C as it stands.</summary>
    public static (List<(string Table, int Major, string Row)> Rows, string Others) Split(string kernelC)
    {
        var rows = new List<(string, int, string)>();
        string rest = Regex.Replace(kernelC, @"/\* struct (cdevsw|bdevsw) \1\[\]: replace the row commented (\d+)[^*]*\*/\n(.*?)(?:\n\n|\n?$)", m =>
        {
            rows.Add((m.Groups[1].Value, int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[3].Value));
            return "";
        }, RegexOptions.Singleline);
        return (rows, rest);
    }

    /// <summary>
    /// tables.c: the stock master.d/kernel.c's fillers (kernel.c_1.2: <c>#define notty (struct tty *)(0)</c>,
    /// <c>#define nostr (struct streamtab *)(0)</c>, <c>static int nullflag[1] = {0,}</c>), the generated externs, and
    /// <c>cdevsw[70]</c>/<c>bdevsw[32]</c> with every row the filler except the generated ones at the rows they name.
    /// </summary>
    public static string Tables(params string[] kernelCs) => Tables([], kernelCs);

    /// <summary>
    /// <see cref="Tables(string[])"/>, and one <c>init_tbl[]</c> and one <c>int2_tbl[]</c> as the generated lines ask
    /// ("add X to init_tbl[] / int2_tbl[], in front of the terminating 0"): <paramref name="stockLevel2"/>, the kernel's
    /// own level-2 handlers (the stock table's "existing handlers", e.g. aciaaintr), then every generated entry in the
    /// order of <paramref name="kernelCs"/>. A table is written only when it has an entry.
    /// </summary>
    public static string Tables(IReadOnlyList<string> stockLevel2, params string[] kernelCs)
    {
        var sb = new StringBuilder();
        sb.Append("#include \"sys/types.h\"\n#include \"sys/conf.h\"\nextern int nodev(), nulldev();\n")
          .Append("#define notty (struct tty *)(0)\n#define nostr (struct streamtab *)(0)\nstatic int nullflag[1] = {0,};\n\n");
        var all = new Dictionary<(string, int), string>();
        var entries = new Dictionary<string, List<string>> { ["init_tbl"] = [], ["int2_tbl"] = [.. stockLevel2] };
        foreach (var k in kernelCs)
        {
            var (rows, rest) = Split(k);
            rest = Regex.Replace(rest, @"^void \(\*(init_tbl|int2_tbl)\[\]\)\(\) = \{ /\* [^*]*\*/ (\w+), 0 \};\n", m =>
            {
                entries[m.Groups[1].Value].Add(m.Groups[2].Value);
                return "";
            }, RegexOptions.Multiline);
            sb.Append(rest).Append('\n');
            foreach (var (table, major, row) in rows)
                Assert.True(all.TryAdd((table, major), row), $"two generated rows for {table}[{major}]");
        }
        foreach (var h in stockLevel2) sb.Append("extern void ").Append(h).Append("();\n");
        foreach (var (table, fns) in entries.Where(e => e.Value.Count > 0))
            sb.Append("void (*").Append(table).Append("[])() = { ").Append(string.Join(", ", fns)).Append(", 0 };\n");
        foreach (var (table, size, filler) in new[]
                 {
                     ("cdevsw", 70, "nodev, nodev, nodev, nodev, nodev, nodev, nodev, nodev, nodev, nodev, notty, nostr, nullflag,"),
                     ("bdevsw", 32, "nodev, nodev, nodev, nodev, nodev, nodev, nodev, nullflag,"),
                 })
        {
            sb.Append("struct ").Append(table).Append(' ').Append(table).Append("[] = {\n");
            for (int i = 0; i < size; i++)
                sb.Append(all.TryGetValue((table, i), out var row) ? row : filler + "\t/*" + i + "*/").Append('\n');
            sb.Append("};\n");
        }
        return sb.ToString();
    }

    /// <summary>Runs a tool; a missing one fails the test naming its Debian package.</summary>
    public static Proc.Result Run(string tool, string package, IEnumerable<string> args, string dir, int seconds = 300)
    {
        if (FindOnPath(tool) is not { } path)
            throw new Xunit.Sdk.XunitException($"'{tool}' not found on PATH: install the Debian package {package} (apt-get install {package})");
        return Proc.Run(path, args, dir, TimeSpan.FromSeconds(seconds));
    }

    private static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator)
            .Where(d => d.Length > 0).Select(d => System.IO.Path.Combine(d, tool)).FirstOrDefault(File.Exists);

    /// <summary>The simulator: both drivers (with DRV_MMIO_HOOKS), the tables and Harness/amix_model.c, linked for the 68030.</summary>
    public static readonly Lazy<string> Simulator = new(() =>
    {
        string dir = System.IO.Path.Combine(Work.Value, "sim");
        Directory.CreateDirectory(dir);
        File.WriteAllText(System.IO.Path.Combine(dir, "tables.c"),
            Tables(Read(Par.Value, "patches/kernel.c.txt"), Read(RamDisk.Value, "patches/kernel.c.txt")));
        const string Gcc = "m68k-linux-gnu-gcc", Pkg = "gcc-m68k-linux-gnu";
        string[] strict = ["-m68030", "-std=c89", "-pedantic", "-Wall", "-Wextra", "-Werror", "-nostdinc", "-O2"];
        void Compile(string what, params string[] args)
        {
            var r = Run(Gcc, Pkg, args, dir);
            Assert.True(r.Ok, r.Describe(what));
        }
        Compile("par.c", [.. strict, "-DDRV_MMIO_HOOKS", "-I" + Par.Value, "-I" + Include, "-c", System.IO.Path.Combine(Par.Value, "par.c"), "-o", "par.o"]);
        Compile("rd.c", [.. strict, "-DDRV_MMIO_HOOKS", "-I" + RamDisk.Value, "-I" + Include, "-c", System.IO.Path.Combine(RamDisk.Value, "rd.c"), "-o", "rd.o"]);
        Compile("tables.c", [.. strict, "-Wno-missing-braces", "-I" + Include, "-c", "tables.c", "-o", "tables.o"]);
        Compile("amix_model.c", ["-m68030", "-std=gnu99", "-fno-builtin", "-Wall", "-Werror", "-nostdinc", "-O2",
            $"-DPAR_MAJOR={ParMajor}", $"-DRD_BMAJOR={RamBlockMajor}", $"-DRD_CMAJOR={RamCharMajor}",
            "-I" + Par.Value, "-I" + RamDisk.Value, "-I" + Include,
            "-c", System.IO.Path.Combine(RepoRoot.Path, "tests", "DriverCompiler.AmixDrivers.Tests", "Harness", "amix_model.c"), "-o", "model.o"]);
        Compile("link", ["-static", "-o", "amix_model", "model.o", "tables.o", "par.o", "rd.o"]);
        return System.IO.Path.Combine(dir, "amix_model");
    });
}
