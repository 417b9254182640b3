using Microsoft.CodeAnalysis;

namespace DriverCompiler.Core.Lower;

/// <summary>Recognizes the DSL's attributes and types on Roslyn symbols.</summary>
internal static class DslSymbols
{
    public const string Namespace = "DriverCompiler.Dsl";

    /// <remarks>The cheap name test first: this runs for every attribute and type the lowering looks at.</remarks>
    public static bool IsDsl(ISymbol? s) => s?.ContainingNamespace is { Name: "Dsl" } ns && ns.ToDisplayString() == Namespace;

    public static AttributeData? Attribute(ISymbol symbol, string name) =>
        symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass is { } c && c.Name == name && IsDsl(c));

    public static bool HasAttribute(ISymbol symbol, string name) => Attribute(symbol, name) is not null;

    /// <summary>(bits, littleEndian) of Le16..Be64, or null.</summary>
    public static (int Bits, bool Little)? EndianType(ITypeSymbol? t)
    {
        if (t is not INamedTypeSymbol n || !IsDsl(n)) return null;
        return n.Name switch
        {
            "Le16" => (16, true), "Le32" => (32, true), "Le64" => (64, true),
            "Be16" => (16, false), "Be32" => (32, false), "Be64" => (64, false),
            _ => null,
        };
    }

    /// <summary>The [CBinding] of a method: (C name, interface or null).</summary>
    public static (string Name, string? Interface)? Binding(IMethodSymbol m)
    {
        var a = Attribute(m.OriginalDefinition, "CBindingAttribute");
        if (a is null || a.ConstructorArguments.Length != 1 || a.ConstructorArguments[0].Value is not string name) return null;
        string? iface = a.NamedArguments.FirstOrDefault(kv => kv.Key == "Interface").Value.Value as string;
        return (name, iface);
    }

    public static string? CTypeName(ITypeSymbol t) =>
        Attribute(t, "CTypeAttribute") is { ConstructorArguments: [{ Value: string s }] } ? s : null;

    /// <summary>[CType(..., ExactFieldNames = true)]: the fields keep their C# names in C.</summary>
    public static bool CTypeExactFieldNames(ITypeSymbol t) =>
        Attribute(t, "CTypeAttribute") is { } a && a.NamedArguments.Any(kv => kv.Key == "ExactFieldNames" && kv.Value.Value is true);

    public static bool IsMmio(ITypeSymbol? t) => t is not null && HasAttribute(t, "MmioAttribute");
}
