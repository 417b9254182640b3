namespace DriverCompiler.A4091.Sim.Tests.Infrastructure;

/// <summary>The cross compiler and emulator the simulator tests need; a missing one fails the test
/// with the Debian package that provides it (never a silent skip).</summary>
public static class Tools
{
    public const string Gcc = "m68k-linux-gnu-gcc";
    public const string Qemu = "qemu-m68k";

    /// <summary>Full paths of gcc and qemu; throws with the package names when either is missing.</summary>
    public static (string Gcc, string Qemu) Require()
    {
        var missing = new List<string>();
        var gcc = FindOnPath(Gcc);
        var qemu = FindOnPath(Qemu);
        if (gcc is null) missing.Add($"'{Gcc}' not found on PATH: install the Debian package gcc-m68k-linux-gnu (apt-get install gcc-m68k-linux-gnu)");
        if (qemu is null) missing.Add($"'{Qemu}' not found on PATH: install the Debian package qemu-user (apt-get install qemu-user)");
        if (missing.Count > 0) throw new InvalidOperationException(string.Join("\n", missing));
        return (gcc!, qemu!);
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
}
