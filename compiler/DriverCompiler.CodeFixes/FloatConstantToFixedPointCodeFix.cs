using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
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
    /// DRV0005 on a floating-point constant: <c>const double Gain = 1.5;</c> →
    /// <c>const int Gain = 98304; // 1.5 in Q16.16 fixed point</c>. Offered for <c>const</c>
    /// fields and locals (and <c>static readonly</c> fields with constant initializers) of type
    /// <c>float</c>/<c>double</c>: the value is scaled by 2^16 and rounded to nearest, giving an
    /// <c>int</c> (a <c>long</c> when it does not fit). Uses of the constant must then scale too:
    /// <c>x * Gain >> 16</c>; the comment keeps the original value visible.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FloatConstantToFixedPointCodeFix)), Shared]
    public sealed class FloatConstantToFixedPointCodeFix : CodeFixProvider
    {
        /// <summary>Title of the code action (also its equivalence key).</summary>
        public const string Title = "Use a Q16.16 fixed-point integer constant";

        /// <summary>Fraction bits of the fixed-point format.</summary>
        public const int FractionBits = 16;

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Descriptors.FloatingPoint.Id);

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
                var declaration = node.AncestorsAndSelf().OfType<VariableDeclarationSyntax>().FirstOrDefault();
                if (declaration == null) continue;
                bool eligible = declaration.Parent switch
                {
                    FieldDeclarationSyntax f => f.Modifiers.Any(SyntaxKind.ConstKeyword)
                        || (f.Modifiers.Any(SyntaxKind.StaticKeyword) && f.Modifiers.Any(SyntaxKind.ReadOnlyKeyword)),
                    LocalDeclarationStatementSyntax l => l.IsConst,
                    _ => false,
                };
                if (!eligible) continue;
                var type = model.GetTypeInfo(declaration.Type, context.CancellationToken).Type;
                if (type?.SpecialType != SpecialType.System_Double && type?.SpecialType != SpecialType.System_Single) continue;
                var values = new List<double>();
                foreach (var v in declaration.Variables)
                {
                    if (v.Initializer == null) break;
                    var c = model.GetConstantValue(v.Initializer.Value, context.CancellationToken);
                    if (!c.HasValue || c.Value == null) break;
                    double d = Convert.ToDouble(c.Value, CultureInfo.InvariantCulture);
                    if (double.IsNaN(d) || double.IsInfinity(d) || Math.Abs(d) * (1 << FractionBits) >= 9.2e18) break;
                    values.Add(d);
                }
                if (values.Count != declaration.Variables.Count) continue;
                var document = context.Document;
                var decl = declaration;
                var statement = declaration.Parent!;
                context.RegisterCodeFix(
                    CodeAction.Create(Title, _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(statement, Rewrite(statement, decl, values)))), Title),
                    diagnostic);
            }
        }

        private static string Describe(double value) => value.ToString("R", CultureInfo.InvariantCulture) + " in Q16.16 fixed point";

        /// <summary>The fixed-point value of <paramref name="value"/>: round(value * 2^16), ties away from zero.</summary>
        public static long ToFixed(double value) => (long)Math.Round(value * (1 << FractionBits), MidpointRounding.AwayFromZero);

        private static SyntaxNode Rewrite(SyntaxNode statement, VariableDeclarationSyntax declaration, IReadOnlyList<double> values)
        {
            // One constant: the comment goes after the semicolon; several: after each value.
            bool single = values.Count == 1;
            var scaled = values.Select(ToFixed).ToList();
            bool wide = scaled.Any(s => s < int.MinValue || s > int.MaxValue);
            var newType = SyntaxFactory.PredefinedType(SyntaxFactory.Token(wide ? SyntaxKind.LongKeyword : SyntaxKind.IntKeyword))
                .WithTriviaFrom(declaration.Type);
            var variables = declaration.Variables.Select((v, i) =>
            {
                var literal = wide
                    ? SyntaxFactory.Literal(scaled[i].ToString(CultureInfo.InvariantCulture) + "L", scaled[i])
                    : SyntaxFactory.Literal((int)scaled[i]);
                ExpressionSyntax value = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, literal);
                if (scaled[i] < 0)
                    value = SyntaxFactory.PrefixUnaryExpression(SyntaxKind.UnaryMinusExpression,
                        SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression,
                            wide ? SyntaxFactory.Literal((-scaled[i]).ToString(CultureInfo.InvariantCulture) + "L", -scaled[i]) : SyntaxFactory.Literal((int)-scaled[i])));
                value = value.WithLeadingTrivia(v.Initializer!.Value.GetLeadingTrivia());
                var trailing = v.Initializer.Value.GetTrailingTrivia();
                if (!single)
                    trailing = SyntaxFactory.TriviaList(SyntaxFactory.Space, SyntaxFactory.Comment("/* " + Describe(values[i]) + " */")).AddRange(trailing);
                return v.WithInitializer(v.Initializer.WithValue(value.WithTrailingTrivia(trailing)));
            });
            var newDeclaration = declaration.WithType(newType).WithVariables(SyntaxFactory.SeparatedList(variables, declaration.Variables.GetSeparators()));
            var result = statement.ReplaceNode(declaration, newDeclaration);
            if (!single) return result;
            var semicolon = result is FieldDeclarationSyntax f ? f.SemicolonToken : ((LocalDeclarationStatementSyntax)result).SemicolonToken;
            var comment = SyntaxFactory.TriviaList(SyntaxFactory.Space, SyntaxFactory.Comment("// " + Describe(values[0])));
            return result.ReplaceToken(semicolon, semicolon.WithTrailingTrivia(comment.AddRange(semicolon.TrailingTrivia)));
        }
    }
}
