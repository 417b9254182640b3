using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DriverCompiler.Analyzers
{
    /// <summary>
    /// The driver subset: the one implementation of the DRVnnnn rules, run by <c>drvc</c> through
    /// <c>CompilationWithAnalyzers</c> and by the IDE/<c>dotnet build</c> as an ordinary analyzer.
    /// </summary>
    /// <remarks>
    /// Method bodies are checked against a whitelist of <see cref="OperationKind"/>s
    /// (<see cref="OperationChecker"/>): anything not known to lower gets DRV0099 or a more
    /// specific id, so nothing unknown reaches the lowering. Declarations are checked by symbol
    /// and syntax actions. Each violation is reported once, at the most specific syntax.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SubsetAnalyzer : DiagnosticAnalyzer
    {
        private static readonly ImmutableArray<DiagnosticDescriptor> All =
            typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
                .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
                .OrderBy(d => d.Id, StringComparer.Ordinal)
                .ToImmutableArray();

        private static readonly Regex Identifier = new Regex("^[A-Za-z][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => All;

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var k = DriverSymbols.Create(start.Compilation, start.Options);
                var decl = new DeclarationChecker(k);
                start.RegisterSymbolAction(decl.AnalyzeNamedType, SymbolKind.NamedType);
                start.RegisterSymbolAction(decl.AnalyzeMethod, SymbolKind.Method);
                start.RegisterSymbolAction(decl.AnalyzeField, SymbolKind.Field);
                start.RegisterSymbolAction(decl.AnalyzeProperty, SymbolKind.Property);
                start.RegisterSymbolAction(decl.AnalyzeEvent, SymbolKind.Event);
                start.RegisterOperationBlockAction(ctx => AnalyzeBlocks(ctx, k));
                start.RegisterSyntaxNodeAction(AnalyzeChecked, SyntaxKind.CheckedExpression, SyntaxKind.CheckedStatement);
                start.RegisterSyntaxNodeAction(ctx => AnalyzeDriverAttribute(ctx, k), SyntaxKind.Attribute);
                ScriptsChecker.Register(start, k);
                AmixDriverChecker.Register(start, k);
                if (k.IsAmix)
                    start.RegisterSyntaxNodeAction(ctx => Analyze64Bit(ctx, k), SyntaxKind.PredefinedType, SyntaxKind.IdentifierName);
                if (k.DriverAttributes.Length == 0)
                    start.RegisterCompilationEndAction(end =>
                        end.ReportDiagnostic(Diagnostic.Create(Descriptors.NoDriver, Location.None, end.Compilation.AssemblyName ?? "")));
            });
        }

        private static void AnalyzeBlocks(OperationBlockAnalysisContext ctx, DriverSymbols k)
        {
            var owner = ctx.OwningSymbol;
            if (k.IsDsl(owner)) return;
            // A [CBinding] method's body runs only in .NET (a simulation for tests); it is never lowered.
            if (owner is IMethodSymbol m && k.HasCBinding(m)) return;
            var checker = new OperationChecker(k, ctx.ReportDiagnostic);
            foreach (var block in ctx.OperationBlocks)
                checker.VisitRoot(block);
        }

        private static void AnalyzeChecked(SyntaxNodeAnalysisContext ctx)
        {
            SyntaxToken keyword;
            if (ctx.Node is CheckedExpressionSyntax e && e.Keyword.IsKind(SyntaxKind.CheckedKeyword)) keyword = e.Keyword;
            else if (ctx.Node is CheckedStatementSyntax s && s.Keyword.IsKind(SyntaxKind.CheckedKeyword)) keyword = s.Keyword;
            else return;
            ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.Checked, keyword.GetLocation(), DriverSymbols.Snippet(ctx.Node)));
        }

        private static void AnalyzeDriverAttribute(SyntaxNodeAnalysisContext ctx, DriverSymbols k)
        {
            var attr = (AttributeSyntax)ctx.Node;
            if (k.Driver == null) return;
            if (!(attr.Parent is AttributeListSyntax list) || list.Target == null
                || !list.Target.Identifier.IsKind(SyntaxKind.AssemblyKeyword)) return;
            var ctor = ctx.SemanticModel.GetSymbolInfo(attr, ctx.CancellationToken).Symbol as IMethodSymbol;
            if (ctor == null || !SymbolEqualityComparer.Default.Equals(ctor.ContainingType, k.Driver)) return;

            if (k.DriverAttributes.Length > 1)
            {
                var first = k.DriverAttributes[0].ApplicationSyntaxReference!;
                if (first.SyntaxTree != attr.SyntaxTree || first.Span != attr.Span)
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.SeveralDrivers, attr.GetLocation()));
            }

            if (attr.ArgumentList == null) return;
            foreach (var arg in attr.ArgumentList.Arguments)
            {
                bool isName = arg.NameEquals == null && arg.NameColon == null && arg == attr.ArgumentList.Arguments[0]
                    || arg.NameColon?.Name.Identifier.ValueText == "name";
                bool isPrefix = arg.NameEquals?.Name.Identifier.ValueText == "Prefix";
                if (!isName && !isPrefix) continue;
                var value = ctx.SemanticModel.GetConstantValue(arg.Expression, ctx.CancellationToken);
                if (!value.HasValue) continue; // not a constant: Roslyn reports it
                if (isPrefix && value.Value == null) continue; // Prefix = null means the default
                string? text = value.Value as string;
                if (text == null || !Identifier.IsMatch(text))
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.BadDriverName, arg.Expression.GetLocation(), text ?? "null"));
            }
        }

        private static void Analyze64Bit(SyntaxNodeAnalysisContext ctx, DriverSymbols k)
        {
            SyntaxNode node = ctx.Node;
            if (node is PredefinedTypeSyntax p)
            {
                if (!p.Keyword.IsKind(SyntaxKind.LongKeyword) && !p.Keyword.IsKind(SyntaxKind.ULongKeyword)) return;
            }
            else
            {
                var id = (IdentifierNameSyntax)node;
                string name = id.Identifier.ValueText;
                if (name != "Le64" && name != "Be64" && name != "Int64" && name != "UInt64") return;
                var type = ctx.SemanticModel.GetSymbolInfo(id, ctx.CancellationToken).Symbol as ITypeSymbol;
                if (!k.Is64Bit(type)) return;
                // Report at the whole qualified name (System.Int64), once.
                while (node.Parent is QualifiedNameSyntax q && q.Right == node) node = q;
                while (node.Parent is AliasQualifiedNameSyntax a && a.Name == node) node = a;
                if (node.Parent is MemberAccessExpressionSyntax ma && ma.Name == node) node = ma;
            }
            ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.Amix64Bit, node.GetLocation(), DriverSymbols.Snippet(node)));
        }
    }
}
