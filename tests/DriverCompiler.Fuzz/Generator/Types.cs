using System.Globalization;
using System.Numerics;

namespace DriverCompiler.Fuzz.Generator;

/// <summary>A C# type the generator uses: an integer, bool, one of the program's enums or structs, or a pointer to a struct.</summary>
public abstract record Ty
{
    /// <summary>The type as C# spells it.</summary>
    public abstract string Name { get; }
    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>One of C#'s eight integer types.</summary>
public sealed record IntTy(string Name0, int Bits, bool Signed, string Suffix) : Ty
{
    /// <inheritdoc/>
    public override string Name => Name0;
    /// <summary>Smallest value.</summary>
    public BigInteger Min => Signed ? -(BigInteger.One << (Bits - 1)) : BigInteger.Zero;
    /// <summary>Largest value.</summary>
    public BigInteger Max => Signed ? (BigInteger.One << (Bits - 1)) - 1 : (BigInteger.One << Bits) - 1;

    public static readonly IntTy SByte = new("sbyte", 8, true, "");
    public static readonly IntTy Byte = new("byte", 8, false, "");
    public static readonly IntTy Short = new("short", 16, true, "");
    public static readonly IntTy UShort = new("ushort", 16, false, "");
    public static readonly IntTy Int = new("int", 32, true, "");
    public static readonly IntTy UInt = new("uint", 32, false, "u");
    public static readonly IntTy Long = new("long", 64, true, "L");
    public static readonly IntTy ULong = new("ulong", 64, false, "UL");

    /// <summary>All eight, narrowest first.</summary>
    public static readonly IReadOnlyList<IntTy> All = [SByte, Byte, Short, UShort, Int, UInt, Long, ULong];

    /// <summary>The type C#'s numeric promotion gives an operand of this type.</summary>
    public IntTy Promoted => Bits < 32 ? Int : this;

    /// <summary>The result type of a C# binary arithmetic operator on operands of types <paramref name="a"/>
    /// and <paramref name="b"/>, or null when C# has no such operator (a signed operand with <c>ulong</c>).</summary>
    public static IntTy? Binary(IntTy a, IntTy b)
    {
        IntTy pa = a.Promoted, pb = b.Promoted;
        if ((pa == ULong && pb.Signed) || (pb == ULong && pa.Signed)) return null;
        if (pa == ULong || pb == ULong) return ULong;
        if (pa == Long || pb == Long) return Long;
        if (pa == UInt && pb == UInt) return UInt;
        if (pa == UInt || pb == UInt) return Long;
        return Int;
    }

    /// <summary>A literal of exactly this type for <paramref name="v"/> (which must be in range): a constant expression.</summary>
    public string Literal(BigInteger v)
    {
        if (v == Min && Signed) return $"{Name}.MinValue";
        if (v == Max) return $"{Name}.MaxValue";
        string digits = v.ToString(CultureInfo.InvariantCulture);
        if (Bits < 32) return v < 0 ? $"(({Name})({digits}))" : $"(({Name}){digits})";
        string s = digits + Suffix;
        return v < 0 ? $"({s})" : s;
    }
}

/// <summary><c>bool</c>.</summary>
public sealed record BoolTy : Ty
{
    /// <summary>The one instance.</summary>
    public static readonly BoolTy Instance = new();
    /// <inheritdoc/>
    public override string Name => "bool";
}

/// <summary>An enum the program declares.</summary>
public sealed record EnumTy(string Name0, IntTy Underlying, IReadOnlyList<(string Member, BigInteger Value)> Members) : Ty
{
    /// <inheritdoc/>
    public override string Name => Name0;
}

/// <summary>A field of a generated struct.</summary>
/// <param name="Name">C# field name.</param>
/// <param name="Type">Its value type (for an endian field: the integer it converts to).</param>
/// <param name="Endian">Le16..Be64, or null for a plain field.</param>
/// <param name="BufferLength">Element count of a fixed buffer, or 0.</param>
public sealed record FieldDef(string Name, Ty Type, string? Endian, int BufferLength)
{
    /// <summary>Size in bytes (the whole buffer for a fixed buffer).</summary>
    public int Size => (Type is IntTy i ? i.Bits / 8 : Type is EnumTy e ? e.Underlying.Bits / 8 : 1) * Math.Max(1, BufferLength);
    /// <summary>Alignment in bytes.</summary>
    public int Align => Type is IntTy i ? i.Bits / 8 : Type is EnumTy e ? e.Underlying.Bits / 8 : 1;
}

/// <summary>A struct the program declares.</summary>
/// <param name="Packed">Pack = 1: C packs it, so no field's address may be taken (DRV0027).</param>
public sealed record StructTy(string Name0, IReadOnlyList<FieldDef> Fields, bool Packed = false) : Ty
{
    /// <inheritdoc/>
    public override string Name => Name0;
}

/// <summary>A pointer to one of the program's structs.</summary>
public sealed record PtrTy(StructTy Target) : Ty
{
    /// <inheritdoc/>
    public override string Name => Target.Name + "*";
}
