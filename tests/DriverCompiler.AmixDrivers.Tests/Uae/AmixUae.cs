using System.Globalization;
using System.Text.RegularExpressions;

namespace DriverCompiler.AmixDrivers.Tests.Uae;

/// <summary>
/// The two ROMs of the Amix character/block drivers on FS-UAE (tests/Amix.Uae): the shared kernel model (start.S,
/// kernel.c), the character/block driver services (amix.c: the process, uio, buf, aciaaintr in int2_tbl), the
/// scenario program (drivers.c), both emitted drivers as drvc wrote them (par.c, rd.c, strict C89) and tables.c:
/// cdevsw[]/bdevsw[] with the generated rows of both drivers, their externs, init_tbl[] with the generated entry and
/// int2_tbl[] (aciaaintr, then any generated entry), compiled
/// -std=c89 -pedantic -nostdinc like the stock kernel.c. One ROM runs the par table (-DUAE_RUN_PAR), the other the
/// RAM disk's (-DUAE_RUN_RD); each boots once.
/// </summary>
public static class AmixUae
{
    /// <summary>The kernel's own level-2 handlers, in int2_tbl[] in front of any generated entry: aciaaintr (amix.c), the
    /// CIA-A dispatch that calls parintr on FLAG.</summary>
    public static readonly string[] StockLevel2 = ["aciaaintr"];

    /// <summary>Builds the ROM that runs <paramref name="run"/> ("PAR" or "RD") in <paramref name="work"/>; returns the Kickstart image.</summary>
    public static string BuildRom(string run, string work)
    {
        Directory.CreateDirectory(work);
        string par = Drivers.Par.Value, rd = Drivers.RamDisk.Value, amix = Drivers.Include;
        File.WriteAllText(Path.Combine(work, "par_table.h"), AmixUaeTables.ParHeader());
        File.WriteAllText(Path.Combine(work, "rd_table.h"), AmixUaeTables.RdHeader());
        File.WriteAllText(Path.Combine(work, "tables.c"),
            Drivers.Tables(StockLevel2, Drivers.Read(par, "patches/kernel.c.txt"), Drivers.Read(rd, "patches/kernel.c.txt")));
        string[] majors = [$"-DPAR_MAJOR={Drivers.ParMajor}", $"-DRD_BMAJOR={Drivers.RamBlockMajor}", $"-DRD_CMAJOR={Drivers.RamCharMajor}"];
        string[] harnessIncludes = ["-iquote", amix, "-I", Path.Combine(RepoRoot.Path, "runtime-headers"), "-iquote", work];
        var objects = UaeBoot.KernelSources.Concat(["amix.c"]).Select(f => UaeBoot.CompileHarness(work, f, harnessIncludes)).ToList();
        objects.Add(UaeBoot.Compile(work, Path.Combine(UaeBoot.HarnessDir, "drivers.c"),
            [.. UaeBoot.HarnessFlags, $"-DUAE_RUN_{run}", .. majors, .. harnessIncludes, "-iquote", UaeBoot.HarnessDir, "-I", par, "-I", rd]));
        objects.Add(UaeBoot.Compile(work, Path.Combine(par, "par.c"),
            [.. UaeBoot.DriverFlags, $"-DPAR_PAR_ACK_TIMEOUT={AmixUaeTables.AckTimeoutTicks}", "-I", par, "-I", amix]));
        objects.Add(UaeBoot.Compile(work, Path.Combine(rd, "rd.c"), [.. UaeBoot.DriverFlags, "-I", rd, "-I", amix]));
        // the stock kernel.c's tables are brace-elided row by row (C89 allows it), hence -Wno-missing-braces
        objects.Add(UaeBoot.Compile(work, Path.Combine(work, "tables.c"), [.. UaeBoot.DriverFlags, "-Wno-missing-braces", "-I", amix]));
        return UaeBoot.Link(work, objects);
    }

    /// <summary>The serial log's lines from <c>scenario <paramref name="name"/></c> to the next scenario (or the end).</summary>
    public static string[] Section(string serial, string name)
    {
        var lines = serial.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        int start = lines.IndexOf("scenario " + name);
        if (start < 0) throw new Xunit.Sdk.XunitException($"no 'scenario {name}' in the serial log:\n{serial}");
        return [.. lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("scenario ", StringComparison.Ordinal) && l != "DONE")];
    }

    /// <summary>The key=value fields of the first line starting with <paramref name="tag"/> (its first word).</summary>
    public static Dictionary<string, string> Fields(IEnumerable<string> lines, string tag, int skip = 0)
    {
        var line = lines.Where(l => l.Split(' ')[0] == tag).Skip(skip).FirstOrDefault()
            ?? throw new Xunit.Sdk.XunitException($"no line '{tag} ...' in:\n{string.Join('\n', lines)}");
        return Regex.Matches(line, @"(\w+)=(\S+)").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
    }

    /// <summary>A field written in hexadecimal without a prefix (the ROM's FNV hashes).</summary>
    public static uint Hex(this Dictionary<string, string> f, string key) => uint.Parse(f[key], NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    /// <summary>A decimal field, or a hexadecimal one written with 0x.</summary>
    public static long Num(this Dictionary<string, string> f, string key) =>
        f[key].StartsWith("0x", StringComparison.Ordinal)
            ? long.Parse(f[key][2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : long.Parse(f[key], CultureInfo.InvariantCulture);
}

/// <summary>The two boots, each once per test run: the par ROM with the host's printer on the parallel port, and the RAM disk ROM.</summary>
public sealed class AmixUaeFixture : IDisposable
{
    private readonly string work = RepoRoot.NewTempDir("amixuae");

    /// <summary>The par boot: its serial log, and everything the printer received.</summary>
    public Lazy<(UaeBootResult Boot, byte[] Printed, int Acks, string PrinterLog)> Par { get; }

    /// <summary>The RAM disk boot.</summary>
    public Lazy<UaeBootResult> RamDisk { get; }

    public AmixUaeFixture()
    {
        Par = new(() =>
        {
            var dir = Path.Combine(work, "par");
            var kick = AmixUae.BuildRom("PAR", Path.Combine(dir, "rom"));
            using var printer = new VparPrinter();
            var boot = UaeBoot.Run(kick, "A3000", dir, [$"parallel_port = raw:{printer.Path}"], TimeSpan.FromSeconds(180));
            return (boot, printer.Printed, printer.Acks, printer.Log);
        });
        RamDisk = new(() =>
        {
            var dir = Path.Combine(work, "rd");
            var kick = AmixUae.BuildRom("RD", Path.Combine(dir, "rom"));
            return UaeBoot.Run(kick, "A3000", dir, [], TimeSpan.FromSeconds(120));
        });
    }

    public void Dispose() { }
}

[CollectionDefinition("amix-uae")]
public sealed class AmixUaeCollection : ICollectionFixture<AmixUaeFixture>;
