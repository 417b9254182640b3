using DriverCompiler.Dsl;

namespace DriverCompiler.Differential.Tests.Infrastructure;

/// <summary>One way of running lowered C: a dialect, a cross compiler and how to execute its output.</summary>
/// <param name="Name">Short label used in reports, e.g. <c>amigaos4/ppc</c>.</param>
/// <param name="Target">Dialect the program is lowered in.</param>
/// <param name="Prefix">Tool prefix (<c>powerpc-linux-gnu-</c>); empty for the host toolchain.</param>
/// <param name="StrictFlags">Flags every emitted <c>.c</c> file is compiled with.</param>
/// <param name="HarnessFlags">Flags for the harness (<c>main.c</c>, <c>probe.c</c>) and the link.</param>
/// <param name="Emulator">qemu-user binary that runs the executable, or null to run it natively.</param>
/// <param name="Package">Debian package that provides the tools.</param>
/// <param name="EmulatorFlags">Options of the qemu-user binary, before the executable.</param>
public sealed record Toolchain(
    string Name, DriverTarget Target, string Prefix, string[] StrictFlags, string[] HarnessFlags,
    string? Emulator, string Package, string[]? EmulatorFlags = null)
{
    public string Gcc => Prefix + "gcc";
    public string Objcopy => Prefix + "objcopy";
    public string IncludeDir => Target == DriverTarget.AmigaOS4 ? "amigaos4" : "amix";

    private static readonly string[] Common = ["-O2", "-Wall", "-Wextra", "-Werror", "-fwrapv"];

    public static readonly Toolchain HostAmigaOS4 = new("amigaos4/host-gcc", DriverTarget.AmigaOS4, "",
        ["-std=gnu99", .. Common], ["-std=gnu99", "-O1"], null, "gcc");

    public static readonly Toolchain PpcAmigaOS4 = new("amigaos4/qemu-ppc", DriverTarget.AmigaOS4, "powerpc-linux-gnu-",
        ["-std=gnu99", .. Common], ["-std=gnu99", "-O1", "-static"], "qemu-ppc", "gcc-powerpc-linux-gnu",
        // One guest instruction per translation block: QEMU 10.0.2's TCG optimizer drops the second extsb of
        // extsb/srwi/extsb (fuzz seed 600181 printed 0x3FFFFFF5 for -11: the oracle was wrong, not the C). With one
        // instruction per block it has nothing to fold across.
        ["-one-insn-per-tb"]);

    public static readonly Toolchain M68kAmix = new("amix/qemu-m68k", DriverTarget.Amix, "m68k-linux-gnu-",
        ["-m68030", "-std=c89", "-pedantic", .. Common], ["-m68030", "-std=gnu99", "-O1", "-static"], "qemu-m68k", "gcc-m68k-linux-gnu");

    public static IReadOnlyList<Toolchain> All { get; } = [HostAmigaOS4, PpcAmigaOS4, M68kAmix];

    /// <summary>Every tool the suite needs that is not on PATH, each with the Debian package that provides it.</summary>
    public static IReadOnlyList<string> MissingTools()
    {
        var needed = new List<(string Tool, string Package)>();
        foreach (var t in All)
        {
            needed.Add((t.Gcc, t.Package));
            needed.Add((t.Objcopy, t.Prefix.Length == 0 ? "binutils" : "binutils-" + t.Prefix.TrimEnd('-')));
            if (t.Emulator is not null) needed.Add((t.Emulator, "qemu-user"));
        }
        return needed.Distinct().Where(n => FindOnPath(n.Tool) is null)
            .Select(n => $"'{n.Tool}' not found on PATH: install the Debian package {n.Package} (apt-get install {n.Package})")
            .ToList();
    }

    public static string? FindOnPath(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (dir.Length == 0) continue;
            var p = Path.Combine(dir, tool);
            if (File.Exists(p)) return p;
        }
        return null;
    }

    public override string ToString() => Name;
}
