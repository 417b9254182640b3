using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DriverCompiler.Core.Lower;

/// <summary>
/// What the lowering knows about an integral value before the program runs, from C#'s types and
/// operators alone: the range of values it can have and the bits of its two's-complement
/// representation (in its C# type's width) that are known to be 0 or 1. GCC derives the same kind of
/// facts (value ranges, known zero and nonzero bits) and warns where they decide a comparison
/// (-Wtype-limits, -Wtautological-compare, -Wbool-compare); the lowering folds such a comparison to the
/// value C# computes instead (see <c>FoldComparison</c>).
/// </summary>
/// <param name="Width">Bits of the C# type: 8, 16, 32 or 64.</param>
/// <param name="Signed">True for sbyte, short, int, long and enums over them.</param>
/// <param name="Lo">Smallest possible value.</param>
/// <param name="Hi">Largest possible value.</param>
/// <param name="Zeros">Bits (within <paramref name="Width"/>) known to be 0.</param>
/// <param name="Ones">Bits (within <paramref name="Width"/>) known to be 1.</param>
internal readonly record struct IntFacts(int Width, bool Signed, Int128 Lo, Int128 Hi, UInt128 Zeros, UInt128 Ones)
{
    /// <summary>All bits of the width.</summary>
    public UInt128 Mask => (UInt128.One << Width) - 1;

    private UInt128 SignBit => UInt128.One << (Width - 1);

    /// <summary>True when the value is known exactly.</summary>
    public bool IsExact => Lo == Hi;

    /// <summary>Nothing known beyond the type: every value of a <paramref name="width"/>-bit integer.</summary>
    public static IntFacts Full(int width, bool signed)
    {
        Int128 lo = signed ? -(Int128.One << (width - 1)) : 0;
        Int128 hi = signed ? (Int128.One << (width - 1)) - 1 : (Int128.One << width) - 1;
        return new IntFacts(width, signed, lo, hi, 0, 0);
    }

    /// <summary>The single value <paramref name="v"/> (which must fit the type).</summary>
    public static IntFacts Exact(int width, bool signed, Int128 v)
    {
        var f = Full(width, signed);
        var rep = f.Rep(v);
        return f with { Lo = v, Hi = v, Zeros = f.Mask & ~rep, Ones = rep };
    }

    /// <summary>The representation of <paramref name="v"/> in the width (two's complement).</summary>
    public UInt128 Rep(Int128 v) => unchecked((UInt128)v) & Mask;

    /// <summary>The value a representation stands for in this type.</summary>
    public Int128 Val(UInt128 rep) => Signed && (rep & SignBit) != 0 ? (Int128)rep - (Int128.One << Width) : (Int128)rep;

    /// <summary>
    /// These facts with what the range says about the bits and the bits about the range added to each
    /// other. Facts that contradict each other (no value fits both) give up to the type's full range:
    /// only sound facts may decide a comparison.
    /// </summary>
    public IntFacts Normalize()
    {
        var full = Full(Width, Signed);
        Int128 lo = Int128.Max(Lo, full.Lo), hi = Int128.Min(Hi, full.Hi);
        UInt128 zeros = Zeros & Mask, ones = Ones & Mask;
        if ((zeros & ones) != 0 || lo > hi) return full;
        // Range to bits: values between two of one sign share the high bits their representations share.
        if (lo >= 0 == hi >= 0)
        {
            UInt128 rl = Rep(lo), rh = Rep(hi), diff = rl ^ rh;
            int p = diff == 0 ? -1 : 127 - (int)UInt128.LeadingZeroCount(diff);
            UInt128 prefix = Mask & ~((UInt128.One << (p + 1)) - 1);
            zeros |= prefix & ~rl;
            ones |= prefix & rl;
            if ((zeros & ones) != 0) return full;
        }
        // Bits to range: the smallest and largest representations the known bits allow.
        Int128 blo, bhi;
        if (!Signed || (zeros & SignBit) != 0 || (ones & SignBit) != 0)
        {
            blo = Val(ones);
            bhi = Val(Mask & ~zeros);
        }
        else
        {
            blo = Val(ones | SignBit);
            bhi = Val(Mask & ~zeros & ~SignBit);
        }
        lo = Int128.Max(lo, blo);
        hi = Int128.Min(hi, bhi);
        if (lo > hi) return full;
        return new IntFacts(Width, Signed, lo, hi, zeros, ones);
    }

    /// <summary>Either of two values (the branches of ?:): what both have in common.</summary>
    public IntFacts Union(IntFacts o) =>
        new IntFacts(Width, Signed, Int128.Min(Lo, o.Lo), Int128.Max(Hi, o.Hi), Zeros & o.Zeros, Ones & o.Ones).Normalize();

    /// <summary>
    /// The value converted to a <paramref name="width"/>-bit type as C# (unchecked) and C do it: the low bits kept
    /// on narrowing, the sign (signed source) or zeros (unsigned source) added on widening.
    /// </summary>
    public IntFacts ConvertTo(int width, bool signed)
    {
        var to = Full(width, signed);
        UInt128 zeros, ones;
        if (width <= Width)
        {
            zeros = Zeros & to.Mask;
            ones = Ones & to.Mask;
        }
        else
        {
            UInt128 ext = to.Mask & ~Mask;
            zeros = Zeros; ones = Ones;
            if (!Signed || (Zeros & SignBit) != 0) zeros |= ext;
            else if ((Ones & SignBit) != 0) ones |= ext;
        }
        // The value itself is kept when every possible value fits the new type.
        bool keeps = Lo >= to.Lo && Hi <= to.Hi;
        return (keeps ? to with { Lo = Lo, Hi = Hi, Zeros = zeros, Ones = ones } : to with { Zeros = zeros, Ones = ones }).Normalize();
    }
}

