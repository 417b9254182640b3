using CommandLine;
using CommandLine.Text;
using DriverCompiler.Core;
using DriverCompiler.Core.Targets;
using DriverCompiler.Dsl;

namespace DriverCompiler.Cli;

[Verb("build", HelpText = "Lower a driver folder to C (and its Makefile and runtime headers) in --out.")]
public sealed class BuildOptionsVerb
{
    [Value(0, MetaName = "driver-dir", Required = true, HelpText = "Folder with the driver's .cs files.")]
    public string DriverDir { get; set; } = "";
    [Option("target", HelpText = "amigaos4 or amix (default: the target in [assembly: Driver]).")]
    public string? Target { get; set; }
    [Option("out", HelpText = "Output folder (default: out/<driver name>, the name in [assembly: Driver]). drvc replaces only the files it wrote there (listed in .drvc-manifest), and only on success.")]
    public string? Out { get; set; }
    [Option("force", HelpText = "Overwrite files in the output folder that were changed since drvc wrote them (otherwise drvc refuses, exit 2).")]
    public bool Force { get; set; }
    [Option("line-directives", HelpText = "Emit #line directives so C compiler errors point at the C# source.")]
    public bool LineDirectives { get; set; }
    [Option("no-warnings", HelpText = "Print errors only (the MSBuild emit step uses this: the compiler has already reported the warnings).")]
    public bool NoWarnings { get; set; }
}

[Verb("check", HelpText = "Report diagnostics for a driver folder; write nothing.")]
public sealed class CheckOptionsVerb
{
    [Value(0, MetaName = "driver-dir", Required = true, HelpText = "Folder with the driver's .cs files.")]
    public string DriverDir { get; set; } = "";
    [Option("target", HelpText = "amigaos4 or amix (default: the target in [assembly: Driver]).")]
    public string? Target { get; set; }
}

[Verb("scripts", HelpText = "Assemble an NCR 53C7xx SCRIPTS .ss file into ncr53cxxx's .out format.")]
public sealed class ScriptsOptionsVerb
{
    [Value(0, MetaName = "file.ss", Required = true, HelpText = "SCRIPTS source in ncr53cxxx syntax.")]
    public string Input { get; set; } = "";
    [Option('o', "output", HelpText = "Output file (default: the input with .out).")]
    public string? Output { get; set; }
    [Option('a', "arch", HelpText = "Chip: 700, 710 (default), 720 or 770; an ARCH statement in the file wins.")]
    public string? Arch { get; set; }
    [Option("force", HelpText = "Overwrite an existing output file that is not SCRIPTS output (otherwise drvc refuses, exit 2).")]
    public bool Force { get; set; }
}

[Verb("new", HelpText = "Create <Name>/ with a driver project that references DriverCompiler.Dsl, a skeleton driver and a README.")]
public sealed class NewOptionsVerb
{
    [Value(0, MetaName = "Name", Required = true, HelpText = "Driver name: letters, digits and '_', starting with a letter (also the C# namespace).")]
    public string Name { get; set; } = "";
    [Option("target", Required = true, HelpText = "amigaos4 or amix.")]
    public string? Target { get; set; }
    [Option('o', "output", HelpText = "Folder to create (default: ./<Name>). Must not exist or be empty.")]
    public string? Output { get; set; }
    [Option("dsl-version", HelpText = "Version of the DriverCompiler.Dsl package to reference (default: this drvc's version).")]
    public string? DslVersion { get; set; }
    [Option("kind", HelpText = "With --target amigaos4: device, an exec device (a working one-unit RAM disk) in the device skeleton. With --target amix: char, block or streams, a driver registered in cdevsw/bdevsw with its SVR4 entry points. Default: a register-block skeleton.")]
    public string? Kind { get; set; }
}

[Verb("explain", HelpText = "Print the help page of a diagnostic, e.g. drvc explain DRV0001 (the pages of docs/diagnostics/, shipped inside drvc).")]
public sealed class ExplainOptionsVerb
{
    [Value(0, MetaName = "DRVnnnn", Required = true, HelpText = "The diagnostic id, as printed after 'error' or 'warning'.")]
    public string Id { get; set; } = "";
}

/// <summary>
/// The drvc command line. Exit codes: 0 success, 1 when any error diagnostic was reported,
/// 2 for usage and I/O errors. Diagnostics go to stderr in MSBuild format, results to stdout.
/// </summary>
public static class Drvc
{
    public const int Success = 0, Errors = 1, Usage = 2;

