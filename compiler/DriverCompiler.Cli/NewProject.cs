using System.Text.RegularExpressions;
using DriverCompiler.Core.Targets;
using DriverCompiler.Core.Templates;
using DriverCompiler.Dsl;
using Microsoft.CodeAnalysis.CSharp;

namespace DriverCompiler.Cli;

/// <summary>
/// <c>drvc new &lt;Name&gt; --target amigaos4|amix [--kind device|char|block|streams]</c>: writes <c>&lt;Name&gt;/&lt;Name&gt;.csproj</c>
/// (a package reference to DriverCompiler.Dsl of this drvc's version, implicit usings off,
/// <c>DriverCompilerEmit</c> on), <c>Driver.cs</c> (a driver that passes the subset and lowers on
/// its target; with <c>--kind</c>, an AmigaOS 4 exec device or an Amix character, block or STREAMS driver with its entry points) and <c>README.md</c>, from the templates under <c>templates/new/</c> (named without
/// a second extension: <c>Driver.cs.hbs</c> would be taken for a Czech-culture resource).
/// </summary>
public static partial class NewProject
{
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    /// <summary>The files of a new project: relative path and text. Deterministic for the same arguments.</summary>
    /// <param name="name">Driver name (validated by the caller): the folder, the project and the C# namespace.</param>
    /// <param name="target">The driver's target.</param>
    /// <param name="dslVersion">DriverCompiler.Dsl package version to reference.</param>
    public static IReadOnlyList<(string Path, string Text)> Files(string name, DriverTarget target, string dslVersion) =>
        Files(name, target, dslVersion, null);

    /// <summary>The driver kinds <c>--kind</c> takes: the template of each (Amix only) and the majors it starts at
    /// (free rows of the stock master.d/kernel.c: cdevsw 51, bdevsw 24).</summary>
    public static readonly IReadOnlyDictionary<string, (string Template, int Major, int RawMajor)> AmixKinds =
        new Dictionary<string, (string, int, int)>(StringComparer.Ordinal)
        {
            ["char"] = ("new/AmixChar.hbs", 51, 0),
            ["block"] = ("new/AmixBlock.hbs", 24, 51),
            ["streams"] = ("new/AmixStreams.hbs", 51, 0),
        };

    /// <summary><c>--kind device</c> (AmigaOS 4 only): an exec device with [DeviceEntry] entry points, which drvc wraps in
    /// the device skeleton; the scaffold is a working one-unit RAM disk (<c>templates/new/AmigaDevice.hbs</c>).</summary>
    public const string DeviceKind = "device";

    /// <summary>The files of a new project of <paramref name="kind"/> (<c>char</c>, <c>block</c>, <c>streams</c>: an Amix
    /// driver registered in cdevsw/bdevsw; <c>device</c>: an AmigaOS 4 exec device; null: the register-block skeleton
    /// of either target).</summary>
    public static IReadOnlyList<(string Path, string Text)> Files(string name, DriverTarget target, string dslVersion, string? kind)
    {
        var templates = HandlebarsTemplateEngine.Instance;
        bool amix = target == DriverTarget.Amix;
        var model = new
        {
            name,
            driver = name.ToLowerInvariant(),
            target = Target.For(target).Name,
            targetEnum = target.ToString(),
            targetName = amix ? "Amix 2.1c (68030, SVR4 kernel)" : "AmigaOS 4.1 Final Edition (PowerPC)",
            version = dslVersion,
            // PCI devices on AmigaOS 4 machines are little-endian; Zorro III boards like the A4091 are big-endian.
            reg32 = amix ? "Be32" : "Le32",
            registerNote = amix ? "a Zorro III board: big-endian, plain volatile accesses on the 68030"
                                : "a PCI device: little-endian, byte-reversed lwbrx/stwbrx accesses on PowerPC",
            buildNote = amix
                ? "copy `out/` into the Amix kernel tree and build it with the kernel's `cc` (see the Makefile)."
                : "`make -C out` with `ppc-amigaos-gcc` (the `walkero/amigagccondocker:os4-gcc11` Docker image has it).",
        };
        return
        [
            (name + ".csproj", templates.Render("new/Project.hbs", model)),
            ("Driver.cs", kind is not null && AmixKinds.TryGetValue(kind, out var k)
                ? templates.Render(k.Template, new { name, driver = name.ToLowerInvariant(), prefix = name.ToLowerInvariant(), major = k.Major, rawMajor = k.RawMajor })
                : kind == DeviceKind
                    ? templates.Render("new/AmigaDevice.hbs", new { name, driver = name.ToLowerInvariant(), prefix = name.ToLowerInvariant() })
                    : templates.Render("new/DriverSource.hbs", model)),
            ("README.md", templates.Render("new/Readme.hbs", model)),
        ];
    }

    /// <summary>Runs the verb: 0 on success, 2 for a bad name or target, or a folder that is in the way.</summary>
    public static int Run(NewOptionsVerb o, TextWriter stdout, TextWriter stderr)
    {
        if (!Identifier().IsMatch(o.Name) || SyntaxFacts.GetKeywordKind(o.Name) != SyntaxKind.None)
        {
            stderr.WriteLine($"drvc: error: '{o.Name}' is not a valid driver name; use letters, digits and '_', starting with a letter (not a C# keyword)");
            return Drvc.Usage;
        }
        // The name becomes the C# namespace: one that is also a DSL type (Barrier, Le32, ...) would hide it.
        var clash = typeof(DriverAttribute).Assembly.GetExportedTypes()
            .FirstOrDefault(t => t.Name == o.Name || t.Name == o.Name + "Attribute");
        if (clash is not null)
        {
            stderr.WriteLine($"drvc: error: '{o.Name}' would hide {clash.FullName} in the driver's code; choose another name");
            return Drvc.Usage;
        }
        var target = o.Target is null ? null : Target.Parse(o.Target);
        if (target is null)
        {
            stderr.WriteLine($"drvc: error: unknown target '{o.Target}'; use amigaos4 or amix");
            return Drvc.Usage;
        }
        if (o.Kind is not null && !(o.Kind == DeviceKind && target == DriverTarget.AmigaOS4 || AmixKinds.ContainsKey(o.Kind) && target == DriverTarget.Amix))
        {
            stderr.WriteLine($"drvc: error: unknown kind '{o.Kind}' for {Target.For(target.Value).Name}; use device with --target amigaos4, "
                + "char, block or streams with --target amix (or leave --kind out)");
            return Drvc.Usage;
        }
        string dir = o.Output ?? o.Name;
        if (File.Exists(dir) || (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any()))
        {
            stderr.WriteLine($"drvc: error: '{dir}' already exists and is not empty; nothing was written");
            return Drvc.Usage;
        }
        // Rendered before anything is written: a template problem leaves no half-made folder.
        var files = Files(o.Name, target.Value, o.DslVersion ?? Drvc.Version, o.Kind);
        try
        {
            Directory.CreateDirectory(dir);
            foreach (var (path, text) in files)
                File.WriteAllText(Path.Combine(dir, path), text, new System.Text.UTF8Encoding(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"drvc: error: cannot write '{dir}': {ex.Message}");
            return Drvc.Usage;
        }
        stdout.WriteLine($"{o.Name}: created {dir}{Path.DirectorySeparatorChar} for {Target.For(target.Value).Name} (DriverCompiler.Dsl {o.DslVersion ?? Drvc.Version})");
        stdout.WriteLine($"next: cd {dir} && dotnet build");
        return Drvc.Success;
    }
}
