namespace DriverCompiler.A4091.Sim.Tests.Infrastructure;

/// <summary>
/// One simulator executable: the 53C710 model, disks, A4091 board, Amix kernel harness and test
/// main (tests/Ncr53c710.Sim) linked with a driver's C files, built for the 68030 with
/// <c>-DDRV_MMIO_HOOKS</c> so the driver's register accesses reach the model, and run under qemu-m68k.
/// </summary>
public sealed class SimBinary
{
    private static readonly string[] HarnessSources = ["ncr710.c", "scsi_disk.c", "board.c", "kernel.c", "ddsim.c", "simmain.c"];

    /// <summary>Flags of the harness files (GNU C99: they use the C library).</summary>
    private static readonly string[] HarnessFlags =
        ["-m68030", "-std=gnu99", "-O1", "-Wall", "-Wextra", "-Werror", "-Wno-old-style-definition", "-DDRV_MMIO_HOOKS"];

    public string Executable { get; }
    public string WorkDir { get; }
    private readonly string qemu;

    private SimBinary(string executable, string workDir, string qemu)
    {
        Executable = executable;
        WorkDir = workDir;
        this.qemu = qemu;
    }

    /// <summary>Compiles and links; throws with the compiler's messages on failure.</summary>
    /// <param name="name">Label for the temporary folder.</param>
    /// <param name="driverSources">The driver's C files.</param>
    /// <param name="driverFlags">Flags for the driver's files (dialect, warnings, include folders).</param>
    /// <param name="prepare">Optional: writes generated inputs (e.g. assembled SCRIPTS) into the work folder first.</param>
    /// <param name="harness">The harness files to link (default: all of tests/Ncr53c710.Sim).</param>
    public static SimBinary Build(string name, IEnumerable<string> driverSources, IEnumerable<string> driverFlags, Action<string>? prepare = null,
        IEnumerable<string>? harness = null)
    {
        var (gcc, qemu) = Tools.Require();
        var work = Repo.NewTempDir(name);
        prepare?.Invoke(work);
        string[] includes = ["-iquote", Repo.AmixInclude, "-iquote", Repo.SimDir, "-iquote", work, "-I", Repo.RuntimeHeaders];
        var objects = new List<string>();
        void Compile(string source, IEnumerable<string> flags)
        {
            var obj = Path.Combine(work, Path.GetFileNameWithoutExtension(source) + $"-{objects.Count}.o");
            string[] args = [.. flags, .. includes, "-c", source, "-o", obj];
            var r = Proc.Run(gcc, args, work, TimeSpan.FromMinutes(2));
            if (!r.Ok) throw new InvalidOperationException(r.Describe(Proc.Show(Tools.Gcc, args)));
            objects.Add(obj);
        }
        foreach (var s in harness ?? HarnessSources) Compile(Path.Combine(Repo.SimDir, s), HarnessFlags);
        foreach (var s in driverSources) Compile(s, driverFlags);
        var exe = Path.Combine(work, "a4091sim");
        string[] link = ["-m68030", "-static", .. objects, "-o", exe];
        var l = Proc.Run(gcc, link, work, TimeSpan.FromMinutes(2));
        if (!l.Ok) throw new InvalidOperationException(l.Describe(Proc.Show(Tools.Gcc, link)));
        return new SimBinary(exe, work, qemu);
    }

    /// <summary>The harness's own flags, for test programs built from its files.</summary>
    public static IReadOnlyList<string> HarnessCFlags => HarnessFlags;

    /// <summary>Runs the simulator with the given options and commands (see simmain.c) in <paramref name="dir"/>.</summary>
    public SimOutput Run(string dir, params string[] args)
    {
        var r = Proc.Run(qemu, [Executable, .. args], dir, TimeSpan.FromMinutes(3));
        var shown = Proc.Show("qemu-m68k a4091sim", args);
        if (!r.Ok) throw new Xunit.Sdk.XunitException(r.Describe(shown));
        return SimOutput.Parse(shown, r.Stdout, r.Stderr);
    }
}
