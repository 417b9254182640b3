namespace DriverCompiler.Core.CModel;

/// <summary>A file-scope item of a C file or header.</summary>
public abstract record CTopLevel
{
    /// <summary>Comment printed above the item (the C# origin), or null.</summary>
    public string? Comment { get; init; }
}

public sealed record CInclude(string Path, bool Local) : CTopLevel;
/// <summary><c>#define Name Value</c>; with <see cref="Expr"/> set, the value is that expression (parenthesized).</summary>
public sealed record CDefine(string Name, string Value) : CTopLevel
{
    /// <summary>A constant expression printed instead of <see cref="Value"/>: <c>(K_BASE + 8)</c>.</summary>
    public CExpr? Expr { get; init; }
    /// <summary>A build option (<c>[BuildOption]</c>): printed inside <c>#ifndef Name</c> … <c>#endif</c>, so <c>-DName=v</c> overrides it.</summary>
    public bool Overridable { get; init; }
}
public sealed record CTypedef(CType Type, string Name) : CTopLevel;
/// <summary>A struct field; <see cref="Comment"/> goes after it on the same line.</summary>
public sealed record CField(CType Type, string Name, string? Comment);
/// <summary>A struct definition with its layout checks (offsets and size in bytes).</summary>
public sealed record CStructDef(string Tag, List<CField> Fields, IReadOnlyList<(string Field, int Offset)> Offsets, int Size) : CTopLevel
{
    /// <summary>StructLayout Pack made the struct's alignment smaller than its fields' (printed with <c>DRV_PACKED</c>).</summary>
    public bool Packed { get; init; }
}
/// <summary>Forward declaration <c>struct tag;</c>.</summary>
public sealed record CStructForward(string Tag) : CTopLevel;
public sealed record CParam(CType Type, string Name);
/// <summary>A function prototype (header) or definition (with a body).</summary>
public sealed record CFunction(CType Return, string Name, List<CParam> Parameters, CBlock? Body, bool IsStatic) : CTopLevel;
/// <summary>A file-scope variable.</summary>
public sealed record CGlobal(CType Type, string Name, CExpr? Init, bool IsStatic, bool IsConst, bool IsExtern) : CTopLevel;
/// <summary>Verbatim lines (template output, section comments).</summary>
public sealed record CRaw(string Text) : CTopLevel;
/// <summary>Layout checks of a C type the headers define (a <c>[CType]</c> mirror): each member's offset and the size.</summary>
public sealed record CLayoutCheck(string CType, IReadOnlyList<(string Field, int Offset)> Offsets, int Size) : CTopLevel;

/// <summary>One emitted C file: header comment, include guard (for headers) and items.</summary>
public sealed record CFile(string Name, string HeaderComment, List<CTopLevel> Items, bool IsHeader);
