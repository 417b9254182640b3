using DriverCompiler.A4091.Sim.Tests.Infrastructure;

namespace DriverCompiler.A4091.Sim.Tests;

/// <summary>
/// drivers/A4091 as drvc emits it: <c>drvc build drivers/A4091</c>, then a4091.c compiled for the
/// 68030 with the strict flags (C89, -pedantic, -Werror) and DRV_MMIO_HOOKS, linked into
/// the simulator.
/// </summary>
public sealed class A4091DriverFixture
{
    private readonly Lazy<SimBinary> sim = new(() =>
    {
        var output = Repo.NewTempDir("drvc");
        var o = new StringWriter();
        var e = new StringWriter();
        int rc = DriverCompiler.Cli.Drvc.Run(["build", Path.Combine(Repo.Root, "drivers", "A4091"), "--out", output], o, e);
        if (rc != 0) throw new InvalidOperationException($"drvc build drivers/A4091 failed ({rc}):\n{e}{o}");
        return SimBinary.Build("a4091", [Path.Combine(output, "a4091.c")],
            ["-m68030", "-std=c89", "-pedantic", "-O2", "-Wall", "-Wextra", "-Werror", "-fwrapv", "-DDRV_MMIO_HOOKS",
             "-I", output, "-I", Repo.AmixInclude]);
    });

    public SimBinary Sim => sim.Value;
}

/// <summary>Every scenario with the emitted A4091 driver. It polls until it has seen its first
/// level-2 interrupt (a4091intr runs on every one, the clock's included) and completes from
/// a4091intr afterwards.</summary>
public sealed class A4091DriverTests(A4091DriverFixture fixture) : DriverScenarios, IClassFixture<A4091DriverFixture>
{
    protected override SimBinary Sim => fixture.Sim;
}
