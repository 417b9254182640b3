using System.Collections.Immutable;
using DriverCompiler.Dsl;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DriverCompiler.Core;

/// <summary>
/// Phase 1 (load): a driver's C# sources as a Roslyn <see cref="CSharpCompilation"/> against the
/// DSL assembly, the OS binding libraries and the core library only — no MSBuild workspace. Then <see cref="Check"/> and
/// <see cref="Build"/> run the later phases.
/// </summary>
public sealed class DriverCompilation
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>Parse options every driver is compiled with (latest C#, the DRIVERCOMPILER symbol).</summary>
    public static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.None, preprocessorSymbols: ["DRIVERCOMPILER"]);

    private DriverCompilation(CSharpCompilation compilation) => CSharp = compilation;

    /// <summary>The underlying Roslyn compilation (unsafe, unchecked, a library).</summary>
    public CSharpCompilation CSharp { get; }

    /// <summary>
    /// Loads every <c>*.cs</c> under <paramref name="directory"/> (recursively, skipping <c>bin</c>
    /// and <c>obj</c>), in ordinal order of their relative paths so output does not depend on the
    /// file system. Diagnostic paths are <paramref name="directory"/> joined with the relative path.
    /// Diagnostic severities from the <c>.editorconfig</c> files above the folder apply, as in <c>dotnet build</c>.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">The folder has no <c>.cs</c> file (outside <c>bin</c> and <c>obj</c>).</exception>
    public static DriverCompilation Load(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"driver folder '{directory}' does not exist");
        var files = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f))
            .Where(rel => !rel.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
            .OrderBy(rel => rel.Replace('\\', '/'), StringComparer.Ordinal)
            .Select(rel => (Path.Combine(directory, rel), File.ReadAllText(Path.Combine(directory, rel))))
            .ToList();
        if (files.Count == 0)
            throw new FileNotFoundException($"driver folder '{directory}' has no .cs files (bin/ and obj/ are not read): a driver folder holds the driver's C# sources");
        // Named after the folder, as dotnet build names the assembly after the project: messages that name the driver say which.
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        return new DriverCompilation(EditorConfigOptions.Apply(FromSources(files, name.Length > 0 ? name : "Driver").CSharp, directory));
    }

    /// <summary>Builds a compilation from in-memory sources: (path used in diagnostics, C# text).</summary>
    public static DriverCompilation FromSources(IEnumerable<(string Path, string Text)> sources, string assemblyName = "Driver")
    {
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)).ToArray();
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
            allowUnsafe: true, checkOverflow: false, deterministic: true, nullableContextOptions: NullableContextOptions.Disable,
            concurrentBuild: false);
        return new DriverCompilation(CSharpCompilation.Create(assemblyName, trees, References.Value, options));
    }

    /// <summary>The references every driver compiles against: the core library, the DSL and the OS binding
    /// libraries (<c>DriverCompiler.AmigaOS</c>, <c>DriverCompiler.Amix</c>).</summary>
    public static ImmutableArray<MetadataReference> MetadataReferences => References.Value;

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var names = new[] { "System.Private.CoreLib.dll", "System.Runtime.dll", "netstandard.dll",
                            "System.Runtime.InteropServices.dll", "System.Threading.dll" };
        var refs = names.Select(n => Path.Combine(runtimeDir, n)).Where(File.Exists)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
        refs.Add(MetadataReference.CreateFromFile(typeof(DriverAttribute).Assembly.Location));
        // The OS binding libraries, as a driver project references them (the DSL package carries both).
        refs.Add(MetadataReference.CreateFromFile(typeof(AmigaOS.Exec).Assembly.Location));
        refs.Add(MetadataReference.CreateFromFile(typeof(Amix.Kernel).Assembly.Location));
        return [.. refs];
    }

    /// <summary>Phases 1-2: Roslyn's diagnostics and the subset rules. Emits nothing.</summary>
    public CompileResult Check(DriverTarget? target = null) => Pipeline.Run(this, new BuildOptions(target), emit: false);

    /// <summary>All phases: on success the emitted files, otherwise the diagnostics and no files.</summary>
    public CompileResult Build(BuildOptions options) => Pipeline.Run(this, options, emit: true);
}
