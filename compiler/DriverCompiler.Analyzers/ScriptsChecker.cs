using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DriverCompiler.Analyzers
{
    /// <summary>
    /// The rules for SCRIPTS programs written in C# (<c>[Scripts]</c> methods), exported C names
    /// (<c>[CExport]</c>), <c>[AmixScsiCard]</c> and <c>[BuildOption]</c> (DRV0300–DRV0312). What the assembler decides
    /// (ranges, ARCH restrictions) is reported by the lowering as DRV0307.
    /// </summary>
    internal static class ScriptsChecker
    {
        private const string ScriptsClass = "Scripts";
        private static readonly Regex Identifier = new Regex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);
        private static readonly int[] Arches = { 700, 710, 720, 770, 810, 825 };

        public static void Register(CompilationStartAnalysisContext start, DriverSymbols k)
        {
            var scripts = start.Compilation.GetTypeByMetadataName(DriverSymbols.DslNamespace + "." + ScriptsClass);
            if (scripts == null) return;
            var index = new Index(start.Compilation, k);
            start.RegisterOperationBlockAction(ctx => AnalyzeBlock(ctx, k, scripts, index));
            start.RegisterSymbolAction(ctx => AnalyzeMethod(ctx, k, index), SymbolKind.Method);
            start.RegisterSymbolAction(ctx => AnalyzeField(ctx, index), SymbolKind.Field);
            start.RegisterSymbolAction(ctx => AnalyzeBuildOption(ctx, index), SymbolKind.Field);
            start.RegisterCompilationEndAction(ctx => AnalyzeCards(ctx, k, index));
        }

        /// <summary>Every [Scripts] method, label and [CExport] name in the compilation's source, found once.</summary>
        private sealed class Index
        {
            private readonly Compilation compilation;
            private readonly DriverSymbols k;
            private List<IMethodSymbol>? methods;
            private List<ISymbol>? exported;
            private readonly object gate = new object();

            public Index(Compilation compilation, DriverSymbols k) { this.compilation = compilation; this.k = k; }

            public List<IMethodSymbol> Methods
            {
                get
                {
                    lock (gate)
                    {
                        if (methods != null) return methods;
                        var list = new List<IMethodSymbol>();
                        void Walk(INamespaceOrTypeSymbol ns)
                        {
                            foreach (var m in ns.GetMembers())
                            {
                                if (m is INamespaceOrTypeSymbol child) Walk(child);
                                else if (m is IMethodSymbol meth && meth.MethodKind == MethodKind.Ordinary && meth.DeclaringSyntaxReferences.Length > 0) list.Add(meth);
                            }
                        }
                        Walk(compilation.Assembly.GlobalNamespace);
                        return methods = list;
                    }
                }
            }

            /// <summary>Every method and field with a [CExport], in source order: one C namespace for all of them.</summary>
            public List<ISymbol> Exported
            {
                get
                {
                    lock (gate)
                    {
                        if (exported != null) return exported;
                        var list = new List<ISymbol>();
                        void Walk(INamespaceOrTypeSymbol ns)
                        {
                            foreach (var m in ns.GetMembers())
                            {
                                if (m is INamespaceOrTypeSymbol child) Walk(child);
                                else if ((m is IMethodSymbol || m is IFieldSymbol) && m.DeclaringSyntaxReferences.Length > 0 && Attr(m, "CExportAttribute") != null) list.Add(m);
                            }
                        }
                        Walk(compilation.Assembly.GlobalNamespace);
                        return exported = list;
                    }
                }
            }

            public AttributeData? Attr(ISymbol s, string name) =>
                s.GetAttributes().FirstOrDefault(a => a.AttributeClass != null && a.AttributeClass.Name == name && k.IsDsl(a.AttributeClass));

            public IEnumerable<IMethodSymbol> ScriptsMethods => Methods.Where(m => Attr(m, "ScriptsAttribute") != null);

            public static string? ExportName(AttributeData? a) =>
                a != null && a.ConstructorArguments.Length == 1 ? a.ConstructorArguments[0].Value as string : null;

            /// <summary>Names given to <c>Entry(...)</c> in any [Scripts] method.</summary>
            public HashSet<string> EntryNames(Compilation c)
            {
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var m in ScriptsMethods)
                    foreach (var inv in Calls(m, c))
                        if (inv.TargetMethod.Name == "Entry" && inv.Arguments.Length == 1 && inv.Arguments[0].Value.ConstantValue.Value is string s)
                            names.Add(s);
                return names;
            }
        }

        private static IEnumerable<IInvocationOperation> Calls(IMethodSymbol m, Compilation c)
        {
            foreach (var r in m.DeclaringSyntaxReferences)
            {
                var node = r.GetSyntax();
                var op = c.GetSemanticModel(node.SyntaxTree).GetOperation(node);
                if (op == null) continue;
                foreach (var d in op.Descendants())
                    if (d is IInvocationOperation inv) yield return inv;
            }
        }

        private static bool IsScriptsMember(IMethodSymbol m, INamedTypeSymbol scripts) =>
            SymbolEqualityComparer.Default.Equals(m.ContainingType, scripts);

        private static void AnalyzeMethod(SymbolAnalysisContext ctx, DriverSymbols k, Index index)
        {
            var m = (IMethodSymbol)ctx.Symbol;
            if (m.DeclaringSyntaxReferences.Length == 0) return;
            CheckExport(ctx, m, index);
            var attr = index.Attr(m, "ScriptsAttribute");
            if (attr == null) return;
            var at = m.Locations.FirstOrDefault();
            if (!m.IsStatic || !m.ReturnsVoid || m.Parameters.Length > 0 || m.IsGenericMethod)
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.ScriptsMethod, at, m.Name, "must be static, return void and take no parameters"));
            foreach (var kv in attr.NamedArguments)
            {
                if (kv.Key == "Arch" && kv.Value.Value is int arch && Array.IndexOf(Arches, arch) < 0)
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.ScriptsMethod, at, m.Name, $"has Arch = {arch}; the chips are 700, 710, 720, 770, 810 and 825"));
                if (kv.Key == "Dsa" && kv.Value.Value is INamedTypeSymbol t && t.TypeKind != TypeKind.Struct)
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.ScriptsMethod, at, m.Name, $"has Dsa = typeof({t.Name}), which is not a struct"));
            }
        }

        /// <summary>DRV0310 for a [CExport] on a field: a const, with a C identifier no other export has.</summary>
        private static void AnalyzeField(SymbolAnalysisContext ctx, Index index)
        {
            var f = (IFieldSymbol)ctx.Symbol;
            if (f.DeclaringSyntaxReferences.Length == 0) return;
            var export = index.Attr(f, "CExportAttribute");
            if (export == null) return;
            var loc = export.ApplicationSyntaxReference?.GetSyntax(ctx.CancellationToken).GetLocation() ?? f.Locations.FirstOrDefault();
            if (!f.IsConst)
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CExportName, loc, Index.ExportName(export) ?? "null", "is on '" + f.Name + "', which is not a const: [CExport] names methods and constants"));
            else if (index.Attr(f, "CConstantAttribute") != null)
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CExportName, loc, Index.ExportName(export) ?? "null", "is on '" + f.Name + "', which [CConstant] says a header defines: keep one of the two"));
            else CheckExport(ctx, f, index);
        }

        /// <summary>The exported name is a C identifier, and no earlier method or constant exports it.</summary>
        private static void CheckExport(SymbolAnalysisContext ctx, ISymbol s, Index index)
        {
            var export = index.Attr(s, "CExportAttribute");
            if (export == null) return;
            var loc = export.ApplicationSyntaxReference?.GetSyntax(ctx.CancellationToken).GetLocation() ?? s.Locations.FirstOrDefault();
            string? name = Index.ExportName(export);
            if (name == null || !Identifier.IsMatch(name))
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CExportName, loc, name ?? "null", "is not a C identifier"));
            else
            {
                var first = index.Exported.FirstOrDefault(o => Index.ExportName(index.Attr(o, "CExportAttribute")) == name);
                if (first != null && !SymbolEqualityComparer.Default.Equals(first, s))
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CExportName, loc, name, "is already the name of " + first.ToDisplayString()));
            }
        }

        private static void AnalyzeBlock(OperationBlockAnalysisContext ctx, DriverSymbols k, INamedTypeSymbol scripts, Index index)
        {
            var owner = ctx.OwningSymbol as IMethodSymbol;
            bool isScripts = owner != null && index.Attr(owner, "ScriptsAttribute") != null;
            if (isScripts)
            {
                CheckProgram(ctx, owner!, scripts, index);
                return;
            }
            // Outside a SCRIPTS program: only Address/Size/LabelPatchCount/LabelPatches/EntryOffset, and no calls of a [Scripts] method.
            HashSet<string>? entries = null;
            foreach (var block in ctx.OperationBlocks)
                foreach (var op in block.DescendantsAndSelf())
                {
                    if (!(op is IInvocationOperation inv)) continue;
                    var m = inv.TargetMethod;
                    if (index.Attr(m.OriginalDefinition, "ScriptsAttribute") != null)
                    {
                        ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.ScriptsMethod, inv.Syntax.GetLocation(), m.Name, "is a SCRIPTS program, not a function: it cannot be called (use Scripts.Address)"));
                        continue;
                    }
                    if (!IsScriptsMember(m, scripts)) continue;
                    var arg = inv.Arguments.Length == 1 ? inv.Arguments[0].Value : null;
                    if (m.Name is "Address" or "Size" or "LabelPatchCount" or "LabelPatches")
                    {
                        if (!(arg?.ConstantValue.Value is string name))
                            ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.ScriptsNotConstant, (arg ?? inv).Syntax.GetLocation(), Snippet(arg ?? inv)));
                        else if (!index.ScriptsMethods.Any(s => s.Name == name))
                            ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.ScriptsOutside, arg.Syntax.GetLocation(), name, "is not the name of a [Scripts] method"));
                    }
                    else if (m.Name == "EntryOffset")
                    {
                        if (!(arg?.ConstantValue.Value is string label))
                            ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.ScriptsNotConstant, (arg ?? inv).Syntax.GetLocation(), Snippet(arg ?? inv)));
                        else if (!(entries ??= index.EntryNames(ctx.Compilation)).Contains(label))
                            ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.ScriptsLabel, arg.Syntax.GetLocation(), label, "is not named by Entry(...) in any [Scripts] method"));
                    }
                    else
                        ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.ScriptsOutside, inv.Syntax.GetLocation(), Snippet(inv), "is a SCRIPTS instruction; it may only be used in a [Scripts] method"));
                }
        }

        private static string Snippet(IOperation op) => DriverSymbols.Snippet(op.Syntax);

        private static void CheckProgram(OperationBlockAnalysisContext ctx, IMethodSymbol owner, INamedTypeSymbol scripts, Index index)
        {
            var attr = index.Attr(owner, "ScriptsAttribute")!;
            var dsa = attr.NamedArguments.Where(kv => kv.Key == "Dsa").Select(kv => kv.Value.Value as INamedTypeSymbol).FirstOrDefault();
            var defined = new Dictionary<string, IOperation>(StringComparer.Ordinal);
            var references = new List<(string Name, IOperation At)>();
            foreach (var block in ctx.OperationBlocks)
            {
                IEnumerable<IOperation> statements = block is IMethodBodyOperation body
                    ? (body.BlockBody ?? body.ExpressionBody)?.Operations ?? Enumerable.Empty<IOperation>()
                    : block is IBlockOperation b ? b.Operations : Enumerable.Empty<IOperation>();
                foreach (var st in statements)
                {
                    if (st.IsImplicit && st is IReturnOperation) continue;
                    var call = (st as IExpressionStatementOperation)?.Operation as IInvocationOperation
                               ?? (st is IReturnOperation { ReturnedValue: IInvocationOperation ri } ? ri : null);
                    if (call == null || !IsScriptsMember(call.TargetMethod, scripts) || !call.TargetMethod.ReturnsVoid)
                    {
                        ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.ScriptsStatement, st.Syntax.GetLocation(), Snippet(st)));
                        continue;
                    }
                    string name = call.TargetMethod.Name;
                    if (name is "Label" or "Absolute" or "External")
                    {
                        if (call.Arguments.Length > 0 && call.Arguments[0].Value.ConstantValue.Value is string label)
                        {
                            if (defined.ContainsKey(label))
                                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.ScriptsLabel, call.Arguments[0].Value.Syntax.GetLocation(), label, "is defined more than once"));
                            else defined[label] = call;
                        }
                    }
                    if (name == "Entry" && call.Arguments.Length == 1 && call.Arguments[0].Value.ConstantValue.Value is string entry)
                        references.Add((entry, call.Arguments[0].Value));
                    CheckArguments(ctx, call, scripts, dsa, references);
                    if (name is "Move" or "MovePtr") CheckMoveCondition(ctx, call, scripts);
                }
            }
            foreach (var (name, at) in references)
                if (!defined.ContainsKey(name))
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.ScriptsLabel, at.Syntax.GetLocation(), name, "is not defined in " + owner.Name));
        }

        /// <summary>
        /// A block move's condition is WHEN phase (bit 27 set: wait for REQ, then compare) or WITH phase (bit 27
        /// clear: compare the latched phase at once); the chip has no other form, and ncr53cxxx accepts no other.
        /// The condition type is shared with the transfer instructions, so If, WhenNot, data compares and
        /// IfFalse compile in C# but would not say what the move does.
        /// </summary>
        private static void CheckMoveCondition(OperationBlockAnalysisContext ctx, IInvocationOperation call, INamedTypeSymbol scripts)
        {
            var arg = call.Arguments.FirstOrDefault(a => a.Parameter?.Name == "phase");
            if (arg == null || arg.ArgumentKind == ArgumentKind.DefaultValue) return;
            var v = arg.Value;
            while (v is IConversionOperation conv && conv.OperatorMethod == null && !v.ConstantValue.HasValue) v = conv.Operand;
            if (!(v is IInvocationOperation cond) || !IsScriptsMember(cond.TargetMethod, scripts)) return; // DRV0301 covers the rest
            bool phaseOnly = cond.Arguments.All(a => a.Parameter?.Name == "phase" || a.ArgumentKind == ArgumentKind.DefaultValue);
            if (!(cond.TargetMethod.Name is "When" or "With") || !phaseOnly)
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.ScriptsMoveCondition, arg.Value.Syntax.GetLocation(), Snippet(arg.Value)));
        }

        private static void CheckArguments(OperationBlockAnalysisContext ctx, IInvocationOperation call, INamedTypeSymbol scripts, INamedTypeSymbol? dsa, List<(string, IOperation)> references)
        {
            foreach (var a in call.Arguments)
            {
                if (a.ArgumentKind == ArgumentKind.DefaultValue) continue;
                var v = a.Value;
                while (v is IConversionOperation conv && conv.OperatorMethod == null && !v.ConstantValue.HasValue) v = conv.Operand;
                if (v is IInvocationOperation inner && IsScriptsMember(inner.TargetMethod, scripts) && !inner.TargetMethod.ReturnsVoid
                    && !(inner.TargetMethod.Name is "Address" or "EntryOffset" or "Size" or "LabelPatchCount" or "LabelPatches"))
                {
                    string n = inner.TargetMethod.Name;
                    if ((n == "Rel" || n == "At") && inner.Arguments.Length == 1 && inner.Arguments[0].Value.ConstantValue.Value is string target)
                        references.Add((target, inner.Arguments[0].Value));
                    if (n == "Dsa" && inner.Arguments.Length == 1 && inner.Arguments[0].Value.ConstantValue.Value is string field)
                    {
                        if (dsa == null)
                            ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.ScriptsDsaField, inner.Arguments[0].Value.Syntax.GetLocation(), field, "(none: give [Scripts(Dsa = typeof(...))])"));
                        else if (!dsa.GetMembers(field).OfType<IFieldSymbol>().Any(f => !f.IsStatic))
                            ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.ScriptsDsaField, inner.Arguments[0].Value.Syntax.GetLocation(), field, dsa.Name));
                    }
                    CheckArguments(ctx, inner, scripts, dsa, references);
                    continue;
                }
                if (!v.ConstantValue.HasValue)
                {
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.ScriptsNotConstant, a.Value.Syntax.GetLocation(), Snippet(a.Value)));
                    continue;
                }
                if (a.Parameter?.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum, Name: "ScsiPhase" } && v.ConstantValue.Value is byte p && p > 7)
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.ScriptsPhase, a.Value.Syntax.GetLocation(), Snippet(a.Value)));
            }
        }

        /// <summary>
        /// DRV0312: a <c>[BuildOption]</c> must be an integral <c>const</c> the driver defines itself: only such a
        /// constant is printed as an overridable <c>#define</c>; on anything else the attribute would change nothing.
        /// </summary>
        private static void AnalyzeBuildOption(SymbolAnalysisContext ctx, Index index)
        {
            var f = (IFieldSymbol)ctx.Symbol;
            var option = index.Attr(f, "BuildOptionAttribute");
            if (option == null) return;
            var loc = option.ApplicationSyntaxReference?.GetSyntax(ctx.CancellationToken).GetLocation() ?? f.Locations.FirstOrDefault();
            string? why = null;
            if (!f.IsConst) why = "is not const: only a constant becomes a #define a C build can override";
            else if (f.Type.SpecialType is not (SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16
                     or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64))
                why = $"has type {f.Type.ToDisplayString()}: a build option is an integer";
            else if (index.Attr(f, "CConstantAttribute") != null)
                why = "is also a [CConstant]: its header defines it, the driver does not";
            if (why != null) ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.BuildOption, loc, f.Name, why));
        }

        private static void AnalyzeCards(CompilationAnalysisContext ctx, DriverSymbols k, Index index)
        {
            var exports = new HashSet<string>(StringComparer.Ordinal);
            foreach (var m in index.Methods)
                if (m.IsStatic && Index.ExportName(index.Attr(m, "CExportAttribute")) is string n) exports.Add(n);
            foreach (var a in ctx.Compilation.Assembly.GetAttributes())
            {
                if (a.AttributeClass == null || a.AttributeClass.Name != "AmixScsiCardAttribute" || !k.IsDsl(a.AttributeClass)) continue;
                string queue = a.NamedArguments.Where(kv => kv.Key == "Queue").Select(kv => kv.Value.Value as string).FirstOrDefault() ?? "";
                if (!exports.Contains(queue))
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.AmixScsiCardQueue, a.ApplicationSyntaxReference?.GetSyntax(ctx.CancellationToken).GetLocation() ?? Location.None, queue));
            }
        }
    }
}
