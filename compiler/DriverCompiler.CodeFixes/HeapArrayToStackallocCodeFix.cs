using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DriverCompiler.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DriverCompiler.CodeFixes
{
    /// <summary>
    /// DRV0002 on a local's initializer: <c>var a = new byte[16];</c> → <c>byte* a = stackalloc byte[16];</c>.
    /// Offered when the local is declared alone, the size is a compile-time constant (or an
    /// initializer gives the elements) and the element type is unmanaged. Reads of <c>a.Length</c>
    /// in the method become the constant length; the method gets <c>unsafe</c> if it needs it.
    /// The lowering turns a constant-size <c>stackalloc</c> into a C array on the stack.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HeapArrayToStackallocCodeFix)), Shared]
    public sealed class HeapArrayToStackallocCodeFix : CodeFixProvider
    {
        /// <summary>Title of the code action (also its equivalence key).</summary>
        public const string Title = "Allocate the array on the stack (stackalloc)";

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Descriptors.HeapArray.Id);

        /// <inheritdoc/>
        public override FixAllProvider? GetFixAllProvider() => null;

        /// <inheritdoc/>
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || model == null) return;
            foreach (var diagnostic in context.Diagnostics)
            {
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                var creation = node.AncestorsAndSelf().FirstOrDefault(n => n is ArrayCreationExpressionSyntax || n is ImplicitArrayCreationExpressionSyntax
                    || (n.IsKind(SyntaxKind.ArrayInitializerExpression) && n.Parent is EqualsValueClauseSyntax));
                if (creation == null || !(creation.Parent is EqualsValueClauseSyntax eq) || !(eq.Parent is VariableDeclaratorSyntax declarator)
                    || !(declarator.Parent is VariableDeclarationSyntax declaration) || declaration.Variables.Count != 1
                    || !(declaration.Parent is LocalDeclarationStatementSyntax statement)
                    || statement.IsConst || statement.UsingKeyword.IsKind(SyntaxKind.UsingKeyword))
                    continue;
                if (!((model.GetTypeInfo(creation, context.CancellationToken).Type ?? model.GetTypeInfo(creation, context.CancellationToken).ConvertedType
                        ?? model.GetTypeInfo(declaration.Type, context.CancellationToken).Type) is IArrayTypeSymbol array) || !array.IsSZArray
                    || !array.ElementType.IsUnmanagedType)
                    continue;
                int? length = Length(creation, model, context.CancellationToken);
                if (length == null) continue;
                var document = context.Document;
                var local = model.GetDeclaredSymbol(declarator, context.CancellationToken) as ILocalSymbol;
                if (local == null) continue;
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => Rewrite(document, root, model, statement, creation, array, local, length.Value, ct), Title),
                    diagnostic);
            }
        }

        private static int? Length(SyntaxNode creation, SemanticModel model, CancellationToken ct)
        {
            if (creation is ImplicitArrayCreationExpressionSyntax implicitCreation)
                return implicitCreation.Initializer.Expressions.Count;
            if (creation is InitializerExpressionSyntax arrayInitializer) // uint[] t = { 1, 2 };
                return arrayInitializer.Expressions.Count;
            var explicitCreation = (ArrayCreationExpressionSyntax)creation;
            var ranks = explicitCreation.Type.RankSpecifiers;
            if (ranks.Count != 1 || ranks[0].Sizes.Count != 1) return null;
            var size = ranks[0].Sizes[0];
            if (size is OmittedArraySizeExpressionSyntax)
                return explicitCreation.Initializer?.Expressions.Count;
            var value = model.GetConstantValue(size, ct);
            if (!value.HasValue) return null; // stackalloc needs a constant size (DRV0021)
            switch (value.Value)
            {
                case int i when i >= 0: return i;
                case uint u when u <= int.MaxValue: return (int)u;
                case long l when l >= 0 && l <= int.MaxValue: return (int)l;
                case ulong ul when ul <= int.MaxValue: return (int)ul;
                default: return null;
            }
        }

        private static Task<Document> Rewrite(Document document, SyntaxNode root, SemanticModel model, LocalDeclarationStatementSyntax statement,
            SyntaxNode creation, IArrayTypeSymbol array, ILocalSymbol local, int length, CancellationToken ct)
        {
            var elementType = SyntaxFactory.ParseTypeName(array.ElementType.ToMinimalDisplayString(model, statement.SpanStart));
            ArrayTypeSyntax stackType;
            InitializerExpressionSyntax? initializer;
            if (creation is ArrayCreationExpressionSyntax a)
            {
                stackType = a.Type;
                initializer = a.Initializer;
            }
            else
            {
                stackType = SyntaxFactory.ArrayType(elementType, SyntaxFactory.SingletonList(SyntaxFactory.ArrayRankSpecifier()));
                initializer = creation is ImplicitArrayCreationExpressionSyntax i ? i.Initializer : (InitializerExpressionSyntax)creation;
            }
            var stackAlloc = SyntaxFactory.StackAllocArrayCreationExpression(
                    SyntaxFactory.Token(SyntaxKind.StackAllocKeyword).WithTrailingTrivia(SyntaxFactory.Space), stackType, initializer)
                .WithTriviaFrom(creation);

            var method = statement.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault();
            var scope = (SyntaxNode?)method ?? statement.Parent!;

            // a.Length → the constant: a pointer has no length.
            var lengthReads = scope.DescendantNodes().OfType<MemberAccessExpressionSyntax>()
                .Where(m => m.Name.Identifier.ValueText == "Length" && m.Expression is IdentifierNameSyntax id
                            && id.Identifier.ValueText == local.Name
                            && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(id, ct).Symbol, local))
                .ToList();

            var pointerType = SyntaxFactory.PointerType(elementType).WithTriviaFrom(statement.Declaration.Type);
            var nodes = new List<SyntaxNode> { statement.Declaration.Type, creation };
            nodes.AddRange(lengthReads);
            var newScope = scope.ReplaceNodes(nodes, (original, rewritten) =>
            {
                if (original == statement.Declaration.Type) return pointerType;
                if (original == creation) return stackAlloc;
                return SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(length)).WithTriviaFrom(original);
            });
            if (method != null && !CodeFixHelpers.InUnsafeContext(statement))
                newScope = CodeFixHelpers.AddUnsafe((MemberDeclarationSyntax)newScope);
            return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(scope, newScope)));
        }
    }
}
