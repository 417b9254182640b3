namespace DriverCompiler.Differential.Tests.Infrastructure;

/// <summary>Where things are: the repository (for the include folders the lead maintains) and the
/// corpus and harness files copied next to this assembly.</summary>
public static class Repo
{
    /// <summary>The folder holding <c>DriverCompiler.sln</c>, found by walking up from this assembly.</summary>
    public static string Root => RepoRoot.Path;

    public static string AssemblyDir => AppContext.BaseDirectory;
    public static string CorpusDir => Path.Combine(AssemblyDir, "Corpus");
    public static string HarnessDir => Path.Combine(AssemblyDir, "Harness");

    /// <summary>Corpus program names (file names without <c>.cs</c>), in ordinal order.</summary>
    public static IReadOnlyList<string> ProgramNames() =>
        Directory.EnumerateFiles(CorpusDir, "*.cs")
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();

}
