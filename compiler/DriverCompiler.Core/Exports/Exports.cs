using DriverCompiler.Core.CModel;
using DriverCompiler.Core.Lower;
using Microsoft.CodeAnalysis;

namespace DriverCompiler.Core.Exports;

/// <summary>
/// Names fixed by the world outside the driver: <c>[CExport]</c> methods (kernel entry points such as
/// <c>a4091queue</c>), <c>[CConstant]</c> constants (header macros such as <c>PG_V</c>), and the single
/// C file a <c>[CSourceFile]</c> driver is emitted as.
/// </summary>
internal static class Exports
{
    /// <summary>The <c>[CExport]</c> name of a method, or null.</summary>
    public static string? ExportName(IMethodSymbol m) =>
        DslSymbols.Attribute(m.OriginalDefinition, "CExportAttribute") is { ConstructorArguments: [{ Value: string n }] } ? n : null;

    /// <summary>The <c>[CConstant]</c> name of a constant, or null.</summary>
    public static string? ConstantName(IFieldSymbol f) =>
        DslSymbols.Attribute(f, "CConstantAttribute") is { ConstructorArguments: [{ Value: string n }] } ? n : null;

    /// <summary>The C name a driver member must have regardless of the generated naming, or null.</summary>
    public static string? FixedName(ISymbol s) => s switch
    {
        IMethodSymbol m => ExportName(m),
        IFieldSymbol f => ConstantName(f),
        _ => null,
    };

    /// <summary>The <c>[assembly: CSourceFile]</c> name, or null.</summary>
    public static string? SourceFileName(Compilation compilation) =>
        compilation.Assembly.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "CSourceFileAttribute" && DslSymbols.IsDsl(a.AttributeClass))
            is { ConstructorArguments: [{ Value: string n }] } ? n : null;

    /// <summary>
    /// With <c>[CSourceFile("x.c")]</c>, the C files in order merged into one: one include of the
    /// driver header, then each file's items (its static prototypes, data and functions) under a
    /// comment naming the C# file. Private members stay file-local in C# and so are only used from
    /// their own part, which keeps every static prototype ahead of its uses.
    /// </summary>
    public static List<CFile> Merge(Compilation compilation, List<CFile> files, string headerComment)
    {
        if (SourceFileName(compilation) is not { } name || files.Count == 0) return files;
        var items = new List<CTopLevel>();
        var includes = new HashSet<CInclude>();
        foreach (var f in files)
        {
            var rest = new List<CTopLevel>();
            foreach (var item in f.Items)
                if (item is CInclude inc) { if (includes.Add(inc)) items.Add(inc); }
                else rest.Add(item);
            var from = System.Text.RegularExpressions.Regex.Match(f.HeaderComment, @" from (\S+)\.\n");
            items.Add(new CRaw("/* ---- " + (from.Success ? from.Groups[1].Value : f.Name) + " ---- */"));
            items.AddRange(rest);
        }
        return [new CFile(name, headerComment, items, IsHeader: false)];
    }
}
