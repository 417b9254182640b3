using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DriverCompiler.CodeFixes
{
    /// <summary>Small syntax helpers shared by the code fixes.</summary>
    internal static class CodeFixHelpers
    {
        /// <summary>Whether <paramref name="node"/> is already in an unsafe context (unsafe member, type or block).</summary>
        public static bool InUnsafeContext(SyntaxNode node)
        {
            foreach (var a in node.AncestorsAndSelf())
            {
                switch (a)
                {
                    case UnsafeStatementSyntax _:
                        return true;
                    case MemberDeclarationSyntax m when m.Modifiers.Any(SyntaxKind.UnsafeKeyword):
                        return true;
                    case LocalFunctionStatementSyntax f when f.Modifiers.Any(SyntaxKind.UnsafeKeyword):
                        return true;
                }
            }
            return false;
        }

        /// <summary><paramref name="member"/> with an <c>unsafe</c> modifier added after its other modifiers.</summary>
        public static MemberDeclarationSyntax AddUnsafe(MemberDeclarationSyntax member)
        {
            if (member.Modifiers.Any(SyntaxKind.UnsafeKeyword)) return member;
            var token = SyntaxFactory.Token(SyntaxKind.UnsafeKeyword).WithTrailingTrivia(SyntaxFactory.Space);
            if (member.Modifiers.Count == 0)
            {
                // Keep the member's leading trivia (indentation, comments) in front of the new modifier.
                var first = member.GetFirstToken();
                var leading = first.LeadingTrivia;
                var stripped = member.ReplaceToken(first, first.WithLeadingTrivia());
                return stripped.WithModifiers(SyntaxFactory.TokenList(token.WithLeadingTrivia(leading)));
            }
            return member.WithModifiers(member.Modifiers.Add(token));
        }

        /// <summary>The C# keyword of an element type a fixed-size buffer may have (and the subset allows), or null.</summary>
        public static string? FixedBufferElementKeyword(ITypeSymbol type)
        {
            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean: return "bool";
                case SpecialType.System_Byte: return "byte";
                case SpecialType.System_SByte: return "sbyte";
                case SpecialType.System_Int16: return "short";
                case SpecialType.System_UInt16: return "ushort";
                case SpecialType.System_Int32: return "int";
                case SpecialType.System_UInt32: return "uint";
                case SpecialType.System_Int64: return "long";
                case SpecialType.System_UInt64: return "ulong";
                default: return null;
            }
        }
    }
}