    /// <summary>Runs drvc in-process with the given writers (the tests call this).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            // CommandLineParser takes a value option at the end ("build dir --out") or before another
            // option ("--out --force") as not given at all, and would go on with the default.
            if (args.Length > 1 && VerbOf(args[0]) is { } v)
            {
                var takesValue = ValueOptions(v);
                for (int i = 1; i < args.Length; i++)
                {
                    if (!takesValue.Contains(args[i])) continue;
                    if (i + 1 < args.Length && !(args[i + 1].Length > 1 && args[i + 1][0] == '-')) { i++; continue; }
                    stderr.WriteLine($"drvc: error: option '{args[i]}' needs a value");
                    stderr.WriteLine("usage: " + VerbUsage[v]);
                    stderr.WriteLine($"(drvc {args[0]} --help describes the options)");
                    return Usage;
                }
            }
            using var parser = new Parser(s => { s.HelpWriter = null; s.AutoVersion = true; s.AutoHelp = true; s.CaseInsensitiveEnumValues = true; });
            var parsed = parser.ParseArguments<BuildOptionsVerb, CheckOptionsVerb, ScriptsOptionsVerb, NewOptionsVerb, ExplainOptionsVerb>(args);
            return parsed.MapResult(
                (BuildOptionsVerb b) => Build(b, stdout, stderr),
                (CheckOptionsVerb c) => Check(c, stdout, stderr),
                (ScriptsOptionsVerb s) => DriverCompiler.Scripts.ScriptsTool.Run(s.Input, s.Output, s.Arch, stdout, stderr, new DriverCompiler.Scripts.ScriptsToolOptions { Force = s.Force }),
                (NewOptionsVerb n) => NewProject.Run(n, stdout, stderr),
                (ExplainOptionsVerb x) => Explain.Run(x.Id, stdout, stderr),
                errors => ParseFailed(parsed, errors, stdout, stderr));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            stderr.WriteLine($"drvc: error DRV0999: internal error: {ex.GetType().Name}: {ex.Message}");
            return Usage;
        }
    }

    /// <summary>The short usage of each verb, printed after a usage error's first line.</summary>
    private static readonly Dictionary<Type, string> VerbUsage = new()
    {
        [typeof(BuildOptionsVerb)] = "drvc build <driver-dir> [--target amigaos4|amix] [--out <dir>] [--force] [--line-directives] [--no-warnings]",
        [typeof(CheckOptionsVerb)] = "drvc check <driver-dir> [--target amigaos4|amix]",
        [typeof(ScriptsOptionsVerb)] = "drvc scripts <file.ss> [-o <file>] [-a 700|710|720|770|810|825] [--force]",
        [typeof(NewOptionsVerb)] = "drvc new <Name> --target amigaos4|amix [--kind device|char|block|streams] [-o <dir>] [--dsl-version <version>]",
        [typeof(ExplainOptionsVerb)] = "drvc explain <DRVnnnn>",
    };

    /// <summary>The options of <paramref name="verb"/> that take a value, in every spelling.</summary>
    private static HashSet<string> ValueOptions(Type verb) => verb.GetProperties()
        .Where(p => p.PropertyType != typeof(bool))
        .SelectMany(p => p.GetCustomAttributes(typeof(OptionAttribute), false).OfType<OptionAttribute>())
        .SelectMany(o => new[] { "--" + o.LongName, o.ShortName.Length > 0 ? "-" + o.ShortName : null })
        .OfType<string>().ToHashSet(StringComparer.Ordinal);

    private static Type? VerbOf(string name) =>
        VerbUsage.Keys.FirstOrDefault(t => t.GetCustomAttributes(typeof(VerbAttribute), false).OfType<VerbAttribute>().Any(a => a.Name == name));

    private const string GeneralUsage =
        "usage: drvc <verb> [options]; verbs: build, check, scripts, new, explain (drvc --help lists them, drvc <verb> --help shows a verb's options)";

    private static int ParseFailed(ParserResult<object> parsed, IEnumerable<Error> errors, TextWriter stdout, TextWriter stderr)
    {
        var list = errors.ToList();
        if (list.Any(e => e is VersionRequestedError))
        {
            stdout.WriteLine("drvc " + Version);
            return Success;
        }
        if (list.All(e => e is HelpRequestedError or HelpVerbRequestedError))
        {
            var help = HelpText.AutoBuild(parsed, h =>
            {
                h.Heading = "drvc " + Version + ": Amiga driver compiler (C# subset -> C for AmigaOS 4.1 and Amix)";
                h.Copyright = "";
                h.AddDashesToOption = true;
                return h;
            }, e => e, verbsIndex: true);
            stdout.WriteLine(help);
            return Success;
        }
        // What was wrong first, then the short usage of the verb (or of drvc), on stderr; exit 2.
        var verb = parsed.TypeInfo.Current;
        stderr.WriteLine("drvc: error: " + string.Join("; ", list.Where(e => e is not (HelpRequestedError or HelpVerbRequestedError)).Select(e => Describe(e, verb)).Distinct()));
        if (VerbUsage.TryGetValue(verb, out var usage))
        {
            string name = verb.GetCustomAttributes(typeof(VerbAttribute), false).OfType<VerbAttribute>().First().Name;
            stderr.WriteLine("usage: " + usage);
            stderr.WriteLine($"(drvc {name} --help describes the options)");
        }
        else stderr.WriteLine(GeneralUsage);
        return Usage;
    }

    /// <summary>One usage error in words.</summary>
    private static string Describe(Error e, Type verb) => e switch
    {
        BadVerbSelectedError b => $"unknown verb '{b.Token}'",
        NoVerbSelectedError => "no verb given",
        UnknownOptionError u => $"unknown option '{(u.Token.Length == 1 ? "-" : "--")}{u.Token}'",
        MissingRequiredOptionError m when IsOption(verb, m.NameInfo) => $"missing option '{Option(m.NameInfo)}'",
        MissingRequiredOptionError m => m.NameInfo.LongName.Length > 0 ? $"missing argument <{m.NameInfo.LongName}>" : $"missing argument {RequiredValues(verb)}",
        MissingValueOptionError m => $"option '{Option(m.NameInfo)}' needs a value",
        BadFormatConversionError b => $"bad value for '{Option(b.NameInfo)}'",
        RepeatedOptionError r => $"option '{Option(r.NameInfo)}' given more than once",
        SequenceOutOfRangeError s => $"wrong number of values for '{Option(s.NameInfo)}'",
        BadFormatTokenError t => $"cannot read '{t.Token}'",
        _ => e.Tag.ToString(),
    };

    /// <summary>True when <paramref name="n"/> names an option of <paramref name="verb"/> (not a positional argument).</summary>
    private static bool IsOption(Type verb, NameInfo n) =>
        verb.GetProperties().SelectMany(p => p.GetCustomAttributes(typeof(OptionAttribute), false).OfType<OptionAttribute>())
            .Any(o => (n.LongName.Length > 0 && o.LongName == n.LongName) || (n.ShortName.Length > 0 && o.ShortName == n.ShortName));

    /// <summary>The verb's required positional arguments as <c>&lt;name&gt;</c> (the parser does not name a missing one).</summary>
    private static string RequiredValues(Type verb) =>
        string.Join(" ", verb.GetProperties().SelectMany(p => p.GetCustomAttributes(typeof(ValueAttribute), false).OfType<ValueAttribute>())
            .Where(v => v.Required).OrderBy(v => v.Index).Select(v => $"<{v.MetaName}>"));

    private static string Option(NameInfo n) => n.LongName.Length > 0 ? "--" + n.LongName : "-" + n.ShortName;

    /// <summary>The tool's version, without build metadata.</summary>
    public static string Version =>
        (typeof(Drvc).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    private static bool ParseTarget(string? value, TextWriter stderr, out DriverTarget? target)
    {
        target = null;
        if (value is null) return true;
        target = Target.Parse(value);
        if (target is null) { stderr.WriteLine($"drvc: error: unknown target '{value}'; use amigaos4 or amix"); return false; }
        return true;
    }

    private static DriverCompilation? Load(string dir, TextWriter stderr)
    {
        try { return DriverCompilation.Load(dir); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"drvc: error: {ex.Message}");
            return null;
        }
    }

    private static void Print(CompileResult r, TextWriter stderr, bool errorsOnly = false)
    {
        foreach (var d in r.Diagnostics)
            if (!errorsOnly || d.Severity == Severity.Error) stderr.WriteLine(d.ToMsBuildString());
    }

    private static int Check(CheckOptionsVerb o, TextWriter stdout, TextWriter stderr)
    {
        if (!ParseTarget(o.Target, stderr, out var target)) return Usage;
        var dc = Load(o.DriverDir, stderr);
        if (dc is null) return Usage;
        var r = dc.Check(target);
        Print(r, stderr);
        int errors = r.Diagnostics.Count(d => d.Severity == Severity.Error), warnings = r.Diagnostics.Count(d => d.Severity == Severity.Warning);
        stdout.WriteLine($"{(r.Driver?.Name ?? o.DriverDir)}: {errors} error(s), {warnings} warning(s)");
        return r.Success ? Success : Errors;
    }

    private static int Build(BuildOptionsVerb o, TextWriter stdout, TextWriter stderr)
    {
        if (!ParseTarget(o.Target, stderr, out var target)) return Usage;
        try
        {
            // A folder that can never be right is refused before the compile, not after it.
            if (o.Out is not null) OutputFolder.CheckPlacement(o.Out, o.DriverDir);
        }
        catch (OutputRefusedException ex)
        {
            stderr.WriteLine($"drvc: error: {ex.Message}");
            return Usage;
        }
        var dc = Load(o.DriverDir, stderr);
        if (dc is null) return Usage;
        var r = dc.Build(new BuildOptions(target, o.LineDirectives));
        Print(r, stderr, o.NoWarnings);
        if (!r.Success) return Errors;
        string outDir = o.Out ?? Path.Combine("out", r.Driver!.Name);
        try
        {
            OutputFolder.CheckPlacement(outDir, o.DriverDir);
            OutputFolder.Write(outDir, r.Files, Version, o.Force);
        }
        catch (OutputRefusedException ex)
        {
            stderr.WriteLine($"drvc: error: {ex.Message}");
            return Usage;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"drvc: error: cannot write '{outDir}': {ex.Message}");
            return Usage;
        }
        string tname = Target.For(target ?? r.Driver!.Target).Name;
        stdout.WriteLine($"{r.Driver!.Name}: {r.Files.Count} files for {tname} in {outDir}");
        return Success;
    }
}
