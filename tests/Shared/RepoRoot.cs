namespace DriverCompiler.Testing;

/// <summary>The repository the tests run from (shared by the test projects).</summary>
public static class RepoRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "DriverCompiler.sln"))) return dir.FullName;
        throw new InvalidOperationException($"DriverCompiler.sln not found above {AppContext.BaseDirectory}");
    });

    /// <summary>The folder holding <c>DriverCompiler.sln</c>.</summary>
    public static string Path => Root.Value;

    /// <summary>A fresh folder under the system temp folder, named <c>drvc-&lt;tag&gt;-&lt;random&gt;</c>.</summary>
    public static string NewTempDir(string tag)
    {
        var d = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"drvc-{tag}-{Guid.NewGuid().ToString("N")[..10]}");
        Directory.CreateDirectory(d);
        return d;
    }
}
