using System.Collections.Immutable;
using System.Reflection;
using DriverCompiler.Analyzers;
using DriverCompiler.Core.CModel;
using DriverCompiler.Core.Emit;
using DriverCompiler.Core.Lower;
using DriverCompiler.Core.Targets;
using DriverCompiler.Core.Templates;
using DriverCompiler.Dsl;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DriverCompiler.Core;

/// <summary>Runs the phases in order and turns every outcome, even an internal failure, into diagnostics.</summary>
internal static class Pipeline
{
    /// <summary>The tool version written into emitted files (no commit hash, no date: output must not vary).</summary>
    public static readonly string ToolVersion =
        (typeof(Pipeline).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> Analyzers = new(() =>
        [.. typeof(Descriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)]);

    public static CompileResult Run(DriverCompilation dc, BuildOptions options, bool emit)
    {
        var diagnostics = new List<Diagnostic>();
        DriverInfo? driver = null;
        var files = new List<EmittedFile>();
        try
        {
            var compilation = dc.CSharp;
            diagnostics.AddRange(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
            driver = ReadDriver(compilation, diagnostics);
            var target = options.Target ?? driver?.Target;
            diagnostics.AddRange(RunAnalyzers(compilation, target));
            if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) || !emit)
                return Result(diagnostics, files, driver);
            if (driver is null)
            {
                diagnostics.Add(Diagnostic.Create(new DiagnosticDescriptor(Descriptors.NoDriver.Id, Descriptors.NoDriver.Title,
                    "No [assembly: Driver(...)] in '{0}': there is nothing to build", "Driver", DiagnosticSeverity.Error, true,
                    helpLinkUri: Descriptors.NoDriver.HelpLinkUri), Location.None, compilation.AssemblyName));
                return Result(diagnostics, files, driver);
            }
            files.AddRange(Emit(compilation, driver with { Target = target!.Value }, options, diagnostics));
            if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) files.Clear();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            diagnostics.Add(Diagnostic.Create(Descriptors.InternalError, Location.None, "the driver", ex.GetType().Name + ": " + ex.Message));
            files.Clear();
        }
        return Result(diagnostics, files, driver);
    }

    private static IEnumerable<Diagnostic> RunAnalyzers(Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation, DriverTarget? target)
    {
        if (Analyzers.Value.IsEmpty) return [];
        var global = new Dictionary<string, string>();
        if (target is DriverTarget t) global["build_property.DriverCompilerTarget"] = Target.For(t).Name;
        var options = new AnalyzerOptions([], new GlobalOptionsProvider(global));
        var cwa = compilation.WithAnalyzers(Analyzers.Value, new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var result = cwa.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    private static DriverInfo? ReadDriver(Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation, List<Diagnostic> diagnostics)
    {
        var attr = compilation.Assembly.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "DriverAttribute" && DslSymbols.IsDsl(a.AttributeClass));
        if (attr is null || attr.ConstructorArguments.Length != 2 || attr.ConstructorArguments[0].Value is not string name
            || attr.ConstructorArguments[1].Value is not int target || !Enum.IsDefined(typeof(DriverTarget), target))
            return null;
        string? prefix = attr.NamedArguments.FirstOrDefault(kv => kv.Key == "Prefix").Value.Value as string;
        int version = attr.NamedArguments.FirstOrDefault(kv => kv.Key == "Version").Value.Value as int? ?? 1;
        int revision = attr.NamedArguments.FirstOrDefault(kv => kv.Key == "Revision").Value.Value as int? ?? 0;
        return new DriverInfo(name, (DriverTarget)target, prefix ?? name.ToLowerInvariant(), version, revision);
    }

    private static IEnumerable<EmittedFile> Emit(Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation, DriverInfo driver, BuildOptions options, List<Diagnostic> diagnostics)
    {
        var target = Target.For(driver.Target);
        var templates = HandlebarsTemplateEngine.Instance;
        var sources = compilation.SyntaxTrees.Select(t => Path.GetFileName(t.FilePath)).ToList();
        string Comment(string file, string from, string role) => templates.Render("file-header.hbs", new
        {
            file, role, from, driver = driver.Name, target = target.Name, version = ToolVersion,
        }).TrimEnd('\n');

        var lowerer = new ModuleLowerer(compilation, target, driver);
        var (header, cfiles) = lowerer.Lower(
            Comment(driver.Name + ".h", string.Join(", ", sources), "types, constants and prototypes"),
            cs => Comment(Naming.Snake(Path.GetFileNameWithoutExtension(cs)) + ".c", cs, "code and data"));
        diagnostics.AddRange(lowerer.Diagnostics);
        if (lowerer.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) return [];

        var printer = new CPrinter(target, options.LineDirectives);
        var result = new List<EmittedFile> { new(header.Name, printer.Print(header)) };
        result.AddRange(cfiles.Select(f => new EmittedFile(f.Name, printer.Print(f))));
        foreach (var path in EmbeddedFiles.List("runtime-headers/drv"))
            result.Add(new EmittedFile(path["runtime-headers/".Length..], EmbeddedFiles.Read(path)));
        var objects = cfiles.Select(f => Path.ChangeExtension(f.Name, ".o")).ToList();
        var device = Device.AmigaDeviceSkeleton.Render(compilation, driver, lowerer.Names, (s, t) => CDeclarator.TypeName(lowerer.MapType(t, s.Locations.FirstOrDefault())),
            templates, ToolVersion, (file, role) => Comment(file, string.Join(", ", sources), role), objects, diagnostics);
        if (device is not null) result.AddRange(device.Files);
        result.Add(new EmittedFile("Makefile", device?.Makefile ?? templates.Render(target.Name + "/Makefile.hbs", new
        {
            driver = driver.Name, version = ToolVersion, objects = string.Join(" ", objects),
        })));
        return result;
    }

    private static CompileResult Result(List<Diagnostic> diagnostics, List<EmittedFile> files, DriverInfo? driver)
    {
        var list = diagnostics
            .Select(Convert)
            .Distinct()
            .OrderBy(d => d.Path is null ? 0 : 1).ThenBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        return new CompileResult(list, list.Any(d => d.Severity == Severity.Error) ? [] : files, driver);
    }

    private static DriverDiagnostic Convert(Diagnostic d)
    {
        var sev = d.Severity switch { DiagnosticSeverity.Error => Severity.Error, DiagnosticSeverity.Warning => Severity.Warning, _ => Severity.Info };
        if (d.IsWarningAsError) sev = Severity.Error;
        if (!d.Location.IsInSource) return new DriverDiagnostic(d.Id, sev, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), null, 0, 0);
        var span = d.Location.GetLineSpan();
        return new DriverDiagnostic(d.Id, sev, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), span.Path,
            span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    private sealed class GlobalOptionsProvider(Dictionary<string, string> global) : AnalyzerConfigOptionsProvider
    {
        private readonly Options globalOptions = new(global);
        public override AnalyzerConfigOptions GlobalOptions => globalOptions;
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(new Dictionary<string, string>());
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
