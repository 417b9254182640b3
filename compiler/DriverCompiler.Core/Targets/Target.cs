using DriverCompiler.Core.CModel;
using DriverCompiler.Dsl;

namespace DriverCompiler.Core.Targets;

/// <summary>
/// Phase 4: what differs between the targets — the C type of each C# type, literal spellings,
/// the runtime header, and the dialect rules the printer follows.
/// </summary>
public abstract class Target
{
    public abstract DriverTarget Kind { get; }
    /// <summary>Name on the command line: <c>amigaos4</c>, <c>amix</c>.</summary>
    public abstract string Name { get; }
    /// <summary>Runtime header every emitted file includes (under <c>runtime-headers/</c>).</summary>
    public abstract string RuntimeHeader { get; }
    /// <summary>C99 prototypes and definitions (true) or K&amp;R definitions and unprototyped declarations (false).</summary>
    public abstract bool Prototypes { get; }
    /// <summary>Declarations only at the start of a block (C89).</summary>
    public abstract bool DeclarationsAtBlockStart { get; }
    /// <summary>Whether <c>const</c> may be written.</summary>
    public abstract bool HasConst { get; }
    /// <summary>Compound literals <c>(struct s){0}</c> (C99).</summary>
    public abstract bool HasCompoundLiterals { get; }

    public abstract CType Int8 { get; }
    public abstract CType UInt8 { get; }
    public abstract CType Int16 { get; }
    public abstract CType UInt16 { get; }
    public abstract CType Int32 { get; }
    public abstract CType UInt32 { get; }
    public abstract CType Int64 { get; }
    public abstract CType UInt64 { get; }
    /// <summary>Type of a C# <c>bool</c> local, parameter or return value.</summary>
    public abstract CType Bool { get; }
    /// <summary>Type of a C# <c>string</c> (a C string).</summary>
    public abstract CType String { get; }
    /// <summary>The null pointer constant.</summary>
    public abstract string Null { get; }
    public string True => "1";
    public string False => "0";

    /// <summary>A 64-bit integer literal (digits already formatted, e.g. <c>0x1F</c>).</summary>
    public abstract string Literal64(string digits, bool unsigned);

    public static Target For(DriverTarget kind) => kind switch
    {
        DriverTarget.AmigaOS4 => AmigaOS4Target.Instance,
        DriverTarget.Amix => AmixTarget.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Parses a <c>--target</c> value (case-insensitive); null if unknown.</summary>
    public static DriverTarget? Parse(string name) => name.ToLowerInvariant() switch
    {
        "amigaos4" => DriverTarget.AmigaOS4,
        "amix" => DriverTarget.Amix,
        _ => null,
    };
}

/// <summary>AmigaOS 4.1 FE: GNU C99 with the SDK's <c>exec/types.h</c> names.</summary>
public sealed class AmigaOS4Target : Target
{
    public static readonly AmigaOS4Target Instance = new();
    public override DriverTarget Kind => DriverTarget.AmigaOS4;
    public override string Name => "amigaos4";
    public override string RuntimeHeader => "drv/amigaos4.h";
    public override bool Prototypes => true;
    public override bool DeclarationsAtBlockStart => false;
    public override bool HasConst => true;
    public override bool HasCompoundLiterals => true;
    public override CType Int8 { get; } = new CNamedType("int8");
    public override CType UInt8 { get; } = new CNamedType("uint8");
    public override CType Int16 { get; } = new CNamedType("int16");
    public override CType UInt16 { get; } = new CNamedType("uint16");
    public override CType Int32 { get; } = new CNamedType("int32");
    public override CType UInt32 { get; } = new CNamedType("uint32");
    public override CType Int64 { get; } = new CNamedType("int64");
    public override CType UInt64 { get; } = new CNamedType("uint64");
    public override CType Bool { get; } = new CNamedType("BOOL");
    public override CType String { get; } = new CPointerType(new CNamedType("char"), Const: true);
    public override string Null => "NULL";
    public override string Literal64(string digits, bool unsigned) => digits + (unsigned ? "ULL" : "LL");
}

/// <summary>Amix 2.1c: the kernel's C89 with K&amp;R definitions and <c>sys/types.h</c> names.</summary>
public sealed class AmixTarget : Target
{
    public static readonly AmixTarget Instance = new();
    public override DriverTarget Kind => DriverTarget.Amix;
    public override string Name => "amix";
    public override string RuntimeHeader => "drv/amix.h";
    public override bool Prototypes => false;
    public override bool DeclarationsAtBlockStart => true;
    public override bool HasConst => false;
    public override bool HasCompoundLiterals => false;
    public override CType Int8 { get; } = new CNamedType("signed char");
    public override CType UInt8 { get; } = new CNamedType("uchar");
    public override CType Int16 { get; } = new CNamedType("short");
    public override CType UInt16 { get; } = new CNamedType("ushort");
    public override CType Int32 { get; } = new CNamedType("int");
    public override CType UInt32 { get; } = new CNamedType("uint");
    public override CType Int64 { get; } = new CNamedType("drv_s64");
    public override CType UInt64 { get; } = new CNamedType("drv_u64");
    public override CType Bool { get; } = new CNamedType("int");
    public override CType String { get; } = new CPointerType(new CNamedType("char"));
    public override string Null => "0";
    // C89 has no long long literals: the runtime header's macros add GCC's __extension__.
    public override string Literal64(string digits, bool unsigned) => (unsigned ? "DRV_U64(" : "DRV_S64(") + digits + ")";
}
