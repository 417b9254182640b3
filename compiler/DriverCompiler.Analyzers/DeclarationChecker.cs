using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DriverCompiler.Analyzers
{
    /// <summary>
    /// The declaration rules: kinds of types and members, and the types written in signatures
    /// and field declarations. Stateless apart from the per-compilation <see cref="DriverSymbols"/>.
    /// </summary>
    internal sealed class DeclarationChecker
    {
        private readonly DriverSymbols k;

        public DeclarationChecker(DriverSymbols k) { this.k = k; }

        private bool Skip(ISymbol s) => s.IsImplicitlyDeclared || !DriverSymbols.IsInSource(s) || k.IsDsl(s);

        private static void Report(SymbolAnalysisContext ctx, DiagnosticDescriptor d, Location loc, params object[] args) =>
            ctx.ReportDiagnostic(Diagnostic.Create(d, loc, args));

        /// <summary>The first declaration in a stable order (partial types may have several).</summary>
        private static T? FirstSyntax<T>(ISymbol s, SymbolAnalysisContext ctx) where T : SyntaxNode
        {
            // Most symbols have one declaration: no ordering (this runs for every symbol of the driver).
            var refs = s.DeclaringSyntaxReferences;
            if (refs.Length == 1) return refs[0].GetSyntax(ctx.CancellationToken) as T;
            return refs.OrderBy(r => r.SyntaxTree.FilePath, StringComparer.Ordinal).ThenBy(r => r.Span.Start)
                .Select(r => r.GetSyntax(ctx.CancellationToken)).OfType<T>().FirstOrDefault();
        }

        public void AnalyzeNamedType(SymbolAnalysisContext ctx)
        {
            var t = (INamedTypeSymbol)ctx.Symbol;
            if (Skip(t)) return;
            var syntax = FirstSyntax<BaseTypeDeclarationSyntax>(t, ctx);
            var delegateSyntax = syntax == null ? FirstSyntax<DelegateDeclarationSyntax>(t, ctx) : null;
            if (syntax == null && delegateSyntax == null) return;
            string name = t.Name;

            if (delegateSyntax != null)
            {
                Report(ctx, Descriptors.LambdasDelegates, delegateSyntax.Identifier.GetLocation(), "delegate " + name);
                return;
            }
            var idLoc = syntax!.Identifier.GetLocation();

            if (t.IsRecord)
            {
                Report(ctx, Descriptors.UnsupportedTypeKind, idLoc, name, t.TypeKind == TypeKind.Struct ? "a record struct" : "a record");
                return;
            }
            switch (t.TypeKind)
            {
                case TypeKind.Interface:
                    Report(ctx, Descriptors.UnsupportedTypeKind, idLoc, name, "an interface");
                    return;
                case TypeKind.Class:
                    if (!t.IsStatic) Report(ctx, Descriptors.InstanceClass, idLoc, name);
                    break;
                case TypeKind.Struct:
                    if (t.IsRefLikeType)
                    {
                        var refKw = syntax.Modifiers.FirstOrDefault(m => m.IsKind(SyntaxKind.RefKeyword));
                        Report(ctx, Descriptors.RefKinds, refKw.IsKind(SyntaxKind.RefKeyword) ? refKw.GetLocation() : idLoc, "ref struct " + name);
                    }
                    foreach (var decl in t.DeclaringSyntaxReferences.Select(r => r.GetSyntax(ctx.CancellationToken)).OfType<TypeDeclarationSyntax>()
                                 .OrderBy(d => d.SyntaxTree.FilePath, StringComparer.Ordinal).ThenBy(d => d.SpanStart))
                    {
                        if (decl.BaseList == null) continue;
                        foreach (var b in decl.BaseList.Types)
                            Report(ctx, Descriptors.Inheritance, b.GetLocation(), name, DriverSymbols.Snippet(b.Type));
                    }
                    if (t.DeclaringSyntaxReferences.Any(r => r.GetSyntax(ctx.CancellationToken) is TypeDeclarationSyntax td && td.ParameterList != null))
                    {
                        var td = t.DeclaringSyntaxReferences.Select(r => r.GetSyntax(ctx.CancellationToken)).OfType<TypeDeclarationSyntax>().First(d => d.ParameterList != null);
                        Report(ctx, Descriptors.UnsupportedMember, td.ParameterList!.GetLocation(), name, "primary constructor");
                    }
                    ReportLayout(ctx, t);
                    break;
                case TypeKind.Enum:
                    if (syntax is EnumDeclarationSyntax e && e.BaseList == null)
                        Report(ctx, Descriptors.EnumUnderlyingType, idLoc, name);
                    break;
            }
            if (t.TypeParameters.Length > 0 && syntax is TypeDeclarationSyntax tds && tds.TypeParameterList != null)
                Report(ctx, Descriptors.Generics, tds.TypeParameterList.GetLocation(), name + DriverSymbols.Snippet(tds.TypeParameterList));
        }

        private void ReportLayout(SymbolAnalysisContext ctx, INamedTypeSymbol t)
        {
            Layout.StructLayoutInfo layout;
            try
            {
                layout = Layout.StructLayoutCalculator.Compute(t);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                // Never let a layout bug surface as an analyzer crash (AD0001 with a stack trace).
                var loc0 = t.Locations.FirstOrDefault(l => l.IsInSource) ?? Location.None;
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.InternalError, loc0, t.Name, ex.GetType().Name + ": " + ex.Message));
                return;
            }
            if (k.IsAmix && layout.NeedsPacking(Layout.StructLayoutCalculator.Mc68kMaxAlignment))
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.AmixPackedStruct, t.Locations.FirstOrDefault(l => l.IsInSource) ?? Location.None,
                    t.Name, layout.Alignment, layout.Size));
            foreach (var problem in layout.Problems)
            {
                var symbol = problem.Symbol;
                Location loc = symbol != null && symbol.Locations.Length > 0 && symbol.Locations[0].IsInSource
                    ? symbol.Locations[0]
                    : t.Locations.FirstOrDefault(l => l.IsInSource) ?? Location.None;
                ctx.ReportDiagnostic(Diagnostic.Create(problem.Descriptor, loc, problem.Arguments));
            }
            if (k.IsDeviceLayout(t))
                DeviceLayoutChecker.Check(ctx, t, layout);
        }

        public void AnalyzeMethod(SymbolAnalysisContext ctx)
        {
            var m = (IMethodSymbol)ctx.Symbol;
            if (Skip(m)) return;
            switch (m.MethodKind)
            {
                case MethodKind.PropertyGet: case MethodKind.PropertySet:
                case MethodKind.EventAdd: case MethodKind.EventRemove: case MethodKind.EventRaise:
                case MethodKind.LocalFunction: case MethodKind.AnonymousFunction:
                case MethodKind.DelegateInvoke:
                    return; // reported with the property/event, or in the operation walk
            }
            var syntax = FirstSyntax<SyntaxNode>(m, ctx);
            if (syntax == null) return;
            switch (m.MethodKind)
            {
                case MethodKind.Constructor:
                    if (m.ContainingType.TypeKind == TypeKind.Struct && syntax is ConstructorDeclarationSyntax sc)
                        Report(ctx, Descriptors.UnsupportedMember, sc.Identifier.GetLocation(), m.ContainingType.Name, "struct constructor");
                    return; // class constructors: the class is reported (DRV0012)
                case MethodKind.StaticConstructor:
                    if (syntax is ConstructorDeclarationSyntax st)
                        Report(ctx, Descriptors.StaticInitializer, st.Identifier.GetLocation(), "static " + m.ContainingType.Name + "()", StaticInitializers.StaticConstructor);
                    return;
                case MethodKind.Destructor:
                    if (syntax is DestructorDeclarationSyntax ds)
                        Report(ctx, Descriptors.UnsupportedMember, ds.TildeToken.GetLocation(), "~" + m.ContainingType.Name, "finalizer");
                    return;
                case MethodKind.UserDefinedOperator:
                    if (syntax is OperatorDeclarationSyntax od)
                        Report(ctx, Descriptors.UnsupportedMember, od.OperatorKeyword.GetLocation(), "operator " + od.OperatorToken.Text, "user-defined operator");
                    return;
                case MethodKind.Conversion:
                    if (syntax is ConversionOperatorDeclarationSyntax cd)
                        Report(ctx, Descriptors.UnsupportedMember, cd.OperatorKeyword.GetLocation(), "operator " + DriverSymbols.Snippet(cd.Type), "user-defined conversion");
                    return;
            }
            if (!(syntax is MethodDeclarationSyntax md)) return;
            var idLoc = md.Identifier.GetLocation();
            if (m.IsAbstract || m.IsVirtual || m.IsOverride)
                Report(ctx, Descriptors.UnsupportedMember, idLoc, m.Name,
                    m.IsOverride ? "method override" : m.IsAbstract ? "abstract method" : "virtual method");
            if (m.IsAsync)
            {
                var asyncKw = md.Modifiers.First(t => t.IsKind(SyntaxKind.AsyncKeyword));
                Report(ctx, Descriptors.AsyncIterators, asyncKw.GetLocation(), "async " + m.Name);
            }
            if (md.TypeParameterList != null)
                Report(ctx, Descriptors.Generics, md.TypeParameterList.GetLocation(), m.Name + DriverSymbols.Snippet(md.TypeParameterList));

            if (m.ReturnsByRef || m.ReturnsByRefReadonly)
                Report(ctx, Descriptors.RefKinds, md.ReturnType.GetLocation(), DriverSymbols.Snippet(md.ReturnType) + " " + m.Name);
            else
                CheckType(ctx, m.ReturnType, TypeUse.Return, md.ReturnType);

            bool cbinding = k.HasCBinding(m);
            foreach (var p in m.Parameters)
            {
                var ps = p.DeclaringSyntaxReferences.Select(r => r.GetSyntax(ctx.CancellationToken)).OfType<ParameterSyntax>().FirstOrDefault();
                if (ps?.Type == null) continue;
                CheckType(ctx, p.Type, p.IsParams && cbinding ? TypeUse.CBindingParams : TypeUse.Value, ps.Type);
            }
        }

        private void CheckType(SymbolAnalysisContext ctx, ITypeSymbol type, TypeUse use, TypeSyntax syntax)
        {
            var problem = TypeRules.Check(type, use, k);
            if (problem != null)
                ctx.ReportDiagnostic(Diagnostic.Create(problem.Value.Descriptor, syntax.GetLocation(), TypeRules.Args(problem.Value, syntax)));
        }

        public void AnalyzeField(SymbolAnalysisContext ctx)
        {
            var f = (IFieldSymbol)ctx.Symbol;
            if (Skip(f) || f.ContainingType.TypeKind == TypeKind.Enum) return;
            var declarator = FirstSyntax<VariableDeclaratorSyntax>(f, ctx);
            if (!(declarator?.Parent is VariableDeclarationSyntax declaration)) return;
            if (declaration.Parent is EventFieldDeclarationSyntax) return; // the event is reported
            // `int a, b;` has one type written once: check it with the first field only.
            if (declaration.Variables[0] != declarator) return;
            var type = f.IsFixedSizeBuffer && f.Type is IPointerTypeSymbol pt ? pt.PointedAtType : f.Type;
            CheckType(ctx, type, f.IsStatic && f.IsReadOnly ? TypeUse.StaticReadonlyField : TypeUse.Value, declaration.Type);
        }

        public void AnalyzeProperty(SymbolAnalysisContext ctx)
        {
            var p = (IPropertySymbol)ctx.Symbol;
            if (Skip(p)) return;
            var syntax = FirstSyntax<BasePropertyDeclarationSyntax>(p, ctx);
            if (syntax is IndexerDeclarationSyntax ix)
                Report(ctx, Descriptors.UnsupportedMember, ix.ThisKeyword.GetLocation(), "this[]", "indexer");
            else if (syntax is PropertyDeclarationSyntax ps)
                Report(ctx, Descriptors.UnsupportedMember, ps.Identifier.GetLocation(), p.Name, "property");
        }

        public void AnalyzeEvent(SymbolAnalysisContext ctx)
        {
            var e = (IEventSymbol)ctx.Symbol;
            if (Skip(e)) return;
            var loc = e.Locations.FirstOrDefault(l => l.IsInSource);
            if (loc != null) Report(ctx, Descriptors.UnsupportedMember, loc, e.Name, "event");
        }
    }
}
