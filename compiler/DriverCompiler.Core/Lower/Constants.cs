using System.Globalization;
using System.Text;
using DriverCompiler.Core.Targets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DriverCompiler.Core.Lower;

/// <summary>
/// C spellings of C# constants with their exact C type: <c>u</c> for 32-bit unsigned, the
/// target's 64-bit form, <c>(-2147483647 - 1)</c> for int.MinValue; hexadecimal where the C#
/// source wrote hexadecimal or binary.
/// </summary>
internal static class Constants
{
    public static string Format(object? value, ITypeSymbol type, Target target, SyntaxNode? syntax)
    {
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } e) type = e.EnumUnderlyingType!;
        bool hex = syntax is not null && syntax.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>()
            .Any(l => l.Token.Text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || l.Token.Text.StartsWith("0b", StringComparison.OrdinalIgnoreCase));
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
                return (bool)value! ? (target.Kind == Dsl.DriverTarget.AmigaOS4 ? "TRUE" : "1") : (target.Kind == Dsl.DriverTarget.AmigaOS4 ? "FALSE" : "0");
            case SpecialType.System_String:
                return value is null ? target.Null : StringLiteral((string)value);
            case SpecialType.System_Char:
                return ((int)(char)value!).ToString(CultureInfo.InvariantCulture);
        }
        if (value is null) return target.Null;
        switch (type.SpecialType)
        {
            case SpecialType.System_SByte: case SpecialType.System_Int16: case SpecialType.System_Int32:
            case SpecialType.System_Byte: case SpecialType.System_UInt16:
                {
                    long v = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                    if (v == int.MinValue) return "(-2147483647 - 1)";
                    return Digits(v, hex);
                }
            case SpecialType.System_UInt32:
                return Digits(Convert.ToUInt32(value, CultureInfo.InvariantCulture), hex) + "u";
            case SpecialType.System_Int64:
                {
                    long v = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                    if (v == long.MinValue) return "(" + target.Literal64("-9223372036854775807", false) + " - 1)";
                    return v < 0 && hex ? "-" + target.Literal64(Digits(-v, true), false) : target.Literal64(Digits(v, hex), false);
                }
            case SpecialType.System_UInt64:
                return target.Literal64(Digits(Convert.ToUInt64(value, CultureInfo.InvariantCulture), hex), true);
        }
        return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "0";
    }

    private static string Digits(long v, bool hex) =>
        !hex || v < 0 ? v.ToString(CultureInfo.InvariantCulture) : "0x" + v.ToString("X", CultureInfo.InvariantCulture);

    private static string Digits(ulong v, bool hex) =>
        !hex ? v.ToString(CultureInfo.InvariantCulture) : "0x" + v.ToString("X", CultureInfo.InvariantCulture);

    /// <summary>A C string literal; anything outside printable ASCII as a three-digit octal escape (of its UTF-8 bytes).</summary>
    public static string StringLiteral(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (byte b in Encoding.UTF8.GetBytes(s))
        {
            switch (b)
            {
                case (byte)'"': sb.Append("\\\""); break;
                case (byte)'\\': sb.Append("\\\\"); break;
                case (byte)'\n': sb.Append("\\n"); break;
                case (byte)'\r': sb.Append("\\r"); break;
                case (byte)'\t': sb.Append("\\t"); break;
                case (byte)'?': sb.Append("\\?"); break; // no trigraphs in C89
                default:
                    if (b >= 0x20 && b < 0x7f) sb.Append((char)b);
                    else sb.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0'));
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
