using System.Numerics;
using DriverCompiler.Analyzers;
using DriverCompiler.Core.CModel;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DriverCompiler.Core.Lower;

/// <summary>
/// C of a C# constant expression that keeps the source's names: <c>PZero + 8 | PCatch</c> with
/// <c>[CConstant("PZERO")]</c> prints <c>PZERO + 8 | K_PCATCH</c>, not C#'s folded <c>289</c>, so C uses the
/// header's value as the docs promise. Only what the source wrote as a literal (or a constant the
/// driver does not emit: <c>int.MaxValue</c>, a const local) is folded. Comparisons, <c>!</c>, <c>&amp;&amp;</c>,
/// <c>||</c> and <c>?:</c> keep the names too: <c>Opt.Disconnect != 0 ? 0xC0 : 0x80</c> with a
/// <c>[BuildOption]</c> prints <c>BO_OPT_DISCONNECT != 0 ? 0xC0 : 0x80</c>, so <c>-DBO_OPT_DISCONNECT=1</c>
/// changes what the C computes, as the attribute promises.
/// </summary>
/// <remarks>
/// C computes the same value as C#: every conversion Roslyn made (explicit or implicit) is a cast
/// unless C's own promotion does the same (8/16-bit to int), and operands keep their C# types, which
/// the targets give the same width and signedness. Where C's rules differ (signed overflow is undefined,
/// a shift count outside the width, a negative left shift) the expression is folded as before,
/// so it stays an integer constant expression (array sizes, case labels, static initialisers).
/// </remarks>
internal sealed class ConstantExpressions(ModuleLowerer module)
{
    /// <summary>The C of constant <paramref name="op"/> (its ConstantValue must be set).</summary>
    public CExpr Lower(IOperation op) => Build(op) ?? Folded(op);

    /// <summary>
    /// The folded literal of an expression C cannot compute as C# does (signed overflow, a shift count
    /// outside the width...). Folding a tree that names a <c>[BuildOption]</c> fixes the option's default
    /// into the C: DRV0313 says so, at the expression.
    /// </summary>
    private CExpr Folded(IOperation op)
    {
        if (Option(op) is { } option)
            module.Report(Descriptors.BuildOptionFolded, op.Syntax.GetLocation(), ModuleLowerer.Shorten(op.Syntax.ToString()), option.Name,
                Constants.Format(op.ConstantValue.Value, op.Type!, module.Target, null));
        return LiteralOf(op);
    }

    /// <summary>The first <c>[BuildOption]</c> constant the tree under <paramref name="op"/> names, if any.</summary>
    private static IFieldSymbol? Option(IOperation op) =>
        op is IFieldReferenceOperation { Field: var f } && Exports.Exports.IsBuildOption(f) ? f
            : op.ChildOperations.Select(Option).FirstOrDefault(f => f is not null);

    /// <summary>The value of a field or enum member initializer: symbolic when it names a constant, else the folded literal text.</summary>
    public CExpr? Initializer(IOperation? value) => value is { ConstantValue.HasValue: true } ? Lower(value) : null;

    private CLiteral Literal(IOperation op, SyntaxNode? syntax) =>
        new(Constants.Format(op.ConstantValue.Value, op.Type!, module.Target, syntax));

    /// <summary>True when the tree under <paramref name="op"/> names a constant C knows by name.</summary>
    private bool Names(IOperation op) => op switch
    {
        IFieldReferenceOperation f => Named(f) is not null,
        // ('p' << 8) | 1, the classic ioctl number: the character stays a C character constant
        IConversionOperation c when CharConstant(c) is not null => true,
        IConversionOperation or IBinaryOperation or IUnaryOperation or IConditionalOperation => op.ChildOperations.Any(Names),
        _ => false,
    };

    private string? Named(IFieldReferenceOperation f) =>
        (f.Field.IsConst || f.Field.ContainingType.TypeKind == TypeKind.Enum) && module.Names.TryGetValue(f.Field, out var n) ? n : null;

