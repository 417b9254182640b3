using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DriverCompiler.Analyzers
{
    /// <summary>
    /// Scalar <c>[CType]</c> typedefs on parameters and fields (DRV0115) and the Amix driver model (DRV0320–DRV0322):
    /// every <c>[AmixEntry]</c> method and an Amix driver's <c>[InterruptHandler]</c> against its SVR4 DDI/DKI signature
    /// (<see cref="AmixDriverModel"/>), the majors against the stock <c>master.d/kernel.c</c> tables, and the roles
    /// against the driver's kind.
    /// </summary>
    internal static class AmixDriverChecker
    {
        public static void Register(CompilationStartAnalysisContext start, DriverSymbols k)
        {
            start.RegisterSymbolAction(AnalyzeScalarCType, SymbolKind.Method, SymbolKind.Field);
            start.RegisterCompilationEndAction(ctx => AnalyzeDriver(ctx, k));
        }

        private static AttributeData? CTypeOn(ISymbol s) =>
            s.GetAttributes().FirstOrDefault(a => a.AttributeClass is { Name: "CTypeAttribute" } c && c.ContainingNamespace?.ToDisplayString() == DriverSymbols.DslNamespace);

        private static bool IsInteger(ITypeSymbol t)
        {
            while (t is IPointerTypeSymbol p) t = p.PointedAtType;
            return t.SpecialType is SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64;
        }

        private static void AnalyzeScalarCType(SymbolAnalysisContext ctx)
        {
            void Check(ISymbol carrier, ITypeSymbol type)
            {
                if (!(CTypeOn(carrier) is { } a) || IsInteger(type)) return;
                var loc = a.ApplicationSyntaxReference?.GetSyntax(ctx.CancellationToken).GetLocation() ?? carrier.Locations.FirstOrDefault() ?? Location.None;
                string name = a.ConstructorArguments.Length == 1 ? a.ConstructorArguments[0].Value as string ?? "" : "";
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.ScalarCType, loc, name, carrier.Name, type.ToDisplayString()));
            }
            if (ctx.Symbol is IMethodSymbol m) foreach (var p in m.Parameters) Check(p, p.Type);
            else if (ctx.Symbol is IFieldSymbol f) Check(f, f.Type);
        }

        private static List<IMethodSymbol> SourceMethods(Compilation compilation)
        {
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
            return list.OrderBy(m => m.Locations.FirstOrDefault()?.SourceTree?.FilePath ?? "", StringComparer.Ordinal)
                .ThenBy(m => m.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0).ToList();
        }

        private static Location Where(AttributeData a, CompilationAnalysisContext ctx) =>
            a.ApplicationSyntaxReference?.GetSyntax(ctx.CancellationToken).GetLocation() ?? Location.None;

        private static void AnalyzeDriver(CompilationAnalysisContext ctx, DriverSymbols k)
        {
            var declarations = AmixDriverModel.Declarations(ctx.Compilation);
            var methods = SourceMethods(ctx.Compilation);
            var entries = methods.Where(m => AmixDriverModel.EntryRole(m) != null).ToList();
            if (declarations.Count == 0)
            {
                foreach (var m in entries)
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.AmixDriverModel, m.Locations.FirstOrDefault() ?? Location.None,
                        $"'{m.Name}' is an [AmixEntry] of a driver that declares no kind: add [assembly: AmixCharDriver(major)], AmixBlockDriver or AmixStreamsDriver"));
                return;
            }
            var d = declarations[0];
            if (!k.IsAmix && k.DriverAttributes.Length > 0)
            {
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.AmixDriverModel, Where(d.Attribute, ctx),
                    $"{d.Attribute.AttributeClass?.Name} on a driver whose target is not amix: the cdevsw/bdevsw rows are an Amix kernel's"));
                return;
            }
            foreach (var extra in declarations.Skip(1))
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.AmixDriverModel, Where(extra.Attribute, ctx),
                    $"a second kind attribute ({extra.Attribute.AttributeClass?.Name}): a driver is one character, block or STREAMS driver (a block driver's raw twin is its RawMajor)"));

            CheckMajor(ctx, d, d.Kind == AmixDriverModel.Kind.Block ? "Block" : "Character", d.Major,
                d.Kind == AmixDriverModel.Kind.Block ? AmixDriverModel.StockBlockMajors : AmixDriverModel.StockCharMajors,
                d.Kind == AmixDriverModel.Kind.Block ? AmixDriverModel.BlockMajors : AmixDriverModel.CharMajors);
            int raw = d.Kind == AmixDriverModel.Kind.Block ? d.Named("RawMajor", 0) : 0;
            if (raw != 0) CheckMajor(ctx, d, "Raw character", raw, AmixDriverModel.StockCharMajors, AmixDriverModel.CharMajors);

            string prefix = AmixDriverModel.Prefix(ctx.Compilation, d, null);
            var seen = new Dictionary<int, IMethodSymbol>();
            foreach (var m in entries)
            {
                int value = AmixDriverModel.EntryRole(m)!.Value;
                var role = AmixDriverModel.RoleOf(value, d.Kind);
                var loc = m.Locations.FirstOrDefault() ?? Location.None;
                if (role == null) continue; // not an AmixEntryPoint value: the C# compiler's enum already says so
                if (!role.Kinds.Contains(d.Kind))
                {
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.AmixDriverModel, loc,
                        $"'{m.Name}' is the {role.Name} entry point, which a {KindName(d.Kind)} driver does not have ({string.Join(", ", role.Kinds.Select(KindName))} only)"));
                    continue;
                }
                if (seen.TryGetValue(value, out var first))
                {
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.AmixDriverModel, loc, $"'{m.Name}' is a second {role.Name} entry point (the first is '{first.Name}')"));
                    continue;
                }
                seen[value] = m;
                CheckShape(ctx, m, role, prefix);
            }
            foreach (var m in methods.Where(AmixDriverModel.IsInterruptHandler))
                CheckShape(ctx, m, AmixDriverModel.Interrupt, prefix);

            var anchor = Where(d.Attribute, ctx);
            void Require(int value, string why)
            {
                if (!seen.ContainsKey(value))
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.AmixDriverModel, anchor, why));
            }
            switch (d.Kind)
            {
                case AmixDriverModel.Kind.Block:
                    Require(8, "a block driver needs a [AmixEntry(AmixEntryPoint.Strategy)] method: bdevsw's d_strategy is how every block request arrives");
                    if (raw != 0 && !seen.ContainsKey(3) && !seen.ContainsKey(4))
                        ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.AmixDriverModel, anchor, "a raw twin (RawMajor) needs a Read or Write entry point for its cdevsw row"));
                    break;
                case AmixDriverModel.Kind.Streams:
                    Require(1, "a STREAMS driver needs an Open entry point (qi_qopen of its read qinit)");
                    Require(2, "a STREAMS driver needs a Close entry point (qi_qclose of its read qinit)");
                    Require(12, "a STREAMS driver needs a WritePut procedure (qi_putp of its write qinit): the stream head puts every message there");
                    break;
                default:
                    if (seen.Count == 0)
                        ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.AmixDriverModel, anchor, "a character driver with no [AmixEntry] method: its cdevsw row would be all nodev"));
                    break;
            }
        }

        private static string KindName(AmixDriverModel.Kind k) => k switch
        {
            AmixDriverModel.Kind.Block => "block",
            AmixDriverModel.Kind.Streams => "STREAMS",
            _ => "character",
        };

        private static void CheckShape(CompilationAnalysisContext ctx, IMethodSymbol m, AmixDriverModel.Role role, string prefix)
        {
            if (m.IsStatic && AmixDriverModel.Matches(role, m)) return;
            ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.AmixEntrySignature, m.Locations.FirstOrDefault() ?? Location.None,
                m.Name, role.Suffix, AmixDriverModel.CSignature(role, prefix), AmixDriverModel.CSharpSignature(role, m.Name)));
        }

        private static void CheckMajor(CompilationAnalysisContext ctx, AmixDriverModel.Declaration d, string what, int major,
            IReadOnlyDictionary<int, string> stock, int size)
        {
            var loc = Where(d.Attribute, ctx);
            string table = stock == AmixDriverModel.StockBlockMajors ? "bdevsw" : "cdevsw";
            string? replaces = d.Named<string?>("Replaces", null);
            if (major < 0 || major >= size)
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.AmixMajor, loc, what, major,
                    $"is outside the stock {table}[] (rows 0-{size - 1}): a larger table changes {table.Substring(0, 1)}devcnt, which the kernel reads"));
            else if (stock.TryGetValue(major, out var occupant) && occupant != replaces)
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.AmixMajor, loc, what, major,
                    $"is the stock {table}[{major}] row of '{occupant}' in master.d/kernel.c: pick a free row ({FreeRows(stock, size)}) or say Replaces = \"{occupant}\""));
            else if (replaces != null && !(stock.TryGetValue(major, out var o) && o == replaces))
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.AmixMajor, loc, what, major,
                    $"is not the stock row of '{replaces}' (Replaces names the stock driver whose row this one takes)"));
        }

        private static string FreeRows(IReadOnlyDictionary<int, string> stock, int size)
        {
            var free = Enumerable.Range(0, size).Where(i => !stock.ContainsKey(i)).ToList();
            var ranges = new List<string>();
            for (int i = 0; i < free.Count;)
            {
                int j = i;
                while (j + 1 < free.Count && free[j + 1] == free[j] + 1) j++;
                ranges.Add(i == j ? free[i].ToString() : free[i] + "-" + free[j]);
                i = j + 1;
            }
            return string.Join(", ", ranges);
        }
    }
}
