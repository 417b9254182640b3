using DriverCompiler.Core.CModel;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DriverCompiler.Core.Lower;

internal sealed partial class FunctionLowerer
{
    /// <summary>Lowers an expression for its value. <paramref name="discarded"/>: the value is unused (expression statement).</summary>
    private CExpr Expr(IOperation op, bool discarded = false)
    {
        if (spilled.TryGetValue(op, out var temp)) return temp;
        if (op.ConstantValue is { HasValue: true, Value: null } && op.Type is null or IPointerTypeSymbol or IFunctionPointerTypeSymbol)
            return new CLiteral(Target.Null);
        if (op.ConstantValue.HasValue && op.Type is not null) return Constant(op);
        switch (op)
        {
            case ILocalReferenceOperation l: return new CLocalRef(DeclareLocal(l.Local));
            case IParameterReferenceOperation p:
                {
                    if (p.Parameter.RefKind != RefKind.None) return new CUnary("*", new CName(Naming.Local(p.Parameter.Name)));
                    return AsCSharpType(p, p.Parameter, p.Parameter.Type, ParameterVariable(p.Parameter));
                }
            case IInstanceReferenceOperation: return new CUnary("*", new CName(Self));
            case IFieldReferenceOperation f:
                if (MmioScalar(f) is { } bits) return MmioRead(f, bits, swap: null);
                return AsCSharpType(f, f.Field, f.Field.Type, FieldAccess(f));
            case IArrayElementReferenceOperation ae when ae.Indices.Length == 1:
                Sequence([ae.ArrayReference, ae.Indices[0]]);
                return new CIndex(Expr(ae.ArrayReference), Expr(ae.Indices[0]));
            case IInlineArrayAccessOperation ia when ia.Argument.Type?.SpecialType is >= SpecialType.System_SByte and <= SpecialType.System_UInt64:
                return new CIndex(Expr(ia.Instance), Expr(ia.Argument));
            case IPropertyReferenceOperation { Property.Name: "Length", Instance: IFieldReferenceOperation { Field: var arr } } when arr.Type is IArrayTypeSymbol && module.Names.ContainsKey(arr):
                return new CName(module.Names[arr].ToUpperInvariant() + "_COUNT");
            case IDefaultValueOperation when op.Type is IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return new CLiteral(Target.Null);
            case IDefaultValueOperation or IObjectCreationOperation when StructInit(op) is { } structValue && module.MapType(op.Type!, null) is not CArrayType:
                return StructValue(structValue);
            case IConversionOperation c: return Conversion(c);
            case IBinaryOperation b: return Binary(b);
            case IUnaryOperation u when u.OperatorMethod is null:
                {
                    string sym = u.OperatorKind switch
                    {
                        UnaryOperatorKind.BitwiseNegation => "~", UnaryOperatorKind.Not => "!",
                        UnaryOperatorKind.Plus => "+", UnaryOperatorKind.Minus => "-", _ => "",
                    };
                    if (sym.Length == 0) return Fail(op, "unary operator " + u.OperatorKind);
                    if (sym == "+") return Expr(u.Operand);
                    CExpr unary = new CUnary(sym, Expr(u.Operand));
                    // ~flags on an enum over byte/ushort is that enum again in C#; C computes in int
                    return u.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } && PromotesToInt(u.Type) ? new CCast(module.MapType(u.Type, null), unary) : unary;
                }
            case IIncrementOrDecrementOperation inc:
                {
                    if (inc.Target is IFieldReferenceOperation tf && MmioScalar(tf) is not null) return Fail(op, "++/-- on a register; write r = r + 1");
                    if (inc.OperatorMethod is not null) return Fail(op, "user-defined ++/--");
                    string sym = inc.Kind == OperationKind.Increment ? "++" : "--";
                    SequenceTarget(inc.Target, []);
                    return new CUnary(sym, LValue(inc.Target), Postfix: inc.IsPostfix);
                }
            case ISimpleAssignmentOperation a: return Assignment(a, discarded);
            case ICompoundAssignmentOperation ca: return CompoundAssignment(ca, discarded);
            case IInvocationOperation inv: return Invocation(inv);
            case IFunctionPointerInvocationOperation fpi:
                Sequence([fpi.Target, .. ArgumentOperands(fpi.Arguments)]);
                return new CCall(Expr(fpi.Target), Arguments(fpi.Arguments));
            case IAddressOfOperation addr:
                return AddressOf(addr.Reference);
            case IConditionalOperation cond when cond.WhenFalse is not null:
                {
                    var c = Condition(cond.Condition);
                    // The branches' implicit conversions to the result type may be left out only when both branches
                    // then have one C type: for int and uint C's ?: would convert the int to uint (C# gives long).
                    bool drop = SymbolEqualityComparer.Default.Equals(BeforeImplicit(cond.WhenTrue), BeforeImplicit(cond.WhenFalse))
                                || module.MapType(BeforeImplicit(cond.WhenTrue), null).Equals(module.MapType(BeforeImplicit(cond.WhenFalse), null));
                    return new CConditional(c, InPlace(() => Value(cond.WhenTrue, drop)), InPlace(() => Value(cond.WhenFalse, drop)));
                }
            case ISizeOfOperation so:
                return new CCast(Target.Int32, new CSizeOf(module.MapType(so.TypeOperand, op.Syntax.GetLocation(), storage: true)));
            case var _ when op.Kind == OperationKind.None:
                return NoneOperation(op);
        }
        return Fail(op, op.Kind.ToString());
    }

    /// <summary>Roslyn leaves pointer syntax without an operation kind: <c>*p</c>, <c>p-&gt;</c>, <c>p[i]</c>, a fixed buffer used as a pointer.</summary>
    private CExpr NoneOperation(IOperation op)
    {
        var children = op.ChildOperations.ToList();
        switch (op.Syntax)
        {
            case PrefixUnaryExpressionSyntax pu when pu.IsKind(SyntaxKind.PointerIndirectionExpression) && children.Count == 1:
                return Deref(Expr(children[0]));
            // &movable inside fixed (a static field, a field of one): the targets never move data.
            case PrefixUnaryExpressionSyntax pu when pu.IsKind(SyntaxKind.AddressOfExpression) && children.Count == 1:
                return children[0] is IAddressOfOperation ? Expr(children[0]) : AddressOf(children[0]);
            case ExpressionSyntax e when Parentheses.IsPointerMemberTarget(e) && children.Count == 1:
                return Deref(Expr(children[0]));
            case ElementAccessExpressionSyntax when children.Count == 2 && children[0].Type is IPointerTypeSymbol:
                Sequence(children);
                return new CIndex(Expr(children[0]), Expr(children[1]));
            case var _ when children.Count == 1 && children[0] is IFieldReferenceOperation { Field.IsFixedSizeBuffer: true } fb:
                return FieldAccess(fb);
            case ExpressionSyntax when children.Count == 1 && children[0] is IFieldReferenceOperation { Field: { IsStatic: true, Type: IArrayTypeSymbol at } } table:
                // fixed (T* p = Table): the C array (const, as static readonly data) decays to a T*.
                return new CCast(new CPointerType(module.MapType(at.ElementType, op.Syntax.GetLocation(), storage: true)), new CName(module.Names[table.Field]));
            case StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax:
                return Fail(op, "stackalloc other than as a local's initializer");
        }
        return Fail(op, "this pointer expression");
    }

    private static CExpr Deref(CExpr pointer) => pointer is CUnary { Op: "&", Postfix: false } a ? a.Operand : new CUnary("*", pointer);

    private static CExpr Member(CExpr instance, string name) =>
        instance is CUnary { Op: "*", Postfix: false } d ? new CMember(d.Operand, name, Arrow: true) : new CMember(instance, name, Arrow: false);

    private CExpr FieldAccess(IFieldReferenceOperation f)
    {
        if (f.Field.IsStatic || f.Instance is null) return new CName(module.Names[f.Field]);
        return Member(LValue(f.Instance), module.Names[f.Field]);
    }

    /// <summary>An expression designating storage (assignment target, operand of &amp;, ref argument).</summary>
    private CExpr LValue(IOperation op) => op switch
    {
        IFieldReferenceOperation f => FieldAccess(f),
        _ => Expr(op),
    };

    private CExpr AddressOf(IOperation reference)
    {
        if (reference is IMethodReferenceOperation mr)
            return module.Names.TryGetValue(mr.Method.OriginalDefinition, out var n) ? new CName(n) : Fail(reference, "address of a method outside the driver");
        if (reference is IParameterReferenceOperation { Parameter.RefKind: not RefKind.None } p)
            return new CName(Naming.Local(p.Parameter.Name));
        var lv = LValue(reference);
        var address = lv is CUnary { Op: "*", Postfix: false } d ? d.Operand : new CUnary("&", lv);
        // A ref to a volatile field is an ordinary ref in C# (CS0420): the pointer drops the qualifier.
        if (reference is IFieldReferenceOperation { Field: { IsVolatile: true } vf })
            return new CCast(new CPointerType(module.StorageType(vf.Type, null)), address);
        return address;
    }

    private CExpr Constant(IOperation op)
    {
        var value = op.ConstantValue.Value;
        var type = op.Type!;
        // Integers: the source's names kept (PZERO + 8 | K_PCATCH), literals folded.
        if (IsIntegral(type) && type.SpecialType != SpecialType.System_Char) return module.ConstantExpressions.Lower(op);
        // Truth values too: Opt.Disconnect != 0 with a [BuildOption] must stay a comparison the C build can change.
        if (type.SpecialType == SpecialType.System_Boolean) return module.ConstantExpressions.Lower(op);
        // A named constant stays named when C would give its literal the same type or the same promotion.
        var inner = op;
        while (inner is IConversionOperation { OperatorMethod: null } c && SameValue(c.Operand.ConstantValue.Value, value)) inner = c.Operand;
        if (inner is IFieldReferenceOperation { Field: var f } && module.Names.TryGetValue(f, out var name) && (f.IsConst || f.ContainingType.TypeKind == TypeKind.Enum))
        {
            var ft = f.Type;
            bool intLike(ITypeSymbol t) => PromotesToInt(t) || Underlying(t).SpecialType == SpecialType.System_Int32;
            if (SameCType(ft, type) || (intLike(ft) && intLike(type)))
                return new CName(name);
        }
        return new CLiteral(Constants.Format(value, type, Target, op.Syntax));
    }

    private static bool SameValue(object? a, object? b) =>
        a is not null && b is not null && a is not (string or bool) && b is not (string or bool)
            ? System.Convert.ToDecimal(a, System.Globalization.CultureInfo.InvariantCulture) == System.Convert.ToDecimal(b, System.Globalization.CultureInfo.InvariantCulture)
            : Equals(a, b);

    private bool SameCType(ITypeSymbol a, ITypeSymbol b) =>
        module.MapType(Underlying(a), null).Equals(module.MapType(Underlying(b), null));

    private static ITypeSymbol Underlying(ITypeSymbol t) => t is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } u } ? u : t;

    /// <summary>Types C promotes to int in arithmetic exactly as C# does (8- and 16-bit integers and enums over them).</summary>
    private static bool PromotesToInt(ITypeSymbol t)
    {
        if (t is INamedTypeSymbol { TypeKind: TypeKind.Enum } e) t = e.EnumUnderlyingType!;
        return t.SpecialType is SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16;
    }

    private static int Bits(ITypeSymbol? t)
    {
        if (t is INamedTypeSymbol { TypeKind: TypeKind.Enum } e) t = e.EnumUnderlyingType!;
        return t?.SpecialType switch
        {
            SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Boolean => 8,
            SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Char => 16,
            SpecialType.System_Int32 or SpecialType.System_UInt32 => 32,
            SpecialType.System_Int64 or SpecialType.System_UInt64 => 64,
            _ => 0,
        };
    }

    private static bool IsSigned(ITypeSymbol? t)
    {
        if (t is INamedTypeSymbol { TypeKind: TypeKind.Enum } e) t = e.EnumUnderlyingType!;
        return t?.SpecialType is SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_Int32 or SpecialType.System_Int64;
    }

    private static bool IsIntegral(ITypeSymbol? t) => Bits(t) > 0 && t!.SpecialType != SpecialType.System_Boolean;

    private CType UnsignedOf(int bits) => bits switch { 64 => Target.UInt64, _ => Target.UInt32 };

    private CExpr Binary(IBinaryOperation b)
    {
        if (b.OperatorMethod is not null) return Fail(b, "user-defined operator");
        string? sym = b.OperatorKind switch
        {
            BinaryOperatorKind.Add => "+", BinaryOperatorKind.Subtract => "-", BinaryOperatorKind.Multiply => "*",
            BinaryOperatorKind.Divide => "/", BinaryOperatorKind.Remainder => "%",
            BinaryOperatorKind.And => "&", BinaryOperatorKind.Or => "|", BinaryOperatorKind.ExclusiveOr => "^",
            BinaryOperatorKind.ConditionalAnd => "&&", BinaryOperatorKind.ConditionalOr => "||",
            BinaryOperatorKind.Equals => "==", BinaryOperatorKind.NotEquals => "!=",
            BinaryOperatorKind.LessThan => "<", BinaryOperatorKind.LessThanOrEqual => "<=",
            BinaryOperatorKind.GreaterThan => ">", BinaryOperatorKind.GreaterThanOrEqual => ">=",
            _ => null,
        };
        if (b.OperatorKind is BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr)
        {
            // the right operand is evaluated only sometimes: its temporaries stay in place
            var l = Expr(b.LeftOperand);
            return new CBinary(sym!, l, InPlace(() => Expr(b.RightOperand)));
        }
        if (FoldComparison(b) is { } folded) return folded;
        Sequence([b.LeftOperand, b.RightOperand]);
        if (b.OperatorKind is BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift)
            return Shift(b.OperatorKind, Expr(b.LeftOperand), b.Type!, b.RightOperand, b.LeftOperand);
        if (sym is null) return Fail(b, "operator " + b.OperatorKind);
        if (b.LeftOperand.Type?.SpecialType == SpecialType.System_String || b.RightOperand.Type?.SpecialType == SpecialType.System_String)
            return Fail(b, "string comparison");
        bool comparison = sym is "==" or "!=" or "<" or "<=" or ">" or ">=";
        var left = (comparison ? OpaqueComplement(b.LeftOperand) : null) ?? Expr(b.LeftOperand);
        var right = (comparison ? OpaqueComplement(b.RightOperand) : null) ?? Expr(b.RightOperand);
        if (sym == "/") right = OpaqueDivisor(b, right);
        // r >= (uint)r: the C operands are one expression (the identity conversion prints as nothing); an
        // integer compared with itself is decided (GCC: -Wtautological-compare); x has no effects to keep.
        if (sym is "==" or "!=" or "<" or "<=" or ">" or ">=" && left.Equals(right) && IsPure(left)
            && (IsIntegral(b.LeftOperand.Type) || b.LeftOperand.Type is IPointerTypeSymbol || b.LeftOperand.Type?.SpecialType == SpecialType.System_Boolean))
            // ((void)x, TRUE): x still counts as used (no -Wunused-parameter when this was its only use)
            return new CComma([new CCast(CNamedType.Void, left), new CLiteral(Constants.Format(sym is "==" or "<=" or ">=", b.Type!, Target, null))]);
        CExpr result = new CBinary(sym, left, right);
        // enum + n over byte/ushort stays that enum in C#; C computes in int
        if (sym is "+" or "-" && b.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } && PromotesToInt(b.Type))
            result = new CCast(module.MapType(b.Type, null), result);
        // Pointer difference is ptrdiff_t in C (32 bits on the targets); C# gives long.
        if (sym == "-" && b.LeftOperand.Type is IPointerTypeSymbol && b.RightOperand.Type is IPointerTypeSymbol)
            result = new CCast(module.MapType(b.Type!, null), result);
        return result;
    }

    /// <summary>
    /// The divisor of a signed division, out of reach of GCC's negation. With -fwrapv GCC takes signed overflow to wrap
    /// and so may negate a division's divisor when it negates the quotient (fold-const.cc negate_expr_p, TRUNC_DIV_EXPR:
    /// <c>x - y / (z + 1)</c> becomes <c>x + y / ~z</c>, <c>-(y / -d)</c> becomes <c>y / d</c>). For y = int.MinValue and
    /// a divisor of 1 that divides int.MinValue by -1, which C# never did: it traps on x86 and the 68030 (SIGFPE) and gives
    /// an undefined quotient on PowerPC. GCC negates only such expressions (constants, -, ~, +, -, *, /, >>), never a variable,
    /// so a divisor that is one is assigned to a temporary in place, <c>y / (t0 = z + 1)</c>: same value, same
    /// evaluation order. Constants stay (GCC folds <c>y / -1</c> to <c>-y</c>); unsigned division is never negated.
    /// </summary>
    private CExpr OpaqueDivisor(IBinaryOperation b, CExpr divisor)
    {
        if (!IsSigned(b.Type) || b.RightOperand.ConstantValue.HasValue) return divisor;
        var inner = divisor;
        while (inner is CCast c) inner = c.Operand;
        // what negate_expr_p can negate (a ?: too, since GCC distributes an operation over its branches)
        if (inner is not (CBinary { Op: "+" or "-" or "*" or "/" or ">>" } or CUnary { Op: "-" or "~" } or CConditional)) return divisor;
        var temp = new CLocal(SpillName(), module.MapType(b.RightOperand.Type!, null));
        spillDecls.Add(temp);
        return new CAssign("=", new CLocalRef(temp), divisor);
    }

    /// <summary>
    /// A comparison operand that is the complement of a byte or ushort kept in its type: <c>(byte)~a</c>,
    /// <c>(ushort)(x ^ 0xFFFF)</c>, <c>(byte)(255 - a)</c>. GCC folds each to a complement computed in the narrow type
    /// and then takes it for the complement of a promoted value, which C's promotion would make always nonzero
    /// (-Wsign-compare: "comparison of promoted bitwise complement of an unsigned value", GCC bug 38341); it is not:
    /// the cast keeps only the low bits. The operand is assigned to a temporary of its narrow type in place,
    /// <c>(t0 = (uint8)~a) != b</c>: same value, same evaluation order, and GCC compares a plain variable.
    /// </summary>
    private CExpr? OpaqueComplement(IOperation operand)
    {
        var v = operand is IConversionOperation { IsImplicit: true, OperatorMethod: null } ic && IsIntegral(ic.Operand.Type) ? ic.Operand : operand;
        if (!IsIntegral(v.Type) || IsSigned(v.Type) || Bits(v.Type) > 16 || spilled.ContainsKey(v) || spilled.ContainsKey(operand)) return null;
        var x = v is IConversionOperation { OperatorMethod: null } narrow && IsIntegral(narrow.Operand.Type) ? narrow.Operand
            : v is IUnaryOperation { OperatorKind: UnaryOperatorKind.BitwiseNegation } ? v : null;
        while (x is IConversionOperation { OperatorMethod: null } c && IsIntegral(c.Operand.Type)) x = c.Operand;
        UInt128 mask = (UInt128.One << Bits(v.Type)) - 1;
        bool AllOnes(IOperation o) => Facts(o) is { IsExact: true } f && (f.Rep(f.Lo) & mask) == mask;
        bool complement = x switch
        {
            IUnaryOperation { OperatorKind: UnaryOperatorKind.BitwiseNegation, OperatorMethod: null } => true,
            IBinaryOperation { OperatorKind: BinaryOperatorKind.ExclusiveOr, OperatorMethod: null } xb => AllOnes(xb.LeftOperand) || AllOnes(xb.RightOperand),
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract, OperatorMethod: null } sb => AllOnes(sb.LeftOperand),
            _ => false,
        };
        if (!complement) return null;
        var temp = new CLocal(SpillName(), module.MapType(v.Type!, null));
        spillDecls.Add(temp);
        CExpr assigned = new CAssign("=", new CLocalRef(temp), Expr(v));
        return ReferenceEquals(v, operand) ? assigned : Convert(assigned, v.Type!, operand.Type!, implicitly: true);
    }

    /// <summary>
    /// C# masks the count (&amp; 31 or &amp; 63) and defines every shift; C leaves counts ≥ the width and
    /// left shifts of negative values undefined. Signed left shifts go through the unsigned type.
    /// </summary>
    private CExpr Shift(BinaryOperatorKind kind, CExpr left, ITypeSymbol type, IOperation countOp, IOperation? leftOp = null)
    {
        int bits = Bits(type) == 64 ? 64 : 32;
        int mask = bits - 1;
        CExpr count = countOp.ConstantValue.Value is int n
            ? new CLiteral((n & mask).ToString(System.Globalization.CultureInfo.InvariantCulture))
            : new CBinary("&", Expr(countOp), new CLiteral(mask.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var ctype = module.MapType(type, null);
        bool signed = IsSigned(type);
        // A byte or ushort promoted to int cannot overflow a small constant shift: keep it plain.
        var original = leftOp is IConversionOperation { IsImplicit: true, OperatorMethod: null } pc ? pc.Operand.Type : null;
        if (signed && kind == BinaryOperatorKind.LeftShift && original is not null && !IsSigned(original) && PromotesToInt(original)
            && countOp.ConstantValue.Value is int k && Bits(original) + (k & mask) <= 31)
            return new CBinary("<<", left, count);
        switch (kind)
        {
            case BinaryOperatorKind.LeftShift when signed:
                return new CCast(ctype, new CBinary("<<", new CCast(UnsignedOf(bits), left), count));
            case BinaryOperatorKind.UnsignedRightShift when signed:
                return new CCast(ctype, new CBinary(">>", new CCast(UnsignedOf(bits), left), count));
            case BinaryOperatorKind.LeftShift:
                return new CBinary("<<", left, count);
            default:
                return new CBinary(">>", left, count);
        }
    }

    private CExpr Assignment(ISimpleAssignmentOperation a, bool discarded)
    {
        SequenceTarget(a.Target, [a.Value]);
        // x = x++: the store must not meet another unsequenced store to the same variable
        if (EffectsOf(a.Value).DirectlyWrites(StorageOf(a.Target))) Spill(a.Value);
        if (a.Target is IFieldReferenceOperation tf && MmioScalar(tf) is int bits)
        {
            if (!discarded) return Fail(a, "a register write used as a value");
            return MmioWrite(tf, bits, a.Value);
        }
        if (StructInit(a.Value) is not null)
            return Fail(a, "struct initialization inside an expression");
        var value = Value(a.Value, assignmentContext: true);
        // A [CType("caddr_t")] byte* field or parameter: the C# pointer converts to the typedef's (char * vs uchar *).
        if (a.Target is IFieldReferenceOperation { Field: var field } && ScalarPointer(field, field.Type))
            value = new CCast(module.WithScalarCType(field, field.Type, module.MapType(field.Type, null)), value);
        else if (a.Target is IParameterReferenceOperation { Parameter: { RefKind: RefKind.None } parameter } && ScalarPointer(parameter, parameter.Type))
            value = new CCast(module.WithScalarCType(parameter, parameter.Type, module.MapType(parameter.Type, null)), value);
        return new CAssign("=", LValue(a.Target), value);
    }

    /// <summary>Whether <paramref name="s"/> is a pointer with a scalar <c>[CType]</c> (<c>[CType("caddr_t")] byte*</c>).</summary>
    private static bool ScalarPointer(ISymbol s, ITypeSymbol type) => type is IPointerTypeSymbol && DslSymbols.HasAttribute(s, "CTypeAttribute");

    /// <summary>
    /// The value of a field or parameter whose C type is a scalar <c>[CType]</c> typedef, as the C# type it has: a pointer
    /// typedef is cast back to what the C# pointer lowers to (<c>(uchar *)bp-&gt;b_un.b_addr</c> for a caddr_t, since C
    /// does not convert char * and uchar * silently); integer typedefs convert implicitly, as C# integers do.
    /// </summary>
    /// <remarks>A value only dereferenced (<c>*devp</c>, <c>p-&gt;f</c>, <c>p[i]</c>) needs no cast: the integer it reads converts.</remarks>
    private CExpr AsCSharpType(IOperation op, ISymbol s, ITypeSymbol type, CExpr value) =>
        ScalarPointer(s, type) && !(op.Parent is { Kind: OperationKind.None, Syntax: var parent } && op.Parent.ChildOperations.Count == 1
                                    && (parent is PrefixUnaryExpressionSyntax pu && pu.IsKind(SyntaxKind.PointerIndirectionExpression)
                                        || parent is ElementAccessExpressionSyntax || parent is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.PointerMemberAccessExpression }))
            ? new CCast(module.MapType(type, null), value) : value;

    private CExpr CompoundAssignment(ICompoundAssignmentOperation ca, bool discarded)
    {
        if (ca.OperatorMethod is not null) return Fail(ca, "user-defined operator");
        string? sym = ca.OperatorKind switch
        {
            BinaryOperatorKind.Add => "+", BinaryOperatorKind.Subtract => "-", BinaryOperatorKind.Multiply => "*",
            BinaryOperatorKind.Divide => "/", BinaryOperatorKind.Remainder => "%",
            BinaryOperatorKind.And => "&", BinaryOperatorKind.Or => "|", BinaryOperatorKind.ExclusiveOr => "^",
            BinaryOperatorKind.LeftShift => "<<", BinaryOperatorKind.RightShift => ">>", BinaryOperatorKind.UnsignedRightShift => ">>>",
            _ => null,
        };
        if (sym is null) return Fail(ca, "operator " + ca.OperatorKind);
        var targetType = ca.Target.Type!;
        bool shift = sym is "<<" or ">>" or ">>>";
        bool pointer = targetType is IPointerTypeSymbol;
        // The type C# computes in: promoted target for shifts, else the (converted) right operand's type.
        ITypeSymbol opType = pointer ? targetType
            : shift ? (PromotesToInt(targetType) ? module.Compilation.GetSpecialType(SpecialType.System_Int32) : targetType)
            : ca.Value.Type!;
        bool mmio = ca.Target is IFieldReferenceOperation tf && MmioScalar(tf) is not null;
        if (sym == ">>>" && !IsSigned(opType)) sym = ">>";
        SequenceTarget(ca.Target, [ca.Value]);
        if (DslSymbols.EndianType(targetType) is { } endian)
            return EndianCompoundAssignment(ca, sym, endian, mmio, discarded);
        // C# reads the target before evaluating the value: x += x++ or s += F() where F changes s.
        CExpr? before = null;
        if (EffectsOf(ca.Value).Writes(StorageOf(ca.Target)))
        {
            foreach (var part in AddressParts(ca.Target) ?? [])
                if (!IsSideEffectFree(part)) Spill(part);
            before = SpillValue(mmio ? Expr(ca.Target) : LValue(ca.Target), module.MapType(targetType, null));
            Spill(ca.Value);
        }
        bool sameType = pointer || SameCType(targetType, opType) || (PromotesToInt(targetType) && opType.SpecialType == SpecialType.System_Int32);
        bool signedLeft = shift && sym != ">>" && IsSigned(opType);
        if (!mmio && sameType && !signedLeft && sym != ">>>" && before is null)
        {
            var target = LValue(ca.Target);
            if (shift)
            {
                int mask = Bits(opType) == 64 ? 63 : 31;
                CExpr count = ca.Value.ConstantValue.Value is int n ? new CLiteral((n & mask).ToString(System.Globalization.CultureInfo.InvariantCulture))
                    : new CBinary("&", Expr(ca.Value), new CLiteral(mask.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                return new CAssign(sym + "=", target, count);
            }
            return new CAssign(sym + "=", target, Value(ca.Value, assignmentContext: true));
        }
        // General form: x = (T)(x op y), evaluated as C# does; x must be free of side effects.
        // The target is named twice (read, then store): evaluate what locates it once.
        if (!IsSideEffectFree(ca.Target))
        {
            if (AddressParts(ca.Target) is not { } parts) return Fail(ca, "compound assignment that changes type on a target with side effects");
            foreach (var part in parts)
                if (!IsSideEffectFree(part)) Spill(part);
        }
        CExpr current = before ?? (mmio ? Expr(ca.Target) : LValue(ca.Target));
        CExpr widened = SameCType(targetType, opType) || PromotesToInt(targetType) && opType.SpecialType == SpecialType.System_Int32
            ? current : new CCast(module.MapType(opType, null), current);
        CExpr computed;
        if (shift)
        {
            var kind = sym switch { "<<" => BinaryOperatorKind.LeftShift, ">>" => BinaryOperatorKind.RightShift, _ => BinaryOperatorKind.UnsignedRightShift };
            computed = Shift(kind, widened, opType, ca.Value);
        }
        else computed = new CBinary(sym, widened, Expr(ca.Value));
        CExpr narrowed = SameCType(targetType, opType) ? computed : new CCast(module.MapType(targetType, null), computed);
        if (mmio)
        {
            if (!discarded) return Fail(ca, "a register write used as a value");
            var f = (IFieldReferenceOperation)ca.Target;
            return MmioWriteValue(f, MmioScalar(f)!.Value, narrowed, swap: null);
        }
        return new CAssign("=", LValue(ca.Target), narrowed);
    }

    /// <summary>
    /// <c>be += v</c> on an Le/Be value: C# converts the target to its native integer, applies the operator
    /// and converts back, so the C does the same: <c>be = DRV_CPU_TO_BE32(DRV_BE32_TO_CPU(be) + v)</c>.
    /// </summary>
    private CExpr EndianCompoundAssignment(ICompoundAssignmentOperation ca, string sym, (int Bits, bool Little) endian, bool mmio, bool discarded)
    {
        var native = ca.InConversion.MethodSymbol?.ReturnType;
        if (native is null || ca.OutConversion.MethodSymbol is null) return Fail(ca, "compound assignment on an endian value");
        if (!IsSideEffectFree(ca.Target))
        {
            if (AddressParts(ca.Target) is not { } parts) return Fail(ca, "compound assignment on an endian value with side effects");
            foreach (var part in parts)
                if (!IsSideEffectFree(part)) Spill(part);
        }
        string swap = (endian.Little ? "LE" : "BE") + endian.Bits;
        var field = ca.Target as IFieldReferenceOperation;
        CExpr current = mmio ? MmioRead(field!, endian.Bits, swap) : new CCall(new CName("DRV_" + swap + "_TO_CPU"), [LValue(ca.Target)]);
        CExpr computed = sym switch
        {
            "<<" => Shift(BinaryOperatorKind.LeftShift, current, native, ca.Value),
            ">>" => Shift(BinaryOperatorKind.RightShift, current, native, ca.Value),
            ">>>" => Shift(BinaryOperatorKind.UnsignedRightShift, current, native, ca.Value),
            _ => new CBinary(sym, current, Expr(ca.Value)),
        };
        // a shift keeps its left operand's type; other operators may widen to the value's type
        bool shift = sym is "<<" or ">>" or ">>>";
        if (PromotesToInt(native) || (!shift && !SameCType(native, ca.Value.Type ?? native))) computed = new CCast(module.MapType(native, null), computed);
        if (mmio)
        {
            if (!discarded) return Fail(ca, "a register write used as a value");
            return MmioWriteValue(field!, endian.Bits, computed, swap);
        }
        return new CAssign("=", LValue(ca.Target), new CCall(new CName("DRV_CPU_TO_" + swap), [computed]));
    }

    private bool IsSideEffectFree(IOperation op) => spilled.ContainsKey(op) || op switch
    {
        ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation => true,
        IFieldReferenceOperation f => f.Instance is null || IsSideEffectFree(f.Instance),
        IArrayElementReferenceOperation ae => IsSideEffectFree(ae.ArrayReference) && ae.Indices.All(IsSideEffectFree),
        IInlineArrayAccessOperation ia => IsSideEffectFree(ia.Instance) && IsSideEffectFree(ia.Argument),
        IConversionOperation c => c.OperatorMethod is null && IsSideEffectFree(c.Operand),
        IBinaryOperation b => b.OperatorMethod is null && IsSideEffectFree(b.LeftOperand) && IsSideEffectFree(b.RightOperand),
        _ when op.ConstantValue.HasValue => true,
        _ when op.Kind == OperationKind.None => op.ChildOperations.All(IsSideEffectFree),
        _ => false,
    };

    private CExpr Invocation(IInvocationOperation inv)
    {
        var m = inv.TargetMethod;
        CExpr fn;
        var args = new List<CExpr>();
        if (DslSymbols.Binding(m) is { Interface: "this" } objectBinding)
        {
            // The first argument is the interface the method is called through: dev->ReadConfigWord(off).
            var all = Arguments(inv.Arguments);
            if (all.Count == 0) return Fail(inv, "an interface binding without the interface argument");
            return new CCall(new CMember(all[0], objectBinding.Name, Arrow: true), all.Skip(1).ToList());
        }
        if (Scripts.ScriptsLowering.TryLowerIntrinsic(module, inv) is { } intrinsic) return intrinsic;
        if (VolatileAccess(inv) is { } access) return access;
        // Addr.Of(ref x): &x (the CBinding marks it as the DSL's for the analyzer; nothing calls DRV_ADDR_OF)
        if (m is { Name: "Of", ContainingType.Name: "Addr" } && DslSymbols.IsDsl(m.ContainingType) && inv.Arguments.Length == 1)
        {
            Sequence([.. AddressParts(inv.Arguments[0].Value) ?? []]);
            return AddressOf(inv.Arguments[0].Value);
        }
        bool driverMethod = false;
        if (DslSymbols.Binding(m) is { } binding)
            fn = binding.Interface is null ? new CName(binding.Name) : new CMember(new CName(binding.Interface), binding.Name, Arrow: true);
        else if (module.Names.TryGetValue(m.OriginalDefinition, out var name) && m.DeclaringSyntaxReferences.Length > 0)
        {
            fn = new CName(name);
            driverMethod = true;
        }
        else return Fail(inv, "call to '" + m.ToDisplayString() + "', which is outside the driver");
        // order first (the receiver's address parts, then the arguments), then lower
        var operands = new List<IOperation?>();
        if (!m.IsStatic && inv.Instance is { } receiver && receiver is not IInstanceReferenceOperation)
            operands.AddRange(AddressParts(receiver) ?? []);
        operands.AddRange(ArgumentOperands(inv.Arguments));
        Sequence(operands);
        if (driverMethod && !m.IsStatic)
        {
            var inst = inv.Instance;
            if (inst is null) return Fail(inv, "instance call without a receiver");
            args.Add(inst is IInstanceReferenceOperation ? new CName(Self) : AddressOf(inst));
        }
        args.AddRange(Arguments(inv.Arguments));
        return new CCall(fn, args);
    }

    /// <summary>
    /// <c>Volatile.Read(ref x)</c> and <c>Volatile.Write(ref x, v)</c> (System.Threading, 8- to 32-bit
    /// overloads, which the analyzer lets through): one C volatile access of <c>x</c>,
    /// <c>*(volatile uint8 *)&amp;x</c>. The compiler may neither drop it nor move it across another
    /// volatile access; hardware ordering is the caller's (Barrier.*), as documented in docs/dsl.md.
    /// </summary>
    private CExpr? VolatileAccess(IInvocationOperation inv)
    {
        var m = inv.TargetMethod;
        if (m is not { IsStatic: true, ContainingType: { Name: "Volatile", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } }
            || m.Name is not ("Read" or "Write") || inv.Arguments.Length != (m.Name == "Read" ? 1 : 2))
            return null;
        var location = inv.Arguments[0].Value;
        if (location is IFieldReferenceOperation f && MmioScalar(f) is not null)
            return Fail(inv, "Volatile.Read/Write of a register, which is already one ordered access; read or assign it directly");
        if (m.Parameters[0].Type.SpecialType is not (SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16
            or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32))
            return Fail(inv, "Volatile.Read/Write of " + m.Parameters[0].Type.ToDisplayString());
        var elementType = module.MapType(m.Parameters[0].Type, inv.Syntax.GetLocation(), storage: true);
        CExpr Access()
        {
            var lv = LValue(location);
            var address = lv is CUnary { Op: "*", Postfix: false } d ? d.Operand : new CUnary("&", lv);
            return new CUnary("*", new CCast(new CPointerType(elementType, Volatile: true), address));
        }
        if (m.Name == "Read")
        {
            Sequence([.. AddressParts(location) ?? []]);
            return Access();
        }
        Sequence([.. AddressParts(location) ?? [], inv.Arguments[1].Value]);
        return new CAssign("=", Access(), Value(inv.Arguments[1].Value, assignmentContext: true));
    }

    /// <summary>What a call evaluates for its arguments, in C# order: values, and the address parts of ref/out variables.</summary>
    private static IEnumerable<IOperation> ArgumentOperands(IEnumerable<IArgumentOperation> arguments)
    {
        foreach (var a in arguments)
        {
            if (a.ArgumentKind == ArgumentKind.ParamArray && a.Value is IArrayCreationOperation { Initializer: { } init })
                foreach (var e in init.ElementValues) yield return e;
            else if (IsInRvalue(a)) yield return a.Value;
            else if (a.Parameter is { RefKind: not RefKind.None })
            {
                foreach (var p in AddressParts(a.Value) ?? []) yield return p;
                // the variable itself: an earlier operand that writes it (F(s.F = r, ref s.F)) is evaluated first
                yield return a;
            }
            else yield return a.Value;
        }
    }

    /// <summary>An argument of an <c>in</c> (or <c>ref readonly</c>) parameter that is a value, not a variable:
    /// <c>Twice(v + 1)</c>, <c>Get(default)</c>, a constant.</summary>
    private static bool IsInRvalue(IArgumentOperation a) =>
        a.Parameter is { RefKind: RefKind.In or RefKind.RefReadOnlyParameter }
        && (a.Value.ConstantValue.HasValue
            || a.Value is not (ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IArrayElementReferenceOperation or IInlineArrayAccessOperation or IInstanceReferenceOperation)
               && a.Value.Kind != OperationKind.None);

    private List<CExpr> Arguments(IEnumerable<IArgumentOperation> arguments)
    {
        var result = new List<CExpr>();
        foreach (var a in arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
        {
            if (a.ArgumentKind == ArgumentKind.ParamArray)
            {
                if (a.Value is IArrayCreationOperation { Initializer: { } init })
                    result.AddRange(init.ElementValues.Select(e => Argument(e, a.Parameter!.Type is IArrayTypeSymbol at ? at.ElementType : null)));
                else if (a.Value is not IArrayCreationOperation) result.Add(Fail(a, "params argument that is not a list of values"));
                continue;
            }
            if (IsInRvalue(a))
            {
                // C# passes a readonly reference to a copy of the value: the copy is a temporary
                var type = a.Parameter!.Type;
                var v = Argument(a.Value, type);
                // already a temporary of the parameter's type: an operand evaluated early, a C89 struct value
                bool temporary = v is CLocalRef && (spilled.TryGetValue(a.Value, out var t) && ReferenceEquals(t, v) || StructInit(a.Value) is not null);
                // the copy lives at an address: of the storage type (a bool is one byte), like every variable a pointer reaches
                var storage = module.StorageType(type, null);
                if (!temporary || v is CLocalRef { Local.Type: var tt } && !tt.Equals(storage)) v = SpillValue(v, storage);
                result.Add(new CUnary("&", v));
                continue;
            }
            if (a.Parameter is { RefKind: not RefKind.None })
            {
                // out int q / out var q: declared before the statement (C# scopes it to the enclosing block)
                if (a.Value is IDeclarationExpressionOperation { Expression: ILocalReferenceOperation declared })
                {
                    var local = DeclareLocal(declared.Local);
                    spillDecls.Add(local);
                    result.Add(new CUnary("&", new CLocalRef(local)));
                    continue;
                }
                if (a.Value is not (ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IArrayElementReferenceOperation or IInlineArrayAccessOperation)
                    && a.Value.Kind != OperationKind.None)
                { result.Add(Fail(a, "ref/in argument that is not a variable")); continue; }
                result.Add(AddressOf(a.Value));
                continue;
            }
            result.Add(Argument(a.Value, a.Parameter?.Type));
        }
        return result;
    }

    /// <summary>
    /// An argument by value. With prototypes C converts it as C# did; K&amp;R calls (amix) convert
    /// nothing, so there a conversion that changes the width beyond int stays explicit.
    /// </summary>
    private CExpr Argument(IOperation value, ITypeSymbol? parameterType)
    {
        if (spilled.TryGetValue(value, out var temp)) return temp;
        if (!Target.Prototypes && value is IConversionOperation { IsImplicit: true, OperatorMethod: null } c && !c.ConstantValue.HasValue
            && (Bits(c.Type) == 64) != (Bits(c.Operand.Type) == 64))
            return Expr(value);
        if (!Target.Prototypes && value.ConstantValue.HasValue && Bits(value.Type) == 64)
            return Expr(value);
        return Value(value, assignmentContext: true);
    }

    /// <summary>
    /// Lowers a value stored into a variable of the expression's type: an implicit widening
    /// conversion C performs the same way on assignment is left implicit.
    /// </summary>
    /// <summary>An expression C evaluates without side effects or device accesses: names, constants, members, casts, arithmetic.</summary>
    private static bool IsPure(CExpr e) => e switch
    {
        CLiteral or CName or CLocalRef or CSizeOf => true,
        CMember m => IsPure(m.Operand),
        CIndex i => IsPure(i.Operand) && IsPure(i.Index),
        CCast c => IsPure(c.Operand),
        CUnary u => u.Op is not ("++" or "--") && IsPure(u.Operand),
        CBinary b => IsPure(b.Left) && IsPure(b.Right),
        _ => false,
    };

    /// <summary>The type <paramref name="op"/> has before the implicit integral conversion <see cref="Value"/> leaves out.</summary>
    private static ITypeSymbol BeforeImplicit(IOperation op) =>
        op is IConversionOperation { IsImplicit: true, OperatorMethod: null } c && !c.ConstantValue.HasValue && IsIntegral(c.Type) && IsIntegral(c.Operand.Type)
            ? c.Operand.Type! : op.Type!;

    private CExpr Value(IOperation op, bool assignmentContext)
    {
        if (spilled.TryGetValue(op, out var temp)) return temp;
        if (assignmentContext && op is IConversionOperation { IsImplicit: true, OperatorMethod: null } c && !c.ConstantValue.HasValue
            && IsIntegral(c.Type) && IsIntegral(c.Operand.Type))
            return Expr(c.Operand);
        return Expr(op);
    }

    /// <summary>
    /// A comparison whose outcome C#'s operand types and operators decide (<see cref="Facts"/>):
    /// <c>int == uint.MaxValue</c> (both promoted to long: never), <c>~b &gt; 0</c> for a byte b (always
    /// negative), <c>u &gt;= 0</c> for unsigned u, <c>(ushort)(x | 0xFFFF) &gt;= (ushort)y</c> (the left is
    /// 65535 whatever x is), <c>(x &amp; 0xF0) == 0x0F</c>. The result is the value C# computes; C computes the
    /// same, but GCC finds the same facts and rejects the comparison (-Wtype-limits, -Wsign-compare,
    /// -Wtautological-compare). The operands are still evaluated, in C# order and cast to void, for their
    /// side effects and so that they still count as used. Null when not decided.
    /// </summary>
    private CExpr? FoldComparison(IBinaryOperation b)
    {
        if (b.OperatorKind is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals or BinaryOperatorKind.LessThan
            or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual)) return null;
        if (b.OperatorMethod is not null || b.ConstantValue.HasValue) return null;
        if (Facts(b.LeftOperand) is not { } l || Facts(b.RightOperand) is not { } r) return null;
        bool? decided = Decide(b.OperatorKind, l, r);
        if (decided is null && b.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals
            && (NeverEqualThroughWidening(b.LeftOperand, b.RightOperand) || NeverEqualThroughWidening(b.RightOperand, b.LeftOperand)))
            decided = b.OperatorKind == BinaryOperatorKind.NotEquals;
        if (decided is not { } result) return null;
        Sequence([b.LeftOperand, b.RightOperand]);
        var parts = new List<CExpr>();
        // ((void)x, (void)y, FALSE): x then y still evaluated (their side effects, if any) and still used
        foreach (var side in new[] { b.LeftOperand, b.RightOperand })
            if (!side.ConstantValue.HasValue) parts.Add(new CCast(CNamedType.Void, Expr(side)));
        parts.Add(new CLiteral(Constants.Format(result, b.Type!, Target, null)));
        return new CComma(parts);
    }
}
