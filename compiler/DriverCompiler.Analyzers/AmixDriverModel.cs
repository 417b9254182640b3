using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace DriverCompiler.Analyzers
{
    /// <summary>
    /// The Amix 2.1c driver model, shared by the analyzer (which checks it, DRV0320–DRV0322) and the compiler (which
    /// renders the kernel patches from it): the three kinds, the entry point roles with their SVR4 DDI/DKI signatures
    /// and C suffixes, and the stock <c>cdevsw[]</c>/<c>bdevsw[]</c> of <c>master.d/kernel.c</c>.
    /// </summary>
    /// <remarks>
    /// Sources: UNIX System V Release 4 DDI/DKI Reference Manual, section D2DK (entry point signatures); the stock Amix
    /// 2.1c <c>master.d/kernel.c</c> ("Patchlevel master.d:kernel.c_1.2": 70 cdevsw rows, 32 bdevsw rows, the column
    /// order, <c>ND</c>/<c>notty</c>/<c>nostr</c>/<c>nullflag</c>); Mike Ditto, "Writing Amix Device Drivers" (1990) for
    /// <c>par</c> at cdevsw 21 and the prefix naming.
    /// </remarks>
    public static class AmixDriverModel
    {
        /// <summary>The three driver kinds (the attribute names without "Attribute").</summary>
        public enum Kind
        {
            /// <summary>A character driver: one cdevsw row.</summary>
            Char = 1,
            /// <summary>A block driver: one bdevsw row, and a cdevsw row for its raw twin.</summary>
            Block = 2,
            /// <summary>A STREAMS driver: a cdevsw row whose d_str points at its streamtab.</summary>
            Streams = 3,
        }

        /// <summary>One role: its enum value (<c>AmixEntryPoint</c>), C suffix, kinds it belongs to, and SVR4 signature
        /// as C types (return first) with the parameter names the manual uses.</summary>
        public sealed class Role
        {
            internal Role(int value, string name, string suffix, Kind[] kinds, string returns, params string[] parameters)
            { Value = value; Name = name; Suffix = suffix; Kinds = kinds; Returns = returns; Parameters = parameters; }
            /// <summary>The <c>AmixEntryPoint</c> value (0: the interrupt handler).</summary>
            public int Value { get; }
            /// <summary>The <c>AmixEntryPoint</c> member name.</summary>
            public string Name { get; }
            /// <summary>What follows the prefix in the C name (<c>write</c>).</summary>
            public string Suffix { get; }
            /// <summary>The kinds that have this role.</summary>
            public Kind[] Kinds { get; }
            /// <summary>The C return type.</summary>
            public string Returns { get; }
            /// <summary>"type name" pairs, e.g. <c>"dev_t *devp"</c>.</summary>
            public string[] Parameters { get; }
        }

        private static readonly Kind[] CharBlock = { Kind.Char, Kind.Block };
        private static readonly Kind[] CharAndRaw = { Kind.Char, Kind.Block }; // a block driver's raw twin has the character entry points
        private static readonly Kind[] BlockOnly = { Kind.Block };
        private static readonly Kind[] StreamsOnly = { Kind.Streams };
        private static readonly Kind[] All = { Kind.Char, Kind.Block, Kind.Streams };

        /// <summary>Every role of the char and block kinds (SVR4 D2DK).</summary>
        public static readonly Role[] Roles =
        {
            new Role(1, "Open", "open", CharBlock, "int", "dev_t *devp", "int oflag", "int otyp", "cred_t *crp"),
            new Role(2, "Close", "close", CharBlock, "int", "dev_t dev", "int oflag", "int otyp", "cred_t *crp"),
            new Role(3, "Read", "read", CharAndRaw, "int", "dev_t dev", "struct uio *uiop", "cred_t *crp"),
            new Role(4, "Write", "write", CharAndRaw, "int", "dev_t dev", "struct uio *uiop", "cred_t *crp"),
            new Role(5, "Ioctl", "ioctl", CharAndRaw, "int", "dev_t dev", "int cmd", "int arg", "int mode", "cred_t *crp", "int *rvalp"),
            new Role(6, "Mmap", "mmap", CharAndRaw, "int", "dev_t dev", "off_t off", "int prot"),
            new Role(7, "Poll", "poll", CharAndRaw, "int", "dev_t dev", "short events", "int anyyet", "short *reventsp", "struct pollhead **phpp"),
            new Role(8, "Strategy", "strategy", BlockOnly, "int", "struct buf *bp"),
            new Role(9, "Print", "print", BlockOnly, "int", "dev_t dev", "char *str"),
            new Role(10, "Size", "size", BlockOnly, "int", "dev_t dev"),
            new Role(11, "Init", "init", All, "void"),
            new Role(12, "WritePut", "wput", StreamsOnly, "int", "queue_t *q", "mblk_t *mp"),
            new Role(13, "WriteService", "wsrv", StreamsOnly, "int", "queue_t *q"),
            new Role(14, "ReadPut", "rput", StreamsOnly, "int", "queue_t *q", "mblk_t *mp"),
            new Role(15, "ReadService", "rsrv", StreamsOnly, "int", "queue_t *q"),
        };

        /// <summary>A STREAMS driver's open and close (SVR4 STREAMS Programmer's Guide; D2DK open, close).</summary>
        public static readonly Role StreamsOpen = new Role(1, "Open", "open", StreamsOnly, "int", "queue_t *q", "dev_t *devp", "int oflag", "int sflag", "cred_t *crp");
        /// <summary>See <see cref="StreamsOpen"/>.</summary>
        public static readonly Role StreamsClose = new Role(2, "Close", "close", StreamsOnly, "int", "queue_t *q", "int oflag", "cred_t *crp");
        /// <summary>An <c>int2_tbl[]</c> handler: <c>void (*int2_tbl[])()</c>, called with nothing it must read (stock kernel.c).</summary>
        public static readonly Role Interrupt = new Role(0, "InterruptHandler", "intr", All, "void");

        /// <summary>The role of <paramref name="value"/> for a driver of <paramref name="kind"/>, or null.</summary>
        public static Role? RoleOf(int value, Kind kind)
        {
            if (kind == Kind.Streams && value == 1) return StreamsOpen;
            if (kind == Kind.Streams && value == 2) return StreamsClose;
            return Roles.FirstOrDefault(r => r.Value == value);
        }

        /// <summary>Stock <c>cdevsw[]</c> occupants by major (kernel.c_1.2 comments); rows 7, 38, 39, 44, 45 are labelled
        /// but empty (or only filled in a kernel-debugger build) and are kept as taken.</summary>
        public static readonly IReadOnlyDictionary<int, string> StockCharMajors = new Dictionary<int, string>
        {
            [0] = "console", [1] = "prf", [2] = "tty", [3] = "mem", [4] = "bb", [5] = "sl", [6] = "amiga", [7] = "win",
            [8] = "xt", [9] = "sxt", [10] = "screen", [11] = "scsi", [12] = "machid", [13] = "ql", [14] = "pts", [15] = "ptmx",
            [16] = "ct", [17] = "fd", [18] = "aen", [19] = "slip dlpi", [20] = "loop", [21] = "par", [22] = "tiga", [23] = "timod",
            [24] = "tirdwr", [25] = "log", [26] = "sp", [27] = "clone", [28] = "ticots", [29] = "ticotsord", [30] = "ticlts",
            [31] = "res", [32] = "ip", [33] = "tcp", [34] = "udp", [35] = "rawip", [36] = "icmp", [37] = "arp", [38] = "fd",
            [39] = "hd", [40] = "dd", [41] = "ben", [44] = "rkd", [45] = "kdebug", [46] = "audio", [50] = "sad",
        };

        /// <summary>Stock <c>bdevsw[]</c> occupants by major.</summary>
        public static readonly IReadOnlyDictionary<int, string> StockBlockMajors = new Dictionary<int, string>
        {
            [16] = "fd", [17] = "hd", [18] = "dd", [19] = "dummydisk", [20] = "ramdisk",
        };

        /// <summary>Rows in the stock tables: cdevsw 0..69, bdevsw 0..31 (CDEVSIZE, BDEVSIZE).</summary>
        public const int CharMajors = 70, BlockMajors = 32;

        /// <summary>One <c>[AmixCharDriver]</c>/<c>[AmixBlockDriver]</c>/<c>[AmixStreamsDriver]</c> as written.</summary>
        public sealed class Declaration
        {
            internal Declaration(AttributeData attribute, Kind kind) { Attribute = attribute; Kind = kind; }
            /// <summary>The attribute.</summary>
            public AttributeData Attribute { get; }
            /// <summary>Its kind.</summary>
            public Kind Kind { get; }
            /// <summary>The major (the constructor's argument).</summary>
            public int Major => Attribute.ConstructorArguments.Length == 1 && Attribute.ConstructorArguments[0].Value is int m ? m : -1;
            /// <summary>A named argument's value, or <paramref name="fallback"/>.</summary>
            public T Named<T>(string name, T fallback)
            {
                foreach (var kv in Attribute.NamedArguments)
                    if (kv.Key == name && kv.Value.Value is T v) return v;
                return fallback;
            }
        }

        /// <summary>The driver's kind attributes in source order.</summary>
        public static List<Declaration> Declarations(Compilation compilation)
        {
            var list = new List<Declaration>();
            foreach (var a in compilation.Assembly.GetAttributes())
            {
                var c = a.AttributeClass;
                if (c == null || c.ContainingNamespace?.ToDisplayString() != DriverSymbols.DslNamespace) continue;
                Kind? kind = c.Name switch
                {
                    "AmixCharDriverAttribute" => Kind.Char,
                    "AmixBlockDriverAttribute" => Kind.Block,
                    "AmixStreamsDriverAttribute" => Kind.Streams,
                    _ => null,
                };
                if (kind != null) list.Add(new Declaration(a, kind.Value));
            }
            return list.OrderBy(d => d.Attribute.ApplicationSyntaxReference?.SyntaxTree.FilePath ?? "", StringComparer.Ordinal)
                .ThenBy(d => d.Attribute.ApplicationSyntaxReference?.Span.Start ?? 0).ToList();
        }

        /// <summary>The <c>[AmixEntry]</c> role value of a method, or null.</summary>
        public static int? EntryRole(IMethodSymbol m)
        {
            foreach (var a in m.OriginalDefinition.GetAttributes())
                if (a.AttributeClass is { Name: "AmixEntryAttribute" } c && c.ContainingNamespace?.ToDisplayString() == DriverSymbols.DslNamespace
                    && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is int v)
                    return v;
            return null;
        }

        /// <summary>Whether a method is an <c>[InterruptHandler]</c>.</summary>
        public static bool IsInterruptHandler(IMethodSymbol m) =>
            m.OriginalDefinition.GetAttributes().Any(a => a.AttributeClass is { Name: "InterruptHandlerAttribute" } c
                && c.ContainingNamespace?.ToDisplayString() == DriverSymbols.DslNamespace);

        /// <summary>The prefix of the entry points' C names: the kind attribute's Prefix, else the driver's, else its name in lower case.</summary>
        public static string Prefix(Compilation compilation, Declaration? declaration, string? driverPrefix)
        {
            if (declaration?.Named<string?>("Prefix", null) is string p && p.Length > 0) return p;
            if (driverPrefix != null) return driverPrefix;
            foreach (var a in compilation.Assembly.GetAttributes())
                if (a.AttributeClass is { Name: "DriverAttribute" } c && c.ContainingNamespace?.ToDisplayString() == DriverSymbols.DslNamespace)
                {
                    foreach (var kv in a.NamedArguments)
                        if (kv.Key == "Prefix" && kv.Value.Value is string s) return s;
                    if (a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Value is string n) return n.ToLowerInvariant();
                }
            return "drv";
        }

        /// <summary>
        /// The C type a parameter (or return type) lowers to, as the signature check compares it: a <c>[CType]</c> scalar
        /// typedef or struct name, the Amix target's names of the integers, one <c>*</c> per pointer level, and the
        /// SVR4 typedefs of structs spelled as the struct (<c>cred_t</c> is <c>struct cred</c>).
        /// </summary>
        public static string CTypeOf(ITypeSymbol type, ISymbol? carrier)
        {
            int stars = 0;
            var t = type;
            while (t is IPointerTypeSymbol p) { stars++; t = p.PointedAtType; }
            string? name = null;
            if (carrier != null)
                foreach (var a in carrier.GetAttributes())
                    if (a.AttributeClass is { Name: "CTypeAttribute" } c && c.ContainingNamespace?.ToDisplayString() == DriverSymbols.DslNamespace
                        && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is string s)
                        name = s;
            if (name == null)
            {
                name = t.SpecialType switch
                {
                    SpecialType.System_Void => "void",
                    SpecialType.System_Boolean => "int",
                    SpecialType.System_SByte => "char",
                    SpecialType.System_Byte => "char",
                    SpecialType.System_Int16 => "short",
                    SpecialType.System_UInt16 => "ushort",
                    SpecialType.System_Int32 => "int",
                    SpecialType.System_UInt32 => "uint",
                    SpecialType.System_Int64 => "long long",
                    SpecialType.System_UInt64 => "unsigned long long",
                    _ => null,
                };
                if (name == null)
                    foreach (var a in t.GetAttributes())
                        if (a.AttributeClass is { Name: "CTypeAttribute" } c && c.ContainingNamespace?.ToDisplayString() == DriverSymbols.DslNamespace
                            && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is string s)
                            name = s;
                name ??= t.ToDisplayString();
            }
            return Canonical(name + (stars == 0 ? "" : " " + new string('*', stars)));
        }

        /// <summary>The spelling two C types are compared in: struct typedefs as their struct, <c>uchar</c> as <c>char</c>.</summary>
        public static string Canonical(string c)
        {
            string t = c.Trim();
            foreach (var (typedef, tag) in new[] { ("cred_t", "struct cred"), ("uio_t", "struct uio"), ("buf_t", "struct buf"), ("queue_t", "struct queue"), ("mblk_t", "struct msgb") })
                if (t == typedef || t.StartsWith(typedef + " ", StringComparison.Ordinal)) t = tag + t.Substring(typedef.Length);
            if (t.StartsWith("uchar", StringComparison.Ordinal)) t = "char" + t.Substring(5);
            if (t.StartsWith("signed char", StringComparison.Ordinal)) t = "char" + t.Substring(11);
            return t;
        }

        /// <summary>The C type of a "type name" signature entry (<c>"dev_t *devp"</c> → <c>"dev_t *"</c>).</summary>
        public static string TypeOfParameter(string parameter)
        {
            int cut = parameter.LastIndexOfAny(new[] { ' ', '*' });
            string type = parameter.Substring(0, cut + 1).Trim();
            return type.EndsWith("*", StringComparison.Ordinal) ? type.TrimEnd('*').TrimEnd() + " " + new string('*', type.Length - type.TrimEnd('*').Length) : type;
        }

        /// <summary>The C# that lowers to a C parameter type of the signatures (for the diagnostic's expected shape).</summary>
        public static string CSharpFor(string cType)
        {
            string stars = new string('*', cType.Length - cType.TrimEnd('*').Length);
            string core = cType.TrimEnd('*').Trim();
            return core switch
            {
                "dev_t" => "[CType(\"dev_t\")] uint" + stars,
                "off_t" => "[CType(\"off_t\")] int" + stars,
                "cred_t" or "struct cred" => "Amix.Cred" + stars,
                "struct uio" => "Amix.UioT" + stars,
                "struct pollhead" => "Amix.PollHead" + stars,
                "struct buf" => "Amix.BufT" + stars,
                "queue_t" => "Amix.Queue" + stars,
                "mblk_t" => "Amix.Mblk" + stars,
                "char" => "byte" + stars,
                _ => core + stars,
            };
        }

        /// <summary>The C declaration of a role for a prefix: <c>int parwrite(dev_t dev, struct uio *uiop, cred_t *crp)</c>.</summary>
        public static string CSignature(Role role, string prefix) =>
            role.Returns + " " + prefix + role.Suffix + "(" + (role.Parameters.Length == 0 ? "void" : string.Join(", ", role.Parameters)) + ")";

        /// <summary>The C# declaration that has the role's signature.</summary>
        public static string CSharpSignature(Role role, string method) =>
            "static " + role.Returns + " " + method + "(" + string.Join(", ", role.Parameters.Select(p =>
            {
                string type = TypeOfParameter(p);
                string name = p.Substring(p.LastIndexOfAny(new[] { ' ', '*' }) + 1);
                return CSharpFor(type) + " " + name;
            })) + ")";

        /// <summary>Whether a method has the role's signature.</summary>
        public static bool Matches(Role role, IMethodSymbol m)
        {
            if (Canonical(role.Returns) != (m.ReturnsVoid ? "void" : CTypeOf(m.ReturnType, null))) return false;
            if (m.Parameters.Length != role.Parameters.Length) return false;
            for (int i = 0; i < m.Parameters.Length; i++)
            {
                var p = m.Parameters[i];
                if (p.RefKind != RefKind.None) return false;
                if (CTypeOf(p.Type, p) != Canonical(TypeOfParameter(role.Parameters[i]))) return false;
            }
            return true;
        }
    }
}
