using System.Collections.Immutable;
using System.Composition;
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
    /// DRV0011: <c>checked(e)</c> → <c>unchecked(e)</c> and <c>checked { }</c> → <c>unchecked { }</c>.
    /// Drivers compile unchecked, so this keeps what the lowering does (two's-complement wraparound,
    /// as the emitted C built with <c>-fwrapv</c>) and makes it explicit in the source; where
    /// overflow is an error, test the operands before the operation instead.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CheckedToUncheckedCodeFix)), Shared]
    public sealed class CheckedToUncheckedCodeFix : CodeFixProvider
    {
        /// <summary>Title of the code action (also its equivalence key).</summary>
        public const string Title = "Make the wraparound explicit: unchecked";

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Descriptors.Checked.Id);

        /// <inheritdoc/>
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc/>
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null) return;
            foreach (var diagnostic in context.Diagnostics)
            {
                var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
                if (!token.IsKind(SyntaxKind.CheckedKeyword)) continue;
                SyntaxNode? replacement = null;
                SyntaxNode? node = token.Parent;
                if (node is CheckedExpressionSyntax e)
                    replacement = SyntaxFactory.CheckedExpression(SyntaxKind.UncheckedExpression,
                        SyntaxFactory.Token(e.Keyword.LeadingTrivia, SyntaxKind.UncheckedKeyword, e.Keyword.TrailingTrivia),
                        e.OpenParenToken, e.Expression, e.CloseParenToken);
                else if (node is CheckedStatementSyntax s)
                    replacement = SyntaxFactory.CheckedStatement(SyntaxKind.UncheckedStatement,
                        SyntaxFactory.Token(s.Keyword.LeadingTrivia, SyntaxKind.UncheckedKeyword, s.Keyword.TrailingTrivia),
                        s.Block).WithAttributeLists(s.AttributeLists);
                if (replacement == null || node == null) continue;
                var original = node;
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(Title, _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(original, replacement))), Title),
                    diagnostic);
            }
        }
    }
}
