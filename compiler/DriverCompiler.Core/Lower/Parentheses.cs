using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DriverCompiler.Core.Lower;

/// <summary>
/// C# binds <c>(e)</c> to the operation of <c>e</c>: there is no operation for the parentheses, and
/// <c>SemanticModel.GetOperation</c> of a parenthesized expression is null. Every place that goes
/// from syntax to an operation, or looks at an operation's syntax parent, goes through here, so
/// redundant parentheses in the source never change what is recognised.
/// </summary>
internal static class Parentheses
{
    /// <summary>The outermost <c>((e))</c> around <paramref name="node"/>, or the node itself.</summary>
    public static SyntaxNode WalkUp(SyntaxNode node)
    {
        while (node.Parent is ParenthesizedExpressionSyntax p) node = p;
        return node;
    }

    /// <summary>The expression inside any number of parentheses.</summary>
    public static ExpressionSyntax WalkDown(ExpressionSyntax e)
    {
        while (e is ParenthesizedExpressionSyntax p) e = p.Expression;
        return e;
    }

    /// <summary>The syntax parent of <paramref name="node"/> past the parentheses around it.</summary>
    public static SyntaxNode? Parent(SyntaxNode node) => WalkUp(node).Parent;

    /// <summary>True when <paramref name="node"/>, in any parentheses, is the left side of <c>p-&gt;member</c>.</summary>
    public static bool IsPointerMemberTarget(SyntaxNode node) =>
        WalkUp(node) is var outer && outer.Parent is MemberAccessExpressionSyntax ma
        && ma.IsKind(SyntaxKind.PointerMemberAccessExpression) && ma.Expression == outer;

    /// <summary>The value operation of a field or local initializer <c>= e</c>, whatever parentheses <c>e</c> has.</summary>
    public static IOperation? InitializerValue(SemanticModel model, EqualsValueClauseSyntax initializer) =>
        model.GetOperation(initializer) switch
        {
            IFieldInitializerOperation fi => fi.Value,
            IVariableInitializerOperation vi => vi.Value,
            _ => model.GetOperation(WalkDown(initializer.Value)),
        };
}
