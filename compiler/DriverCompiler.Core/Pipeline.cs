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
using Microsoft.CodeAnalysis.CSharp;
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
        var model = new List<CFile>();
        try
        {
            var compilation = dc.CSharp;
            // The analyzer pass binds its own copy of the compilation. When the caller names the target, the
            // driver attribute is read from that copy afterwards instead of building this one's assembly
            // symbols only for it; otherwise the attribute's target is needed before the pass.
            if (options.Target is null) driver = ReadDriver(compilation, diagnostics);
            var target = options.Target ?? driver?.Target;
            diagnostics.AddRange(dc.LoadDiagnostics);
            var (all, models) = Analyze(compilation, target);
            if (options.Target is not null) driver = ReadDriver(models.Compilation, diagnostics);
            diagnostics.AddRange(all.Where(d => d.Severity >= DiagnosticSeverity.Warning));
            // A driver library is checked as what it is, code for this driver's target; declaring no driver is its nature.
            foreach (var library in dc.Libraries)
                diagnostics.AddRange(Analyze(library, target).Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != Descriptors.NoDriver.Id));
            if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) || !emit)
                return Result(diagnostics, files, driver, model);
            if (driver is null)
            {
                // The analyzer's warning says the same for a check; a build reports it once, as an error.
                diagnostics.RemoveAll(d => d.Id == Descriptors.NoDriver.Id);
                diagnostics.Add(Diagnostic.Create(new DiagnosticDescriptor(Descriptors.NoDriver.Id, Descriptors.NoDriver.Title,
                    "No [assembly: Driver(...)] in '{0}': there is nothing to build", "Driver", DiagnosticSeverity.Error, true,
                    helpLinkUri: Descriptors.NoDriver.HelpLinkUri), Location.None, compilation.AssemblyName));
                return Result(diagnostics, files, driver, model);
            }
            if (dc.Libraries.Count > 0 && Merge(models.Compilation, dc.Libraries, diagnostics) is { } merged) models = new BoundModels(merged, new Dictionary<SyntaxTree, SemanticModel>());
            if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) return Result(diagnostics, files, driver, model);
            files.AddRange(Emit(models, dc.Libraries, driver with { Target = target!.Value }, options, diagnostics, model));
            if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) { files.Clear(); model.Clear(); }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            diagnostics.Add(Diagnostic.Create(Descriptors.InternalError, Location.None, "the driver", ex.GetType().Name + ": " + ex.Message));
            files.Clear();
            model.Clear();
        }
        return Result(diagnostics, files, driver, model);
    }

    /// <summary>
    /// Binds the compilation once: Roslyn's own diagnostics and the subset rules come from one
    /// <see cref="CompilationWithAnalyzers"/> pass, and the semantic models that pass bound are
    /// kept so the lowering reads the same bound trees instead of binding every body again
    /// (issue 2's benchmark: lowering may add at most 50 % to Roslyn's binding).
    /// </summary>
    private static (ImmutableArray<Diagnostic> Diagnostics, BoundModels Models) Analyze(CSharpCompilation compilation, DriverTarget? target)
    {
        var global = new Dictionary<string, string>();
        if (target is DriverTarget t) global["build_property.DriverCompilerTarget"] = Target.For(t).Name;
        var options = new AnalyzerOptions([], new GlobalOptionsProvider(global));
        var capture = new ModelCapture();
        var cwa = compilation.WithAnalyzers(Analyzers.Value.Add(capture), new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var diagnostics = cwa.GetAllDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        // The analyzer driver binds its own copy of the compilation; the lowering must use that copy so
        // the symbols it compares come from the same compilation as the models' operations.
        var analysed = capture.Models.Values.Select(m => m.Compilation).Distinct().ToList();
        return analysed is [CSharpCompilation one] && capture.Models.Count == compilation.SyntaxTrees.Length
            ? (diagnostics, new BoundModels(one, capture.Models))
            : (diagnostics, new BoundModels(compilation, new Dictionary<SyntaxTree, SemanticModel>()));
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

    /// <summary>
    /// The compilation the lowering reads when the driver uses libraries: the libraries' trees and the driver's in
    /// one compilation, so every symbol the lowering compares comes from one place. The checks ran on the separate
    /// compilations (what the driver may see of a library is what <c>dotnet build</c> lets it see); what only the
    /// merged one rejects, a type or member the driver and a library both declare under one name, is DRV0103.
    /// </summary>
    private static CSharpCompilation? Merge(CSharpCompilation driver, IReadOnlyList<CSharpCompilation> libraries, List<Diagnostic> diagnostics)
    {
        var merged = CSharpCompilation.Create(driver.AssemblyName, [.. libraries.SelectMany(l => l.SyntaxTrees), .. driver.SyntaxTrees],
            DriverCompilation.MetadataReferences, driver.Options);
        var clashes = merged.GetDeclarationDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        foreach (var d in clashes)
            diagnostics.Add(Diagnostic.Create(Descriptors.LibraryReference, d.Location,
                $"the driver and its libraries cannot be lowered together: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} ({d.Id}); give the declaration its own name"));
        return clashes.Count == 0 ? merged : null;
    }

    private static IEnumerable<EmittedFile> Emit(BoundModels bound, IReadOnlyList<CSharpCompilation> libraries, DriverInfo driver, BuildOptions options,
        List<Diagnostic> diagnostics, List<CFile> model)
    {
        var compilation = bound.Compilation;
        var target = Target.For(driver.Target);
        var templates = HandlebarsTemplateEngine.Instance;
        var sources = compilation.SyntaxTrees.Select(t => Path.GetFileName(t.FilePath))
            .Concat(libraries.SelectMany(l => l.SyntaxTrees.Select(t => l.AssemblyName + "/" + Path.GetFileName(t.FilePath)))).ToList();
        string Comment(string file, string from, string role) => templates.Render("file-header.hbs", new
        {
            file, role, from, driver = driver.Name, target = target.Name, version = ToolVersion,
        }).TrimEnd('\n');

        var lowerer = new ModuleLowerer(compilation, target, driver, bound.Models, libraries);
        var (header, cfiles) = lowerer.Lower(
            Comment(driver.Name + ".h", string.Join(", ", sources), "types, constants and prototypes"),
            (c, cs) => Comment(c, cs, "code and data"));
        diagnostics.AddRange(lowerer.Diagnostics);
        if (lowerer.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) return [];
        Exports.Exports.ApplyReturnTypes(lowerer.Names, [header, .. cfiles]);
        cfiles = Exports.Exports.Merge(compilation, cfiles, Comment(Exports.Exports.SourceFileName(compilation) ?? "", string.Join(", ", sources), "code and data"));
        // Only what the driver's entry points reach is emitted: private methods nothing calls (GCC: -Wunused-function)
        // and driver-library functions the driver never uses are dropped. Roots are the driver's own non-private
        // functions, global initializers and methods with an attribute (device entry points, interrupt handlers,
        // exports), which the templates may name.
        UnreachableFunctions.Remove([header, .. cfiles],
            lowerer.Names.Where(kv => kv.Key is IMethodSymbol m && m.GetAttributes().Length > 0).Select(kv => kv.Value),
            lowerer.Names.Where(kv => kv.Key is IMethodSymbol m && m.DeclaringSyntaxReferences.Any(r => libraries.Any(l => l.ContainsSyntaxTree(r.SyntaxTree))))
                .Select(kv => kv.Value));

        model.Add(header);
        model.AddRange(cfiles);
        var printer = new CPrinter(target, options.LineDirectives);
        var result = new List<EmittedFile> { new(header.Name, printer.Print(header)) };
        result.AddRange(cfiles.Select(f => new EmittedFile(f.Name, printer.Print(f))));
        // Only the runtime headers this target's output includes (an AmigaOS 4 driver has no use for amix_kernel.h).
        foreach (var path in EmbeddedFiles.List("runtime-headers/drv").Where(p => RuntimeHeaders(driver.Target).Contains(Path.GetFileName(p))))
            result.Add(new EmittedFile(path["runtime-headers/".Length..], EmbeddedFiles.Read(path)));
        var objects = cfiles.Select(f => Path.ChangeExtension(f.Name, ".o")).ToList();
        // An Amix STREAMS driver's streamtab, qinits and module_info: C data naming its put/service procedures.
        if (Exports.AmixDriver.StreamsTable(lowerer, driver, templates, Comment(Exports.AmixDriver.StreamsFile(driver), string.Join(", ", sources), "STREAMS declarations")) is { } streams)
        {
            result.Add(streams);
            objects.Add(Path.ChangeExtension(streams.RelativePath, ".o"));
        }
        var device = Device.AmigaDeviceSkeleton.Render(compilation, driver, lowerer.Names, (s, t) => CDeclarator.TypeName(lowerer.MapType(t, s.Locations.FirstOrDefault())),
            templates, ToolVersion, (file, role) => Comment(file, string.Join(", ", sources), role), objects, diagnostics);
        if (device is not null) result.AddRange(device.Files);
        result.Add(new EmittedFile("Makefile", device?.Makefile ?? templates.Render(target.Name + "/Makefile.hbs", new
        {
            driver = driver.Name, version = ToolVersion, objects = string.Join(" ", objects),
            linked = cfiles.Count != 1 || cfiles[0].Name != driver.Name + ".c",
        })));
        result.AddRange(Exports.KernelPatches.Render(lowerer, driver, templates, ToolVersion, [.. cfiles.Select(f => f.Name)]));
        result.AddRange(Exports.AmixDriver.Render(lowerer, driver, templates, ToolVersion, [.. objects.Select(o => Path.ChangeExtension(o, ".c"))]));
        return result;
    }

    /// <summary>The runtime headers (runtime-headers/drv) emitted code for <paramref name="target"/> includes.</summary>
    internal static IReadOnlyList<string> RuntimeHeaders(DriverTarget target) => target switch
    {
        DriverTarget.AmigaOS4 => ["amigaos4.h", "cpu.h"],
        DriverTarget.Amix => ["amix.h", "cpu.h", "amix_kernel.h"],
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, "no runtime headers for this target"),
    };

    private static CompileResult Result(List<Diagnostic> diagnostics, List<EmittedFile> files, DriverInfo? driver, List<CFile> model)
    {
        var list = diagnostics
            .Select(Convert)
            .Distinct()
            .OrderBy(d => d.Path is null ? 0 : 1).ThenBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        bool failed = list.Any(d => d.Severity == Severity.Error);
        return new CompileResult(list, failed ? [] : files, driver, failed ? [] : model);
    }

    private static DriverDiagnostic Convert(Diagnostic d)
    {
        var sev = d.Severity switch { DiagnosticSeverity.Error => Severity.Error, DiagnosticSeverity.Warning => Severity.Warning, _ => Severity.Info };
        if (d.IsWarningAsError) sev = Severity.Error;
        // The C# compiler's own links (CSnnnn) are not printed by csc either; ours are.
        string? link = d.Id.StartsWith("DRV", StringComparison.Ordinal) && !string.IsNullOrEmpty(d.Descriptor.HelpLinkUri) ? d.Descriptor.HelpLinkUri : null;
        // A project file's line (DRV0103 at a ProjectReference) is an external location: printed like a source one.
        if (!d.Location.IsInSource && d.Location.Kind != LocationKind.ExternalFile) return new DriverDiagnostic(d.Id, sev, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), null, 0, 0) { HelpLink = link };
        var span = d.Location.GetLineSpan();
        return new DriverDiagnostic(d.Id, sev, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), span.Path,
            span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1) { HelpLink = link };
    }

    /// <summary>The compilation the analyzers ran on and the semantic models they bound, one per tree.</summary>
    private sealed record BoundModels(CSharpCompilation Compilation, IReadOnlyDictionary<SyntaxTree, SemanticModel> Models);

    /// <summary>Not a rule: keeps each tree's semantic model from the analyzer pass for the lowering.</summary>
#pragma warning disable RS1001 // internal to the CLI host, never shipped in the analyzer package
    private sealed class ModelCapture : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, SemanticModel> models = new();
        public IReadOnlyDictionary<SyntaxTree, SemanticModel> Models => models;
        // Roslyn skips an analyzer with no enabled descriptor, so this one carries a hidden id it never reports.
#pragma warning disable RS2008 // not a shipped rule: the CLI host's own plumbing
        private static readonly DiagnosticDescriptor Never = new("DRVCAPTURE", "semantic model capture", "never reported", "Internal", DiagnosticSeverity.Hidden, true);
#pragma warning restore RS2008
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never];
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSemanticModelAction(ctx => models.TryAdd(ctx.SemanticModel.SyntaxTree, ctx.SemanticModel));
        }
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
