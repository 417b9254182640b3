namespace DriverCompiler.A4091.Sim.Tests.Infrastructure;

/// <summary>Paths in the repository: the simulator's C sources, the Amix test headers, the runtime headers.</summary>
public static class Repo
{
    /// <summary>The folder holding <c>DriverCompiler.sln</c>.</summary>
    public static string Root => RepoRoot.Path;

    /// <summary>tests/Ncr53c710.Sim: the chip model, disks, board, Amix kernel harness and test main.</summary>
    public static string SimDir => Path.Combine(Root, "tests", "Ncr53c710.Sim");

    /// <summary>This project's SelfTest folder (self-test driver and SCRIPTS).</summary>
    public static string SelfTestDir => Path.Combine(Root, "tests", "DriverCompiler.A4091.Sim.Tests", "SelfTest");

    /// <summary>tests/include/amix: the Amix kernel declarations the driver compiles against.</summary>
    public static string AmixInclude => Path.Combine(Root, "tests", "include", "amix");

    public static string RuntimeHeaders => Path.Combine(Root, "runtime-headers");

    /// <summary>A fresh temporary folder for one fixture or test.</summary>
    public static string NewTempDir(string what)
    {
        var d = Path.Combine(Path.GetTempPath(), $"a4091sim-{what}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(d);
        return d;
    }
}
