using System.Globalization;
using DriverCompiler.Analyzers;
using DriverCompiler.Core.Lower;
using DriverCompiler.Core.Templates;
using Microsoft.CodeAnalysis;

namespace DriverCompiler.Core.Exports;

/// <summary>
/// The kernel patches of an Amix character, block or STREAMS driver (<c>[assembly: AmixCharDriver(major)]</c>,
/// <c>AmixBlockDriver</c>, <c>AmixStreamsDriver</c>), rendered from <c>templates/amix/driver/</c> into <c>patches/</c>:
/// the <c>cdevsw[]</c>/<c>bdevsw[]</c> rows at the major with <c>nodev</c>/<c>notty</c>/<c>nostr</c>/<c>nullflag</c> in every
/// column the driver does not implement, the externs, the <c>init_tbl[]</c>/<c>int2_tbl[]</c> entries, the alien Makefile
/// row and an INSTALL with the <c>mknod</c> lines; for a STREAMS driver also the C of its <c>streamtab</c>. The shapes
/// come from <see cref="AmixDriverModel"/> (stock master.d/kernel.c; SVR4 D2DK), which the analyzer has checked.
/// </summary>
internal static class AmixDriver
{
    /// <summary>The file a STREAMS driver's streamtab, qinits and module_info are emitted in.</summary>
    public static string StreamsFile(DriverInfo driver) => driver.Name + "_streamtab.c";

    /// <summary>The kernel's C name of an <c>[AmixEntry]</c> method, or of an Amix driver's <c>[InterruptHandler]</c>: the
    /// prefix and the role's suffix (<c>parwrite</c>, <c>parintr</c>); null for any other method.</summary>
    public static string? EntryName(Compilation compilation, IMethodSymbol m, string driverPrefix)
    {
        int? value = AmixDriverModel.EntryRole(m);
        bool interrupt = value is null && AmixDriverModel.IsInterruptHandler(m);
        if (value is null && !interrupt) return null;
        var declarations = AmixDriverModel.Declarations(compilation);
        if (declarations.Count == 0) return null;
        var d = declarations[0];
        var role = interrupt ? AmixDriverModel.Interrupt : AmixDriverModel.RoleOf(value!.Value, d.Kind);
        return role is null ? null : AmixDriverModel.Prefix(compilation, d, driverPrefix) + role.Suffix;
    }

    private sealed record Entries(AmixDriverModel.Declaration Declaration, string Prefix, Dictionary<int, string> ByRole, string? Interrupt);

    private static Entries? Collect(ModuleLowerer lowerer, DriverInfo driver)
    {
        if (driver.Target != DriverCompiler.Dsl.DriverTarget.Amix) return null;
        var declarations = AmixDriverModel.Declarations(lowerer.Compilation);
        if (declarations.Count == 0) return null;
        var d = declarations[0];
        var byRole = new Dictionary<int, string>();
        string? interrupt = null;
        foreach (var (symbol, name) in lowerer.Names.OrderBy(kv => kv.Value, StringComparer.Ordinal))
        {
            if (symbol is not IMethodSymbol m) continue;
            if (AmixDriverModel.EntryRole(m) is int v) byRole.TryAdd(v, name);
            else if (AmixDriverModel.IsInterruptHandler(m)) interrupt ??= name;
        }
        return new Entries(d, AmixDriverModel.Prefix(lowerer.Compilation, d, driver.Prefix), byRole, interrupt);
    }

    /// <summary>The C file with the STREAMS driver's streamtab (null for the other kinds).</summary>
    public static EmittedFile? StreamsTable(ModuleLowerer lowerer, DriverInfo driver, ITemplateEngine templates, string comment)
    {
        if (Collect(lowerer, driver) is not { Declaration.Kind: AmixDriverModel.Kind.Streams } e) return null;
        string Or(int role) => e.ByRole.TryGetValue(role, out var n) ? n : "0";
        var d = e.Declaration;
        var model = new
        {
            comment = comment.Replace("\n", "\n * "), header = driver.Name + ".h", prefix = e.Prefix, name = driver.Name,
            idnum = d.Named("ModuleId", 0) is int id && id != 0 ? id : d.Major,
            maxpsz = d.Named("MaxPacket", -1) is int max && max < 0 ? "INFPSZ" : d.Named("MaxPacket", -1).ToString(CultureInfo.InvariantCulture),
            hiwat = d.Named("HighWater", 4096), lowat = d.Named("LowWater", 1024),
            open = Or(1), close = Or(2), wput = Or(12), wsrv = Or(13), rput = Or(14), rsrv = Or(15),
        };
        return new EmittedFile(StreamsFile(driver), templates.Render("amix/driver/streamtab.c.hbs", model));
    }