    /// <summary>Null when C would not compute C#'s value: the caller folds.</summary>
    private CExpr? Build(IOperation op)
    {
        if (!op.ConstantValue.HasValue || !(IsIntegral(op.Type) || IsBool(op.Type))) return null;
        if (!Names(op)) return LiteralOf(op);
        switch (op)
        {
            case IFieldReferenceOperation f:
                return new CName(Named(f)!);
            case IConversionOperation { OperatorMethod: null } c:
                {
                    if (CharConstant(c) is { } character) return character;
                    if (!IsIntegral(c.Operand.Type)) return null;
                    var inner = Sub(c.Operand);
                    // Inside an enum member's initializer C# reads the other members as the underlying type
                    // (Both = Read | Write): an implicit conversion C# allows nowhere else. The member's C
                    // define already has that type (or int, which the 8/16-bit type promotes to).
                    if (c.IsImplicit && c.Operand.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } under }
                        && SymbolEqualityComparer.Default.Equals(under, c.Type)) return inner;
                    if (SameCType(c.Operand.Type!, c.Type!) || (PromotesToInt(c.Operand.Type!) && IsInt32(c.Type!))) return inner;
                    return new CCast(module.MapType(c.Type!, null), inner);
                }
            case IUnaryOperation { OperatorMethod: null } u:
                {
                    if (u.OperatorKind == UnaryOperatorKind.Not && IsBool(u.Operand.Type)) return Bool(u, new CUnary("!", Sub(u.Operand)));
                    string? sym = u.OperatorKind switch
                    {
                        UnaryOperatorKind.BitwiseNegation => "~", UnaryOperatorKind.Minus => "-", UnaryOperatorKind.Plus => "+", _ => null,
                    };
                    if (sym is null || !IsIntegral(u.Operand.Type)) return null;
                    var operand = Sub(u.Operand);
                    if (sym == "+") return operand;
                    if (sym == "-" && !FitsSigned(-ToBig(u.Operand.ConstantValue.Value), u.Type!)) return null;
                    return EnumBack(u.Type!, new CUnary(sym, operand));
                }
            case IBinaryOperation { OperatorMethod: null } b when Comparison(b.OperatorKind) is { } cmp:
                    // Both operands already have C#'s common type (Roslyn's conversions are in the tree and
                    // Sub casts where C would convert differently), so C compares the same values.
                    if (!(IsIntegral(b.LeftOperand.Type) && IsIntegral(b.RightOperand.Type))
                        && !(IsBool(b.LeftOperand.Type) && IsBool(b.RightOperand.Type) && cmp is "==" or "!=")) return null;
                    return Bool(b, new CBinary(cmp, Sub(b.LeftOperand), Sub(b.RightOperand)));
            case IBinaryOperation { OperatorMethod: null } b when IsBool(b.LeftOperand.Type) && IsBool(b.RightOperand.Type):
                {
                    // && and || on constants have no side effects to skip; & | ^ of two truth values (0 or 1 in C) agree
                    string? sym = b.OperatorKind switch
                    {
                        BinaryOperatorKind.ConditionalAnd => "&&", BinaryOperatorKind.ConditionalOr => "||",
                        BinaryOperatorKind.And => "&", BinaryOperatorKind.Or => "|", BinaryOperatorKind.ExclusiveOr => "^",
                        _ => null,
                    };
                    return sym is null ? null : Bool(b, new CBinary(sym, Sub(b.LeftOperand), Sub(b.RightOperand)));
                }
            case IConditionalOperation { WhenFalse: { } whenFalse } c when IsBool(c.Condition.Type) && c.Condition.ConstantValue.HasValue:
                // C# converts each branch to the result's type (the conversions are in the tree), so C's own
                // ?: conversions have nothing left to change.
                if (!IsSameType(c.WhenTrue.Type, c.Type) || !IsSameType(whenFalse.Type, c.Type)) return null;
                return new CConditional(Sub(c.Condition), Sub(c.WhenTrue), Sub(whenFalse));
            case IBinaryOperation { OperatorMethod: null } b:
                {
                    string? sym = b.OperatorKind switch
                    {
                        BinaryOperatorKind.Add => "+", BinaryOperatorKind.Subtract => "-", BinaryOperatorKind.Multiply => "*",
                        BinaryOperatorKind.Divide => "/", BinaryOperatorKind.Remainder => "%",
                        BinaryOperatorKind.And => "&", BinaryOperatorKind.Or => "|", BinaryOperatorKind.ExclusiveOr => "^",
                        BinaryOperatorKind.LeftShift => "<<", BinaryOperatorKind.RightShift => ">>",
                        _ => null,
                    };
                    if (sym is null || !IsIntegral(b.LeftOperand.Type) || !IsIntegral(b.RightOperand.Type)) return null;
                    BigInteger l = ToBig(b.LeftOperand.ConstantValue.Value), r = ToBig(b.RightOperand.ConstantValue.Value);
                    var type = b.Type!;
                    int width = Bits(type);
                    switch (sym)
                    {
                        case "+": if (!FitsSigned(l + r, type)) return null; break;
                        case "-": if (!FitsSigned(l - r, type)) return null; break;
                        case "*": if (!FitsSigned(l * r, type)) return null; break;
                        case "/" or "%": if (r.IsZero || !FitsSigned(BigInteger.Divide(l, r), type)) return null; break;
                        case "<<" or ">>":
                            // C# masks the count; C leaves a count outside the width undefined
                            if (r < 0 || r >= Bits(b.LeftOperand.Type!) || r >= width) return null;
                            if (sym == "<<" && IsSigned(type) && (l < 0 || !FitsSigned(l << (int)r, type))) return null;
                            break;
                    }
                    var left = Sub(b.LeftOperand);
                    var right = Sub(b.RightOperand);
                    return EnumBack(type, new CBinary(sym, left, right));
                }
        }
        return null;
    }

    /// <summary>An operand: symbolic where it can be, else folded (a literal is right in C whatever its neighbours are).</summary>
    private CExpr Sub(IOperation op) => Build(op) ?? Folded(op);

    private static string? Comparison(BinaryOperatorKind k) => k switch
    {
        BinaryOperatorKind.Equals => "==", BinaryOperatorKind.NotEquals => "!=",
        BinaryOperatorKind.LessThan => "<", BinaryOperatorKind.LessThanOrEqual => "<=",
        BinaryOperatorKind.GreaterThan => ">", BinaryOperatorKind.GreaterThanOrEqual => ">=",
        _ => null,
    };

    /// <summary>A C truth value (int 0 or 1) where C# has bool: the same value, and C converts it where a BOOL is stored.</summary>
    private static CExpr? Bool(IOperation op, CExpr e) => IsBool(op.Type) ? e : null;

    private static bool IsBool(ITypeSymbol? t) => t?.SpecialType == SpecialType.System_Boolean;

    private static bool IsSameType(ITypeSymbol? a, ITypeSymbol? b) => a is not null && SymbolEqualityComparer.Default.Equals(a, b);

    /// <summary>A subtree without names: one literal in its C# type; a char literal as a C character constant.</summary>
    private CExpr LiteralOf(IOperation op)
    {
        if (op is IConversionOperation conv && CharConstant(conv) is { } ch) return ch;
        var syntax = op is IConversionOperation c ? c.Operand.Syntax : op.Syntax;
        return Literal(op, syntax);
    }

    /// <summary>A printable char literal converted to int: <c>'p'</c>, which has type int in C too.</summary>
    private static CLiteral? CharConstant(IConversionOperation c) =>
        c.Operand is ILiteralOperation { ConstantValue.Value: char ch } && IsInt32(c.Type!) && ch is >= ' ' and <= '~' and not '\'' and not '\\'
            ? new CLiteral("'" + ch + "'") : null;

    /// <summary><c>~flags</c>, <c>a | b</c> of an enum over byte/ushort is that enum in C#; C computes in int.</summary>
    private CExpr EnumBack(ITypeSymbol t, CExpr e) =>
        t is INamedTypeSymbol { TypeKind: TypeKind.Enum } && PromotesToInt(t) ? new CCast(module.MapType(t, null), e) : e;

    private bool SameCType(ITypeSymbol a, ITypeSymbol b) =>
        module.MapType(Underlying(a), null).Equals(module.MapType(Underlying(b), null)) && (a.TypeKind == TypeKind.Enum) == (b.TypeKind == TypeKind.Enum);

    private static ITypeSymbol Underlying(ITypeSymbol t) => t is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } u } ? u : t;

    private static bool PromotesToInt(ITypeSymbol t) =>
        Underlying(t).SpecialType is SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Char;

    private static bool IsInt32(ITypeSymbol t) => t.SpecialType == SpecialType.System_Int32;

    private static bool IsIntegral(ITypeSymbol? t) => t is not null && Bits(t) > 0 && t.SpecialType != SpecialType.System_Char;

    private static bool IsSigned(ITypeSymbol t) =>
        Underlying(t).SpecialType is SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_Int32 or SpecialType.System_Int64;

    private static int Bits(ITypeSymbol t) => Underlying(t).SpecialType switch
    {
        SpecialType.System_SByte or SpecialType.System_Byte => 8,
        SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Char => 16,
        SpecialType.System_Int32 or SpecialType.System_UInt32 => 32,
        SpecialType.System_Int64 or SpecialType.System_UInt64 => 64,
        _ => 0,
    };

    /// <summary>Unsigned arithmetic wraps alike in C and C#; signed overflow is undefined in C (and rejected in its constant expressions).</summary>
    private static bool FitsSigned(BigInteger v, ITypeSymbol t)
    {
        if (!IsSigned(t)) return true;
        int bits = Bits(t);
        return v >= -(BigInteger.One << (bits - 1)) && v < (BigInteger.One << (bits - 1));
    }

    private static BigInteger ToBig(object? v) => v switch
    {
        char c => c,
        ulong u => u,
        null => BigInteger.Zero,
        _ => System.Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture),
    };
}
