using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DriverCompiler.Analyzers
{
    /// <summary>
    /// What C can put into initialized static data without start-up code, decided once for the
    /// analyzer (DRV0015) and the lowering: constants, <c>null</c>, <c>default</c>, and address
    /// constants. An address constant is an integer constant converted to a pointer,
    /// <c>(Cia*)0xBFE001</c>, possibly converted on to another pointer type; C accepts it in a static
    /// initializer (C89 3.4, C99 6.6p9: "an integer constant cast to pointer type").
    /// </summary>
    public static class StaticInitializers
    {
        /// <summary>The lowest and highest value an address constant may have: the targets' pointers are 32 bits.</summary>
        public const long MinAddress = int.MinValue, MaxAddress = uint.MaxValue;

        /// <summary>
        /// The integer constant under an address constant, or null when <paramref name="op"/> is not one:
        /// <c>(Cia*)0xBFE001</c>, <c>(Cia*)Hw.CiaABase</c>, <c>(byte*)(Cia*)0xBFE001</c>, also when the
        /// address does not fit 32 bits (<see cref="Why"/> says so).
        /// </summary>
        public static IOperation? AddressOperand(IOperation op)
        {
            while (op is IConversionOperation c && c.OperatorMethod == null && c.Type is IPointerTypeSymbol)
            {
                var operand = c.Operand;
                if (operand.Type is IPointerTypeSymbol) { op = operand; continue; }
                return operand.ConstantValue.HasValue && operand.ConstantValue.Value != null && IsIntegral(operand.Type) ? operand : null;
            }
            return null;
        }

        /// <summary>True for an address constant whose value fits the targets' 32-bit pointers.</summary>
        public static bool IsAddressConstant(IOperation op) =>
            AddressOperand(op) is IOperation v && Fits(v.ConstantValue.Value);

        /// <summary>True for the null literal converted to a pointer (<c>Node* p = null</c>): no constant value of its own.</summary>
        public static bool IsNullPointer(IOperation op) =>
            op is IConversionOperation { Type: IPointerTypeSymbol or IFunctionPointerTypeSymbol, Operand: { ConstantValue: { HasValue: true, Value: null } } };

        /// <summary>True when C can initialize static data with <paramref name="op"/> as it is.</summary>
        public static bool IsConstant(IOperation op)
        {
            if (op.ConstantValue.HasValue || IsNullPointer(op) || IsAddressConstant(op)) return true;
            var v = op;
            while (v is IConversionOperation c && c.IsImplicit) v = c.Operand;
            if (v.ConstantValue.HasValue || v is IDefaultValueOperation || IsAddressConstant(v)) return true;
            // new S() with no arguments and no initializer is default(S).
            return v is IObjectCreationOperation oc && oc.Type?.TypeKind == TypeKind.Struct
                && oc.Arguments.Length == 0 && oc.Initializer == null;
        }

        /// <summary>
        /// Why <paramref name="op"/> cannot initialize static data, and what to write instead: the second
        /// argument of DRV0015 (the first is the expression).
        /// </summary>
        public static string Why(IOperation op)
        {
            var v = op;
            while (v is IConversionOperation c && c.IsImplicit && !(c.Type is IPointerTypeSymbol)) v = c.Operand;
            if (AddressOperand(v) is IOperation address)
                return "the address " + Format(address.ConstantValue.Value) + " does not fit the targets' 32-bit pointers; write an address from 0 to 0xFFFFFFFF";
            if (v is IConversionOperation pc && pc.Type is IPointerTypeSymbol)
                return "only an integer constant converts to a pointer in static data (an address constant such as (Cia*)0xBFE001); assign a computed address in the driver's init code";
            switch (v)
            {
                case IInvocationOperation _:
                    return "a call runs only when the driver runs; initialize the field with a constant and assign the value in the driver's init code";
                case IAddressOfOperation _:
                    return "an address taken with & exists only at run time in C#; assign it in the driver's init code (Addr.Of(ref x))";
                case IObjectCreationOperation _:
                    return "a struct value with field values is built by code; leave the field default and set its fields in the driver's init code";
                case IArrayCreationOperation _:
                    return "a table needs its elements written out: static readonly T[] Table = { 1, 2, 3 }";
            }
            return "it is not a compile-time constant; use a const, a literal, null or an address constant such as (Cia*)0xBFE001, or assign the value in the driver's init code";
        }

        /// <summary>The DRV0015 reason for a static constructor.</summary>
        public const string StaticConstructor = "a static constructor runs code at start-up; initialize each field with a constant and assign the rest in the driver's init code";

        private static bool IsIntegral(ITypeSymbol? t)
        {
            if (t == null) return false;
            switch (t.SpecialType)
            {
                case SpecialType.System_SByte: case SpecialType.System_Byte: case SpecialType.System_Int16: case SpecialType.System_UInt16:
                case SpecialType.System_Int32: case SpecialType.System_UInt32: case SpecialType.System_Int64: case SpecialType.System_UInt64:
                case SpecialType.System_Char:
                    return true;
            }
            return t is INamedTypeSymbol { TypeKind: TypeKind.Enum };
        }

        private static bool Fits(object? value)
        {
            if (value is ulong u) return u <= MaxAddress;
            if (value is char ch) return true;
            long v = System.Convert.ToInt64(value, CultureInfo.InvariantCulture);
            return v >= MinAddress && v <= MaxAddress;
        }

        private static string Format(object? value) =>
            value is ulong u ? "0x" + u.ToString("X", CultureInfo.InvariantCulture)
            : System.Convert.ToInt64(value, CultureInfo.InvariantCulture) is long l && l < 0 ? l.ToString(CultureInfo.InvariantCulture)
            : "0x" + System.Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString("X", CultureInfo.InvariantCulture);
    }
}