internal sealed partial class FunctionLowerer
{
    /// <summary>
    /// The facts C#'s operators and types give about integral expression <paramref name="op"/>'s value
    /// (ECMA-334 §12.10 shifts and bitwise operators, §10.3.2 integral conversions); null when it is not an
    /// integral value. Operands are read after their implicit conversions, as C# computes.
    /// </summary>
    private static IntFacts? Facts(IOperation op)
    {
        if (op.Type?.SpecialType == SpecialType.System_Boolean) return BoolFacts(op);
        if (!IsIntegral(op.Type)) return null;
        int width = Bits(op.Type);
        bool signed = IsSigned(op.Type);
        if (op.ConstantValue.HasValue)
            return ToInt128(op.ConstantValue.Value) is { } k ? IntFacts.Exact(width, signed, k) : null;
        var full = IntFacts.Full(width, signed);
        switch (op)
        {
            case IConversionOperation { OperatorMethod: null } conv when Facts(conv.Operand) is { } inner:
                {
                    if (!conv.IsChecked) return inner.ConvertTo(width, signed);
                    // checked: the value is kept or the conversion throws
                    return (full with { Lo = Int128.Max(inner.Lo, full.Lo), Hi = Int128.Min(inner.Hi, full.Hi) }).Normalize();
                }
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.BitwiseNegation, OperatorMethod: null } u when Facts(u.Operand) is { } x && x.Width == width:
                return (full with
                {
                    Lo = signed ? -x.Hi - 1 : full.Hi - x.Hi,
                    Hi = signed ? -x.Lo - 1 : full.Hi - x.Lo,
                    Zeros = x.Ones, Ones = x.Zeros,
                }).Normalize();
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus, OperatorMethod: null, IsChecked: false } neg
                when Facts(neg.Operand) is { } x && x.Width == width && x.Signed == signed:
                // -x wraps only for the type's minimum (and every nonzero unsigned value: left at full)
                return signed && x.Lo > full.Lo ? (full with { Lo = -x.Hi, Hi = -x.Lo }).Normalize() : full;
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Plus, OperatorMethod: null } plus when Facts(plus.Operand) is { } p && p.Width == width && p.Signed == signed:
                return p;
            // x ^ x and x - x are 0 for a read with no side effects (GCC folds both, operand_equal_p); before the
            // bitwise case, which would match x ^ x first and know only what the bits of x say (seed 420028)
            case IBinaryOperation { OperatorMethod: null, OperatorKind: BinaryOperatorKind.ExclusiveOr or BinaryOperatorKind.Subtract } same
                when SameRead(same.LeftOperand, same.RightOperand):
                return IntFacts.Exact(width, signed, 0);
            case IBinaryOperation { OperatorMethod: null, OperatorKind: BinaryOperatorKind.And or BinaryOperatorKind.Or or BinaryOperatorKind.ExclusiveOr } bit
                when Facts(bit.LeftOperand) is { } l && Facts(bit.RightOperand) is { } r && l.Width == width && r.Width == width:
                {
                    var (zeros, ones) = bit.OperatorKind switch
                    {
                        BinaryOperatorKind.And => (l.Zeros | r.Zeros, l.Ones & r.Ones),
                        BinaryOperatorKind.Or => (l.Zeros & r.Zeros, l.Ones | r.Ones),
                        _ => ((l.Zeros & r.Zeros) | (l.Ones & r.Ones), (l.Zeros & r.Ones) | (l.Ones & r.Zeros)),
                    };
                    var f = full with { Zeros = zeros, Ones = ones };
                    // x & m with m ≥ 0 is at most m (whatever x is); both non-negative: at most the smaller
                    if (bit.OperatorKind == BinaryOperatorKind.And && (l.Lo >= 0 || r.Lo >= 0))
                        f = f with { Lo = 0, Hi = l.Lo >= 0 && r.Lo >= 0 ? Int128.Min(l.Hi, r.Hi) : l.Lo >= 0 ? l.Hi : r.Hi };
                    return f.Normalize();
                }
            case IBinaryOperation { OperatorMethod: null, OperatorKind: BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift } sh
                when sh.RightOperand.ConstantValue.Value is int count && Facts(sh.LeftOperand) is { } x && x.Width == width && x.Signed == signed:
                {
                    // C# masks the count to the promoted left operand's width (§12.11)
                    int n = count & (width == 64 ? 63 : 31);
                    UInt128 low = (UInt128.One << n) - 1, top = full.Mask & ~(full.Mask >> n);
                    switch (sh.OperatorKind)
                    {
                        case BinaryOperatorKind.LeftShift:
                            return (full with { Zeros = ((x.Zeros << n) | low) & full.Mask, Ones = (x.Ones << n) & full.Mask }).Normalize();
                        case BinaryOperatorKind.RightShift when signed:
                            {
                                // arithmetic: the sign bit fills the top; the shift is monotonic (floor division by 2^n)
                                UInt128 sign = UInt128.One << (width - 1);
                                UInt128 zeros = x.Zeros >> n, ones = x.Ones >> n;
                                if ((x.Zeros & sign) != 0) zeros |= top;
                                if ((x.Ones & sign) != 0) ones |= top;
                                return (full with { Lo = x.Lo >> n, Hi = x.Hi >> n, Zeros = zeros, Ones = ones }).Normalize();
                            }
                        default:
                            // logical (unsigned >> or >>>): zeros come in at the top
                            return (full with { Zeros = (x.Zeros >> n) | top, Ones = x.Ones >> n }).Normalize();
                    }
                }
            case IBinaryOperation { OperatorMethod: null, OperatorKind: BinaryOperatorKind.Remainder } rem
                when ToInt128(rem.RightOperand.ConstantValue.Value) is { } d && d != 0 && Facts(rem.LeftOperand) is { } x && x.Width == width:
                {
                    // |x % d| < |d|, and the result has the sign of x (§12.10.4)
                    Int128 m = Int128.Abs(d) - 1;
                    return (full with { Lo = x.Lo >= 0 ? 0 : -m, Hi = x.Hi <= 0 ? 0 : m }).Normalize();
                }
            case IBinaryOperation { OperatorMethod: null, OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply } arith
                when !arith.IsChecked && Facts(arith.LeftOperand) is { } l && Facts(arith.RightOperand) is { } r && l.Width == width && r.Width == width:
                {
                    // interval arithmetic; C# wraps on overflow (unchecked), so only a result that cannot wrap is kept
                    Int128 lo, hi;
                    if (arith.OperatorKind == BinaryOperatorKind.Multiply)
                    {
                        if (!Small(l) || !Small(r)) return full;
                        Int128[] p = [l.Lo * r.Lo, l.Lo * r.Hi, l.Hi * r.Lo, l.Hi * r.Hi];
                        (lo, hi) = (p.Min(), p.Max());
                    }
                    else if (arith.OperatorKind == BinaryOperatorKind.Add) (lo, hi) = (l.Lo + r.Lo, l.Hi + r.Hi);
                    else (lo, hi) = (l.Lo - r.Hi, l.Hi - r.Lo);
                    return lo >= full.Lo && hi <= full.Hi ? (full with { Lo = lo, Hi = hi }).Normalize() : full;
                }
            case IBinaryOperation { OperatorMethod: null, OperatorKind: BinaryOperatorKind.Divide } div
                when Facts(div.LeftOperand) is { } l && Facts(div.RightOperand) is { } r && l.Width == width && r.Width == width:
                {
                    // truncating division never grows the magnitude (x / -1 = -x; int.MinValue / -1 is excluded: it throws in C#)
                    Int128 m = Int128.Max(Int128.Abs(l.Lo), Int128.Abs(l.Hi));
                    Int128 lo = -m, hi = m;
                    if (l.Lo >= 0 && r.Lo >= 0) lo = 0;
                    if (r.Lo > 0) (lo, hi) = (Int128.Min(l.Lo / r.Lo, l.Lo / r.Hi), Int128.Max(l.Hi / r.Lo, l.Hi / r.Hi));
                    return (full with { Lo = Int128.Max(lo, full.Lo), Hi = Int128.Min(hi, full.Hi) }).Normalize();
                }
            // (x = v) has the value stored: v converted to x's type (a.Value carries that conversion)
            case ISimpleAssignmentOperation asg when Facts(asg.Value) is { } v && v.Width == width && v.Signed == signed:
                return v;
            case IConditionalOperation { Condition.ConstantValue.Value: bool taken, WhenFalse: { } whenFalse } constCond
                when Facts(taken ? constCond.WhenTrue : whenFalse) is { } branch && branch.Width == width && branch.Signed == signed:
                return branch;
            case IConditionalOperation { WhenFalse: { } whenFalse } cond
                when Facts(cond.WhenTrue) is { } a && Facts(whenFalse) is { } b && a.Width == width && b.Width == width && a.Signed == signed && b.Signed == signed:
                return a.Union(b);
        }
        return full;
    }

    /// <summary>Both operands within ±2^62: their product fits Int128 comfortably.</summary>
    private static bool Small(IntFacts f) => f.Lo >= -(Int128.One << 62) && f.Hi <= Int128.One << 62;

    /// <summary>
    /// Two reads of the same storage with no side effects and nothing that may change between them: a local,
    /// a parameter, a static or instance field (not volatile, not a device register), also through the same pointer
    /// (<c>p-&gt;F</c>, which C reads without volatile), through the same conversions, the endian types' byte swaps
    /// among them (<c>(ushort)p-&gt;Le - (ushort)p-&gt;Le</c>, which GCC folds to 0: seed 500089's -Wtype-limits).
    /// </summary>
    private static bool SameRead(IOperation a, IOperation b) => (a, b) switch
    {
        // p->: Roslyn's kind-less dereference of the same pointer read
        ({ Kind: OperationKind.None } x, { Kind: OperationKind.None } y) =>
            x.ChildOperations.Count == 1 && y.ChildOperations.Count == 1
            && Parentheses.IsPointerMemberTarget(x.Syntax) && Parentheses.IsPointerMemberTarget(y.Syntax)
            && SameRead(x.ChildOperations.First(), y.ChildOperations.First()),
        (IConversionOperation { OperatorMethod: { } xm } x, IConversionOperation { OperatorMethod: { } ym } y) =>
            SymbolEqualityComparer.Default.Equals(xm, ym) && DslSymbols.EndianType(xm.ContainingType) is not null
            && SameRead(x.Operand, y.Operand),
        (ILocalReferenceOperation x, ILocalReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Local, y.Local),
        (IParameterReferenceOperation x, IParameterReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Parameter, y.Parameter),
        (IInstanceReferenceOperation, IInstanceReferenceOperation) => true,
        (IFieldReferenceOperation x, IFieldReferenceOperation y) =>
            SymbolEqualityComparer.Default.Equals(x.Field, y.Field) && !x.Field.IsVolatile && MmioScalar(x) is null
            && (x.Instance is null ? y.Instance is null : y.Instance is not null && SameRead(x.Instance, y.Instance)),
        (IConversionOperation x, IConversionOperation y) =>
            x.OperatorMethod is null && y.OperatorMethod is null && SymbolEqualityComparer.Default.Equals(x.Type, y.Type)
            && SymbolEqualityComparer.Default.Equals(x.Operand.Type, y.Operand.Type) && SameRead(x.Operand, y.Operand),
        _ => false,
    };

    /// <summary>
    /// The facts of a bool as C holds it (a byte-wide 0 or 1 for TRUE and FALSE): a constant is exact, and
    /// <c>&amp;</c>, <c>|</c>, <c>^</c> of two bools combine their known bits as for integers, so
    /// <c>(x &amp; false) != true</c> is decided as GCC decides it ("bitwise comparison always evaluates to
    /// true", -Wtautological-compare; fuzz seed 400017). Any other bool is left at every byte value: a bool
    /// read from memory need not be 0 or 1.
    /// </summary>
    private static IntFacts? BoolFacts(IOperation op)
    {
        if (op.ConstantValue.HasValue) return op.ConstantValue.Value is bool v ? IntFacts.Exact(8, false, v ? 1 : 0) : null;
        var full = IntFacts.Full(8, false);
        if (op is IBinaryOperation { OperatorMethod: null, OperatorKind: BinaryOperatorKind.And or BinaryOperatorKind.Or or BinaryOperatorKind.ExclusiveOr } bit
            && BoolFacts(bit.LeftOperand) is { } l && BoolFacts(bit.RightOperand) is { } r)
        {
            var (zeros, ones) = bit.OperatorKind switch
            {
                BinaryOperatorKind.And => (l.Zeros | r.Zeros, l.Ones & r.Ones),
                BinaryOperatorKind.Or => (l.Zeros & r.Zeros, l.Ones | r.Ones),
                _ => ((l.Zeros & r.Zeros) | (l.Ones & r.Ones), (l.Zeros & r.Ones) | (l.Ones & r.Zeros)),
            };
            return (full with { Zeros = zeros, Ones = ones }).Normalize();
        }
        return full;
    }

    /// <summary>
    /// <c>(ulong)i == c</c> for an int i: the widened value is never c when no value of i's type widens to c
    /// (c between 2^31 and 2^64 - 2^31), or when the value that does lies outside what i can be. True when that
    /// rules equality out. <paramref name="side"/> is the non-constant operand, <paramref name="constant"/> the other.
    /// </summary>
    private static bool NeverEqualThroughWidening(IOperation side, IOperation constant)
    {
        if (!constant.ConstantValue.HasValue || ToInt128(constant.ConstantValue.Value) is not { } c) return false;
        if (side is not IConversionOperation { OperatorMethod: null, IsChecked: false } conv || !IsIntegral(conv.Type)
            || Bits(conv.Type) <= Bits(conv.Operand.Type) || Facts(conv.Operand) is not { } inner) return false;
        var outer = IntFacts.Full(Bits(conv.Type), IsSigned(conv.Type));
        // the only inner value that can widen to c: c's low bits read in the inner type
        Int128 v = inner.Val(inner.Rep(c));
        Int128 back = outer.Val(outer.Rep(v));
        return back != c || v < inner.Lo || v > inner.Hi;
    }

    /// <summary>
    /// Decides <c>l OP r</c> from what is known of the operands (of one C# type after the comparison's
    /// conversions), or null when their values can make it either way.
    /// </summary>
    private static bool? Decide(BinaryOperatorKind kind, IntFacts l, IntFacts r)
    {
        // equal values have equal bits: a bit known 1 on one side and 0 on the other rules equality out
        bool differ = l.Hi < r.Lo || r.Hi < l.Lo
                      || (l.Width == r.Width && l.Signed == r.Signed && ((l.Zeros & r.Ones) | (l.Ones & r.Zeros)) != 0);
        bool same = l.IsExact && r.IsExact && l.Lo == r.Lo;
        return kind switch
        {
            BinaryOperatorKind.Equals => differ ? false : same ? true : null,
            BinaryOperatorKind.NotEquals => differ ? true : same ? false : null,
            BinaryOperatorKind.LessThan => l.Hi < r.Lo ? true : l.Lo >= r.Hi ? false : null,
            BinaryOperatorKind.LessThanOrEqual => l.Hi <= r.Lo ? true : l.Lo > r.Hi ? false : null,
            BinaryOperatorKind.GreaterThan => l.Lo > r.Hi ? true : l.Hi <= r.Lo ? false : null,
            BinaryOperatorKind.GreaterThanOrEqual => l.Lo >= r.Hi ? true : l.Hi < r.Lo ? false : null,
            _ => null,
        };
    }

    private static Int128? ToInt128(object? v) => v switch
    {
        sbyte x => x, byte x => x, short x => x, ushort x => x, int x => x, uint x => x, long x => x, ulong x => x, char x => x,
        _ => null,
    };
}
