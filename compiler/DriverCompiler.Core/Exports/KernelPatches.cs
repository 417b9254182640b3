using System.Globalization;
using DriverCompiler.Core.Lower;
using DriverCompiler.Core.Templates;
using Microsoft.CodeAnalysis;

namespace DriverCompiler.Core.Exports;

/// <summary>
/// The Amix kernel patches of a driver with <c>[assembly: AmixScsiCard(...)]</c>: rendered from
/// <c>templates/amix/patches/</c> into <c>patches/</c> of the output (sd.c's extern, <c>scsicard[]</c>
/// rows and <c>sdcardbase()</c>; the alien Makefile's OBJ entry; the <c>int2_tbl[]</c> entry of the
/// <c>[InterruptHandler]</c> method with its extern before the table; install instructions).
/// </summary>
internal static class KernelPatches
{
    public sealed record Card(uint ProductCode, string HardwareName, string Queue);

    /// <summary>The <c>[AmixScsiCard]</c> attributes in source order.</summary>
    public static List<Card> Cards(Compilation compilation) =>
        [.. compilation.Assembly.GetAttributes()
            .Where(a => a.AttributeClass?.Name == "AmixScsiCardAttribute" && DslSymbols.IsDsl(a.AttributeClass))
            .OrderBy(a => a.ApplicationSyntaxReference?.SyntaxTree.FilePath, StringComparer.Ordinal).ThenBy(a => a.ApplicationSyntaxReference?.Span.Start)
            .Select(a => new Card(a.ConstructorArguments[0].Value is uint u ? u : 0, a.ConstructorArguments[1].Value as string ?? "",
                a.NamedArguments.FirstOrDefault(kv => kv.Key == "Queue").Value.Value as string ?? ""))];

    public static IEnumerable<EmittedFile> Render(ModuleLowerer lowerer, DriverInfo driver, ITemplateEngine templates, string version, IReadOnlyList<string> sources)
    {
        if (driver.Target != DriverCompiler.Dsl.DriverTarget.Amix) return [];
        var cards = Cards(lowerer.Compilation);
        if (cards.Count == 0) return [];
        string interrupt = lowerer.Names.Where(kv => kv.Key is IMethodSymbol m && DslSymbols.HasAttribute(m, "InterruptHandlerAttribute"))
            .Select(kv => kv.Value).OrderBy(n => n, StringComparer.Ordinal).FirstOrDefault() ?? driver.Prefix + "intr";
        string source = sources.Count == 1 ? sources[0] : string.Join(" ", sources);
        var model = new
        {
            driver = driver.Name, version, interrupt, source, header = driver.Name + ".h",
            @object = sources.Count == 1 ? Path.ChangeExtension(sources[0], ".o") : driver.Name + ".o",
            underline = new string('=', ("Installing the " + driver.Name + " driver into an Amix 2.1c kernel").Length),
            queues = cards.Select(c => c.Queue).Distinct(StringComparer.Ordinal).ToList(),
            cards = cards.Select(c => new { pn = "0x" + c.ProductCode.ToString("x8", CultureInfo.InvariantCulture), queue = c.Queue, name = c.HardwareName }).ToList(),
        };
        return
        [
            new EmittedFile("patches/INSTALL", templates.Render("amix/patches/INSTALL.hbs", model)),
            new EmittedFile("patches/alien-Makefile.txt", templates.Render("amix/patches/alien-Makefile.hbs", model)),
            new EmittedFile("patches/kernel.c.txt", templates.Render("amix/patches/kernel.c.hbs", model)),
            new EmittedFile("patches/sd.c.txt", templates.Render("amix/patches/sd.c.hbs", model)),
        ];
    }
}
