using DriverCompiler.Dsl;

namespace DriverCompiler.Core;

/// <summary>Severity of a <see cref="DriverDiagnostic"/>.</summary>
public enum Severity { Info, Warning, Error }

/// <summary>
/// One diagnostic, from Roslyn (CSxxxx) or from DriverCompiler (DRVxxxx). <see cref="Line"/> and
/// <see cref="Column"/> are 1-based; <see cref="Path"/> is null for diagnostics with no source location.
/// </summary>
public sealed record DriverDiagnostic(string Id, Severity Severity, string Message, string? Path, int Line, int Column)
{
    /// <summary>The help page of a DRVnnnn diagnostic (<c>docs/diagnostics/DRVnnnn.md</c>); null for the C# compiler's own.</summary>
    public string? HelpLink { get; init; }

    /// <summary>
    /// The line <c>dotnet build</c> prints for the same diagnostic (the C# compiler's format, less
    /// MSBuild's trailing project name): <c>/full/path/File.cs(line,col): error DRV0001: message (docs/diagnostics/DRV0001.md)</c>.
    /// </summary>
    public string ToMsBuildString()
    {
        string sev = Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "info" };
        string link = HelpLink is null ? "" : $" ({HelpLink})";
        return Path is null ? $"drvc: {sev} {Id}: {Message}{link}" : $"{System.IO.Path.GetFullPath(Path)}({Line},{Column}): {sev} {Id}: {Message}{link}";
    }
}

/// <summary>A file the compiler produced: a path relative to the output folder and its exact text.</summary>
public sealed record EmittedFile(string RelativePath, string Content);

/// <summary>Options of <see cref="DriverCompilation.Build"/>.</summary>
/// <param name="Target">Target to lower for; null means the one the driver attribute declares.</param>
/// <param name="LineDirectives">Emit <c>#line</c> directives that map C back to the C# sources.</param>
public sealed record BuildOptions(DriverTarget? Target = null, bool LineDirectives = false);

/// <summary>Outcome of a check or build: diagnostics (sorted by file, line, column) and, on success, files.</summary>
public sealed class CompileResult
{
    public CompileResult(IReadOnlyList<DriverDiagnostic> diagnostics, IReadOnlyList<EmittedFile> files, DriverInfo? driver,
        IReadOnlyList<CModel.CFile>? model = null)
    {
        Diagnostics = diagnostics; Files = files; Driver = driver; Model = model ?? [];
    }
    public IReadOnlyList<DriverDiagnostic> Diagnostics { get; }
    /// <summary>Emitted files; empty whenever <see cref="Success"/> is false.</summary>
    public IReadOnlyList<EmittedFile> Files { get; }
    /// <summary>The driver the sources declare, if any.</summary>
    public DriverInfo? Driver { get; }
    /// <summary>
    /// The C model the printer turned into the driver's header and <c>.c</c> files (after the exports
    /// are merged), for checks over the lowered code that text cannot answer reliably, such as the order
    /// of stores and barriers; empty whenever <see cref="Success"/> is false or nothing was emitted.
    /// </summary>
    public IReadOnlyList<CModel.CFile> Model { get; }
    public bool Success => !Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>What <c>[assembly: Driver(...)]</c> declares.</summary>
public sealed record DriverInfo(string Name, DriverTarget Target, string Prefix, int Version, int Revision);
