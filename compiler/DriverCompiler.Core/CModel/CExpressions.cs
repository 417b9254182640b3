namespace DriverCompiler.Core.CModel;

/// <summary>A C expression. Printing adds only the parentheses C's precedence needs.</summary>
public abstract record CExpr;

/// <summary>Literal text: a number with its suffix, a string or character literal, <c>NULL</c>.</summary>
public sealed record CLiteral(string Text) : CExpr;

/// <summary>A name: a function, global, macro or parameter.</summary>
public sealed record CName(string Name) : CExpr;

/// <summary>A reference to a local whose C name may still change (block-start hoisting renames clashes).</summary>
public sealed record CLocalRef(CLocal Local) : CExpr;

/// <summary>Prefix or postfix unary operator: <c>-x</c>, <c>!x</c>, <c>~x</c>, <c>*p</c>, <c>&amp;x</c>, <c>x++</c>.</summary>
public sealed record CUnary(string Op, CExpr Operand, bool Postfix = false) : CExpr;

/// <summary>Binary operator other than assignment.</summary>
public sealed record CBinary(string Op, CExpr Left, CExpr Right) : CExpr;

/// <summary>Assignment, plain or compound: <c>=</c>, <c>+=</c>, ...</summary>
public sealed record CAssign(string Op, CExpr Target, CExpr Value) : CExpr;

/// <summary>Call of a function, macro, interface method or function pointer.</summary>
public sealed record CCall(CExpr Function, IReadOnlyList<CExpr> Arguments) : CExpr;

/// <summary>Cast <c>(T)x</c>.</summary>
public sealed record CCast(CType Type, CExpr Operand) : CExpr;

/// <summary>Member access <c>s.f</c> or <c>p-&gt;f</c>.</summary>
public sealed record CMember(CExpr Operand, string Member, bool Arrow) : CExpr;

/// <summary>Subscript <c>a[i]</c>.</summary>
public sealed record CIndex(CExpr Operand, CExpr Index) : CExpr;

/// <summary>Conditional <c>c ? a : b</c>.</summary>
public sealed record CConditional(CExpr Condition, CExpr WhenTrue, CExpr WhenFalse) : CExpr;

/// <summary>
/// Comma expression <c>(t0 = a++, t1 = a++, f(t0, t1, a++))</c>: evaluates its items in order with a
/// sequence point between them; its value is the last item's. Used where C# evaluation order must be
/// forced inside an expression that cannot be split into statements (a loop condition, the right of &amp;&amp;).
/// </summary>
public sealed record CComma(IReadOnlyList<CExpr> Items) : CExpr;

/// <summary><c>sizeof(T)</c>.</summary>
public sealed record CSizeOf(CType Type) : CExpr;

/// <summary>A brace initializer <c>{ a, b }</c> (only in declarations) or, with a type, a C99 compound literal.</summary>
public sealed record CInitList(IReadOnlyList<CExpr> Items, IReadOnlyList<string?>? Designators = null, CType? CompoundType = null) : CExpr;

/// <summary>A local variable of a C function.</summary>
public sealed class CLocal(string name, CType type)
{
    public string Name { get; set; } = name;
    public CType Type { get; } = type;
}
