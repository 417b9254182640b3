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

    private DriverCompilation(CSharpCompilation compilation, IReadOnlyList<CSharpCompilation>? libraries = null,
        IReadOnlyList<Diagnostic>? loadDiagnostics = null)
    {
        CSharp = compilation;
        Libraries = libraries ?? [];
        LoadDiagnostics = loadDiagnostics ?? [];
    }

    /// <summary>The underlying Roslyn compilation (unsafe, unchecked, a library).</summary>
    public CSharpCompilation CSharp { get; }

    /// <summary>
    /// The driver libraries the driver's project references (transitively), each its own compilation in
    /// dependency order; <see cref="CSharp"/> references them as compilations, so the driver sees what
    /// <c>dotnet build</c> lets it see (their public API), and their sources are lowered into the driver.
    /// </summary>
    public IReadOnlyList<CSharpCompilation> Libraries { get; }

    /// <summary>Problems found while reading the project's references (DRV0103); a build with an error among them emits nothing.</summary>
    public IReadOnlyList<Diagnostic> LoadDiagnostics { get; }

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
        var files = ReadSources(directory);
        if (files.Count == 0)
            throw new FileNotFoundException($"driver folder '{directory}' has no .cs files (bin/ and obj/ are not read): a driver folder holds the driver's C# sources");
        // Driver libraries (ProjectReference items of the folder's .csproj): each is compiled on its own against
        // the libraries it references, and the driver against all of them, as dotnet build compiles them.
        var resolution = DriverLibraries.Resolve(directory);
        var libraries = new List<CSharpCompilation>();
        foreach (var lib in resolution.Libraries)
        {
            var refs = Closure(resolution.Libraries, lib.References).Select(i => (MetadataReference)libraries[i].ToMetadataReference());
            var c = Create(ReadSources(lib.Directory), lib.Name, References.Value.AddRange(refs));
            libraries.Add(EditorConfigOptions.Apply(c, lib.Directory));
        }
        // Named after the folder, as dotnet build names the assembly after the project: messages that name the driver say which.
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        var all = References.Value.AddRange(libraries.Select(l => (MetadataReference)l.ToMetadataReference()));
        var driver = Create(files, name.Length > 0 ? name : "Driver", all);
        return new DriverCompilation(EditorConfigOptions.Apply(driver, directory), libraries, resolution.Diagnostics);
    }

    /// <summary>The indices <paramref name="direct"/> names and everything they reference, in ascending (dependency) order.</summary>
    private static IEnumerable<int> Closure(IReadOnlyList<DriverLibrary> libraries, IEnumerable<int> direct)
    {
        var seen = new SortedSet<int>();
        var work = new Stack<int>(direct);
        while (work.Count > 0)
            if (seen.Add(work.Peek())) foreach (int d in libraries[work.Pop()].References) work.Push(d);
            else work.Pop();
        return seen;
    }

    /// <summary>
    /// The <c>*.cs</c> files of a driver or library folder, recursively, outside <c>bin</c> and <c>obj</c>,
    /// as paths relative to <paramref name="directory"/> in ordinal order (output must not depend on the file system).
    /// </summary>
    internal static IEnumerable<string> SourceFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f))
            .Where(rel => !rel.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
            .OrderBy(rel => rel.Replace('\\', '/'), StringComparer.Ordinal);

    private static List<(string Path, string Text)> ReadSources(string directory) =>
        SourceFiles(directory).Select(rel => (Path.Combine(directory, rel), File.ReadAllText(Path.Combine(directory, rel)))).ToList();

    /// <summary>Builds a compilation from in-memory sources: (path used in diagnostics, C# text).</summary>
    public static DriverCompilation FromSources(IEnumerable<(string Path, string Text)> sources, string assemblyName = "Driver")
    {
        return new DriverCompilation(Create(sources, assemblyName, References.Value));
    }

    /// <summary>
    /// Builds a driver compilation from in-memory sources that uses in-memory driver libraries: each
    /// library is (assembly name, sources) and may use the libraries before it in the list, as a project
    /// referencing them would.
    /// </summary>
    public static DriverCompilation FromSources(IEnumerable<(string Path, string Text)> sources, string assemblyName,
        IEnumerable<(string Name, IEnumerable<(string Path, string Text)> Sources)> libraries)
    {
        var libs = new List<CSharpCompilation>();
        foreach (var (name, files) in libraries)
            libs.Add(Create(files, name, References.Value.AddRange(libs.Select(l => (MetadataReference)l.ToMetadataReference()))));
        var driver = Create(sources, assemblyName, References.Value.AddRange(libs.Select(l => (MetadataReference)l.ToMetadataReference())));
        return new DriverCompilation(driver, libs);
    }

    private static CSharpCompilation Create(IEnumerable<(string Path, string Text)> sources, string assemblyName, IEnumerable<MetadataReference> references)
    {
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)).ToArray();
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
            allowUnsafe: true, checkOverflow: false, deterministic: true, nullableContextOptions: NullableContextOptions.Disable,
            concurrentBuild: false);
        return CSharpCompilation.Create(assemblyName, trees, references, options);
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
