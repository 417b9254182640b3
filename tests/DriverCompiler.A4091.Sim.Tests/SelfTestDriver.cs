using DriverCompiler.A4091.Sim.Tests.Infrastructure;
using DriverCompiler.Scripts;

namespace DriverCompiler.A4091.Sim.Tests;

/// <summary>
/// The simulator built with the hand-written self-test driver (SelfTest/minidrv.c) and its
/// SCRIPTS (SelfTest/selftest.ss), assembled here with the repository's assembler. It proves
/// the simulator before and independently of drivers/A4091.
/// </summary>
public sealed class SelfTestDriverFixture
{
    private readonly Lazy<SimBinary> sim = new(() => Build(null));

    public SimBinary Sim => sim.Value;

    /// <summary>Builds the simulator with minidrv.c, optionally with one of its mutants defined.</summary>
    public static SimBinary Build(string? define) => SimBinary.Build("selftest",
        [Path.Combine(Repo.SelfTestDir, "minidrv.c")],
        ["-m68030", "-std=c89", "-pedantic", "-O1", "-Wall", "-Wextra", "-Werror", "-Wno-old-style-definition", "-DDRV_MMIO_HOOKS",
         .. define is null ? Array.Empty<string>() : ["-D" + define]],
        work => Assemble("selftest.ss", work));

    /// <summary>Assembles a SelfTest .ss file into the work folder with the repository's assembler.</summary>
    public static void Assemble(string name, string work)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int rc = ScriptsTool.Run(Path.Combine(Repo.SelfTestDir, name), Path.Combine(work, Path.ChangeExtension(name, ".out")), "710", o, e,
            new ScriptsToolOptions { Timestamp = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
        if (rc != 0) throw new InvalidOperationException($"assembling {name} failed ({rc}):\n{e}");
    }
}

/// <summary>Every scenario with the self-test driver, which completes from a4091intr when level-2
/// interrupts are taken and polls ISTAT inside a4091queue when they are not.</summary>
public sealed class SelfTestDriverTests(SelfTestDriverFixture fixture) : DriverScenarios, IClassFixture<SelfTestDriverFixture>
{
    protected override SimBinary Sim => fixture.Sim;
}
