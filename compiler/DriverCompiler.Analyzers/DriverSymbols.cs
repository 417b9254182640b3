using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DriverCompiler.Analyzers
{
    /// <summary>
    /// What the subset rules need to know about one compilation: the DSL's well-known types, the
    /// driver attributes in declaration order and the target. Built once per compilation at
    /// compilation start and never changed afterwards, so concurrent actions may share it.
    /// </summary>
    internal sealed class DriverSymbols
    {
        public const string DslNamespace = "DriverCompiler.Dsl";
        public const string TargetProperty = "build_property.DriverCompilerTarget";

        private DriverSymbols(Compilation compilation, AnalyzerOptions options)
        {
            Compilation = compilation;
            CBinding = compilation.GetTypeByMetadataName(DslNamespace + ".CBindingAttribute");
            Driver = compilation.GetTypeByMetadataName(DslNamespace + ".DriverAttribute");
            InlineArray = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.InlineArrayAttribute");
            Mmio = compilation.GetTypeByMetadataName(DslNamespace + ".MmioAttribute");
            Dma = compilation.GetTypeByMetadataName(DslNamespace + ".DmaAttribute");
            var endian = ImmutableHashSet.CreateBuilder<ITypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var name in new[] { "Le16", "Le32", "Le64", "Be16", "Be32", "Be64" })
            {
                var t = compilation.GetTypeByMetadataName(DslNamespace + "." + name);
                if (t != null) endian.Add(t);
            }
            EndianTypes = endian.ToImmutable();

            DriverAttributes = compilation.Assembly.GetAttributes()
                .Where(a => Driver != null && SymbolEqualityComparer.Default.Equals(a.AttributeClass, Driver) && a.ApplicationSyntaxReference != null)
                .OrderBy(a => a.ApplicationSyntaxReference!.SyntaxTree.FilePath, StringComparer.Ordinal)
                .ThenBy(a => a.ApplicationSyntaxReference!.Span.Start)
                .ToImmutableArray();

            IsAmix = DetermineAmix(options);
        }

        public Compilation Compilation { get; }
        public INamedTypeSymbol? CBinding { get; }
        public INamedTypeSymbol? Driver { get; }
        public INamedTypeSymbol? InlineArray { get; }
        public INamedTypeSymbol? Mmio { get; }
        public INamedTypeSymbol? Dma { get; }
        public ImmutableHashSet<ITypeSymbol> EndianTypes { get; }
        /// <summary>Every <c>[assembly: Driver]</c> in source, ordered by file path then position.</summary>
        public ImmutableArray<AttributeData> DriverAttributes { get; }
        /// <summary>The target is Amix: from the build property when set, else from the driver attribute.</summary>
        public bool IsAmix { get; }

        public static DriverSymbols Create(Compilation compilation, AnalyzerOptions options) => new DriverSymbols(compilation, options);

        private bool DetermineAmix(AnalyzerOptions options)
        {
            if (options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(TargetProperty, out var value)
                && !string.IsNullOrWhiteSpace(value))
                return string.Equals(value.Trim(), "amix", StringComparison.OrdinalIgnoreCase);
            if (DriverAttributes.Length == 0) return false;
            var args = DriverAttributes[0].ConstructorArguments;
            // DriverTarget.Amix == 2 (DriverCompiler.Dsl.DriverTarget).
            return args.Length >= 2 && args[1].Value is int v && v == 2;
        }

        /// <summary>Whether <paramref name="symbol"/> is in the DSL's namespace (or one nested in it).</summary>
        public bool IsDsl(ISymbol? symbol)
        {
            // Compares names along the namespace chain: this runs for most symbols, so no string building.
            for (var ns = symbol?.ContainingNamespace; ns != null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
            {
                var parent = ns.ContainingNamespace;
                if (ns.Name == "Dsl" && parent != null && parent.Name == "DriverCompiler"
                    && parent.ContainingNamespace != null && parent.ContainingNamespace.IsGlobalNamespace)
                    return true;
            }
            return false;
        }

        /// <summary>
        /// Whether <paramref name="symbol"/> comes from an OS binding library (<c>DriverCompiler.AmigaOS</c>,
        /// <c>DriverCompiler.Amix</c>, or any referenced assembly built against the DSL): its structs are
        /// <c>[CType]</c> mirrors and its methods <c>[CBinding]</c>s, named in C, never lowered.
        /// </summary>
        public static bool IsBinding(ISymbol? symbol)
        {
            var a = symbol?.ContainingAssembly;
            if (a == null || IsInSource(symbol!) || a.Name == "DriverCompiler.Dsl") return false;
            foreach (var m in a.Modules)
                foreach (var r in m.ReferencedAssemblySymbols)
                    if (r.Name == "DriverCompiler.Dsl") return true;
            return false;
        }

        public static bool IsInSource(ISymbol symbol)
        {
            foreach (var l in symbol.Locations)
                if (l.IsInSource) return true;
            return false;
        }

        public bool HasCBinding(IMethodSymbol method)
        {
            if (CBinding == null) return false;
            var m = (method.ReducedFrom ?? method).OriginalDefinition;
            foreach (var a in m.GetAttributes())
                if (SymbolEqualityComparer.Default.Equals(a.AttributeClass, CBinding)) return true;
            return false;
        }

        public bool IsInlineArray(ITypeSymbol? type)
        {
            if (InlineArray == null || type == null || type.TypeKind != TypeKind.Struct) return false;
            foreach (var a in type.GetAttributes())
                if (SymbolEqualityComparer.Default.Equals(a.AttributeClass, InlineArray)) return true;
            return false;
        }

        /// <summary>Whether <paramref name="type"/> is an [Mmio] register block or a [Dma] structure (a layout the hardware fixes).</summary>
        public bool IsDeviceLayout(INamedTypeSymbol type)
        {
            if (Mmio == null && Dma == null) return false;
            foreach (var a in type.GetAttributes())
                if (SymbolEqualityComparer.Default.Equals(a.AttributeClass, Mmio) || SymbolEqualityComparer.Default.Equals(a.AttributeClass, Dma))
                    return true;
            return false;
        }

        /// <summary>A DSL implicit conversion operator of an endian type (Le32 &lt;-&gt; uint, ...).</summary>
        public bool IsEndianConversion(IMethodSymbol? method) =>
            method != null && method.MethodKind == MethodKind.Conversion && EndianTypes.Contains(method.ContainingType);

        public bool Is64Bit(ITypeSymbol? type) =>
            type != null && (type.SpecialType == SpecialType.System_Int64 || type.SpecialType == SpecialType.System_UInt64
                || (EndianTypes.Contains(type) && type.Name.EndsWith("64", StringComparison.Ordinal)));

        /// <summary>Source text of a node for a message: one line, at most 60 characters.</summary>
        public static string Snippet(SyntaxNode node)
        {
            var text = node.ToString();
            var sb = new StringBuilder(Math.Min(text.Length, 64));
            bool space = false;
            foreach (char c in text)
            {
                if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
                if (space) { sb.Append(' '); space = false; }
                sb.Append(c);
                if (sb.Length >= 60) { sb.Append("..."); break; }
            }
            return sb.ToString();
        }
    }
}
