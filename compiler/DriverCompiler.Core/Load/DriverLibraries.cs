using System.Xml;
using System.Xml.Linq;
using DriverCompiler.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DriverCompiler.Core;

/// <summary>
/// A driver library a driver project references: a C# class library whose sources are lowered into
/// every driver that uses it (<c>docs/dsl.md</c>, "Driver libraries").
/// </summary>
/// <param name="Name">The library's assembly name: its project file's name without <c>.csproj</c>.</param>
/// <param name="Directory">The folder of its project file; its sources are the <c>*.cs</c> files under it.</param>
/// <param name="References">The libraries it references itself, by index into the resolved list (always earlier).</param>
public sealed record DriverLibrary(string Name, string Directory, IReadOnlyList<int> References);

/// <summary>
/// Finds the driver libraries of a driver folder by reading the <c>ProjectReference</c> items of its
/// <c>.csproj</c>, and theirs, transitively (as MSBuild passes project references on).
/// </summary>
/// <remarks>
/// The project files are read as XML, not evaluated by MSBuild: a driver project's references are
/// literal relative paths, and evaluation would need an MSBuild installation at run time (the packed
/// drvc must run from any folder) and cost a second or more per call. What a plain read cannot decide
/// exactly, a reference whose path uses an MSBuild property or wildcard or that carries a
/// <c>Condition</c>, is reported (DRV0103) rather than guessed. References to projects named
/// <c>DriverCompiler.*</c> are the toolchain's own (the DSL and its binding assemblies), which drvc
/// carries as metadata; they are not driver libraries.
/// </remarks>
public static class DriverLibraries
{
    /// <summary>The result of <see cref="Resolve"/>: libraries in dependency order (a library before any that references it) and problems found.</summary>
    public sealed record Resolution(IReadOnlyList<DriverLibrary> Libraries, IReadOnlyList<Diagnostic> Diagnostics);

    /// <summary>
    /// Reads the project file in <paramref name="directory"/> (none: no libraries; several: DRV0103) and
    /// resolves its driver libraries. A missing or unreadable project, a reference cycle or a library
    /// without sources is a DRV0103 error at the <c>ProjectReference</c> that names it.
    /// </summary>
    public static Resolution Resolve(string directory)
    {
        var diagnostics = new List<Diagnostic>();
        var projects = System.IO.Directory.Exists(directory)
            ? System.IO.Directory.GetFiles(directory, "*.csproj").OrderBy(p => p, StringComparer.Ordinal).ToArray()
            : [];
        if (projects.Length == 0) return new Resolution([], diagnostics);
        if (projects.Length > 1)
        {
            diagnostics.Add(Diagnostic.Create(Descriptors.LibraryReference, Location.None,
                $"'{directory}' holds {projects.Length} project files ({string.Join(", ", projects.Select(Path.GetFileName))}); a driver folder has one"));
            return new Resolution([], diagnostics);
        }

        var libraries = new List<DriverLibrary>();
        var index = new Dictionary<string, int>(PathComparer);   // full project path -> index in libraries
        var visiting = new List<string>();                       // the chain being resolved, for cycles
        string root = Path.GetFullPath(projects[0]);
        visiting.Add(root);
        ReferencesOf(root, libraries, index, visiting, diagnostics);
        return new Resolution(libraries, diagnostics);
    }

    private static StringComparer PathComparer => OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>The driver libraries <paramref name="project"/> references directly, resolving each first (depth first).</summary>
    private static List<int> ReferencesOf(string project, List<DriverLibrary> libraries, Dictionary<string, int> index,
        List<string> visiting, List<Diagnostic> diagnostics)
    {
        var result = new List<int>();
        string text;
        XDocument doc;
        try
        {
            text = File.ReadAllText(project);
            doc = XDocument.Parse(text, LoadOptions.SetLineInfo);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or XmlException)
        {
            diagnostics.Add(Diagnostic.Create(Descriptors.LibraryReference, Location.None, $"cannot read project '{project}': {ex.Message}"));
            return result;
        }
        string dir = Path.GetDirectoryName(project)!;
        foreach (var item in doc.Descendants().Where(e => e.Name.LocalName == "ProjectReference"))
        {
            string include = (string?)item.Attribute("Include") ?? "";
            var where = LocationOf(project, text, item);
            if (include.Contains("$(", StringComparison.Ordinal) || include.Contains('*') || include.Contains(';')
                || item.Attribute("Condition") is not null || item.Parent?.Attribute("Condition") is not null)
            {
                diagnostics.Add(Diagnostic.Create(Descriptors.LibraryReference, where,
                    $"ProjectReference '{include}' uses an MSBuild property, wildcard, list or Condition; drvc reads project files without evaluating them: name one project by its relative path"));
                continue;
            }
            string name = Path.GetFileNameWithoutExtension(include.Replace('\\', '/'));
            if (name.StartsWith("DriverCompiler.", StringComparison.Ordinal)) continue;   // the toolchain's own assemblies
            string path = Path.GetFullPath(Path.Combine(dir, include.Replace('\\', Path.DirectorySeparatorChar).Replace('/', Path.DirectorySeparatorChar)));
            if (index.TryGetValue(path, out int known)) { if (!result.Contains(known)) result.Add(known); continue; }
            int cycle = visiting.FindIndex(v => PathComparer.Equals(v, path));
            if (cycle >= 0)
            {
                var chain = visiting.Skip(cycle).Append(path).Select(Path.GetFileNameWithoutExtension);
                diagnostics.Add(Diagnostic.Create(Descriptors.LibraryReference, where,
                    $"ProjectReference '{include}' closes a cycle ({string.Join(" -> ", chain)}); a driver library cannot reference itself through others"));
                continue;
            }
            if (!File.Exists(path))
            {
                diagnostics.Add(Diagnostic.Create(Descriptors.LibraryReference, where, $"ProjectReference '{include}' names '{path}', which does not exist"));
                continue;
            }
            string libDir = Path.GetDirectoryName(path)!;
            if (!DriverCompilation.SourceFiles(libDir).Any())
            {
                diagnostics.Add(Diagnostic.Create(Descriptors.LibraryReference, where,
                    $"ProjectReference '{include}': the library folder '{libDir}' has no .cs files (bin/ and obj/ are not read)"));
                continue;
            }
            visiting.Add(path);
            var deps = ReferencesOf(path, libraries, index, visiting, diagnostics);
            visiting.RemoveAt(visiting.Count - 1);
            libraries.Add(new DriverLibrary(name, libDir, deps));
            index[path] = libraries.Count - 1;
            result.Add(libraries.Count - 1);
        }
        return result;
    }

    /// <summary>The element's line in the project file, so the message points at the reference as MSBuild's would.</summary>
    private static Location LocationOf(string path, string text, XElement element)
    {
        if (element is not IXmlLineInfo info || !info.HasLineInfo()) return Location.None;
        var source = SourceText.From(text);
        int line = Math.Clamp(info.LineNumber - 1, 0, source.Lines.Count - 1);
        int column = Math.Max(0, info.LinePosition - 2);  // LinePosition is after '<'
        var start = new LinePosition(line, Math.Min(column, source.Lines[line].Span.Length));
        int at = source.Lines[line].Start + start.Character;
        return Location.Create(path, new TextSpan(at, 0), new LinePositionSpan(start, start));
    }
}
