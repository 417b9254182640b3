namespace DriverCompiler.Testing.Uae;

/// <summary>
/// The programs the FS-UAE tier runs and the Debian packages that provide them; a missing one fails the
/// test naming its package (never a silent skip). Installed with <c>--no-install-recommends</c> these
/// are enough: FS-UAE renders through Xvfb's software OpenGL (llvmpipe).
/// </summary>
public static class UaeTools
{
    public static readonly (string Tool, string Package)[] Required =
    [
        ("m68k-linux-gnu-gcc", "gcc-m68k-linux-gnu"),
        ("m68k-linux-gnu-objcopy", "binutils-m68k-linux-gnu"),
        ("fs-uae", "fs-uae"),
        ("xvfb-run", "xvfb"),
        ("Xvfb", "xvfb"),
        ("xauth", "xauth"),
    ];

    /// <summary>Full path of <paramref name="tool"/>; throws naming the package of every missing tool of <see cref="Required"/>.</summary>
    public static string Require(string tool)
    {
        var missing = Required.Where(r => FindOnPath(r.Tool) is null).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException(string.Join("\n", missing.Select(m =>
                $"'{m.Tool}' not found on PATH: install the Debian package {m.Package} (apt-get install --no-install-recommends {m.Package})")));
        return FindOnPath(tool)!;
    }

    /// <summary>Full path of <paramref name="tool"/> in a directory of PATH, or null.</summary>
    public static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Where(d => d.Length > 0).Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);

    /// <summary>
    /// Fails naming the package when FS-UAE's output shows it could not run headless: no X server
    /// (xvfb/xauth), or no OpenGL context (Xvfb's GLX with Mesa's llvmpipe: libgl1-mesa-dri).
    /// </summary>
    public static void FailOnMissingRuntime(string output)
    {
        if (output.Contains("xauth: not found", StringComparison.Ordinal) || output.Contains("xauth: command not found", StringComparison.Ordinal))
            throw new Xunit.Sdk.XunitException($"xvfb-run needs xauth: install the Debian package xauth\n--- output ---\n{output}");
        if (output.Contains("Xvfb failed to start", StringComparison.Ordinal) || output.Contains("Xvfb: not found", StringComparison.Ordinal))
            throw new Xunit.Sdk.XunitException($"Xvfb did not start: install the Debian package xvfb\n--- output ---\n{output}");
        if (output.Contains("swrast", StringComparison.Ordinal) && output.Contains("failed to load driver", StringComparison.Ordinal))
            throw new Xunit.Sdk.XunitException($"no software OpenGL driver for FS-UAE: install the Debian package libgl1-mesa-dri\n--- output ---\n{output}");
    }
}
