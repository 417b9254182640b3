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

    /// <summary>Whether a constant is a <c>[BuildOption]</c>: its <c>#define</c> may be overridden by the C build.</summary>
    public static bool IsBuildOption(IFieldSymbol f) => DslSymbols.Attribute(f, "BuildOptionAttribute") is not null;

    /// <summary>The <c>[CExport]</c> name of a constant (a <c>#define</c> the driver's header writes under that name), or null.</summary>
    public static string? ExportedConstantName(IFieldSymbol f) =>
        f.IsConst && DslSymbols.Attribute(f, "CExportAttribute") is { ConstructorArguments: [{ Value: string n }] } ? n : null;

    /// <summary>The C name a driver member must have regardless of the generated naming, or null.</summary>
    public static string? FixedName(ISymbol s) => s switch
    {
        IMethodSymbol m => ExportName(m),
        IFieldSymbol f => ConstantName(f) ?? ExportedConstantName(f),
        _ => null,
    };

    /// <summary>The C type of a <c>[return: CType("...")]</c> method's return value, or null.</summary>
    public static string? ReturnCType(IMethodSymbol m) =>
        m.OriginalDefinition.GetReturnTypeAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "CTypeAttribute" && DslSymbols.IsDsl(a.AttributeClass))
            is { ConstructorArguments: [{ Value: string n }] } ? n : null;

    /// <summary>
    /// Gives every function whose method carries <c>[return: CType("t")]</c> the return type <c>t</c>, in its
    /// definition and in its prototypes (header or file), so the signature is exactly the one the kernel's
    /// caller declares (Amix <c>sd.c</c>: <c>extern bool a4091queue();</c>).
    /// </summary>
    public static void ApplyReturnTypes(IReadOnlyDictionary<ISymbol, string> names, IEnumerable<CFile> files)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (symbol, name) in names)
            if (symbol is IMethodSymbol m && ReturnCType(m) is { } t) types[name] = t;
        if (types.Count == 0) return;
        foreach (var f in files)
            for (int i = 0; i < f.Items.Count; i++)
                if (f.Items[i] is CFunction fn && types.TryGetValue(fn.Name, out var t))
                    f.Items[i] = fn with { Return = new CNamedType(t) };
    }

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
