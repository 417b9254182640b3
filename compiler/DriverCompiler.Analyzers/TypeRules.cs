using Microsoft.CodeAnalysis;

namespace DriverCompiler.Analyzers
{
    /// <summary>Where a type is written; some types are allowed in some places only.</summary>
    internal enum TypeUse
    {
        /// <summary>A field, local, parameter, return type or pointed-at type.</summary>
        Value,
        /// <summary>The type of a <c>static readonly</c> field: a one-dimensional array of allowed elements is fine.</summary>
        StaticReadonlyField,
        /// <summary>The <c>params</c> parameter of a [CBinding] method: passed as C variadic arguments.</summary>
        CBindingParams,
        /// <summary>A method's return type: <c>void</c> is fine.</summary>
        Return,
    }

    /// <summary>A type that is not in the subset: the rule it breaks and the offending (component) type.</summary>
    internal readonly struct TypeProblem
    {
        public TypeProblem(DiagnosticDescriptor descriptor, ITypeSymbol type) { Descriptor = descriptor; Type = type; }
        public DiagnosticDescriptor Descriptor { get; }
        public ITypeSymbol Type { get; }
    }

    /// <summary>
    /// The types of the subset: the eight integer types, bool, enums declared in source (their
    /// underlying type is checked at the declaration), pointers and function pointers of allowed
    /// types, structs declared in source (their fields are checked at the declaration), the DSL's
    /// endian types, string as an opaque C string, void as a return or pointer target.
    /// </summary>
    internal static class TypeRules
    {
        public static TypeProblem? Check(ITypeSymbol? type, TypeUse use, DriverSymbols k)
        {
            if (type == null) return null;
            switch (type)
            {
                case IErrorTypeSymbol _:
                    return null; // Roslyn reports it
                case IPointerTypeSymbol p:
                    return p.PointedAtType.SpecialType == SpecialType.System_Void ? null : Check(p.PointedAtType, TypeUse.Value, k);
                case IFunctionPointerTypeSymbol f:
                    {
                        var sig = f.Signature;
                        var r = Check(sig.ReturnType, TypeUse.Return, k);
                        if (r != null) return r;
                        foreach (var prm in sig.Parameters)
                        {
                            r = Check(prm.Type, TypeUse.Value, k);
                            if (r != null) return r;
                        }
                        return null;
                    }
                case IArrayTypeSymbol a:
                    if ((use == TypeUse.StaticReadonlyField || use == TypeUse.CBindingParams) && a.IsSZArray)
                        return Check(a.ElementType, TypeUse.Value, k);
                    return new TypeProblem(Descriptors.UnsupportedType, type);
                case ITypeParameterSymbol _:
                    return new TypeProblem(Descriptors.Generics, type);
            }
            if (type.TypeKind == TypeKind.Dynamic) return new TypeProblem(Descriptors.Dynamic, type);
            if (type.IsTupleType) return new TypeProblem(Descriptors.Tuples, type);

            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean:
                case SpecialType.System_SByte:
                case SpecialType.System_Byte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_String:
                    return null;
                case SpecialType.System_Void:
                    return use == TypeUse.Return ? (TypeProblem?)null : new TypeProblem(Descriptors.UnsupportedType, type);
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                case SpecialType.System_Decimal:
                    return new TypeProblem(Descriptors.FloatingPoint, type);
                case SpecialType.System_Nullable_T:
                    return new TypeProblem(Descriptors.UnsupportedType, type);
            }
            if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
                return new TypeProblem(Descriptors.UnsupportedType, type);

            switch (type.TypeKind)
            {
                case TypeKind.Enum:
                    return DriverSymbols.IsInSource(type) || k.IsDsl(type) ? (TypeProblem?)null : new TypeProblem(Descriptors.UnsupportedType, type);
                case TypeKind.Delegate:
                    return new TypeProblem(Descriptors.LambdasDelegates, type);
                case TypeKind.Struct:
                    if (type.IsRefLikeType) return new TypeProblem(Descriptors.RefKinds, type);
                    if (type is INamedTypeSymbol n && n.IsGenericType) return new TypeProblem(Descriptors.Generics, type);
                    if (k.EndianTypes.Contains(type)) return null;
                    if (DriverSymbols.IsInSource(type) || k.IsDsl(type) || DriverSymbols.IsBinding(type)) return null;
                    return new TypeProblem(Descriptors.UnsupportedType, type);
                default:
                    // classes (object, System.String handled above), interfaces, nint/nuint, char...
                    if (type is INamedTypeSymbol g && g.IsGenericType)
                        return new TypeProblem(Descriptors.Generics, type);
                    return new TypeProblem(Descriptors.UnsupportedType, type);
            }
        }

        /// <summary>Message arguments of a <see cref="TypeProblem"/> reported at <paramref name="syntax"/>.</summary>
        public static object[] Args(TypeProblem p, SyntaxNode syntax)
        {
            var d = p.Descriptor;
            string typeText = p.Type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
            if (d == Descriptors.UnsupportedType) return new object[] { typeText };
            return new object[] { DriverSymbols.Snippet(syntax) };
        }
    }
}
