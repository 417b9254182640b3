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
    /// A struct field of type <c>List&lt;T&gt;</c> (DRV0009) or <c>T[]</c> (DRV0013) → a fixed-size
    /// buffer with a capacity constant; a list also gets a count field:
    /// <code>
    /// public List&lt;uint&gt; Tags;   →   public const int TagsCapacity = 16;
    ///                                   public fixed uint Tags[TagsCapacity];
    ///                                   public int TagsCount;
    /// </code>
    /// The capacity comes from <c>new List&lt;T&gt;(n)</c> / <c>new T[n]</c> when the field has one,
    /// else 16. Offered for element types a fixed buffer can hold (the integer types and bool) in
    /// structs (a static class has no fixed buffers); the struct gets <c>unsafe</c> if it needs it.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CollectionFieldToFixedBufferCodeFix)), Shared]
    public sealed class CollectionFieldToFixedBufferCodeFix : CodeFixProvider
    {
        /// <summary>Title of the code action (also its equivalence key).</summary>
        public const string Title = "Use a fixed-size buffer";

        /// <summary>Capacity used when the field's initializer does not give one.</summary>
        public const int DefaultCapacity = 16;

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds =>
            ImmutableArray.Create(Descriptors.Generics.Id, Descriptors.UnsupportedType.Id);

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
                var field = node.AncestorsAndSelf().OfType<FieldDeclarationSyntax>().FirstOrDefault();
                if (field == null || !field.Declaration.Type.Span.Contains(diagnostic.Location.SourceSpan)
                    || field.Declaration.Variables.Count != 1
                    || field.Modifiers.Any(SyntaxKind.StaticKeyword) || field.Modifiers.Any(SyntaxKind.ConstKeyword)
                    || !(field.Parent is StructDeclarationSyntax structDecl))
                    continue;
                var type = model.GetTypeInfo(field.Declaration.Type, context.CancellationToken).Type;
                ITypeSymbol? element; bool isList;
                if (type is IArrayTypeSymbol array && array.IsSZArray) { element = array.ElementType; isList = false; }
                else if (type is INamedTypeSymbol named && named.IsGenericType && named.TypeArguments.Length == 1
                         && named.OriginalDefinition.ToDisplayString() == "System.Collections.Generic.List<T>")
                { element = named.TypeArguments[0]; isList = true; }
                else continue;
                var keyword = CodeFixHelpers.FixedBufferElementKeyword(element);
                if (keyword == null) continue;
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => Rewrite(document, root, model, structDecl, field, keyword, isList, ct), Title + (isList ? " and a count" : "")),
                    diagnostic);
            }
        }

        private static int Capacity(VariableDeclaratorSyntax v, SemanticModel model, CancellationToken ct)
        {
            ExpressionSyntax? size = null;
            switch (v.Initializer?.Value)
            {
                case ArrayCreationExpressionSyntax a when a.Type.RankSpecifiers.Count == 1 && a.Type.RankSpecifiers[0].Sizes.Count == 1:
                    size = a.Type.RankSpecifiers[0].Sizes[0];
                    if (size is OmittedArraySizeExpressionSyntax) return a.Initializer?.Expressions.Count ?? DefaultCapacity;
                    break;
                case BaseObjectCreationExpressionSyntax o when o.ArgumentList?.Arguments.Count == 1:
                    size = o.ArgumentList.Arguments[0].Expression;
                    break;
            }
            if (size != null && model.GetConstantValue(size, ct) is { HasValue: true, Value: int n } && n > 0) return n;
            return DefaultCapacity;
        }

        private static Task<Document> Rewrite(Document document, SyntaxNode root, SemanticModel model, StructDeclarationSyntax structDecl,
            FieldDeclarationSyntax field, string elementKeyword, bool isList, CancellationToken ct)
        {
            var v = field.Declaration.Variables[0];
            string name = v.Identifier.ValueText, capacityName = name + "Capacity";
            int capacity = Capacity(v, model, ct);
            var access = SyntaxFactory.TokenList(field.Modifiers.Where(m =>
                m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.InternalKeyword) || m.IsKind(SyntaxKind.PrivateKeyword)
                || m.IsKind(SyntaxKind.ProtectedKeyword)).Select(m => m.WithoutTrivia().WithTrailingTrivia(SyntaxFactory.Space)));
            string mods = access.ToFullString();
            var leading = field.GetLeadingTrivia();
            var indentation = leading.LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
            var members = new System.Collections.Generic.List<MemberDeclarationSyntax>
            {
                ((MemberDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration($"{mods}const int {capacityName} = {capacity};\n")!).WithLeadingTrivia(leading),
                ((MemberDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration($"{mods}fixed {elementKeyword} {name}[{capacityName}];\n")!).WithLeadingTrivia(indentation),
            };
            if (isList)
                members.Add(((MemberDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration($"{mods}int {name}Count;\n")!).WithLeadingTrivia(indentation));
            var last = members[members.Count - 1];
            members[members.Count - 1] = last.WithTrailingTrivia(field.GetTrailingTrivia());

            var newStruct = structDecl.ReplaceNode(field, members);
            if (!CodeFixHelpers.InUnsafeContext(structDecl))
                newStruct = (StructDeclarationSyntax)CodeFixHelpers.AddUnsafe(newStruct);
            return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(structDecl, newStruct)));
        }
    }
}
