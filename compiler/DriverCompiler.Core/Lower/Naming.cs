using System.Text;
using Microsoft.CodeAnalysis;

namespace DriverCompiler.Core.Lower;

/// <summary>C identifiers from C# names: <c>VirtqDesc</c> → <c>virtq_desc</c>, <c>IORequest</c> → <c>io_request</c>.</summary>
public static class Naming
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern",
        "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed",
        "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while",
        "asm", "typeof", "main", "NULL", "TRUE", "FALSE", "BOOL", "uchar", "ushort", "uint", "ulong", "caddr_t",
        "self", "errno", "bool", "true", "false",
        // AmigaOS 4 SDK <exec/types.h> (the snake_case of every other spelling there is lowercase too)
        "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
        // Amix <sys/types.h> and the C library names a driver might also see
        "paddr_t", "daddr_t", "dev_t", "size_t", "off_t", "time_t", "ptrdiff_t", "wchar_t",
        "printf", "sprintf", "memcpy", "memset", "strlen", "stdin", "stdout", "stderr", "assert", "offsetof",
    };

    /// <summary>Prefixes the runtime headers use for their own names.</summary>
    private static bool HasReservedPrefix(string s) => s.StartsWith("drv_", StringComparison.Ordinal) || s.StartsWith("__", StringComparison.Ordinal);

    /// <summary>snake_case of a PascalCase or camelCase name; digits stay with what precedes them.</summary>
    public static string Snake(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                bool prevLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                bool acronymEnd = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if ((prevLowerOrDigit || acronymEnd) && sb.Length > 0 && sb[^1] != '_') sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>UPPER_SNAKE_CASE.</summary>
    public static string Upper(string name) => Snake(name).ToUpperInvariant();

    /// <summary>A local or parameter name that is not a C keyword or a name the headers define.</summary>
    public static string Local(string name)
    {
        string s = Snake(name.TrimStart('@'));
        return Reserved.Contains(s) || HasReservedPrefix(s) ? s + "_" : s;
    }

    /// <summary>The chain of containing types, outermost first, for names of nested types' members.</summary>
    public static string TypePath(INamedTypeSymbol type)
    {
        var parts = new List<string>();
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType) parts.Insert(0, Snake(t.Name));
        return string.Join("_", parts);
    }
}
