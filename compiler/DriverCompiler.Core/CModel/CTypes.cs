namespace DriverCompiler.Core.CModel;

/// <summary>A C type. Printed through <see cref="CDeclarator"/>, which handles C's inside-out declarator syntax.</summary>
public abstract record CType;

/// <summary>A type named by one spelling: <c>uint32</c>, <c>struct vscsi_virtq_desc</c>, <c>BOOL</c>, <c>void</c>.</summary>
public sealed record CNamedType(string Name) : CType
{
    public static readonly CNamedType Void = new("void");
}

/// <summary>Pointer to <see cref="Target"/>, optionally to const and/or volatile data.</summary>
public sealed record CPointerType(CType Target, bool Const = false, bool Volatile = false) : CType;

/// <summary>
/// <see cref="Inner"/> qualified <c>volatile</c>: a C# <c>volatile</c> field. Printed <c>volatile uint8 done</c>
/// for a scalar and <c>struct dev *volatile p</c> for a pointer (the pointer itself is volatile, as in C#).
/// </summary>
public sealed record CVolatileType(CType Inner) : CType;

/// <summary>
/// <see cref="Inner"/> qualified <c>const</c> itself: <c>const uint32 x</c>, and for a pointer the pointer, not
/// what it points at: <c>struct cia *const t[2]</c> (a <c>static readonly</c> table of pointers).
/// </summary>
public sealed record CConstType(CType Inner) : CType;

/// <summary>Array of <see cref="Length"/> elements (null: unsized, as in an initialized table).</summary>
public sealed record CArrayType(CType Element, int? Length) : CType;

/// <summary>Pointer to a function.</summary>
public sealed record CFunctionPointerType(CType Return, IReadOnlyList<CType> Parameters) : CType
{
    public bool Equals(CFunctionPointerType? other) => other is not null && Return.Equals(other.Return) && Parameters.SequenceEqual(other.Parameters);
    public override int GetHashCode() => HashCode.Combine(Return, Parameters.Count);
}

/// <summary>Prints declarations: <c>uint32 *p</c>, <c>uint8 buf[16]</c>, <c>int32 (*fn)(int32)</c>.</summary>
public static class CDeclarator
{
    /// <summary>The declaration of <paramref name="name"/> (may be empty for an abstract declarator, as in a cast).</summary>
    /// <param name="prototypes">False for K&amp;R dialects: function pointer parameter lists are left empty.</param>
    public static string Declare(CType type, string name, bool prototypes = true)
    {
        string inner = name;
        while (true)
        {
            switch (type)
            {
                case CNamedType n:
                    return inner.Length == 0 ? n.Name : n.Name + " " + inner;
                case CVolatileType { Inner: CNamedType vn }:
                    return "volatile " + (inner.Length == 0 ? vn.Name : vn.Name + " " + inner);
                case CConstType { Inner: CNamedType cn }:
                    return "const " + (inner.Length == 0 ? cn.Name : cn.Name + " " + inner);
                case CConstType k:
                    // the qualifier after the '*' it qualifies: struct cia *const t[2]
                    inner = inner.Length == 0 ? "const" : "const " + inner;
                    type = k.Inner;
                    break;
                case CVolatileType v:
                    // the qualifier after the '*' it qualifies: uint8 *volatile p
                    inner = inner.Length == 0 ? "volatile" : "volatile " + inner;
                    type = v.Inner;
                    break;
                case CPointerType p:
                    {
                        string q = (p.Volatile ? "volatile " : "");
                        string star = "*" + inner;
                        inner = p.Target is CArrayType || p.Target is CFunctionPointerType ? "(" + star + ")" : star;
                        // qualifiers apply to the pointed-at type: "const uint8 *p"
                        if (p.Const || p.Volatile)
                        {
                            string quals = (p.Const ? "const " : "") + q;
                            return quals + Declare(p.Target, inner, prototypes);
                        }
                        type = p.Target;
                        break;
                    }
                case CArrayType a:
                    inner = inner + "[" + (a.Length?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "") + "]";
                    type = a.Element;
                    break;
                case CFunctionPointerType f:
                    {
                        string ps = !prototypes ? "" : f.Parameters.Count == 0 ? "void" : string.Join(", ", f.Parameters.Select(t => Declare(t, "", prototypes)));
                        inner = "(*" + inner + ")(" + ps + ")";
                        type = f.Return;
                        break;
                    }
                default:
                    throw new InvalidOperationException("unknown C type " + type);
            }
        }
    }

    /// <summary>A type as written in a cast or sizeof: <c>uint32 *</c>.</summary>
    public static string TypeName(CType type, bool prototypes = true) => Declare(type, "", prototypes).TrimEnd();
}
