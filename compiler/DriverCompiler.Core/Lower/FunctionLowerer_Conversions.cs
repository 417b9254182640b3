using DriverCompiler.Core.CModel;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DriverCompiler.Core.Lower;

internal sealed partial class FunctionLowerer
{
    private CExpr Conversion(IConversionOperation c)
    {
        var from = c.Operand.Type;
        var to = c.Type!;
        if (c.OperatorMethod is { } method)
        {
            // Le16..Be64: the byte order is applied where the value crosses between endian and native.
            if (DslSymbols.EndianType(method.Parameters[0].Type) is { } src && DslSymbols.IsDsl(method.ContainingType))
            {
                string swap = (src.Little ? "LE" : "BE") + src.Bits;
                CExpr native = c.Operand is IFieldReferenceOperation f && MmioScalar(f) is int bits
                    ? MmioRead(f, bits, swap)
                    : new CCall(new CName("DRV_" + swap + "_TO_CPU"), [Expr(c.Operand)]);
                return Convert(native, method.ReturnType, to, c.IsImplicit);
            }
            if (DslSymbols.EndianType(method.ReturnType) is { } dst && DslSymbols.IsDsl(method.ContainingType))
            {
                var nativeValue = Convert(Expr(c.Operand), from!, method.Parameters[0].Type, implicitly: true);
                return new CCall(new CName("DRV_CPU_TO_" + (dst.Little ? "LE" : "BE") + dst.Bits), [nativeValue]);
            }
            return Fail(c, "user-defined conversion");
        }
        if (KnownConversion(c) is { } known) return known;
        if (from is null && c.Operand.ConstantValue is { HasValue: true, Value: null }) return new CLiteral(Target.Null);
        if (from is null) return Fail(c, "conversion");
        return Convert(Expr(c.Operand), from, to, c.IsImplicit);
    }

    /// <summary>
    /// An explicit integral conversion of a value that contains an assignment and whose result is known exactly
    /// (<see cref="Facts"/>): <c>(sbyte)(s.F = 245)</c> is -11, <c>(short)((uint)(g = 1772841878) &gt;&gt; 1)</c> is
    /// -18997. GCC folds the same constant through the assignment, marks it as overflowed by the narrowing cast, and
    /// then rejects any later conversion of it (-Woverflow: "changes value from '-11' to '-11'"). Lowered as
    /// <c>((void)(s.F = 245), (int8)-11)</c>: the assignment still happens, the value is C#'s. Null otherwise.
    /// </summary>
    private CExpr? KnownConversion(IConversionOperation c)
    {
        if (c.IsImplicit || c.OperatorMethod is not null || c.ConstantValue.HasValue || !IsIntegral(c.Type) || !IsIntegral(c.Operand.Type)) return null;
        if (Facts(c) is not { IsExact: true } f) return null;
        if (!c.Operand.DescendantsAndSelf().Any(o => o is ISimpleAssignmentOperation or ICompoundAssignmentOperation or IIncrementOrDecrementOperation)) return null;
        object value = IsSigned(c.Type) ? (object)(long)f.Lo : (ulong)f.Lo;
        return new CComma([new CCast(CNamedType.Void, Expr(c.Operand)), new CCast(module.MapType(c.Type!, null), new CLiteral(Constants.Format(value, c.Type!, Target, null)))]);
    }

    /// <summary>C for converting an already lowered value between C# types.</summary>
    private CExpr Convert(CExpr value, ITypeSymbol from, ITypeSymbol to, bool implicitly)
    {
        if (SymbolEqualityComparer.Default.Equals(from, to)) return value;
        var cto = module.MapType(to, null);
        if (from is IPointerTypeSymbol or IFunctionPointerTypeSymbol)
        {
            if (to is IPointerTypeSymbol or IFunctionPointerTypeSymbol)
                return implicitly || module.MapType(from, null).Equals(cto) ? value : new CCast(cto, value);
            return new CCast(cto, new CCast(new CNamedType("DRV_UINTPTR"), value));
        }
        if (to is IPointerTypeSymbol or IFunctionPointerTypeSymbol)
            return new CCast(cto, new CCast(new CNamedType("DRV_UINTPTR"), value));
        if (module.MapType(from, null).Equals(cto)) return value;
        // 8- and 16-bit values become int in C exactly as in C#.
        if (implicitly && PromotesToInt(from) && to.SpecialType == SpecialType.System_Int32) return value;
        return new CCast(cto, value);
    }

    /// <summary>The width of an integer (or endian) field of an [Mmio] struct, else null.</summary>
    private static int? MmioScalar(IFieldReferenceOperation f)
    {
        if (f.Field.IsStatic || !DslSymbols.IsMmio(f.Field.ContainingType) || f.Field.IsFixedSizeBuffer) return null;
        if (DslSymbols.EndianType(f.Field.Type) is { } e) return e.Bits;
        int bits = Bits(f.Field.Type);
        return bits == 0 ? null : bits;
    }

    /// <summary>One volatile, ordered register read: <c>DRV_MMIO_READ_LE32(&amp;regs-&gt;isr)</c>; <paramref name="swap"/> null reads raw.</summary>
    private CExpr MmioRead(IFieldReferenceOperation f, int bits, string? swap) =>
        new CCall(new CName(swap is null ? $"DRV_MMIO_READ{bits}" : $"DRV_MMIO_READ_{swap}"), [AddressOf(f)]);

    private CExpr MmioWrite(IFieldReferenceOperation f, int bits, IOperation value)
    {
        // A store of a native value into an endian register: byte order applied by the access itself.
        if (value is IConversionOperation { OperatorMethod: { } m } c && DslSymbols.EndianType(m.ReturnType) is { } dst && DslSymbols.IsDsl(m.ContainingType))
        {
            var native = Convert(Expr(c.Operand), c.Operand.Type!, m.Parameters[0].Type, implicitly: true);
            return MmioWriteValue(f, bits, native, (dst.Little ? "LE" : "BE") + dst.Bits);
        }
        return MmioWriteValue(f, bits, Value(value, assignmentContext: true), swap: null);
    }

    private CExpr MmioWriteValue(IFieldReferenceOperation f, int bits, CExpr value, string? swap) =>
        new CCall(new CName(swap is null ? $"DRV_MMIO_WRITE{bits}" : $"DRV_MMIO_WRITE_{swap}"), [AddressOf(f), value]);
}