    /// <summary>patches/INSTALL, patches/kernel.c.txt and patches/alien-Makefile.txt of a char, block or STREAMS driver.</summary>
    public static IEnumerable<EmittedFile> Render(ModuleLowerer lowerer, DriverInfo driver, ITemplateEngine templates, string version, IReadOnlyList<string> sources)
    {
        if (Collect(lowerer, driver) is not { } e) return [];
        var d = e.Declaration;
        string Or(int role, string filler = "nodev") => e.ByRole.TryGetValue(role, out var n) ? n : filler;
        int flags = d.Named("Flags", 0);
        string flag = flags == 0 ? "nullflag" : e.Prefix + "flag";
        string node = d.Named<string?>("Node", null) ?? driver.Name;
        int minors = Math.Max(1, d.Named("Minors", 1));
        string? replaces = d.Named<string?>("Replaces", null);
        int raw = d.Kind == AmixDriverModel.Kind.Block ? d.Named("RawMajor", 0) : 0;
        string streamtab = e.Prefix + "info";

        // cdevsw columns: open close read write ioctl mmap segmap poll xpoll xhalt ttys str flag (kernel.c_1.2).
        string CharRow(int major) => d.Kind == AmixDriverModel.Kind.Streams
            ? $"nodev, nodev, nodev, nodev, nodev, nodev, nodev, nodev, nodev, nodev, notty, &{streamtab}, {flag},\t/*{major}={driver.Name}*/"
            : $"{Or(1)}, {Or(2)}, {Or(3)}, {Or(4)}, {Or(5)},\n\t\t{Or(6)}, nodev, {Or(7)}, nodev, nodev, notty, nostr, {flag},\t/*{major}={driver.Name}*/";
        // bdevsw columns: open close strategy print size xpoll xhalt flag.
        string BlockRow(int major) => $"{Or(1)}, {Or(2)}, {Or(8)}, {Or(9)}, {Or(10)}, nodev, nodev, {flag},\t/*{major}={driver.Name}*/";

        var functions = e.ByRole.Where(kv => kv.Key != 11).OrderBy(kv => kv.Key).Select(kv => kv.Value + "()").ToList();
        var nodes = new List<string>();
        for (int minor = 0; minor < minors; minor++)
        {
            string suffix = minor == 0 ? "" : minor.ToString(CultureInfo.InvariantCulture);
            if (d.Kind == AmixDriverModel.Kind.Block)
            {
                nodes.Add($"mknod /dev/dsk/{node}{suffix} b {d.Major} {minor}");
                if (raw != 0) nodes.Add($"mknod /dev/rdsk/{node}{suffix} c {raw} {minor}");
            }
            else nodes.Add($"mknod /dev/{node}{suffix} c {d.Major} {minor}");
        }
        string source = sources.Count == 1 ? sources[0] : string.Join(" ", sources);
        string title = "Installing the " + driver.Name + " driver into an Amix 2.1c kernel";
        var model = new
        {
            driver = driver.Name, version, prefix = e.Prefix, source, header = driver.Name + ".h", title, underline = new string('=', title.Length),
            @object = sources.Count == 1 ? Path.ChangeExtension(sources[0], ".o") : driver.Name + ".o",
            kind = d.Kind switch { AmixDriverModel.Kind.Block => "block", AmixDriverModel.Kind.Streams => "STREAMS", _ => "character" },
            isBlock = d.Kind == AmixDriverModel.Kind.Block,
            major = d.Major,
            replaces,
            cdevswMajor = d.Kind == AmixDriverModel.Kind.Block ? (raw == 0 ? (int?)null : raw) : d.Major,
            cdevswRow = d.Kind == AmixDriverModel.Kind.Block ? (raw == 0 ? null : CharRow(raw)) : CharRow(d.Major),
            bdevswRow = d.Kind == AmixDriverModel.Kind.Block ? BlockRow(d.Major) : null,
            externs = functions.Count == 0 ? null : string.Join(", ", functions),
            streamtab = d.Kind == AmixDriverModel.Kind.Streams ? streamtab : null,
            flagArray = flags == 0 ? null : $"static int {flag}[1] = {{0x{flags.ToString("x", CultureInfo.InvariantCulture)},}};",
            init = e.ByRole.TryGetValue(11, out var init) ? init : null,
            interrupt = e.Interrupt,
            nodes,
        };
        return
        [
            new EmittedFile("patches/INSTALL", templates.Render("amix/driver/INSTALL.hbs", model)),
            new EmittedFile("patches/alien-Makefile.txt", templates.Render("amix/patches/alien-Makefile.hbs", model)),
            new EmittedFile("patches/kernel.c.txt", templates.Render("amix/driver/kernel.c.hbs", model)),
        ];
    }
}
