using System.Runtime.CompilerServices;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace DriverCompiler.Analyzers.Layout
{
    /// <summary>One instance field placed in a struct. Offsets and sizes are in bytes.</summary>
    public sealed class FieldLayout
    {
        internal FieldLayout(IFieldSymbol field, int offset, int size, int alignment, int? arrayLength, ITypeSymbol elementType)
        { Field = field; Offset = offset; Size = size; Alignment = alignment; ArrayLength = arrayLength; ElementType = elementType; }
        /// <summary>The C# field.</summary>
        public IFieldSymbol Field { get; }
        /// <summary>Byte offset from the start of the struct.</summary>
        public int Offset { get; }
        /// <summary>Size in bytes on the 32-bit targets.</summary>
        public int Size { get; }
        /// <summary>Natural alignment in bytes (before any Pack).</summary>
        public int Alignment { get; }
        /// <summary>Element count of a fixed buffer or [InlineArray] field, else null.</summary>
        public int? ArrayLength { get; }
        /// <summary>The field type, or the element type of a fixed buffer / inline array.</summary>
        public ITypeSymbol ElementType { get; }
    }

    /// <summary>A layout rule a struct breaks: report <see cref="Descriptor"/> at <see cref="Symbol"/> with <see cref="Arguments"/>.</summary>
    public sealed class LayoutProblem
    {
        internal LayoutProblem(DiagnosticDescriptor descriptor, ISymbol symbol, params object[] arguments)
        { Descriptor = descriptor; Symbol = symbol; Arguments = arguments; }
        /// <summary>DRV0110, DRV0111 or DRV0112.</summary>
        public DiagnosticDescriptor Descriptor { get; }
        /// <summary>Where to report it (a field, or the struct).</summary>
        public ISymbol Symbol { get; }
        /// <summary>Message arguments matching the descriptor.</summary>
        public object[] Arguments { get; }
    }

    /// <summary>The layout of a struct on the 32-bit big-endian targets.</summary>
    public sealed class StructLayoutInfo
    {
        internal StructLayoutInfo(INamedTypeSymbol type, IReadOnlyList<FieldLayout> fields, int size, int alignment,
            bool isExplicit, IReadOnlyList<LayoutProblem> problems, int naturalAlignment = 0, int naturalSize = 0)
        {
            Type = type; Fields = fields; Size = size; Alignment = alignment; IsExplicit = isExplicit; Problems = problems;
            NaturalAlignment = naturalAlignment == 0 ? alignment : naturalAlignment;
            NaturalSize = naturalSize == 0 ? size : naturalSize;
        }
        /// <summary>The struct.</summary>
        public INamedTypeSymbol Type { get; }
        /// <summary>Instance fields in declaration order with their offsets.</summary>
        public IReadOnlyList<FieldLayout> Fields { get; }
        /// <summary>Total size in bytes, trailing padding included.</summary>
        public int Size { get; }
        /// <summary>Alignment in bytes (largest field alignment, limited by Pack).</summary>
        public int Alignment { get; }
        /// <summary>Alignment in bytes the fields would give without Pack (what a C compiler gives the struct).</summary>
        public int NaturalAlignment { get; }
        /// <summary>Size in bytes C gives the same fields (trailing padding to <see cref="NaturalAlignment"/>).</summary>
        public int NaturalSize { get; }
        /// <summary>
        /// Pack cut the trailing padding C would add, so C needs a packed struct for the same size:
        /// <c>Pack = 1</c> over <c>{ uint; ushort; byte }</c> is 7 bytes, C pads to 8. (Fields themselves
        /// always sit at their natural alignment: DRV0111.)
        /// </summary>
        public bool IsPacked => Size != NaturalSize;
        /// <summary>
        /// Whether a C compiler that aligns no type beyond <paramref name="maxAlignment"/> bytes needs a
        /// packed struct for this size (68k compilers align to at most 2: a Pack = 4 struct of 12 bytes
        /// is fine there, a Pack = 1 struct of 7 bytes with a ushort in it is not).
        /// </summary>
        public bool NeedsPacking(int maxAlignment) => Size % System.Math.Min(NaturalAlignment, maxAlignment) != 0;
        /// <summary>Whether the struct uses <c>LayoutKind.Explicit</c>.</summary>
        public bool IsExplicit { get; }
        /// <summary>Rules broken; empty for a representable layout.</summary>
        public IReadOnlyList<LayoutProblem> Problems { get; }
    }

    /// <summary>
    /// Computes struct layouts with the CLR's rules for <c>LayoutKind.Sequential</c> and
    /// <c>LayoutKind.Explicit</c> (each field at the next multiple of min(its alignment, Pack);
    /// size rounded up to the struct's alignment; <c>Size=</c> as a minimum), with the targets'
    /// 4-byte pointers. 8-byte integers align to 8 as in the CLR and the PowerPC SysV ABI. The C
    /// printer makes every gap explicit, so the 68k ABI (2-byte alignment) gets the same offsets.
    /// Source: ECMA-335 II.10.7 and the .NET runtime's field layout algorithm.
    /// </summary>
    public static class StructLayoutCalculator
    {
        /// <summary>Pointer size on both targets (PowerPC 32-bit, 68030).</summary>
        public const int PointerSize = 4;

        /// <summary>The largest alignment 68k C compilers give any type (the m68k System V ABI; GCC's m68k targets).</summary>
        public const int Mc68kMaxAlignment = 2;

        private static readonly ConditionalWeakTable<INamedTypeSymbol, StructLayoutInfo> Cache = new ConditionalWeakTable<INamedTypeSymbol, StructLayoutInfo>();

        /// <summary>Layout of <paramref name="type"/> (a struct); cached per symbol, thread-safe.</summary>
        public static StructLayoutInfo Compute(INamedTypeSymbol type) => Compute(type, new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default));

        private static StructLayoutInfo Compute(INamedTypeSymbol type, HashSet<INamedTypeSymbol> inProgress)
        {
            if (Cache.TryGetValue(type, out var cached)) return cached;
            if (!inProgress.Add(type)) // a struct containing itself: C# reports CS0523; keep going without a loop
                return new StructLayoutInfo(type, new FieldLayout[0], 1, 1, false, new LayoutProblem[0]);
            var result = ComputeUncached(type, inProgress);
            inProgress.Remove(type);
            return Cache.GetValue(type, _ => result);
        }

        /// <summary>Size and alignment of a value of <paramref name="type"/> on the targets; (0, 1) for unknown types.</summary>
        public static (int Size, int Alignment) SizeOf(ITypeSymbol type) => SizeOf(type, new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default));

        private static (int Size, int Alignment) SizeOf(ITypeSymbol type, HashSet<INamedTypeSymbol> inProgress)
        {
            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean: case SpecialType.System_Byte: case SpecialType.System_SByte: return (1, 1);
                case SpecialType.System_Int16: case SpecialType.System_UInt16: case SpecialType.System_Char: return (2, 2);
                case SpecialType.System_Int32: case SpecialType.System_UInt32: case SpecialType.System_Single: return (4, 4);
                case SpecialType.System_Int64: case SpecialType.System_UInt64: case SpecialType.System_Double: return (8, 8);
                case SpecialType.System_String: case SpecialType.System_IntPtr: case SpecialType.System_UIntPtr: return (PointerSize, PointerSize);
            }
            if (type is IPointerTypeSymbol || type is IFunctionPointerTypeSymbol) return (PointerSize, PointerSize);
            if (type is INamedTypeSymbol named)
            {
                if (named.TypeKind == TypeKind.Enum && named.EnumUnderlyingType != null) return SizeOf(named.EnumUnderlyingType, inProgress);
                if (named.TypeKind == TypeKind.Struct)
                {
                    var l = Compute(named, inProgress);
                    return (l.Size, l.Alignment);
                }
            }
            return (0, 1);
        }

        /// <summary>The length of an <c>[InlineArray(n)]</c> struct, or null.</summary>
        public static int? InlineArrayLength(ITypeSymbol type)
        {
            foreach (var a in type.GetAttributes())
                if (a.AttributeClass?.Name == "InlineArrayAttribute" && a.AttributeClass.ToDisplayString() == "System.Runtime.CompilerServices.InlineArrayAttribute"
                    && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is int n)
                    return n;
            return null;
        }

        private static StructLayoutInfo ComputeUncached(INamedTypeSymbol type, HashSet<INamedTypeSymbol> inProgress)
        {
            var problems = new List<LayoutProblem>();
            var fields = type.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst).ToList();

            int? inline = InlineArrayLength(type);
            if (inline is int n && fields.Count == 1)
            {
                var (es, ea) = SizeOf(fields[0].Type, inProgress);
                var fl = new FieldLayout(fields[0], 0, es * n, ea, n, fields[0].Type);
                return new StructLayoutInfo(type, new[] { fl }, es * n, ea, false, problems);
            }

            LayoutKind kind = type.TypeKind == TypeKind.Struct ? LayoutKind.Sequential : LayoutKind.Auto;
            int pack = 0, minSize = 0;
            foreach (var a in type.GetAttributes())
            {
                if (a.AttributeClass?.Name != "StructLayoutAttribute" || a.AttributeClass.ToDisplayString() != "System.Runtime.InteropServices.StructLayoutAttribute") continue;
                if (a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is int k) kind = (LayoutKind)k;
                foreach (var na in a.NamedArguments)
                {
                    if (na.Key == "Pack" && na.Value.Value is int p) pack = p;
                    if (na.Key == "Size" && na.Value.Value is int s) minSize = s;
                }
            }
            bool sawLayout = type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.InteropServices.StructLayoutAttribute");
            // A [CType] mirror from a referenced assembly: metadata keeps [StructLayout] where Roslyn does not show
            // it, so [CType(Pack = n)] says how the C type is packed (the binding libraries give both).
            if (!sawLayout && pack == 0)
                foreach (var a in type.GetAttributes())
                    if (a.AttributeClass?.Name == "CTypeAttribute" && a.AttributeClass.ContainingNamespace?.ToDisplayString() == "DriverCompiler.Dsl")
                        foreach (var na in a.NamedArguments)
                            if (na.Key == "Pack" && na.Value.Value is int p) pack = p;
            bool isExplicit = kind == LayoutKind.Explicit;
            // A [CType] struct mirrors an SDK type the compiler never emits: the SDK's packing
            // (AmigaOS 4 packs exec structures to 2 bytes) and opaque handles are the SDK's to define.
            bool sdkMirror = type.GetAttributes().Any(a => a.AttributeClass?.Name == "CTypeAttribute"
                && a.AttributeClass.ContainingNamespace is { Name: "Dsl" } ns && ns.ToDisplayString() == "DriverCompiler.Dsl");

            var placed = new List<FieldLayout>();
            int offset = 0, structAlign = 1, naturalAlign = 1;
            foreach (var f in fields)
            {
                ITypeSymbol elem; int? count = null; int size, align;
                if (f.IsFixedSizeBuffer && f.Type is IPointerTypeSymbol pt)
                {
                    elem = pt.PointedAtType; count = f.FixedSize;
                    var (es, ea) = SizeOf(elem, inProgress);
                    size = es * f.FixedSize; align = ea;
                }
                else if (InlineArrayLength(f.Type) is int len && f.Type is INamedTypeSymbol ia
                         && ia.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(x => !x.IsStatic) is IFieldSymbol ef)
                {
                    elem = ef.Type; count = len;
                    var (es, ea) = SizeOf(elem, inProgress);
                    size = es * len; align = ea;
                }
                else
                {
                    elem = f.Type;
                    (size, align) = SizeOf(f.Type, inProgress);
                }
                // A packed struct inside another still has fields that want their natural alignment.
                int natural = elem is INamedTypeSymbol { TypeKind: TypeKind.Struct, SpecialType: SpecialType.None } nested && InlineArrayLength(nested) is null
                    ? Compute(nested, inProgress).NaturalAlignment : align;
                int effAlign = pack > 0 ? System.Math.Min(align, pack) : align;
                int at;
                if (isExplicit)
                {
                    at = f.GetAttributes().Where(a => a.AttributeClass?.Name == "FieldOffsetAttribute" && a.AttributeClass.ToDisplayString() == "System.Runtime.InteropServices.FieldOffsetAttribute")
                        .Select(a => a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is int o ? o : 0).FirstOrDefault();
                }
                else
                {
                    at = Align(offset, effAlign);
                }
                if (at % natural != 0 && !(sdkMirror && at % effAlign == 0))
                    problems.Add(new LayoutProblem(Descriptors.FieldMisaligned, f, f.Name, size, at, natural,
                        MisalignedFix(at, natural, isExplicit, pack, placed.Count == 0 ? null : placed[placed.Count - 1])));
                foreach (var other in placed)
                    if (at < other.Offset + other.Size && other.Offset < at + size)
                    {
                        problems.Add(new LayoutProblem(Descriptors.FieldOverlap, f, f.Name, at, other.Field.Name, other.Size, other.Offset));
                        break;
                    }
                placed.Add(new FieldLayout(f, at, size, align, count, elem));
                offset = System.Math.Max(offset, at + size);
                structAlign = System.Math.Max(structAlign, effAlign);
                naturalAlign = System.Math.Max(naturalAlign, natural);
            }
            if (placed.Count == 0)
            {
                if (!sdkMirror) problems.Add(new LayoutProblem(Descriptors.EmptyStruct, type, type.Name));
                return new StructLayoutInfo(type, placed, 1, 1, isExplicit, problems);
            }
            int total = Align(System.Math.Max(offset, minSize), structAlign);
            return new StructLayoutInfo(type, placed, total, structAlign, isExplicit, problems, naturalAlign,
                Align(System.Math.Max(offset, minSize), naturalAlign));
        }

        /// <summary>
        /// What to write for a misaligned field (DRV0111's last part): the padding field C would insert, or the
        /// offset to move it to. After an SDK mirror packed to 2 (<c>struct Device</c> is 34 bytes) the 2 bytes
        /// C pads with must be a field of the C# struct too, or the struct must not be packed itself.
        /// </summary>
        private static string MisalignedFix(int at, int natural, bool isExplicit, int pack, FieldLayout? previous)
        {
            int to = Align(at, natural), gap = to - at;
            if (isExplicit) return "move it to offset " + to + " ([FieldOffset(" + to + ")])";
            string type = gap == 1 ? "byte" : gap == 2 ? "ushort" : gap == 4 ? "uint" : "fixed byte";
            string field = gap is 1 or 2 or 4 ? "public " + type + " Pad;" : "public fixed byte Pad[" + gap + "];";
            string after = previous == null ? "" : " after '" + previous.Field.Name + "' (" + previous.Size + " bytes"
                + (previous.ElementType is INamedTypeSymbol pt && IsSdkMirror(pt) ? ", an SDK mirror" + (PackOf(pt) is int p && p > 0 ? " packed to " + p : "") : "") + ")";
            return "add " + gap + " byte" + (gap == 1 ? "" : "s") + " of padding" + after + " as a field before it ('" + field + "') so that it is at offset " + to
                + (pack > 0 && pack < natural ? ", or remove Pack = " + pack + " (only [CType] SDK mirrors may follow the SDK's packing)" : "");
        }

        private static int PackOf(INamedTypeSymbol type) => type.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.InteropServices.StructLayoutAttribute")
            .SelectMany(a => a.NamedArguments).Where(na => na.Key == "Pack" && na.Value.Value is int).Select(na => (int)na.Value.Value!).FirstOrDefault();

        private static bool IsSdkMirror(INamedTypeSymbol type) => type.GetAttributes().Any(a => a.AttributeClass?.Name == "CTypeAttribute"
            && a.AttributeClass.ContainingNamespace is { Name: "Dsl" } ns && ns.ToDisplayString() == "DriverCompiler.Dsl");

        private static int Align(int value, int alignment) => alignment <= 1 ? value : (value + alignment - 1) / alignment * alignment;
    }
}
